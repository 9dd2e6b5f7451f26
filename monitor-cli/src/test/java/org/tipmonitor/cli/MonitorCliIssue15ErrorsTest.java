package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipmonitor.cli.MonitorCliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.cli.MonitorCliTest.Run;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.model.AgeGroup;
import org.tipmonitor.model.ModelException;
import picocli.CommandLine;

/**
 * Issue 15, item 3: the tool takes the exit status and the JSON error from the exception's rule, never from its
 * message text, and a usage error the library found prints the library's code once.
 */
class MonitorCliIssue15ErrorsTest {

    @TempDir
    Path dir;

    /** Count of "TM-" codes in a line. */
    private static long codes(String line) {
        return line.split("TM-", -1).length - 1L;
    }

    private Path counts(String csv) throws IOException {
        return Files.writeString(dir.resolve("counts.csv"), csv);
    }

    @Test
    void aBadFormulaIsAUsageErrorWithItsCodeOnce() throws IOException {
        Path table = counts("A,B,C,count\n1,0,0,30\n0,1,0,25\n0,0,1,20\n1,1,0,5\n1,0,1,4\n0,1,1,3\n1,1,1,1\n");
        for (String format : new String[] {"text", "json"}) {
            Run run = run("estimate", "--counts", table.toString(), "--model", "A + B + C + A:D", "--format", format);
            assertEquals(2, run.status(), run.err());
            assertEquals("", run.out(), format);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("monitor: TM-MSE-202: Unknown list name 'D' at character "),
                    run.err());
            assertEquals(1, codes(run.err()), run.err());
            assertTrue(run.err().strip().endsWith("(see 'monitor estimate --help')"), run.err());
        }
    }

    @Test
    void aBadFormulaWithCovariatesIsAUsageErrorWithItsCodeOnce() throws IOException {
        Path table = counts("A,B,g,count\n1,0,x,10\n0,1,x,12\n1,1,x,3\n1,0,y,8\n0,1,y,9\n1,1,y,2\n");
        Run run = run("estimate", "--counts", table.toString(), "--covariates", "g", "--model", "A + B + g + A^g");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("monitor: TM-MSE-526: "), run.err());
        assertEquals(1, codes(run.err()), run.err());
    }

    @Test
    void aBadListDefinitionIsAUsageErrorWithItsCodeOnce() throws IOException {
        Path file = dir.resolve("sample.json");
        try (var in = MonitorCli.class.getResourceAsStream("/org/tipmonitor/cli/data/synthetic-monitor.json")) {
            Files.copy(in, file);
        }
        Run run = run("estimate", "--input", file.toString(), "--lists", "P=police");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("monitor: TM-MSE-40"), run.err());
        assertEquals(1, codes(run.err()), run.err());
    }

    @Test
    void noObservedCaseIsADataFailureWithTheRulesCodeInJson() throws IOException {
        Path table = counts("A,B,count\n1,0,0\n0,1,0\n1,1,0\n");
        Run json = run("estimate", "--counts", table.toString(), "--model", "independence", "--format", "json");
        assertEquals(1, json.status(), json.out() + json.err());
        JsonNode error = json.json().get("error");
        assertEquals("TM-MSE-121", error.get("code").asText());
        assertEquals("The table has no observed cases: 0", error.get("message").asText());
        Run text = run("estimate", "--counts", table.toString(), "--model", "independence");
        assertEquals(1, text.status());
        assertEquals("monitor: no estimate: TM-MSE-121: The table has no observed cases: 0", text.err().strip());
    }

    @Test
    void everyLibraryExceptionIsMappedByItsRule() {
        Failure.Outcome model = Failure.of(assertThrowsModel());
        assertEquals(MonitorCli.DATA_FAILED, model.exitStatus());
        assertEquals("TM-M-030: Age is negative: -1", model.line());
        Failure.Outcome indicator = Failure.of(IndicatorException.of(IndicatorRule.CONFIDENCE_LEVEL, 2.0));
        assertEquals(MonitorCli.DATA_FAILED, indicator.exitStatus());
        assertEquals("TM-IN-0003: Confidence level is not in (0, 1): 2.0", indicator.line());
        Failure.Outcome rejected = Failure.of(new ExchangeException(IoRule.REJECTED, "bad"));
        assertEquals(MonitorCli.DATA_FAILED, rejected.exitStatus());
        assertEquals("TM-IO-0054: bad", rejected.line());
        Failure.Outcome io = Failure.of(new ExchangeException(IoRule.IO_FAILURE, "no stream"));
        assertEquals(MonitorCli.USAGE_OR_IO, io.exitStatus());
    }

    private static ModelException assertThrowsModel() {
        try {
            AgeGroup.of(-1);
        } catch (ModelException e) {
            return e;
        }
        throw new AssertionError("AgeGroup.of(-1) was accepted");
    }

    @Test
    void aUsageErrorCarryingALibraryExceptionPrintsItsCodeNotTheToolsCode() {
        CommandLine line = new CommandLine(new MonitorCli());
        IndicatorException cause = IndicatorException.of(IndicatorRule.FORMULA_UNKNOWN_LIST, "D", 4, "A + D", "[A]");
        String usage = Failure.usage(new CommandLine.ParameterException(line, cause.getMessage(), cause), "monitor");
        assertEquals("TM-MSE-202: Unknown list name 'D' at character 4 of formula 'A + D' (lists are [A])"
                + " (see 'monitor --help')", usage);
        String plain = Failure.usage(new CommandLine.ParameterException(line, "Unknown option: '--x'"), "monitor");
        assertEquals("TM-CLI-001: Unknown option: '--x' (see 'monitor --help')", plain);
    }

    @Test
    void everyFormulaRuleIsAUsageRule() {
        Stream.of(IndicatorRule.values()).filter(r -> r.name().contains("FORMULA") || r.name().startsWith("LIST_SPEC"))
                .forEach(r -> assertTrue(EstimateCommand.USAGE_RULES.contains(r), r.name()));
        assertFalse(EstimateCommand.USAGE_RULES.contains(IndicatorRule.NO_OBSERVATIONS));
    }

    /** The tool's own rules have the library's Rule shape: a TM-CLI code, unique, and a description. */
    @Test
    void theToolsRulesHaveTheLibrarysShape() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (org.tipmonitor.model.Rule rule : CliRule.values()) {
            assertTrue(rule.code().matches("TM-CLI-\\d{3}"), rule.code());
            assertTrue(codes.add(rule.code()), rule.code() + " twice");
            assertFalse(rule.description().isBlank(), rule.name());
            assertFalse(rule.description().contains(rule.code()), rule.name());
        }
        assertEquals(6, codes.size());
    }
}
