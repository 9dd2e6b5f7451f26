package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/** The reader on good and bad input: every problem located and coded, counts reconciled, nothing thrown. */
class ExchangeReaderTest {

    private static final String VALID = Fixtures.goldenText("valid/victims-and-offenders.json");

    private static ValidationReport read(byte[] bytes) {
        return Fixtures.READER.validate(new ByteArrayInputStream(bytes));
    }

    private static ValidationReport read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem only(ValidationReport report) {
        assertEquals(1, report.problems().size(), report::toText);
        return report.problems().get(0);
    }

    @Test
    void aValidFileIsValidAndCounted() {
        ValidationReport report = read(VALID);
        assertTrue(report.isValid(), report::toText);
        assertTrue(report.isComplete());
        assertEquals(new RecordCounts(2, 2, 0), report.counts(RecordKind.VICTIM));
        assertEquals(new RecordCounts(2, 2, 0), report.counts(RecordKind.REGISTRATION));
        assertEquals(new RecordCounts(1, 1, 0), report.counts(RecordKind.OFFENDER));
        assertEquals(new RecordCounts(2, 2, 0), report.counts(RecordKind.OFFENDER_CASE));
    }

    @Test
    void anUnknownCodeIsLocatedByPointerLineAndColumn() {
        String json = VALID.replaceFirst("\"form\": \"labour\"", "\"form\": \"sexual\"");
        Problem problem = only(read(json));
        assertEquals(RecordKind.REGISTRATION, problem.kind());
        assertEquals(0, problem.index());
        assertEquals("/registrations/0/form", problem.pointer());
        assertEquals(IoRule.UNKNOWN_CODE.code(), problem.code());
        String[] lines = json.split("\n");
        int line = (int) problem.line();
        assertTrue(lines[line - 1].contains("\"sexual\""), "line " + line + ": " + lines[line - 1]);
        assertEquals(lines[line - 1].indexOf("\"sexual\"") + 1, problem.column());
        assertTrue(problem.message().contains("ExploitationForm") && problem.message().contains("domestic_sexual"),
                problem.message());
        assertFalse(problem.message().contains("sexual\""), "the rejected value is withheld");
    }

    @Test
    void aModelViolationIsLocatedAtItsField() {
        String json = VALID.replace("\"legalBasis\": \"explicit_consent\"", "\"legalBasis\": \"unknown\"");
        Problem problem = only(read(json));
        assertEquals("/registrations/0/legalBasis", problem.pointer());
        assertEquals("TM-M-010", problem.code());
        assertTrue(problem.message().startsWith("TM-M-010: "));
        assertTrue(json.split("\n")[(int) problem.line() - 1].contains("\"legalBasis\": \"unknown\""));
    }

    @Test
    void aNestedViolationPointsIntoTheNestedObject() {
        String json = VALID.replace("\"date\": \"2020-01-10\"", "\"date\": \"2019-09-01\"");
        Problem problem = only(read(json));
        assertEquals("/offenderCases/0/decision/date", problem.pointer());
        assertEquals("TM-M-014", problem.code());
    }

    @Test
    void neitherAPersonKeyNorARawIdentifierAppearsInAnyMessage() {
        String bsn = "123456782";
        String json = VALID.replace("k7vd2m4xq9ht3bw6rn5pc8yz1a", bsn)
                .replace("\"nationality\": \"NL\"", "\"nationality\": \"" + bsn + "\"")
                .replace("\"id\": \"r2\"", "\"id\": \"" + bsn + "x!\"")
                .replace("\"kq2w7e4r5t6y7u8i9o0p1a2s3d\"", "\"kzzzzzzzzzzzzzzzzzzzzzzzzz\"");
        ValidationReport report = read(json);
        assertTrue(report.problems().size() >= 4, report::toText);
        assertFalse(report.toText().contains(bsn), report::toText);
        assertFalse(report.toJson().contains(bsn));
        assertFalse(report.toText().contains("zzzzzzzzzzzzzzzz"));
        assertFalse(report.toText().contains("kq2w7e4r5t6y7u8i9o0p1a2s3d"));
    }

