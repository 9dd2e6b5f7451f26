package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;

/** Format 1.1: dated residence-scheme stages (issue 16). */
class ResidenceHistoryExchangeTest {

    private static final String STAGES = Fixtures.goldenText("valid/residence-stages.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGoldenHistoriesReadAndWriteBack() throws Exception {
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(STAGES));
        assertEquals(2, file.residenceHistories().size());
        ResidenceHistory first = file.residenceHistories().get(0);
        assertEquals(RegistrationId.of("r1"), first.registrationId());
        assertEquals(List.of(new ResidenceStageChange(ResidenceSchemeStage.REFLECTION_PERIOD, LocalDate.of(2019, 3,
                14)), new ResidenceStageChange(ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM, LocalDate.of(2019, 5, 20)),
                new ResidenceStageChange(ResidenceSchemeStage.CONTINUED_RESIDENCE, LocalDate.of(2022, 5, 20))),
                first.stages());
        assertEquals("1.1", file.formatVersion());
        String written = ExchangeWriter.withDefaults().toJson(file);
        assertEquals(JSON.readTree(STAGES).toString(), written, "canonical form round trip");
        assertEquals(new RecordCounts(2, 2, 0), Fixtures.validate(written).counts(RecordKind.RESIDENCE_HISTORY));
    }

    /** Backward compatibility: a file without the array reads as having no stage history. */
    @Test
    void aFileWithoutTheArrayHasNoStageHistory() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(STAGES);
        document.remove("residenceStages");
        document.put("formatVersion", "1.0");
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(document.toString()));
        assertEquals(List.of(), file.residenceHistories());
        assertEquals(2, file.registrations().size());
        assertEquals("1.0", file.formatVersion());
    }

    @Test
    void eachBrokenRuleIsLocatedAndTheHistoryRejected() {
        assertProblem("invalid/TM-IO-0060-stage-before-report.json", "TM-IO-0060",
                "/residenceStages/1/stages/0/effectiveDate");
        assertProblem("invalid/TM-IO-0061-stage-after-creation.json", "TM-IO-0061",
                "/residenceStages/0/stages/2/effectiveDate");
        assertProblem("invalid/TM-IO-0062-stage-disagrees.json", "TM-IO-0062", "/residenceStages/0/stages/0/stage");
        assertProblem("invalid/TM-IO-0039-unresolved-stage-registration.json", "TM-IO-0039",
                "/residenceStages/1/registrationId");
        assertProblem("invalid/TM-M-028-stage-history-order.json", "TM-M-028",
                "/residenceStages/0/stages/1/effectiveDate");
        assertProblem("invalid/TM-M-029-stage-after-terminal.json", "TM-M-029", "/residenceStages/1/stages/2/stage");
        assertProblem("invalid/TM-IO-0031-duplicate-stage-history.json", "TM-IO-0031",
                "/residenceStages/2/registrationId");
    }

    private static void assertProblem(String file, String code, String pointer) {
        ValidationReport report = Fixtures.validate(Fixtures.goldenText(file));
        assertEquals(1, report.problems().size(), report::toText);
        Problem problem = report.problems().get(0);
        assertEquals(code, problem.code());
        assertEquals(pointer, problem.pointer());
        assertTrue(problem.line() > 1, problem::toString);
        RecordCounts counts = report.counts(RecordKind.RESIDENCE_HISTORY);
        assertEquals(1, counts.rejected(), file);
        assertEquals(counts.read(), counts.accepted() + counts.rejected());
    }

    @Test
    void anUnknownOutcomeIndicatorIsLocatedAtItsElement() {
        ValidationReport report = Fixtures.validate(Fixtures.goldenText(
                "invalid/TM-M-027-unknown-outcome-indicator.json"));
        assertEquals(1, report.problems().size(), report::toText);
        assertEquals("TM-M-027", report.problems().get(0).code());
        assertEquals("/programmeMeasures/0/outcomeIndicators/1", report.problems().get(0).pointer());
        assertEquals(35, report.problems().get(0).line());
    }

    @Test
    void theWriterRefusesHistoriesUnderFormat10() {
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(STAGES));
        RecordWriter writer = ExchangeWriter.withDefaults().open(new ByteArrayOutputStream(), file.dataset());
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> writer.residenceHistory(file.residenceHistories().get(0)));
        assertEquals(IoRule.INVALID_ARGUMENT, e.rule());
    }
}
