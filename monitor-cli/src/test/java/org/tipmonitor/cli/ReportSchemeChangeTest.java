package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tipmonitor.cli.report.MonitorData;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceSchemeStage;

/** {@code monitor report --scheme-change}: the residence-scheme comparison on the bundled sample (issue 16). */
class ReportSchemeChangeTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MonitorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theComparisonCountsDublinClaimantsOnEitherSide() throws Exception {
        String[] run = run("report", "--format", "json", "--scheme-change", "2017-07-01");
        assertEquals("0", run[0], run[2]);
        JsonNode change = new ObjectMapper().readTree(run[1]).at("/residenceScheme/schemeChange");
        long before = 0;
        long after = 0;
        long reflectionAfter = 0;
        for (Registration r : MonitorData.sample().registrations()) {
            if (r.dublinStatus() == DublinStatus.DUBLIN) {
                boolean late = !r.reportDate().isBefore(LocalDate.of(2017, 7, 1));
                before += late ? 0 : 1;
                after += late ? 1 : 0;
                reflectionAfter += late && r.residenceStage() == ResidenceSchemeStage.REFLECTION_PERIOD ? 1 : 0;
            }
        }
        assertEquals(before, change.get("before").asLong());
        assertEquals(after, change.get("after").asLong());
        assertEquals(reflectionAfter, change.at("/reflectionAfter/successes").asLong());
        assertEquals("2017-07-01", change.get("cutDate").asText());
    }

    @Test
    void withoutADateTheReportSaysThereIsNoComparison() {
        String[] run = run("report");
        assertEquals("0", run[0], run[2]);
        assertTrue(run[1].contains("No scheme-change date given (--scheme-change DATE): no before/after comparison."),
                run[1]);
    }

    @Test
    void aDateOutsideTheRegistrationYearsIsRefusedWithStatus2() {
        String[] run = run("report", "--scheme-change", "2010-01-01");
        assertEquals("2", run[0]);
        assertTrue(run[2].contains("--scheme-change must leave a day of the registration years on each side"
                + " (2014-2018): 2010-01-01"), run[2]);
    }
}
