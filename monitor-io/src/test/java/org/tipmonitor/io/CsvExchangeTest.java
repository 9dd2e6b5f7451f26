package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/** CSV: round trips over generated data with both separators and with or without a byte-order mark, and errors. */
class CsvExchangeTest {

    private static final CsvExchange CSV = CsvExchange.withDefaults().withClock(Fixtures.CLOCK);

    static Stream<Named<Object[]>> variants() {
        List<Named<Object[]>> variants = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            for (char separator : new char[] {',', ';'}) {
                for (boolean bom : new boolean[] {false, true}) {
                    variants.add(Named.of("seed " + seed + ", separator " + separator + ", bom " + bom,
                            new Object[] {seed, separator, bom}));
                }
            }
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void victimsAndRegistrationsRoundTrip(Object[] variant) {
        long seed = (Long) variant[0];
        CsvExchange csv = CSV.withSeparator((Character) variant[1]).withByteOrderMark((Boolean) variant[2]);
        ExchangeFile file = Fixtures.generated(seed, 30, 0);

        ByteArrayOutputStream victimsOut = new ByteArrayOutputStream();
        csv.writeVictims(file.victims(), victimsOut);
        byte[] victimBytes = victimsOut.toByteArray();
        assertEquals(variant[2], (victimBytes[0] & 0xff) == 0xEF, "byte-order mark as configured");
        List<Victim> victims = new ArrayList<>();
        ValidationReport victimReport = csv.readVictims(new ByteArrayInputStream(victimBytes), victims::add);
        assertTrue(victimReport.isValid(), victimReport::toText);
        assertEquals(file.victims(), victims);

        ByteArrayOutputStream registrationsOut = new ByteArrayOutputStream();
        csv.writeRegistrations(file.registrations(), registrationsOut);
        List<Registration> registrations = new ArrayList<>();
        ValidationReport report = csv.readRegistrations(new ByteArrayInputStream(registrationsOut.toByteArray()),
                registrations::add);
        assertTrue(report.isValid(), report::toText);
        assertEquals(file.registrations(), registrations);
        assertEquals(new RecordCounts(registrations.size(), registrations.size(), 0),
                report.counts(RecordKind.REGISTRATION));
    }

    private static ValidationReport victims(String csv) {
        return CSV.readVictims(Fixtures.stream(csv), v -> { });
    }

    @Test
    void theHeaderNamesTheColumnsInAnyOrder() {
        List<Victim> read = new ArrayList<>();
        ValidationReport report = CSV.readVictims(Fixtures.stream(
                "nationality,key,sex,birthDatePrecision,birthDate\r\n"
                        + "NL,k7vd2m4xq9ht3bw6rn5pc8yz1a,female,year,2001-01-01\r\n"
                        + "unknown,kq2w7e4r5t6y7u8i9o0p1a2s3d,male,unknown,\r\n"), read::add);
        assertTrue(report.isValid(), report::toText);
        assertEquals(2, read.size());
        assertEquals(PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a"), read.get(0).key());
    }

    @Test
    void headerProblemsStopTheRead() {
        ValidationReport report = victims("key,sex,birthDate,nationality,colour\nk7vd2m4xq9ht3bw6rn5pc8yz1a,female,,NL,red\n");
        assertEquals(List.of("TM-IO-0040", "TM-IO-0040"), report.codes(), report::toText);
        assertFalse(report.isComplete());
        assertEquals(List.of("TM-IO-0003"), victims("").codes());
    }

    @Test
    void rowProblemsAreLocatedAndTheRestIsRead() {
        String csv = "key,sex,birthDate,birthDatePrecision,nationality\n"
                + "k7vd2m4xq9ht3bw6rn5pc8yz1a,female,2001-01-01,year,NL\n"
                + "123456782,female,2001-01-01,year,NL\n"
                + "kq2w7e4r5t6y7u8i9o0p1a2s3d,femme,2001-02-30,year,NL\n"
                + "kq2w7e4r5t6y7u8i9o0p1a2s3d,male,,unknown\n"
                + "k7vd2m4xq9ht3bw6rn5pc8yz1a,female,2001-05-01,month,NL\n"
                + "ka2w7e4r5t6y7u8i9o0p1a2s3d,,2001-05-01,month,NL\n";
        ValidationReport report = victims(csv);
        List<String> found = new ArrayList<>();
        for (Problem p : report.problems()) {
            found.add(p.line() + " " + p.pointer() + " " + p.code());
        }
        assertEquals(List.of("3 /1/key TM-M-002", "4 /2/sex TM-IO-0015", "4 /2/birthDate TM-IO-0016",
                "5 /3 TM-IO-0041", "6 /4/key TM-IO-0031", "7 /5/sex TM-IO-0018"), found, report::toText);
        assertEquals(new RecordCounts(6, 1, 5), report.counts(RecordKind.VICTIM));
        assertFalse(report.toText().contains("123456782"));
    }

    @Test
    void invalidUtf8IsAnEncodingProblem() {
        byte[] bytes = "key,sex,birthDate,birthDatePrecision,nationality\nk\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        ValidationReport report = CSV.readVictims(new ByteArrayInputStream(bytes), v -> { });
        assertEquals(List.of("TM-IO-0005"), report.codes());
    }

    @Test
    void failFastThrowsWithTheReport() {
        ExchangeException e = assertThrows(ExchangeException.class, () -> CSV.withFailFast(true).readVictims(
                Fixtures.stream("key,sex,birthDate,birthDatePrecision,nationality\nx,y,z,w,v\n"), v -> { }));
        assertEquals(IoRule.REJECTED, e.rule());
        assertEquals(1, e.report().orElseThrow().problems().size());
    }

    /** A tabular result as an indicator module would return it. */
    record Share(int year, ExploitationForm form, long count, double share, Optional<BigDecimal> lower,
                 LocalDate asOf) {
    }

    @Test
    void anyTableOfRecordsIsWrittenWithComponentNamesAndCodes() {
        List<Share> rows = List.of(
                new Share(2019, ExploitationForm.DOMESTIC_SEXUAL, 132, 0.25, Optional.of(new BigDecimal("0.21")),
                        LocalDate.of(2020, 10, 16)),
                new Share(2019, ExploitationForm.LABOUR, 29, 0.055, Optional.empty(), LocalDate.of(2020, 10, 16)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSV.withSeparator(';').writeRecords(Share.class, rows, out);
        assertEquals("year;form;count;share;lower;asOf\n"
                + "2019;domestic_sexual;132;0.25;0.21;2020-10-16\n"
                + "2019;labour;29;0.055;;2020-10-16\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void policeSignalsAreWrittenWithTheColumnsOfTheJsonFormat() {
        ExchangeFile file = Fixtures.READER.readFile(Fixtures.stream(Fixtures.goldenText("valid/police-signals.json")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSV.withSeparator(';').writePoliceSignals(file.policeSignals().subList(0, 3), out);
        assertEquals("year;series;form;origin;dublinStatus;count\n"
                + "2018;identified_victims;domestic_sexual;dutch;not_dublin;212\n"
                + "2018;reports_filed;domestic_sexual;dutch;not_dublin;171\n"
                + "2019;identified_victims;cross_border_sexual;african;dublin;64\n",
                out.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream generic = new ByteArrayOutputStream();
        CSV.withSeparator(';').writeRecords(org.tipmonitor.model.PoliceSignalCount.class,
                file.policeSignals().subList(0, 3), generic);
        assertEquals(out.toString(StandardCharsets.UTF_8), generic.toString(StandardCharsets.UTF_8),
                "the fixed columns are the record's components");
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        CSV.writePoliceSignals(List.of(), empty);
        assertEquals(String.join(",", CsvExchange.POLICE_SIGNAL_COLUMNS) + "\n",
                empty.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cellsWithSeparatorsOrQuotesAreQuoted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSV.writeTable(List.of("label", "value"), List.of(Arrays.asList("a, \"b\"", null)), out);
        assertEquals("label,value\n\"a, \"\"b\"\"\",\n", out.toString(StandardCharsets.UTF_8));
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mutatedCsvGivesALocatedReconciledReportAndNoException(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSV.writeRegistrations(Fixtures.generated(seed, 5, 0).registrations(), out);
        byte[] valid = out.toByteArray();
        byte[] interesting = "\",;\n\r x\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        java.util.Random random = new java.util.Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = valid.clone();
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                bytes[random.nextInt(bytes.length)] = interesting[random.nextInt(interesting.length)];
            }
            ValidationReport report = CSV.readRegistrations(new ByteArrayInputStream(bytes), r -> { });
            RecordCounts counts = report.counts(RecordKind.REGISTRATION);
            assertEquals(counts.read(), counts.accepted() + counts.rejected(), "seed " + seed + ", round " + round);
            for (Problem problem : report.problems()) {
                assertTrue(problem.message().startsWith(problem.code() + ": "));
            }
        }
    }

    @Test
    void anExceptionOfTheSinkReachesTheCallerUnchanged() {
        IllegalStateException mine = new IllegalStateException("mine");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSV.writeVictims(Fixtures.generated(1, 2, 0).victims(), out);
        assertEquals(mine, assertThrows(IllegalStateException.class, () -> CSV.readVictims(
                new ByteArrayInputStream(out.toByteArray()), v -> {
                    throw mine;
                })));
    }

    @Test
    void misuseIsRefusedWithACode() {
        assertEquals(IoRule.INVALID_ARGUMENT, assertThrows(ExchangeException.class,
                () -> CSV.withSeparator('\t')).rule());
        assertEquals(IoRule.CSV_ROW_LENGTH, assertThrows(ExchangeException.class,
                () -> CSV.writeTable(List.of("a", "b"), List.of(List.of("1")), new ByteArrayOutputStream())).rule());
        assertEquals(IoRule.CSV_VALUE, assertThrows(ExchangeException.class,
                () -> CSV.writeTable(List.of("a"), List.of(List.of(List.of(1, 2))), new ByteArrayOutputStream()))
                .rule());
    }
}
