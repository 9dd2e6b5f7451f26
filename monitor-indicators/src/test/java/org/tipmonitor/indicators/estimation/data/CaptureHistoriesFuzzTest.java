package org.tipmonitor.indicators.estimation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Fuzz target of the counts-CSV reader {@link CaptureHistories#fromCsv(String)}: whatever text arrives (the bytes
 * decoded as UTF-8), the result is a table or an {@link IndicatorException} with a {@code TM-MSE-0nn} input code
 * and, except for an input without a header, the number of a line of the input. A table's observed total is the
 * sum of its counts, and writing it back with {@link CaptureHistories#toCsv()} reads back equal. No other exception,
 * no hang.
 *
 * <p>In every build the inputs in {@code CaptureHistoriesFuzzTestInputs/} (the published tables of the estimation
 * tests and any finding) run as regression tests; README ("Testing") says how to fuzz for longer.
 */
class CaptureHistoriesFuzzTest {

    private static final Pattern LINE = Pattern.compile("^TM-MSE-0\\d\\d: Line (\\d+): ");

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyCountsCsvEndsInATableOrALocatedError(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        CaptureHistories table;
        try {
            table = CaptureHistories.fromCsv(csv);
        } catch (IndicatorException e) {
            String message = e.getMessage();
            if (message.startsWith("TM-MSE-001: ")) {
                assertTrue(csv.isBlank(), "only an input without a non-blank line has no header");
                return;
            }
            Matcher line = LINE.matcher(message);
            assertTrue(line.find(), () -> "not a located input error: " + message);
            long number = Long.parseLong(line.group(1));
            long lines = csv.lines().count();
            assertTrue(number >= 1 && number <= lines, () -> "line " + number + " of " + lines + ": " + message);
            return;
        }
        assertTrue(table.listCount() >= CaptureHistories.MIN_LISTS && table.listCount() <= CaptureHistories.MAX_LISTS);
        long[] counts = table.countsByMask();
        assertEquals(0, counts[0], "the unobserved cell has no count");
        assertEquals(Arrays.stream(counts).sum(), table.observed());
        assertEquals(table, CaptureHistories.fromCsv(table.toCsv()), "toCsv reads back equal");
    }
}
