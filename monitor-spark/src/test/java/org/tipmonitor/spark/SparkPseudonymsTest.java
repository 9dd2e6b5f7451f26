package org.tipmonitor.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.Pseudonymiser;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SparkPseudonymsTest {

    private static byte[] key(long seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    /** Nine-digit identifiers shaped like citizen service numbers, and other text, seeded. */
    private static List<String> identifiers() {
        Random random = new Random(17);
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> String.format("%09d", random.nextInt(1_000_000_000)))
                .collect(Collectors.toList());
        ids.addAll(List.of("AB-123/x", "Ã©cole", "e\u0301cole")); // NFC: the last two are the same after normalising
        return ids;
    }

    @Test
    void theSameKeyGivesTheSamePseudonymInBothPaths() {
        List<String> ids = identifiers();
        Dataset<Row> raw = SparkTestSession.get().createDataset(ids, Encoders.STRING()).toDF("bsn");
        for (String context : Arrays.asList(null, "victims")) {
            Pseudonymiser local = context == null ? Pseudonymiser.withKey(key(1))
                    : Pseudonymiser.withKey(key(1)).withContext(context);
            SparkPseudonyms spark = context == null ? SparkPseudonyms.withKey(key(1))
                    : SparkPseudonyms.withKey(key(1), context);
            List<Row> rows = raw.select(col("bsn"), spark.pseudonymise(col("bsn"))).collectAsList();
            assertEquals(ids.size(), rows.size());
            for (Row r : rows) {
                assertEquals(local.pseudonymise(r.getString(0)).value(), r.getString(1));
            }
        }
        // Another key gives other pseudonyms.
        String other = raw.select(SparkPseudonyms.withKey(key(2)).pseudonymise(col("bsn"))).first().getString(0);
        assertFalse(other.equals(Pseudonymiser.withKey(key(1)).pseudonymise(ids.get(0)).value()));
    }

    @Test
    void replaceDropsTheRawColumnAndBlankIdentifiersGiveNull() {
        Dataset<Row> raw = SparkTestSession.get().createDataset(Arrays.asList("123456782", " ", null),
                Encoders.STRING()).toDF("bsn");
        Dataset<Row> out = SparkPseudonyms.withKey(key(3)).replace(raw, "bsn", ExtractSchema.KEY);
        assertEquals(List.of(ExtractSchema.KEY), List.of(out.columns()));
        List<Row> rows = out.collectAsList();
        assertEquals(Pseudonymiser.withKey(key(3)).pseudonymise("123456782").value(), rows.get(0).getString(0));
        assertNull(rows.get(1).get(0));
        assertNull(rows.get(2).get(0));
        assertFalse(rows.toString().contains("123456782"));
    }

    @Test
    void weakKeysAreRefusedWithMonitorIoCodeAndNotShown() {
        ExchangeException e = assertThrows(ExchangeException.class, () -> SparkPseudonyms.withKey(new byte[16]));
        assertEquals("TM-IO-0050", e.getMessage().substring(0, 10));
        assertEquals("SparkPseudonyms[HMAC-SHA256, key withheld]", SparkPseudonyms.withKey(key(4)).toString());
    }
}
