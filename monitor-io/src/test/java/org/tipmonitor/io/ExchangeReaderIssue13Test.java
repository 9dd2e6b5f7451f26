package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Victim;

/**
 * Regression tests of issue 13 (a hostile-input campaign) for monitor-io: nothing that could identify a person or
 * drive a terminal is echoed, CSV cells cannot become formulas, every record read is counted, and byte-order marks
 * are named right. Each test is named after its case.
 */
class ExchangeReaderIssue13Test {

    private static final String GOLDEN = Fixtures.goldenText("valid/persons-after-their-records.json");

    /** Every rendering of a report: the problems' messages and pointers, text and JSON. */
    private static String everything(ValidationReport report) {
        StringBuilder all = new StringBuilder(report.toText()).append(report.toJson());
        report.problems().forEach(p -> all.append(p.pointer()).append(p.message()).append(p));
        return all.toString();
    }

    @Test
    void unknownPropertyNamesAreWithheldFromMessagesAndPointers() {
        String json = GOLDEN.replaceFirst("\"sex\": \"female\",", "\"sex\": \"female\", \"Piet de Vries 123456782\": 1,")
                .replaceFirst("\"formatVersion\": \"1.0\",", "\"formatVersion\": \"1.0\", \"Jan Jansen 987654321\": 2,");
        ValidationReport report = Fixtures.validate(json);
        List<Problem> unknown = report.problems().stream().filter(p -> p.code().equals("TM-IO-0012")).toList();
        assertEquals(2, unknown.size(), report::toText);
        String all = everything(report);
        for (String secret : List.of("Piet", "Vries", "123456782", "Jan", "Jansen", "987654321")) {
            assertFalse(all.contains(secret), () -> secret + " echoed: " + all);
        }
        assertEquals(List.of("", "/victims/0"), unknown.stream().map(Problem::pointer).toList());
        assertTrue(unknown.get(1).message().contains("(name withheld, 23 characters) in Victim"),
                unknown.get(1).message());
    }

    @Test
    void controlCharactersInAPropertyNameCannotForgeAReportLine() {
        String json = GOLDEN.replaceFirst("\"sex\": \"female\",",
                "\"sex\": \"female\", \"\\u001b[2K\\rdata.json: valid\\n\\u202e\": 1,");
        ValidationReport report = Fixtures.validate(json);
        String text = report.toText();
        assertTrue(report.codes().contains("TM-IO-0012"), report::toText);
        for (char c : new char[] {'\u001b', '\r', '\u202e'}) {
            assertEquals(-1, text.indexOf(c), () -> "U+" + Integer.toHexString(c) + " in " + text);
        }
        assertFalse(text.contains("data.json: valid"), text);
    }

    @Test
    void rejectedDatesOfBirthAreNotPrinted() {
        String json = GOLDEN.replaceFirst("\"date\": \"2001-01-01\",\\s*\"precision\": \"year\"",
                        "\"date\": \"1899-05-17\", \"precision\": \"day\"")
                .replaceFirst("\"date\": \"1988-06-01\",\\s*\"precision\": \"month\"",
                        "\"date\": \"1988-06-17\", \"precision\": \"month\"");
        ValidationReport report = Fixtures.validate(json);
        assertTrue(report.codes().containsAll(List.of("TM-M-008", "TM-M-007")), report::toText);
        String all = everything(report);
        assertFalse(all.contains("1899-05-17") || all.contains("1988-06-17"), all);

        String future = GOLDEN.replaceFirst("\"date\": \"2001-01-01\",\\s*\"precision\": \"year\"",
                "\"date\": \"2099-03-04\", \"precision\": \"day\"");
        ValidationReport later = Fixtures.validate(future);
        assertTrue(later.codes().contains("TM-M-006"), later::toText);
        assertFalse(everything(later).contains("2099-03-04"), later::toText);
    }

    @Test
    void registrationsFirstFileTruncatedInsideTheVictimsCountsEveryRegistration() {
        int cut = GOLDEN.indexOf("\"victims\": [") + 40;
        ValidationReport report = Fixtures.validate(GOLDEN.substring(0, cut));
        assertFalse(report.isComplete());
        RecordCounts registrations = report.counts(RecordKind.REGISTRATION);
        assertEquals(new RecordCounts(2, 0, 2), registrations, report::toText);
        assertEquals(new RecordCounts(2, 0, 2), report.counts(RecordKind.OFFENDER_CASE), report::toText);
        assertTrue(report.codes().containsAll(List.of("TM-IO-0002", "TM-IO-0032")), report::toText);
        assertTrue(report.toText().contains("2 registration(s) and 2 case(s) that came before their persons were"
                + " rejected unchecked"), report::toText);
    }

