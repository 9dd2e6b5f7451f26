package org.tipmonitor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValidateRecordsExampleTest {

    @Test
    void printsEachViolationWithItsRuleCode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int violations;
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            violations = ValidateRecordsExample.run(factory.getValidator(), out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(3, violations, output);
        assertTrue(output.contains("record 0 (VictimHistory): valid"), output);
        assertTrue(output.contains("  registrations[1].legalBasis: TM-M-010: a report by a non-investigative"
                + " organisation ('youth_care') on or after 2018-05-25"), output);
        assertTrue(output.contains("  victimKey.value: TM-M-002: "), output);
        assertTrue(output.contains("  registrations[0].reportDate: TM-M-020: report date 2018-12-01 is before"), output);
        assertFalse(output.contains("123456782"), "the raw identifier must not be printed");
        assertTrue(output.endsWith("4 records, 3 violations" + System.lineSeparator()), output);
    }
}
