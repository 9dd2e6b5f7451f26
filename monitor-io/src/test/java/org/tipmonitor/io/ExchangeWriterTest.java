package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.io.internal.Specs;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.testing.Records;

class ExchangeWriterTest {

    @Test
    void theGoldenFileIsInCanonicalForm() throws Exception {
        String golden = Fixtures.goldenText("valid/victims-and-offenders.json");
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(golden));
        String compactGolden = new com.fasterxml.jackson.databind.ObjectMapper().readTree(golden).toString();
        assertEquals(compactGolden, ExchangeWriter.withDefaults().toJson(file));
    }

    @Test
    void theGoldenPoliceSignalFileIsInCanonicalForm() throws Exception {
        String golden = Fixtures.goldenText("valid/police-signals.json");
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(golden));
        String compactGolden = new com.fasterxml.jackson.databind.ObjectMapper().readTree(golden).toString();
        assertEquals(compactGolden, ExchangeWriter.withDefaults().toJson(file));
        assertEquals(compactGolden, ExchangeWriter.withDefaults().toJson(
                ExchangeFile.ofPoliceSignals(file.dataset(), file.policeSignals())));
    }

    /** Compatibility within v1: a file without police signals is what the writer wrote before the array existed. */
    @Test
    void withoutPoliceSignalsThePoliceSignalArrayIsLeftOut() throws Exception {
        ExchangeFile file = Fixtures.generated(3, 3, 3, 0);
        assertEquals(List.of(), file.policeSignals());
        String json = ExchangeWriter.withDefaults().toJson(file);
        assertEquals(Specs.TOP_LEVEL.subList(0, Specs.TOP_LEVEL.size() - 4),
                names(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)));
        assertEquals(json, ExchangeWriter.withDefaults().toJson(new ExchangeFile(file.dataset(), file.victims(),
                file.registrations(), file.offenders(), file.offenderCases())));
    }

    @Test
    void propertiesAreWrittenInTheOrderOfTheFormat() throws Exception {
        String json = ExchangeWriter.withDefaults().toJson(Fixtures.generated(3, 3, 3));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        // Without police reports, programme measures and residence stages (format 1.1) the file is a 1.0 file.
        assertEquals(Specs.TOP_LEVEL.subList(0, Specs.TOP_LEVEL.size() - 3), names(tree));
        assertEquals(Specs.REGISTRATION.fields().stream().map(f -> f.name()).toList(),
                names(tree.get("registrations").get(0)));
        List<String> caseFields = new ArrayList<>();
        Specs.OFFENDER_CASE.fields().forEach(f -> caseFields.add(f.name()));
        List<String> written = names(tree.get("offenderCases").get(0));
        assertEquals(caseFields.stream().filter(written::contains).toList(), written);
        assertEquals(Specs.POLICE_SIGNAL.fields().stream().map(f -> f.name()).toList(),
                names(tree.get("policeSignals").get(0)));
    }

    private static List<String> names(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void recordsOutOfOrderOrAfterCloseAreRefused() {
        ExchangeFile file = Fixtures.generated(4, 2, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter writer = ExchangeWriter.withDefaults().open(out, Fixtures.DATASET);
        writer.registration(file.registrations().get(0));
        ExchangeException order = assertThrows(ExchangeException.class, () -> writer.victim(file.victims().get(0)));
        assertEquals(IoRule.WRITE_ORDER, order.rule());
        writer.close();
        writer.close();
        assertEquals(IoRule.WRITE_ORDER, assertThrows(ExchangeException.class,
                () -> writer.offender(file.offenders().get(0))).rule());
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.endsWith("\"offenders\":[],\"offenderCases\":[]}"), json);
    }

    @Test
    void policeSignalsComeLastAndTheArraysBeforeThemAreWrittenEmpty() {
        ExchangeFile file = Fixtures.generated(4, 2, 2, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter writer = ExchangeWriter.withDefaults().open(out, Fixtures.DATASET);
        writer.victim(file.victims().get(0)).policeSignal(file.policeSignals().get(0));
        ExchangeException order = assertThrows(ExchangeException.class,
                () -> writer.offenderCase(file.offenderCases().get(0)));
        assertEquals(IoRule.WRITE_ORDER, order.rule());
        assertTrue(order.getMessage().contains("offenderCases after policeSignals"), order.getMessage());
        writer.policeSignal(file.policeSignals().get(1)).close();
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("}],\"registrations\":[],\"offenders\":[],\"offenderCases\":[],\"policeSignals\":[{"),
                json);
        ExchangeFile back = Fixtures.READER.readFile(Fixtures.stream(json));
        assertEquals(file.policeSignals().subList(0, 2), back.policeSignals());
    }

    @Test
    void aRecordWithoutARequiredValueIsRefused() {
        Registration registration = Fixtures.generated(5, 1, 0).registrations().get(0);
        RecordWriter writer = ExchangeWriter.withDefaults().open(new ByteArrayOutputStream(), Fixtures.DATASET);
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> writer.registration(Records.with(registration, "form", null)));
        assertEquals(IoRule.INCOMPLETE_RECORD, e.rule());
    }

    @Test
    void aFailedWriteLeavesATruncatedDocumentAndNeverAWholeOne() {
        ExchangeFile file = Fixtures.generated(8, 5, 0);
        List<Registration> registrations = new ArrayList<>(file.registrations());
        registrations.set(2, Records.with(registrations.get(2), "sector", null));
        ExchangeFile broken = new ExchangeFile(file.dataset(), file.victims(), registrations, List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExchangeException e = assertThrows(ExchangeException.class, () -> ExchangeWriter.withDefaults().write(broken, out));
        assertEquals(IoRule.INCOMPLETE_RECORD, e.rule());
        ValidationReport report = Fixtures.READER.validate(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertEquals(List.of("TM-IO-0002"), report.codes(), report::toText);
        assertEquals(2, report.counts(RecordKind.REGISTRATION).accepted());
    }

    @Test
    void writerOutputHasNoNullsAndNoByteOrderMark() {
        String json = ExchangeWriter.withDefaults().toJson(Fixtures.generated(6, 20, 20));
        assertTrue(!json.contains("null") && json.charAt(0) == '{');
    }
}