    @Test
    void utf32LittleEndianByteOrderMarkIsCalledUtf32() {
        byte[] utf32le = {(byte) 0xFF, (byte) 0xFE, 0, 0, '{', 0, 0, 0, '}', 0, 0, 0};
        ValidationReport report = Fixtures.READER.validate(new ByteArrayInputStream(utf32le));
        assertEquals(List.of("TM-IO-0004"), report.codes());
        assertTrue(report.problems().get(0).message().contains("UTF-32LE byte-order mark"), report::toText);
        byte[] utf32be = {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{'};
        assertTrue(Fixtures.READER.validate(new ByteArrayInputStream(utf32be)).problems().get(0).message()
                .contains("UTF-32BE byte-order mark"));
        byte[] utf16le = {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};
        assertTrue(Fixtures.READER.validate(new ByteArrayInputStream(utf16le)).problems().get(0).message()
                .contains("UTF-16LE byte-order mark"));
    }

    @Test
    void csvHeaderCellsThatMayIdentifyAPersonAreWithheld() {
        String csv = "key,sex,birthDate,birthDatePrecision,nationality,BSN 123456782 Jan Jansen\n";
        ValidationReport report = CsvExchange.withDefaults().readVictims(Fixtures.stream(csv), v -> { });
        assertEquals(List.of("TM-IO-0040"), report.codes(), report::toText);
        String all = everything(report);
        assertFalse(all.contains("123456782") || all.contains("Jansen"), all);
        assertTrue(all.contains("unknown column 6 (name withheld, 24 characters)"), all);
    }

    @Test
    void csvWriteTableNeutralisesFormulaPrefixes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExchange.withDefaults().writeTable(List.of("=label", "value"), List.of(
                List.of("=HYPERLINK(\"http://evil\")", -5), List.of("+1", 3), List.of("-2", 0), List.of("@SUM(A1)", 1),
                List.of("plain", 2)), out);
        assertEquals("'=label,value\n\"'=HYPERLINK(\"\"http://evil\"\")\",-5\n'+1,3\n'-2,0\n'@SUM(A1),1\nplain,2\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPersonKeyStartingWithMinusSurvivesTheCsvRoundTrip() {
        Victim victim = new Victim(PersonKey.of("-k7vd2m4xq9ht3bw6rn5pc8yz1a"), org.tipmonitor.model.Sex.FEMALE,
                org.tipmonitor.model.BirthDate.UNKNOWN, org.tipmonitor.model.Nationality.UNKNOWN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExchange csv = CsvExchange.withDefaults().withClock(Fixtures.CLOCK);
        csv.writeVictims(List.of(victim), out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\n'-k7vd2m4xq9ht3bw6rn5pc8yz1a,"));
        List<Victim> read = new ArrayList<>();
        ValidationReport report = csv.readVictims(new ByteArrayInputStream(out.toByteArray()), read::add);
        assertTrue(report.isValid(), report::toText);
        assertEquals(List.of(victim), read);
    }

    @Test
    void orphanRegistrationsAreHeldInBoundedMemoryAndCountedExactly() {
        // The golden file holds 2 registrations and 2 cases before their persons; with room for 3, the fourth
        // waiting record is rejected unchecked, and every record is still counted.
        org.tipmonitor.io.internal.JsonExchangeReader reader = new org.tipmonitor.io.internal.JsonExchangeReader(
                new org.tipmonitor.io.internal.RecordValidation(
                        org.tipmonitor.io.internal.Validators.build(Fixtures.CLOCK), Fixtures.CLOCK), 100, false, 3);
        ValidationReport report = reader.read(Fixtures.stream(GOLDEN), new RecordHandler() { });
        assertEquals(List.of("TM-IO-0006"), report.codes(), report::toText);
        assertTrue(report.problems().get(0).message().contains("more than 3 registrations and cases precede their"
                + " persons"), report::toText);
        assertEquals(new RecordCounts(2, 2, 0), report.counts(RecordKind.REGISTRATION));
        assertEquals(new RecordCounts(2, 1, 1), report.counts(RecordKind.OFFENDER_CASE));
        assertTrue(Fixtures.validate(GOLDEN).isValid(), "the default limit holds them all");
    }

    @Test
    void anEndlessCsvRowIsALimitNotAnOutOfMemoryError() {
        String csv = "key,sex,birthDate,birthDatePrecision,nationality\n" + ",".repeat(2_000_000) + "\n";
        ValidationReport report = CsvExchange.withDefaults().readVictims(Fixtures.stream(csv), v -> { });
        assertEquals(List.of("TM-IO-0006"), report.codes(), report::toText);
        assertTrue(report.problems().get(0).message().contains("more than 1000 cells"), report::toText);
        assertFalse(report.isComplete());
    }
}
