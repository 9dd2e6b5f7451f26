package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private static final String INVALID = Fixtures.goldenText("invalid/TM-M-005-nationality-code.json");

    @Test
    void textRenderingHasASummaryCountsAndOneLinePerProblem() {
        String text = Fixtures.validate(INVALID).toText();
        String[] lines = text.split("\n");
        assertEquals("invalid: 2 problems", lines[0]);
        assertEquals("victims        read 2, accepted 1, rejected 1", lines[1]);
        assertEquals("policeSignals  read 0, accepted 0, rejected 0", lines[5]);
        assertEquals("policeReports  read 0, accepted 0, rejected 0", lines[6]);
        assertEquals("programmeMeasures read 0, accepted 0, rejected 0", lines[7]);
        assertEquals("residenceStages read 0, accepted 0, rejected 0", lines[8]);
        assertTrue(lines[9].matches("\\d+:\\d+ /victims/1/nationality \\(victim 1\\): TM-M-005: .*"), lines[9]);
        assertTrue(lines[10].contains("/registrations/1/victimKey (registration 1): TM-IO-0032: "), lines[10]);
        assertEquals(11, lines.length);
    }

    @Test
    void jsonRenderingCarriesEveryField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Fixtures.validate(INVALID).toJson());
        assertFalse(json.get("valid").asBoolean());
        assertTrue(json.get("complete").asBoolean());
        assertEquals(1, json.get("counts").get("victims").get("rejected").asInt());
        JsonNode problem = json.get("problems").get(0);
        assertEquals("victim", problem.get("kind").asText());
        assertEquals(1, problem.get("index").asInt());
        assertEquals("/victims/1/nationality", problem.get("pointer").asText());
        assertTrue(problem.get("line").asInt() > 1 && problem.get("column").asInt() > 1);
        assertEquals("TM-M-005", problem.get("code").asText());
        assertTrue(problem.get("message").asText().startsWith("TM-M-005: "));
        assertEquals(0, json.get("omittedProblems").asInt());
    }

    @Test
    void countsMustReconcileAndProblemsMustBeCoded() {
        assertThrows(ExchangeException.class, () -> new RecordCounts(3, 1, 1));
        assertThrows(ExchangeException.class, () -> new Problem(RecordKind.FILE, -1, "", 1, 1, "TM-IO-0001", "x"));
        assertThrows(ExchangeException.class, () -> ValidationReport.of(List.of(),
                Map.of(RecordKind.FILE, RecordCounts.NONE), 0, true));
        ValidationReport empty = ValidationReport.of(List.of(), Map.of(), 0, true);
        assertTrue(empty.isValid());
        assertEquals(RecordCounts.NONE, empty.counts(RecordKind.OFFENDER));
    }

    @Test
    void everyIoRuleHasAUniqueWellFormedCode() {
        Set<String> codes = new HashSet<>();
        for (IoRule rule : IoRule.values()) {
            assertTrue(rule.code().matches("TM-IO-\\d{4}"), rule.code());
            assertTrue(codes.add(rule.code()), rule.code());
            assertEquals(rule, IoRule.fromCode(rule.code()).orElseThrow());
        }
    }
}