    static Stream<Named<Object[]>> badInputs() {
        String deep = "{\"formatVersion\":\"1.0\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String longString = "{\"formatVersion\":\"1.0\",\"dataset\":{\"id\":\"" + "a".repeat(200_000) + "\"}}";
        String longNumber = "{\"formatVersion\":\"1.0\",\"x\":" + "1".repeat(5000) + "}";
        String longName = "{\"" + "n".repeat(5000) + "\":1}";
        return Stream.of(
                bad("empty file", new byte[0], IoRule.EMPTY_INPUT, true),
                bad("white space only", " \n\t ".getBytes(StandardCharsets.UTF_8), IoRule.EMPTY_INPUT, true),
                bad("UTF-16 byte-order mark", new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
                        IoRule.BYTE_ORDER_MARK, false),
                bad("UTF-16 without byte-order mark", new byte[] {0, '{', 0, '}'}, IoRule.INVALID_ENCODING, false),
                bad("invalid UTF-8 start byte", "{\"formatVersion\":\"1.0\",\"x\":\"a\u00ff\"}"
                        .getBytes(StandardCharsets.ISO_8859_1), IoRule.INVALID_ENCODING, false),
                bad("truncated", "{\"formatVersion\":\"1.0\",\"dataset\":{".getBytes(StandardCharsets.UTF_8),
                        IoRule.TRUNCATED, false),
                bad("truncated in a string", "{\"formatVersion\":\"1.".getBytes(StandardCharsets.UTF_8),
                        IoRule.TRUNCATED, false),
                bad("malformed", "{\"formatVersion\" \"1.0\"}".getBytes(StandardCharsets.UTF_8),
                        IoRule.MALFORMED_INPUT, false),
                bad("bare word", "nonsense".getBytes(StandardCharsets.UTF_8), IoRule.MALFORMED_INPUT, false),
                bad("deep nesting", deep.getBytes(StandardCharsets.UTF_8), IoRule.LIMIT_EXCEEDED, false),
                bad("huge string", longString.getBytes(StandardCharsets.UTF_8), IoRule.LIMIT_EXCEEDED, false),
                bad("huge number", longNumber.getBytes(StandardCharsets.UTF_8), IoRule.LIMIT_EXCEEDED, false),
                bad("huge property name", longName.getBytes(StandardCharsets.UTF_8), IoRule.LIMIT_EXCEEDED, false),
                bad("array at the top", "[{}]".getBytes(StandardCharsets.UTF_8), IoRule.NOT_AN_OBJECT, false),
                bad("number at the top", "42".getBytes(StandardCharsets.UTF_8), IoRule.NOT_AN_OBJECT, false),
                bad("unsupported version", "{\"formatVersion\":\"9.9\"}".getBytes(StandardCharsets.UTF_8),
                        IoRule.UNSUPPORTED_VERSION, false),
                bad("version of another type", "{\"formatVersion\":1.0}".getBytes(StandardCharsets.UTF_8),
                        IoRule.UNSUPPORTED_VERSION, false));
    }

    private static Named<Object[]> bad(String name, byte[] bytes, IoRule rule, boolean complete) {
        return Named.of(name, new Object[] {bytes, rule, complete});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGetsALocatedErrorAndNeverAnException(Object[] input) {
        byte[] bytes = (byte[]) input[0];
        IoRule rule = (IoRule) input[1];
        ValidationReport report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(bytes));
        assertFalse(report.isValid());
        assertEquals(input[2], report.isComplete(), report::toText);
        Problem last = report.problems().get(report.problems().size() - 1);
        assertEquals(rule.code(), last.code(), report::toText);
        assertTrue(last.line() >= 1 && last.column() >= 1, "located: " + last);
        assertTrue(last.message().startsWith(rule.code() + ": "));
    }

    @Test
    void aUtf8ByteOrderMarkIsReportedAndTheRestIsStillRead() {
        byte[] text = VALID.replaceFirst("\"form\": \"labour\"", "\"form\": \"x\"").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        ValidationReport report = read(bytes);
        assertEquals(List.of("TM-IO-0004", "TM-IO-0015"), report.codes());
        assertTrue(report.isComplete());
    }

    @Test
    void wrongTypesOfEveryKindAreReportedAndReadingGoesOn() {
        String json = VALID
                .replace("\"reportDate\": \"2019-03-14\"", "\"reportDate\": 20190314")
                .replace("\"sex\": \"female\"", "\"sex\": [\"female\"]")
                .replace("\"unconditionalCustodialMonths\": 30", "\"unconditionalCustodialMonths\": \"30\"")
                .replace("\"decision\": {\n        \"type\": \"pending\"\n      }", "\"decision\": null");
        ValidationReport report = read(json);
        List<String> pointers = new ArrayList<>();
        for (Problem p : report.problems()) {
            if (p.code().equals(IoRule.WRONG_TYPE.code())) {
                pointers.add(p.pointer());
            }
        }
        assertEquals(List.of("/victims/0/sex", "/registrations/0/reportDate",
                "/offenderCases/0/sentence/unconditionalCustodialMonths", "/offenderCases/1/decision"), pointers,
                report::toText);
        assertTrue(report.isComplete());
    }

    @Test
    void integersAcceptAZeroFractionAndRejectFractionsAndOverflow() {
        assertTrue(read(VALID.replace("\"unconditionalCustodialMonths\": 30", "\"unconditionalCustodialMonths\": 3.0e1"))
                .isValid());
        assertEquals(List.of("TM-IO-0017"), read(VALID.replace("\"unconditionalCustodialMonths\": 30",
                "\"unconditionalCustodialMonths\": 2147483648")).codes());
        assertEquals(List.of("TM-IO-0017"), read(VALID.replace("\"unconditionalCustodialMonths\": 30",
                "\"unconditionalCustodialMonths\": 1e400")).codes());
        assertEquals(List.of("TM-IO-0017"), read(VALID.replace("\"unconditionalCustodialMonths\": 30",
                "\"unconditionalCustodialMonths\": 30.5")).codes());
        assertEquals(List.of("TM-IO-0017"), read(VALID.replace("\"fineEuros\": 0,\n        \"measure\": \"confiscation\"",
                "\"fineEuros\": 9007199254740992,\n        \"measure\": \"confiscation\"")).codes());
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondOccurrence() {
        String json = VALID.replaceFirst("\"formatVersion\": \"1.0\",", "\"formatVersion\": \"1.0\", \"formatVersion\": \"1.0\",");
        Problem problem = only(read(json));
        assertEquals(IoRule.DUPLICATE_PROPERTY.code(), problem.code());
        assertEquals(RecordKind.FILE, problem.kind());
    }

    @Test
    void aRegistrationBeforeItsVictimResolvesAtTheEnd() {
        List<Object> order = new ArrayList<>();
        ValidationReport report = Fixtures.READER.read(Fixtures.stream(
                Fixtures.goldenText("valid/persons-after-their-records.json")), new RecordHandler() {
                    @Override
                    public void victim(Victim victim) {
                        order.add("victim");
                    }

                    @Override
                    public void registration(Registration registration) {
                        order.add("registration");
                    }
                });
        assertTrue(report.isValid(), report::toText);
        assertEquals(List.of("victim", "victim", "registration", "registration"), order);
    }

    /** The registrations and cases the handler received, in order, by id. */
    private static List<String> accepted(String json, ValidationReport[] report) {
        List<String> ids = new ArrayList<>();
        report[0] = Fixtures.READER.read(Fixtures.stream(json), new RecordHandler() {
            @Override
            public void registration(Registration registration) {
                ids.add(registration.id().value());
            }

            @Override
            public void offenderCase(OffenderCase offenderCase) {
                ids.add(offenderCase.id().value());
            }
        });
        return ids;
    }

    private static void assertAtValueOf(String json, Problem problem, String property, String value) {
        String line = json.split("\n")[(int) problem.line() - 1];
        assertTrue(line.contains("\"" + property + "\": \"" + value + "\""), problem + " on line: " + line);
        assertEquals(line.indexOf("\"" + value + "\"") + 1, problem.column(), problem::toString);
    }

    @Test
    void aReportBeforeTheVictimsEarliestPossibleBirthDayIsRejectedAtTheReportDate() {
        String json = Fixtures.goldenText("invalid/TM-M-020-birth-after-report.json");
        ValidationReport[] report = new ValidationReport[1];
        assertEquals(List.of("r2", "c1", "c2"), accepted(json, report));
        Problem problem = only(report[0]);
        assertEquals("/registrations/0/reportDate", problem.pointer());
        assertEquals(RecordKind.REGISTRATION, problem.kind());
        assertEquals(0, problem.index());
        assertEquals("TM-M-020", problem.code());
        assertAtValueOf(json, problem, "reportDate", "2019-03-14");
        assertFalse(problem.message().contains("2019"), "dates withheld: " + problem.message());
        assertEquals(new RecordCounts(2, 1, 1), report[0].counts(RecordKind.REGISTRATION));
        assertEquals(new RecordCounts(2, 2, 0), report[0].counts(RecordKind.VICTIM));
    }

    @Test
    void aRegistrationBeforeItsVictimIsCheckedAgainstTheBirthDayAtTheEnd() {
        String json = Fixtures.goldenText("valid/persons-after-their-records.json").replace(
                "\"date\": \"2001-01-01\",\n        \"precision\": \"year\"",
                "\"date\": \"2019-03-15\",\n        \"precision\": \"day\"");
        ValidationReport[] report = new ValidationReport[1];
        assertEquals(List.of("r2", "c1", "c2"), accepted(json, report));
        Problem problem = only(report[0]);
        assertEquals("/registrations/0/reportDate TM-M-020", problem.pointer() + " " + problem.code());
        assertAtValueOf(json, problem, "reportDate", "2019-03-14");
        assertEquals(new RecordCounts(2, 1, 1), report[0].counts(RecordKind.REGISTRATION));
    }

    @Test
    void aCaseIsCheckedAtItsOffenceDateOrWithoutOneAtItsRegistrationDate() {
        String json = Fixtures.goldenText("invalid/TM-M-020-birth-after-offence.json");
        ValidationReport[] report = new ValidationReport[1];
        assertEquals(List.of("r1", "r2", "c2"), accepted(json, report));
        Problem offence = only(report[0]);
        assertEquals("/offenderCases/0/offenceDate TM-M-020", offence.pointer() + " " + offence.code());
        assertAtValueOf(json, offence, "offenceDate", "2019-02-01");
        assertTrue(offence.message().contains("offence date") && !offence.message().contains("2019"),
                offence.message());
        assertEquals(new RecordCounts(2, 1, 1), report[0].counts(RecordKind.OFFENDER_CASE));

        String later = json.replace("\"date\": \"2019-05-01\"", "\"date\": \"2021-04-02\"");
        ValidationReport both = read(later);
        assertEquals(List.of("/offenderCases/0/offenceDate", "/offenderCases/1/prosecutorRegistrationDate"),
                both.problems().stream().map(Problem::pointer).toList(), both::toText);
        assertEquals(new RecordCounts(2, 0, 2), both.counts(RecordKind.OFFENDER_CASE));
    }

    @Test
    void theEarliestPossibleBirthDayIsTheFirstDayOfTheMonthOrYearAndAnEventOnItIsAccepted() {
        String registrationOnBirthDay = VALID.replace(
                "\"date\": \"2001-01-01\",\n        \"precision\": \"year\"",
                "\"date\": \"2019-03-14\",\n        \"precision\": \"day\"");
        assertTrue(read(registrationOnBirthDay).isValid(), () -> read(registrationOnBirthDay).toText());
        String sameMonth = VALID.replace("\"date\": \"2001-01-01\",\n        \"precision\": \"year\"",
                "\"date\": \"2019-03-01\",\n        \"precision\": \"month\"");
        assertTrue(read(sameMonth).isValid(), () -> read(sameMonth).toText());
        String sameYear = VALID.replace("\"date\": \"2001-01-01\"", "\"date\": \"2019-01-01\"");
        assertTrue(read(sameYear).isValid(), () -> read(sameYear).toText());
        String dayAfter = VALID.replace("\"date\": \"2001-01-01\",\n        \"precision\": \"year\"",
                "\"date\": \"2019-03-15\",\n        \"precision\": \"day\"");
        assertEquals(List.of("TM-M-020"), read(dayAfter).codes());
    }

    @Test
    void aDuplicateVictimDoesNotReplaceTheFirstVictimsBirthDay() {
        String born2020 = ",\n    {\n      \"key\": \"k7vd2m4xq9ht3bw6rn5pc8yz1a\",\n      \"sex\": \"female\",\n"
                + "      \"birthDate\": {\n        \"date\": \"2020-01-01\",\n        \"precision\": \"day\"\n"
                + "      },\n      \"nationality\": \"NL\"\n    }";
        String json = VALID.replace("\"nationality\": \"unknown\"\n    }", "\"nationality\": \"unknown\"\n    }"
                + born2020);
        ValidationReport report = read(json);
        assertEquals(List.of("/victims/2/key TM-IO-0031"),
                report.problems().stream().map(p -> p.pointer() + " " + p.code()).toList(), report::toText);
        assertEquals(new RecordCounts(2, 2, 0), report.counts(RecordKind.REGISTRATION));
    }

    @Test
    void anUnknownBirthDateNeverRejectsAnEventAndAnUnresolvedPersonIsNotCheckedForIt() {
        String unknown = VALID.replace("\"date\": \"2001-01-01\",\n        \"precision\": \"year\"",
                "\"precision\": \"unknown\"");
        assertTrue(read(unknown).isValid(), () -> read(unknown).toText());
        String unresolved = Fixtures.goldenText("invalid/TM-M-020-birth-after-report.json")
                .replace("\"victimKey\": \"k7vd2m4xq9ht3bw6rn5pc8yz1a\"", "\"victimKey\": \"kzzzzzzzzzzzzzzzzzzzzzzzzz\"");
        assertEquals(List.of("TM-IO-0032"), read(unresolved).codes());
    }

    @Test
    void failFastStopsAtABirthDayProblemFoundAtTheEnd() {
        String json = Fixtures.goldenText("valid/persons-after-their-records.json").replace(
                "\"date\": \"1988-06-01\"", "\"date\": \"2019-06-01\"");
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> Fixtures.READER.withFailFast(true).validate(Fixtures.stream(json)));
        ValidationReport report = e.report().orElseThrow();
        assertEquals(List.of("/offenderCases/0/offenceDate TM-M-020"),
                report.problems().stream().map(p -> p.pointer() + " " + p.code()).toList());
        assertFalse(report.isComplete());
    }

    private static final String SIGNALS = Fixtures.goldenText("valid/police-signals.json");

    @Test
    void policeSignalsAreReadCountedAndHandedOverInFileOrder() {
        List<PoliceSignalCount> seen = new ArrayList<>();
        ValidationReport report = Fixtures.READER.read(Fixtures.stream(SIGNALS), new RecordHandler() {
            @Override
            public void policeSignal(PoliceSignalCount policeSignal) {
                seen.add(policeSignal);
            }
        });
        assertTrue(report.isValid(), report::toText);
        assertEquals(new RecordCounts(6, 6, 0), report.counts(RecordKind.POLICE_SIGNAL));
        assertEquals(new PoliceSignalCount(2018, org.tipmonitor.model.PoliceSeries.IDENTIFIED_VICTIMS,
                org.tipmonitor.model.ExploitationForm.DOMESTIC_SEXUAL, org.tipmonitor.model.VictimOriginGroup.DUTCH,
                org.tipmonitor.model.DublinStatus.NOT_DUBLIN, 212), seen.get(0));
        assertEquals(0, seen.get(5).count());
        assertEquals(seen, Fixtures.READER.readFile(Fixtures.stream(SIGNALS)).policeSignals());
    }

    @Test
    void aSecondCountForTheSameCellIsRejectedAndNamesTheFirst() {
        String json = Fixtures.goldenText("invalid/TM-IO-0034-duplicate-cell.json");
        ValidationReport report = read(json);
        Problem problem = only(report);
        assertEquals("/policeSignals/6 TM-IO-0034", problem.pointer() + " " + problem.code());
        assertEquals(RecordKind.POLICE_SIGNAL, problem.kind());
        assertEquals(6, problem.index());
        assertTrue(problem.message().contains("/policeSignals/3"), problem.message());
        assertTrue(json.split("\n")[(int) problem.line() - 1].trim().equals("{"), "at the record's start");
        assertEquals(new RecordCounts(7, 6, 1), report.counts(RecordKind.POLICE_SIGNAL));
        String otherSeries = json.replace("\"count\": 12", "\"count\": 12, \"series\": \"x\"");
        assertEquals(List.of("TM-IO-0013"), read(otherSeries).codes(), "an invalid record takes no cell");
    }

    /** The police-signal golden file with one more count, on one line. */
    private static String withSignal(int year, String series, String form, String origin, String dublinStatus) {
        return SIGNALS.replace("\"count\": 0\n    }\n  ]", "\"count\": 0\n    },\n    {\"year\": " + year
                + ", \"series\": \"" + series + "\", \"form\": \"" + form + "\", \"origin\": \"" + origin
                + "\", \"dublinStatus\": \"" + dublinStatus + "\", \"count\": 5}\n  ]");
    }

    @Test
    void aPoliceSignalCellDiffersInEachOfItsFiveValues() {
        assertEquals(List.of("/policeSignals/6 TM-IO-0034"), pointersAndCodes(
                read(withSignal(2019, "reports_filed", "criminal", "other", "unknown"))));
        assertTrue(read(withSignal(2018, "reports_filed", "criminal", "other", "unknown")).isValid());
        assertTrue(read(withSignal(2019, "identified_victims", "criminal", "other", "unknown")).isValid());
        assertTrue(read(withSignal(2019, "reports_filed", "labour", "other", "unknown")).isValid());
        assertTrue(read(withSignal(2019, "reports_filed", "criminal", "unknown", "unknown")).isValid());
        assertTrue(read(withSignal(2019, "reports_filed", "criminal", "other", "dublin")).isValid());
    }

    @Test
    void aPoliceSignalIsCheckedByTheModelAndTheFormat() {
        assertEquals(List.of("/policeSignals/0/year TM-M-009"), pointersAndCodes(
                read(Fixtures.goldenText("invalid/TM-M-009-police-signal-year.json"))));
        assertEquals(List.of("/policeSignals/0/year TM-M-009"), pointersAndCodes(read(SIGNALS.replaceFirst(
                "\"year\": 2018", "\"year\": 2027"))), "after the clock's year (2026)");
        assertEquals(List.of("/policeSignals/5/count TM-M-019"), pointersAndCodes(
                read(Fixtures.goldenText("invalid/TM-M-019-negative-police-signal-count.json"))));
        assertEquals(List.of("/policeSignals/0/year TM-IO-0030"), pointersAndCodes(
                read(Fixtures.goldenText("invalid/TM-IO-0030-police-signal-year.json"))));
        assertEquals(List.of("/policeSignals/5/count TM-IO-0017"), pointersAndCodes(read(SIGNALS.replace(
                "\"count\": 0", "\"count\": 9007199254740992"))));
        assertEquals(List.of("/policeSignals/0/year TM-IO-0014"), pointersAndCodes(read(SIGNALS.replaceFirst(
                "\"year\": 2018", "\"year\": \"2018\""))));
        assertEquals(List.of("/policeSignals/0/origin TM-IO-0015"), pointersAndCodes(read(SIGNALS.replaceFirst(
                "\"origin\": \"dutch\"", "\"origin\": \"nl\""))));
        assertEquals(List.of("/policeSignals/0 TM-IO-0012", "/policeSignals/0/count TM-IO-0018"),
                pointersAndCodes(read(SIGNALS.replaceFirst("\"count\": 212", "\"total\": 212"))));
        assertEquals(List.of("TM-IO-0014"), read(SIGNALS.replaceFirst("\"policeSignals\": \\[",
                "\"policeSignals\": {\"x\": [").replace("  ]\n}", "  ]}\n}")).codes());
    }

    @Test
    void aYearIsInThePeriodIfAnyOfItsDaysIs() {
        String partial = SIGNALS.replace("\"periodFrom\": \"2017-01-01\"", "\"periodFrom\": \"2018-12-31\"")
                .replace("\"periodTo\": \"2019-12-31\"", "\"periodTo\": \"2019-01-01\"");
        assertTrue(read(partial).isValid(), () -> read(partial).toText());
        String after = partial.replace("\"periodFrom\": \"2018-12-31\"", "\"periodFrom\": \"2019-01-01\"");
        assertEquals(List.of("/policeSignals/0/year TM-IO-0030", "/policeSignals/1/year TM-IO-0030"),
                pointersAndCodes(read(after)));
        assertFalse(read(after).problems().get(0).message().contains("2018"), "the year is withheld");
    }

    @Test
    void policeSignalsBeforeTheDatasetAreReportedAndStillChecked() {
        String json = SIGNALS.replaceFirst("\"dataset\": \\{", "\"policeSignals\": [],\n  \"dataset\": {");
        assertEquals(List.of("TM-IO-0019", "TM-IO-0013"), read(json).codes());
    }

    private static List<String> pointersAndCodes(ValidationReport report) {
        return report.problems().stream().map(p -> p.pointer() + " " + p.code()).toList();
    }

    @Test
    void onlyAcceptedRecordsReachTheHandlerAndCountsReconcile() {
        String json = VALID.replace("\"nationality\": \"unknown\"", "\"nationality\": \"Dutch\"");
        List<Object> seen = new ArrayList<>();
        ValidationReport report = Fixtures.READER.read(Fixtures.stream(json), new RecordHandler() {
            @Override
            public void victim(Victim victim) {
                seen.add(victim);
            }

            @Override
            public void registration(Registration registration) {
                seen.add(registration);
            }
        });
        assertEquals(List.of("TM-M-005", "TM-IO-0032"), report.codes());
        assertEquals(new RecordCounts(2, 1, 1), report.counts(RecordKind.VICTIM));
        assertEquals(new RecordCounts(2, 1, 1), report.counts(RecordKind.REGISTRATION));
        assertEquals(2, seen.size());
    }

    @Test
    void theErrorLimitKeepsTheFirstProblemsAndCountsTheRest() {
        ExchangeFile file = Fixtures.generated(7, 50, 0);
        String json = ExchangeWriter.withDefaults().toJson(file).replace("\"sex\":\"", "\"sex\":\"x");
        ValidationReport report = Fixtures.READER.withErrorLimit(10).validate(Fixtures.stream(json));
        assertEquals(10, report.problems().size());
        assertTrue(report.omittedProblems() > 40, report::toText);
        assertEquals(50, report.counts(RecordKind.VICTIM).rejected());
        RecordCounts registrations = report.counts(RecordKind.REGISTRATION);
        assertEquals(file.registrations().size(), registrations.read());
        assertEquals(registrations.read(), registrations.rejected());
        assertTrue(report.isComplete());
    }

    @Test
    void failFastStopsAtTheFirstProblemWithTheReport() {
        String json = VALID.replaceFirst("\"form\": \"labour\"", "\"form\": \"x\"").replace("\"sex\": \"male\"", "\"sex\": \"y\"");
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> Fixtures.READER.withFailFast(true).validate(Fixtures.stream(json)));
        assertEquals(IoRule.REJECTED, e.rule());
        ValidationReport report = e.report().orElseThrow();
        assertEquals(List.of("TM-IO-0015"), report.codes());
        assertFalse(report.isComplete());
        assertTrue(e.getMessage().startsWith("TM-IO-0054: "), e.getMessage());
    }

