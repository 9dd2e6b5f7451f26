package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.YesNoUnknown;

/** Format 1.1: police reports with the cases they led to (issue 16). */
class PoliceReportExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINKED = Fixtures.goldenText("valid/police-reports.json");

    /**
     * A generated file with police reports: every registration that records a police report gets one, filed up
     * to 30 days before the registration (not before the dataset period), linked to up to two cases registered
     * at the public prosecutor on or after the filing day.
     */
    static ExchangeFile withReports(long seed, int victims, int offenders) {
        ExchangeFile file = Fixtures.generated(seed, victims, offenders);
        SplittableRandom random = new SplittableRandom(seed);
        List<PoliceReport> reports = new ArrayList<>();
        for (Registration registration : file.registrations()) {
            if (registration.policeReportFiled() != YesNoUnknown.YES) {
                continue;
            }
            LocalDate filed = registration.reportDate().minusDays(random.nextInt(31));
            if (filed.isBefore(Fixtures.DATASET.periodFrom())) {
                filed = Fixtures.DATASET.periodFrom();
            }
            List<CaseId> cases = new ArrayList<>();
            for (OffenderCase offenderCase : file.offenderCases()) {
                if (cases.size() < 2 && !offenderCase.prosecutorRegistrationDate().isBefore(filed)
                        && random.nextDouble() < 0.3) {
                    cases.add(offenderCase.id());
                }
            }
            reports.add(new PoliceReport(registration.id(), filed, cases));
        }
        return new ExchangeFile(file.dataset(), file.victims(), file.registrations(), file.offenders(),
                file.offenderCases(), file.policeSignals(), reports);
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void readOfWriteIsIdentityAndTheFileDeclares11(long seed) throws Exception {
        ExchangeFile file = withReports(seed, 40, 20);
        org.junit.jupiter.api.Assumptions.assumeFalse(file.policeReports().isEmpty(), "no registration with a report");
        String json = ExchangeWriter.withDefaults().toJson(file);
        assertEquals("1.1", JSON.readTree(json).get("formatVersion").asText());
        assertEquals(List.of(), ExchangeSchemaTest.schemaErrors(json));
        ValidationReport report = Fixtures.validate(json);
        assertTrue(report.isValid(), report::toText);
        int n = file.policeReports().size();
        assertEquals(new RecordCounts(n, n, 0), report.counts(RecordKind.POLICE_REPORT));
        assertEquals(file, Fixtures.READER.readFile(Fixtures.stream(json)));
    }

    @Test
    void goldenFileWithReportsReadsTheLinks() {
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(LINKED));
        assertEquals(List.of(new PoliceReport(org.tipmonitor.model.RegistrationId.of("r2"),
                LocalDate.of(2017, 10, 30), List.of(CaseId.of("c1"), CaseId.of("c2")))), file.policeReports());
        assertEquals(ExchangeFormat.FORMAT_VERSION_1_1, file.formatVersion());
    }

    /** Backward compatibility: a 1.0 file stays valid and reads as one without any police report. */
    @Test
    void aVersion10FileReadsAsNoLink() throws Exception {
        String json = Fixtures.goldenText("valid/victims-and-offenders.json");
        ValidationReport report = Fixtures.validate(json);
        assertTrue(report.isValid(), report::toText);
        assertEquals(new RecordCounts(0, 0, 0), report.counts(RecordKind.POLICE_REPORT));
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(json));
        assertEquals(List.of(), file.policeReports());
        assertEquals(ExchangeFormat.FORMAT_VERSION, file.formatVersion());
        assertEquals(JSON.readTree(json).toString(), ExchangeWriter.withDefaults().toJson(file),
                "a file without reports is written as 1.0, as before");
    }

    @Test
    void aStreamingWriteOf10RefusesAPoliceReport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter writer = ExchangeWriter.withDefaults().open(out, Fixtures.DATASET);
        ExchangeException e = assertThrows(ExchangeException.class, () -> writer.policeReport(
                PoliceReport.withoutCase(org.tipmonitor.model.RegistrationId.of("r1"), LocalDate.of(2020, 1, 1))));
        assertEquals(IoRule.INVALID_ARGUMENT, e.rule());
        assertEquals(IoRule.INVALID_ARGUMENT, assertThrows(ExchangeException.class,
                () -> ExchangeWriter.withDefaults().withFormatVersion("2.0")).rule());
    }

    /** Each broken link is reported at the pointer, line and column of the value that breaks it. */
    @Test
    void anUnresolvedCaseIsLocatedAtItsElement() throws Exception {
        String json = mutate(report -> ((ArrayNode) report.get("caseIds")).add("c9"));
        ValidationReport report = Fixtures.validate(json);
        assertEquals(List.of("TM-IO-0036"), report.codes(), report::toText);
        Problem problem = report.problems().get(0);
        assertEquals("/policeReports/0/caseIds/2", problem.pointer());
        assertEquals(RecordKind.POLICE_REPORT, problem.kind());
        assertEquals(lineOf(json, "\"c9\""), problem.line());
        assertFalse(problem.message().contains("c9"), "the id is withheld");
        assertEquals(new RecordCounts(1, 0, 1), report.counts(RecordKind.POLICE_REPORT));
    }

    @Test
    void aCaseRegisteredBeforeTheReportIsRejected() throws Exception {
        String json = mutate(report -> report.put("filedDate", "2019-10-01"));
        ValidationReport report = Fixtures.validate(json);
        assertEquals(List.of("TM-IO-0037"), report.codes(), report::toText);
        assertEquals("/policeReports/0/caseIds/0", report.problems().get(0).pointer());
    }

    @Test
    void aCaseTwiceInOneReportAndTwoReportsOfOneRegistrationAreDuplicates() throws Exception {
        String twice = mutate(report -> ((ArrayNode) report.get("caseIds")).add("c1"));
        ValidationReport report = Fixtures.validate(twice);
        assertEquals(List.of("TM-IO-0031"), report.codes(), report::toText);
        assertEquals("/policeReports/0/caseIds/2", report.problems().get(0).pointer());
        ObjectNode document = (ObjectNode) JSON.readTree(LINKED);
        ArrayNode reports = (ArrayNode) document.get("policeReports");
        reports.add(reports.get(0).deepCopy());
        ValidationReport second = Fixtures.validate(document.toString());
        assertEquals(List.of("TM-IO-0031"), second.codes(), second::toText);
        assertEquals("/policeReports/1/registrationId", second.problems().get(0).pointer());
        assertEquals(new RecordCounts(2, 1, 1), second.counts(RecordKind.POLICE_REPORT));
    }

    /** A link to a case the reader rejected is a link to a case not in the file. */
    @Test
    void aLinkToARejectedCaseIsUnresolved() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(LINKED);
        ((ObjectNode) document.get("offenderCases").get(1)).put("prosecutorRegistrationDate", "2030-01-01");
        ValidationReport report = Fixtures.validate(document.toString());
        assertTrue(report.codes().contains("TM-IO-0036"), report::toText);
        assertEquals(new RecordCounts(1, 0, 1), report.counts(RecordKind.POLICE_REPORT));
    }

    @Test
    void aMalformedCaseIdBreaksTheModelRuleAtItsElement() throws Exception {
        String json = mutate(report -> ((ArrayNode) report.get("caseIds")).set(0, "-bad id"));
        ValidationReport report = Fixtures.validate(json);
        assertEquals(List.of("TM-M-003"), report.codes(), report::toText);
        assertEquals("/policeReports/0/caseIds/0", report.problems().get(0).pointer());
        assertEquals(lineOf(json, "\"-bad id\""), report.problems().get(0).line());
    }

    @Test
    void aNonStringCaseIdIsAWrongType() throws Exception {
        String json = mutate(report -> ((ArrayNode) report.get("caseIds")).add(7));
        ValidationReport report = Fixtures.validate(json);
        assertEquals(List.of("TM-IO-0014"), report.codes(), report::toText);
        assertEquals("/policeReports/0/caseIds/2", report.problems().get(0).pointer());
    }

    @Test
    void policeReportsInA10FileAreRefusedAndNotRead() throws Exception {
        ValidationReport report = Fixtures.READER.validate(new java.io.ByteArrayInputStream(
                Fixtures.golden("invalid/TM-IO-0022-police-reports-in-1.0.json")));
        assertEquals(List.of("TM-IO-0022"), report.codes(), report::toText);
        assertEquals("/", "/" + report.problems().get(0).pointer());
        assertEquals(new RecordCounts(0, 0, 0), report.counts(RecordKind.POLICE_REPORT));
    }

    private static String mutate(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(LINKED);
        change.accept((ObjectNode) document.get("policeReports").get(0));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    private static long lineOf(String json, String token) {
        int at = json.indexOf(token);
        return json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
