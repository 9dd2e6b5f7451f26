package org.tipmonitor.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.io.ExchangeFile;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.RecordKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExchangeSourceTest {

    @TempDir
    Path dir;

    private Path file(long seed, int persons) {
        return ExchangeFiles.write(dir.resolve("exchange-" + seed + ".json"), seed, persons);
    }

    @Test
    void acceptedRecordsBecomeRowsAndRejectedOnesAreCounted() throws Exception {
        Path good = file(3, 10);
        // Break one victim's key into the shape of a citizen service number: monitor-io rejects that victim
        // (TM-M-002) and its registrations (their person is missing).
        String text = Files.readString(good);
        ExchangeFile original = ExchangeReader.withDefaults().readFile(good);
        String key = original.victims().get(0).key().value();
        Path bad = Files.writeString(dir.resolve("bad.json"), text.replace(key, "123456782"));

        ExchangeData data = ExchangeSource.of(SparkTestSession.get()).read(List.of(good, bad));
        assertEquals(2, data.files().size());
        assertEquals(List.of("exchange-3.json", "bad.json"), data.files().stream()
                .map(ExchangeSource.FileReport::file).toList());
        assertEquals(10 + 9, data.victims().count());
        long registrations = original.registrations().size();
        long ofFirst = original.registrations().stream().filter(r -> r.victimKey().value().equals(key)).count();
        assertEquals(2 * registrations - ofFirst, data.registrations().count());
        var counts = data.files().get(1).report().counts(RecordKind.VICTIM);
        assertEquals(1, counts.rejected());
        assertEquals(ofFirst, data.files().get(1).report().counts(RecordKind.REGISTRATION).rejected());
        assertTrue(data.files().get(1).report().codes().contains("TM-M-002"));
        // Both files hold the same persons: one victim per key, the first file's.
        assertEquals(10, data.victimPerKey().count());
        Row first = data.victims().orderBy("file_index", "seq").first();
        assertEquals(0, first.getInt(0));
        for (Row r : data.victims().collectAsList()) {
            assertFalse(r.toString().contains("123456782"));
        }
    }

    @Test
    void unreadableFilesAndFailFastReadersAreRefused() throws Exception {
        ExchangeSource source = ExchangeSource.of(SparkTestSession.get());
        SparkMonitorException missing = assertThrows(SparkMonitorException.class,
                () -> source.read(List.of(dir.resolve("absent.json"))));
        assertEquals(SparkRule.EXCHANGE_FILE_REJECTED, missing.rule());
        assertTrue(missing.getMessage().startsWith("TM-SP-005: exchange file absent.json cannot be read: TM-IO-0007"),
                missing.getMessage());
        // monitor-io reports the empty file (TM-IO-0003); with no victim in any file the source is empty.
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(SparkRule.EMPTY_SOURCE, assertThrows(SparkMonitorException.class,
                () -> source.read(List.of(empty))).rule());
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> source.withReader(ExchangeReader.withDefaults().withFailFast(true))).rule());
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> source.read(List.of())).rule());
    }
}