    @Test
    void readFileIsFailFastAndGivesTheWholeFile() {
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(VALID));
        assertEquals(2, file.victims().size());
        assertEquals("golden-2024.1", file.dataset().id());
        assertThrows(ExchangeException.class, () -> Fixtures.READER.readFile(Fixtures.stream("{}")));
    }

    @Test
    void anExceptionOfTheHandlerReachesTheCallerUnchanged() {
        IllegalStateException mine = new IllegalStateException("mine");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Fixtures.READER.read(
                Fixtures.stream(VALID), new RecordHandler() {
                    @Override
                    public void victim(Victim victim) {
                        throw mine;
                    }
                }));
        assertSame(mine, thrown);
    }

    @Test
    void aFailingStreamIsAnIoProblem() {
        InputStream failing = new InputStream() {
            private int left = 20;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return ' ';
                }
                throw new IOException("disk gone");
            }
        };
        ValidationReport report = Fixtures.READER.validate(failing);
        assertEquals(List.of(IoRule.IO_FAILURE.code()), report.codes());
    }

    @Test
    void optionsAreImmutableAndChecked() {
        ExchangeReader reader = ExchangeReader.withDefaults();
        assertEquals(ExchangeReader.DEFAULT_ERROR_LIMIT, reader.errorLimit());
        assertEquals(5, reader.withErrorLimit(5).errorLimit());
        assertEquals(ExchangeReader.DEFAULT_ERROR_LIMIT, reader.errorLimit());
        assertTrue(reader.withFailFast(true).isFailFast());
        assertFalse(reader.isFailFast());
        ExchangeException e = assertThrows(ExchangeException.class, () -> reader.withErrorLimit(0));
        assertEquals(IoRule.INVALID_ARGUMENT, e.rule());
        // Issue 13: the problems kept in memory are bounded whatever the caller asks.
        assertEquals(ExchangeReader.MAX_ERROR_LIMIT, reader.withErrorLimit(ExchangeReader.MAX_ERROR_LIMIT)
                .errorLimit());
        ExchangeException tooMany = assertThrows(ExchangeException.class,
                () -> reader.withErrorLimit(Integer.MAX_VALUE));
        assertEquals(IoRule.INVALID_ARGUMENT, tooMany.rule());
    }

    @Test
    void aLargeGeneratedFileStreamsThrough() {
        ExchangeFile file = Fixtures.generated(11, 2000, 500);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExchangeWriter.withDefaults().write(file, out);
        long[] count = new long[1];
        ValidationReport report = Fixtures.READER.read(new ByteArrayInputStream(out.toByteArray()), new RecordHandler() {
            @Override
            public void registration(Registration registration) {
                count[0]++;
            }
        });
        assertTrue(report.isValid(), report::toText);
        assertEquals(file.registrations().size(), count[0]);
    }
}
