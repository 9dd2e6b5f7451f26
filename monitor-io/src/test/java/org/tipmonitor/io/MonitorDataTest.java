package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;

/** The dataset API: a file (or records in memory) to victim and offender histories with the read's accounting. */
class MonitorDataTest {

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(12);
    }

    /**
     * Property: the histories hold every record of a valid generated file exactly once, under its own person, in
     * file order; the flat lists, the year lookups and the counts of the report agree with them and with an
     * independent grouping of the file's records.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void historiesHoldEveryRecordOnceUnderItsPerson(long seed) {
        ExchangeFile file = Fixtures.generated(seed, 40, 25);
        MonitorData data = Fixtures.READER.readData(file);

        assertTrue(data.report().isValid(), data.report().toText());
        assertEquals(file.victims().size(), data.victims().size());
        assertEquals(file.offenders().size(), data.offenders().size());
        assertEquals(file.registrations(), data.registrations());
        assertEquals(file.offenderCases(), data.offenderCases());
        assertEquals(file.policeSignals(), data.policeSignals());
        assertEquals(file, data.toExchangeFile());
        // An independent grouping: for each victim, its registrations filtered from the flat file in file order.
        for (int i = 0; i < file.victims().size(); i++) {
            Victim victim = file.victims().get(i);
            List<Registration> expected = file.registrations().stream()
                    .filter(r -> r.victimKey().equals(victim.key())).toList();
            assertEquals(new VictimHistory(victim, expected), data.victims().get(i));
            assertEquals(data.victims().get(i), data.victim(victim.key()).orElseThrow());
            assertEquals(victim, data.victimsByKey().get(victim.key()));
        }
        for (int i = 0; i < file.offenders().size(); i++) {
            var offender = file.offenders().get(i);
            List<OffenderCase> expected = file.offenderCases().stream()
                    .filter(c -> c.offenderKey().equals(offender.key())).toList();
            assertEquals(new OffenderHistory(offender, expected), data.offenders().get(i));
            assertEquals(data.offenders().get(i), data.offender(offender.key()).orElseThrow());
        }
        assertEquals(file.registrations().size(),
                data.victims().stream().mapToInt(h -> h.registrations().size()).sum());
        assertEquals(file.offenderCases().size(), data.offenders().stream().mapToInt(h -> h.cases().size()).sum());
        assertEquals(data.report().counts(RecordKind.REGISTRATION).accepted(), data.registrations().size());
        assertEquals(data.report().counts(RecordKind.VICTIM).accepted(), data.victims().size());
        assertEquals(data.report().counts(RecordKind.OFFENDER_CASE).accepted(), data.offenderCases().size());

        assertEquals(new TreeSet<>(file.registrations().stream().map(Registration::reportYear).toList()),
                data.registrationYears());
        for (int year : data.registrationYears()) {
            assertEquals(file.registrations().stream().filter(r -> r.reportYear() == year).toList(),
                    data.registrationsIn(year));
        }
        for (int year : data.offenderCaseYears()) {
            assertEquals(file.offenderCases().stream().filter(c -> c.prosecutorRegistrationYear() == year).toList(),
                    data.offenderCasesIn(year));
        }
        for (int year : data.policeSignalYears()) {
            assertEquals(file.policeSignals().stream().filter(s -> s.year() == year).toList(),
                    data.policeSignalsIn(year));
        }
        int before = data.registrationYears().isEmpty() ? 2000 : data.registrationYears().first() - 1;
        assertEquals(List.of(), data.registrationsIn(before));
    }

    /** The stream, the path and the records in memory give the same data. */
    @Test
    void streamPathAndRecordsAgree(@TempDir Path dir) {
        ExchangeFile file = Fixtures.generated(7, 30, 20);
        Path path = dir.resolve("monitor.json");
        ExchangeWriter.withDefaults().write(file, path);
        MonitorData fromPath = Fixtures.READER.readData(path);
        MonitorData fromStream = Fixtures.READER.readData(new ByteArrayInputStream(
                ExchangeWriter.withDefaults().toJson(file).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        MonitorData fromRecords = Fixtures.READER.readData(file);
        for (MonitorData data : List.of(fromStream, fromRecords)) {
            assertEquals(fromPath.dataset(), data.dataset());
            assertEquals(fromPath.victims(), data.victims());
            assertEquals(fromPath.offenders(), data.offenders());
            assertEquals(fromPath.policeSignals(), data.policeSignals());
            assertEquals(fromPath.report().counts(), data.report().counts());
        }
    }

    /**
     * A collect-all read leaves a rejected registration out, counts it and locates its problem; the rest of the
     * file is joined as if it were not there.
     */
    @Test
    void rejectedRecordsAreCountedLocatedAndLeftOut() {
        MonitorData data = Fixtures.READER.readData(new ByteArrayInputStream(
                Fixtures.golden("invalid/TM-IO-0032-unresolved-victim.json")));

        RecordCounts registrations = data.report().counts(RecordKind.REGISTRATION);
        assertEquals(2, registrations.read());
        assertEquals(1, registrations.accepted());
        assertEquals(1, registrations.rejected());
        assertEquals(List.of("TM-IO-0032"), data.report().codes());
        Problem problem = data.report().problems().get(0);
        assertEquals(RecordKind.REGISTRATION, problem.kind());
        assertEquals(1, problem.index());
        assertTrue(problem.pointer().startsWith("/registrations/1"), problem.pointer());
        assertTrue(problem.line() > 0, "a file's problem has a line");
        assertEquals(1, data.registrations().size());
        assertEquals(2, data.victims().size());
        PersonKey first = PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a");
        assertEquals(data.registrations(), data.victim(first).orElseThrow().registrations());
        assertEquals(List.of(), data.victim(PersonKey.of("kq2w7e4r5t6y7u8i9o0p1a2s3d")).orElseThrow()
                .registrations());
        assertTrue(data.victim(PersonKey.of("kzzzzzzzzzzzzzzzzzzzzzzzzz")).isEmpty(), "the unresolved victim");
    }

    /** Records in memory are checked by the rules of a file; a problem names the record's index in its list. */
    @Test
    void recordsInMemoryAreValidatedLikeAFile() {
        ExchangeFile file = Fixtures.generated(3, 10, 0, 0);
        Registration orphan = file.registrations().get(0);
        Registration stray = new Registration(new org.tipmonitor.model.RegistrationId("stray-1"), PersonKey.of("kzzzzzzzzzzzzzzzzzzzzzzzzz"), orphan.reportDate(),
                orphan.reporterType(), orphan.form(), orphan.route(), orphan.sector(), orphan.legalBasis(),
                orphan.dublinStatus(), orphan.residenceStage(), orphan.policeReportFiled());
        List<Registration> registrations = new ArrayList<>(file.registrations());
        registrations.add(stray);
        ExchangeFile withStray = new ExchangeFile(file.dataset(), file.victims(), registrations, List.of(),
                List.of());

        MonitorData data = Fixtures.READER.readData(withStray);

        assertEquals(List.of("TM-IO-0032"), data.report().codes());
        Problem problem = data.report().problems().get(0);
        assertEquals(registrations.size() - 1, problem.index());
        assertEquals(-1, problem.line());
        assertEquals(-1, problem.column());
        assertEquals(file.registrations(), data.registrations());
        RecordCounts counts = data.report().counts(RecordKind.REGISTRATION);
        assertEquals(new RecordCounts(registrations.size(), registrations.size() - 1, 1), counts);

        ExchangeException failFast = assertThrows(ExchangeException.class,
                () -> Fixtures.READER.withFailFast(true).readData(withStray));
        assertEquals(IoRule.REJECTED, failFast.rule());
        assertEquals(-1, failFast.report().orElseThrow().problems().get(0).line());
    }

    /** A fail-fast reader stops at the first problem and throws with the report. */
    @Test
    void failFastReaderThrowsAtTheFirstProblem() {
        ExchangeException e = assertThrows(ExchangeException.class, () -> Fixtures.READER.withFailFast(true)
                .readData(new ByteArrayInputStream(Fixtures.golden("invalid/TM-IO-0032-unresolved-victim.json"))));
        assertEquals(IoRule.REJECTED, e.rule());
        assertEquals(List.of("TM-IO-0032"), e.report().orElseThrow().codes());
    }

    /** An input not read to its end, or without valid metadata, gives no data: what is missing is unknown. */
    @Test
    void incompleteInputOrMissingMetadataGivesNoData() {
        ExchangeException truncated = assertThrows(ExchangeException.class, () -> Fixtures.READER.readData(
                new ByteArrayInputStream(Fixtures.golden("invalid/TM-IO-0002-truncated.json"))));
        assertEquals(IoRule.REJECTED, truncated.rule());
        assertFalse(truncated.report().orElseThrow().isComplete());
        assertTrue(truncated.getMessage().contains("TM-IO-0002"), truncated.getMessage());

        ExchangeException noDataset = assertThrows(ExchangeException.class, () -> Fixtures.READER.readData(
                new ByteArrayInputStream(Fixtures.golden("invalid/TM-IO-0020-dataset-id.json"))));
        assertEquals(IoRule.REJECTED, noDataset.rule());
        assertTrue(noDataset.report().orElseThrow().isComplete());
        assertTrue(noDataset.getMessage().contains("no valid dataset metadata"), noDataset.getMessage());
    }

    /** A missing file is an io failure, named by its file name only. */
    @Test
    void missingFileIsAnIoFailure(@TempDir Path dir) {
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> Fixtures.READER.readData(dir.resolve("absent.json")));
        assertEquals(IoRule.IO_FAILURE, e.rule());
    }

    /** Every valid golden file: the histories hold every accepted record, and the data prints no person key. */
    @Test
    void goldenFilesJoinCompletely() throws IOException {
        for (String name : List.of("victims-and-offenders.json", "persons-after-their-records.json",
                "police-reports.json", "police-signals.json", "programme-measures.json", "residence-stages.json",
                "dataset-only.json")) {
            byte[] bytes = Fixtures.golden("valid/" + name);
            MonitorData data = Fixtures.READER.readData(new ByteArrayInputStream(bytes));
            ExchangeFile file = Fixtures.READER.readFile(new ByteArrayInputStream(bytes));
            assertTrue(data.report().isValid(), name);
            Map<PersonKey, List<Registration>> grouped = file.registrations().stream().collect(
                    Collectors.groupingBy(Registration::victimKey, LinkedHashMap::new, Collectors.toList()));
            for (VictimHistory history : data.victims()) {
                assertEquals(grouped.getOrDefault(history.victim().key(), List.of()), history.registrations(), name);
            }
            assertEquals(file.policeReports(), data.policeReports(), name);
            assertEquals(file.programmeMeasures(), data.programmeMeasures(), name);
            assertEquals(file.residenceHistories(), data.residenceHistories(), name);
            for (Victim victim : file.victims()) {
                assertFalse(data.toString().contains(victim.key().value()), name);
            }
            assertTrue(data.toString().startsWith("MonitorData[dataset=" + file.dataset().id() + ", victims="
                    + file.victims().size() + ", registrations=" + file.registrations().size()), data.toString());
        }
    }

    /** The lists and maps cannot be changed. */
    @Test
    void isImmutable() {
        MonitorData data = Fixtures.READER.readData(Fixtures.generated(5, 5, 5));
        assertThrows(UnsupportedOperationException.class, () -> data.victims().clear());
        assertThrows(UnsupportedOperationException.class, () -> data.registrations().clear());
        assertThrows(UnsupportedOperationException.class, () -> data.offenders().clear());
        assertThrows(UnsupportedOperationException.class, () -> data.victimsByKey().clear());
        assertThrows(UnsupportedOperationException.class, () -> data.registrationYears().clear());
        assertThrows(UnsupportedOperationException.class, () -> data.victims().get(0).registrations().clear());
        int year = data.policeSignalYears().first();
        List<PoliceSignalCount> signals = data.policeSignalsIn(year);
        assertThrows(UnsupportedOperationException.class, signals::clear);
    }
}
