package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.MeasureStatus;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.StatusChange;

/** Format 1.1: programme measures (issue 16). */
class ProgrammeMeasureExchangeTest {

    private static final String MEASURES = Fixtures.goldenText("valid/programme-measures.json");

    @Test
    void theLettersThreePoliceMeasuresReadAndWriteBack() throws Exception {
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(MEASURES));
        assertEquals(3, file.programmeMeasures().size());
        ProgrammeMeasure webcrawler = file.programmeMeasures().get(0);
        assertEquals("np-webcrawler", webcrawler.id());
        assertEquals("Nationale Politie", webcrawler.responsibleOrganisation());
        assertEquals(List.of(new StatusChange(MeasureStatus.PLANNED, LocalDate.of(2018, 11, 1)),
                new StatusChange(MeasureStatus.PARTLY_IMPLEMENTED, LocalDate.of(2019, 11, 28))),
                webcrawler.statusHistory());
        String written = ExchangeWriter.withDefaults().toJson(file);
        assertEquals(new ObjectMapper().readTree(MEASURES).toString(), written, "canonical form round trip");
        ValidationReport report = Fixtures.validate(written);
        assertEquals(new RecordCounts(3, 3, 0), report.counts(RecordKind.PROGRAMME_MEASURE));
    }

    @Test
    void aStatusHistoryOutOfOrderIsLocatedAtTheChange() {
        String json = Fixtures.goldenText("invalid/TM-M-024-status-history-order.json");
        ValidationReport report = Fixtures.validate(json);
        assertEquals(List.of("TM-M-024"), report.codes(), report::toText);
        Problem problem = report.problems().get(0);
        assertEquals("/programmeMeasures/0/statusHistory/1/effectiveDate", problem.pointer());
        int at = json.indexOf("2018-10-01");
        assertEquals(json.substring(0, at).chars().filter(c -> c == '\n').count() + 1, problem.line());
        assertEquals(new RecordCounts(3, 2, 1), report.counts(RecordKind.PROGRAMME_MEASURE));
    }

    @Test
    void aMeasureWithoutAResponsibleOrganisationIsLocated() {
        ValidationReport report = Fixtures.validate(
                Fixtures.goldenText("invalid/TM-IO-0018-measure-without-organisation.json"));
        assertEquals(List.of("TM-IO-0018"), report.codes(), report::toText);
        assertEquals("/programmeMeasures/1/responsibleOrganisation", report.problems().get(0).pointer());
    }

    @Test
    void aDuplicateIdAndA10WriterAreRefused() throws Exception {
        var document = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(MEASURES);
        var measures = (com.fasterxml.jackson.databind.node.ArrayNode) document.get("programmeMeasures");
        measures.add(measures.get(0).deepCopy());
        ValidationReport report = Fixtures.validate(document.toString());
        assertEquals(List.of("TM-IO-0031"), report.codes(), report::toText);
        assertEquals("/programmeMeasures/3/id", report.problems().get(0).pointer());
        ProgrammeMeasure measure = Fixtures.READER.readFile(Fixtures.stream(MEASURES)).programmeMeasures().get(0);
        RecordWriter writer = ExchangeWriter.withDefaults().open(new ByteArrayOutputStream(), Fixtures.DATASET);
        assertEquals(IoRule.INVALID_ARGUMENT, assertThrows(ExchangeException.class,
                () -> writer.programmeMeasure(measure)).rule());
        document.put("formatVersion", "1.0");
        document.remove("programmeMeasures");
        document.set("programmeMeasures", measures);
        ValidationReport old = Fixtures.validate(document.toString());
        assertTrue(old.codes().contains("TM-IO-0022"), old::toText);
    }
}
