package org.tipmonitor.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractReaderTest {

    private static final String KEY_A = "pabcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";
    private static final String KEY_B = "kq7rt2vz9bbmn3xw4yhh5jd6ee";
    private static final ExtractSchema EPISODES = ExtractSchema.episodes(LocalDate.of(1990, 1, 1),
            LocalDate.of(2025, 12, 31));

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void everyRowIsAcceptedOrRejectedWithItsLineAndRule() throws IOException {
        Path file = write("episodes.csv",
                "start_date,person_key,episode_type,end_date,ignored_column",   // columns in any order
                "2020-03-01," + KEY_A + ",youth_care,2020-09-30,x",             // 2 accepted
                "2021-01-15," + KEY_B + ",child_protection,,x",                 // 3 accepted (open end)
                "2021-01-15,123456782,youth_care,,x",                           // 4 citizen service number shape
                "2021-01-15,short_key,youth_care,,x",                           // 5 not a pseudonym
                "2021-01-15,,youth_care,,x",                                    // 6 key missing
                "2021-13-01," + KEY_A + ",youth_care,,x",                       // 7 not a date
                "1989-12-31," + KEY_A + ",youth_care,,x",                       // 8 before the range
                "2021-01-15," + KEY_A + ",detention,,x",                        // 9 unknown code
                "2021-01-15," + KEY_A + ",youth_care,2021-01-14,x",             // 10 end before start
                "2021-01-15," + KEY_A + ",youth_care",                          // 11 too few fields
                "\"2021-01-15," + KEY_A + ",youth_care,,x",                     // 12 unbalanced quote
                "," + KEY_A + ",youth_care,,x");                                // 13 start missing
        ExtractRead read = ExtractReader.of(spark).readCsv("youth_care", List.of(file), EPISODES);

        assertEquals(12, read.read());
        assertEquals(2, read.acceptedCount());
        assertEquals(10, read.rejectedCount());
        Map<Long, String> rules = read.rejected().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(2), r -> r.getString(3)));
        assertEquals(Map.of(4L, "TM-SP-012", 5L, "TM-SP-013", 6L, "TM-SP-011", 7L, "TM-SP-015", 8L, "TM-SP-016",
                9L, "TM-SP-017", 10L, "TM-SP-018", 11L, "TM-SP-010", 12L, "TM-SP-010", 13L, "TM-SP-014"), rules);
        assertEquals(Map.of("TM-SP-010", 2L, "TM-SP-011", 1L, "TM-SP-012", 1L, "TM-SP-013", 1L, "TM-SP-014", 1L,
                "TM-SP-015", 1L, "TM-SP-016", 1L, "TM-SP-017", 1L, "TM-SP-018", 1L), read.rejectionsByRule());

        List<Row> accepted = read.accepted().orderBy("line").collectAsList();
        assertEquals(List.of("source", "file", "line", "person_key", "episode_type", "start_date", "end_date"),
                List.of(read.accepted().columns()));
        assertEquals(KEY_A, accepted.get(0).getString(3));
        assertEquals(java.sql.Date.valueOf("2020-09-30"), accepted.get(0).get(6));
        assertTrue(accepted.get(1).isNullAt(6));
        assertEquals("episodes.csv", accepted.get(1).getString(1));
    }

    @Test
    void rejectionsAndMessagesNeverCarryAValue() throws IOException {
        Path file = write("bsn.csv", "person_key,episode_type,start_date,end_date",
                "123456782,youth_care,2021-01-15,");
        ExtractRead read = ExtractReader.of(spark).readCsv("youth_care", List.of(file), EPISODES);
        Row rejection = read.rejected().first();
        assertEquals("TM-SP-012", rejection.getString(3));
        assertEquals("person_key", rejection.getString(4));
        assertFalse(rejection.toString().contains("123456782"));
        assertFalse(read.summary().contains("123456782"));
    }

    @Test
    void anExtractWithoutKeyColumnIsRefused() throws IOException {
        Path file = write("nokey.csv", "bsn,episode_type,start_date,end_date", "123456782,youth_care,2021-01-15,");
        SparkMonitorException e = assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readCsv("youth_care", List.of(file), EPISODES));
        assertEquals(SparkRule.MISSING_KEY_COLUMN, e.rule());
        assertTrue(e.getMessage().startsWith("TM-SP-001: source youth_care, file nokey.csv has no column person_key"),
                e.getMessage());
        assertFalse(e.getMessage().contains("123456782"));
    }

    @Test
    void aMissingRequiredColumnIsRefused() throws IOException {
        Path file = write("nostart.csv", "person_key,episode_type,end_date", KEY_A + ",youth_care,");
        SparkMonitorException e = assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readCsv("youth_care", List.of(file), EPISODES));
        assertEquals(SparkRule.MISSING_COLUMN, e.rule());
    }

    @Test
    void emptySourcesAreRefused() throws IOException {
        Path empty = write("empty.csv");
        Path headerOnly = write("header.csv", "person_key,episode_type,start_date,end_date");
        assertEquals(SparkRule.EMPTY_SOURCE, assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readCsv("a", List.of(empty), EPISODES)).rule());
        assertEquals(SparkRule.EMPTY_SOURCE, assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readCsv("b", List.of(headerOnly), EPISODES)).rule());
        assertEquals(SparkRule.UNREADABLE_SOURCE, assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readCsv("c", List.of(dir.resolve("absent.csv")), EPISODES)).rule());
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readCsv("d", List.of(), EPISODES)).rule());
    }

    @Test
    void parquetRowsAreCheckedWithTheirRowNumber() throws IOException {
        Path csv = write("population.csv", "person_key,birth_year,sex",
                KEY_A + ",2008,female", KEY_B + ",1850,male", "12345678,2001,male");
        ExtractSchema schema = ExtractSchema.population(1900, 2025);
        // Write Parquet with Spark's own types: birth_year as an integer column, sex as a string.
        spark.read().option("header", "true").schema("person_key STRING, birth_year INT, sex STRING")
                .csv(csv.toString()).coalesce(1).write().parquet(dir.resolve("pop").toString());
        Path parquet;
        try (var files = Files.list(dir.resolve("pop"))) {
            parquet = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        ExtractRead read = ExtractReader.of(spark).readParquet("population", List.of(parquet), schema);
        assertEquals(3, read.read());
        assertEquals(1, read.acceptedCount());
        assertEquals(Map.of("TM-SP-016", 1L, "TM-SP-012", 1L), read.rejectionsByRule());
        Map<Long, String> rules = read.rejected().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(2), r -> r.getString(3)));
        assertEquals(Map.of(2L, "TM-SP-016", 3L, "TM-SP-012"), rules);
        Row accepted = read.accepted().first();
        assertEquals(2008L, accepted.getLong(4));

        Path noKey = dir.resolve("nokey");
        spark.read().parquet(parquet.toString()).drop("person_key").write().parquet(noKey.toString());
        assertEquals(SparkRule.MISSING_KEY_COLUMN, assertThrows(SparkMonitorException.class,
                () -> ExtractReader.of(spark).readParquet("population", List.of(noKey), schema)).rule());
    }
}
