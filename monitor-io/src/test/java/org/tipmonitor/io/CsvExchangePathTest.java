package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/** Issue 15: every CSV read and write of {@link CsvExchange} takes a {@link Path} as well as a stream. */
class CsvExchangePathTest {

    private static final CsvExchange CSV = CsvExchange.withDefaults().withClock(Fixtures.CLOCK).withSeparator(';');

    @TempDir
    Path dir;

    /** A file written from a path holds the bytes the stream gets, and reads back the same records. */
    @Test
    void pathsWriteTheStreamsBytesAndReadBackEqual() throws IOException {
        ExchangeFile file = Fixtures.generated(11, 20, 0, 15);

        Path victims = dir.resolve("victims.csv");
        CSV.writeVictims(file.victims(), victims);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        CSV.writeVictims(file.victims(), expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(victims));
        List<Victim> readVictims = new ArrayList<>();
        assertTrue(CSV.readVictims(victims, readVictims::add).isValid());
        assertEquals(file.victims(), readVictims);

        Path registrations = dir.resolve("registrations.csv");
        CSV.writeRegistrations(file.registrations(), registrations);
        List<Registration> readRegistrations = new ArrayList<>();
        ValidationReport report = CSV.readRegistrations(registrations, readRegistrations::add);
        assertTrue(report.isValid(), report.toText());
        assertEquals(file.registrations(), readRegistrations);
        assertEquals(file.registrations().size(), report.counts(RecordKind.REGISTRATION).accepted());

        Path signals = dir.resolve("signals.csv");
        CSV.writePoliceSignals(file.policeSignals(), signals);
        expected.reset();
        CSV.writePoliceSignals(file.policeSignals(), expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(signals));

        Path records = dir.resolve("records.csv");
        CSV.writeRecords(PoliceSignalCount.class, file.policeSignals(), records);
        expected.reset();
        CSV.writeRecords(PoliceSignalCount.class, file.policeSignals(), expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(records));

        Path table = dir.resolve("table.csv");
        CSV.writeTable(List.of("year", "count"), List.of(List.of(2019, 3), List.of(2020, 5)), table);
        assertEquals("year;count\r\n2019;3\r\n2020;5\r\n".replace("\r\n", lineEnd(Files.readString(table))),
                Files.readString(table));
    }

    private static String lineEnd(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** A missing file or directory is an io failure naming the file's name, not its whole path. */
    @Test
    void aMissingFileIsAnIoFailure() {
        Path absent = dir.resolve("absent").resolve("victims.csv");
        ExchangeException read = assertThrows(ExchangeException.class, () -> CSV.readVictims(absent, v -> { }));
        assertEquals(IoRule.IO_FAILURE, read.rule());
        assertTrue(read.getMessage().startsWith("TM-IO-0007: cannot read file victims.csv"), read.getMessage());
        ExchangeException write = assertThrows(ExchangeException.class,
                () -> CSV.writeRegistrations(List.of(), absent));
        assertEquals(IoRule.IO_FAILURE, write.rule());
        assertTrue(write.getMessage().startsWith("TM-IO-0007: cannot write file victims.csv"), write.getMessage());
        assertTrue(write.getCause() instanceof IOException);
    }

    /** A fail-fast read from a path still throws the rejection with its report. */
    @Test
    void aFailFastReadFromAPathThrowsTheRejection() throws IOException {
        Path victims = dir.resolve("bad.csv");
        Files.writeString(victims, String.join(";", CsvExchange.VICTIM_COLUMNS) + "\nnot-a-key;female;;;NL\n");
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> CSV.withFailFast(true).readVictims(victims, v -> { }));
        assertEquals(IoRule.REJECTED, e.rule());
        assertEquals(RecordKind.VICTIM, e.report().orElseThrow().problems().get(0).kind());
    }
}
