package org.tipmonitor.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BloomEncoderTest {

    private static final String[] SYLLABLES = {"van", "de", "jan", "sen", "ber", "ma", "ko", "lie", "bos", "dijk",
        "ger", "rit", "an", "na", "el", "mer", "hof", "stra", "wel", "ink", "ra", "vis", "ter", "lin"};

    private static BloomEncoder encoder() {
        byte[] key = new byte[32];
        new Random(99).nextBytes(key);
        return BloomEncoder.withKey(key);
    }

    private static String name(Random random, int syllables) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            s.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return s.substring(0, 1).toUpperCase() + s.substring(1);
    }

    /** First name, family name, birth date, postcode: one person. */
    private static List<String> person(Random random) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(50 * 365));
        String postcode = (1000 + random.nextInt(9000)) + " " + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26));
        return List.of(name(random, 2), name(random, 3), birth.toString(), postcode);
    }

    /** A typing error in the first or family name: a substituted, deleted or swapped letter. */
    private static List<String> withTypo(Random random, List<String> person) {
        List<String> out = new ArrayList<>(person);
        int field = random.nextInt(2);
        StringBuilder s = new StringBuilder(out.get(field));
        int at = 1 + random.nextInt(s.length() - 2);
        switch (random.nextInt(3)) {
            case 0:
                s.setCharAt(at, (char) ('a' + random.nextInt(26)));
                break;
            case 1:
                s.deleteCharAt(at);
                break;
            default:
                char c = s.charAt(at);
                s.setCharAt(at, s.charAt(at + 1));
                s.setCharAt(at + 1, c);
        }
        out.set(field, s.toString());
        return out;
    }

    /** Links made at a threshold: each record of B to its most similar record of A at or above it. */
    private static long[] link(List<BitSet> a, List<BitSet> b, List<Integer> truth, double threshold) {
        long links = 0;
        long correct = 0;
        for (int j = 0; j < b.size(); j++) {
            int best = -1;
            double bestDice = threshold;
            for (int i = 0; i < a.size(); i++) {
                double d = BloomEncoder.dice(a.get(i), b.get(j));
                if (d >= bestDice) {
                    best = i;
                    bestDice = d;
                }
            }
            if (best >= 0) {
                links++;
                correct += best == truth.get(j) ? 1 : 0;
            }
        }
        return new long[] {links, correct};
    }

    @Test
    void precisionAndRecallOnGeneratedDataWithKnownLinks() {
        Random random = new Random(2009);
        BloomEncoder encoder = encoder();
        // Register A: 400 persons. File B: 300 of them (100 exact, 100 with one typing error in a name, 100 with
        // a typing error in each name and another postcode) and 200 other persons.
        List<List<String>> a = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            a.add(person(random));
        }
        List<List<String>> b = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<String> p = a.get(i);
            if (i % 3 == 1) {
                p = withTypo(random, p);
            } else if (i % 3 == 2) {
                p = new ArrayList<>(withTypo(random, withTypo(random, p)));
                p.set(3, person(random).get(3));
            }
            b.add(p);
            truth.add(i);
        }
        for (int i = 0; i < 200; i++) {
            b.add(person(random));
            truth.add(-1);
        }
        List<BitSet> ea = a.stream().map(encoder::encode).toList();
        List<BitSet> eb = b.stream().map(encoder::encode).toList();
        // Measured with these seeds (the figures in the README, "Bloom-filter encodings"), pinned exactly:
        // threshold -> {links made, correct links}; precision = correct / links, recall = correct / 300.
        long[][] expected = {{309, 300}, {235, 235}, {200, 200}};
        double[] thresholds = {0.7, 0.8, 0.9};
        for (int t = 0; t < thresholds.length; t++) {
            long[] made = link(ea, eb, truth, thresholds[t]);
            System.out.printf("Bloom linkage at Dice >= %.2f: %d links, %d correct, precision %.4f, recall %.4f%n",
                    thresholds[t], made[0], made[1], (double) made[1] / made[0], made[1] / 300.0);
            assertArrayEquals(expected[t], made, "threshold " + thresholds[t]);
        }
        // Properties: a higher threshold makes fewer links and never less precise ones here.
        assertTrue(expected[0][0] >= expected[1][0] && expected[1][0] >= expected[2][0]);
    }

    @Test
    void encodingIsKeyedNormalisedAndDiceIsBounded() {
        BloomEncoder encoder = encoder();
        List<String> p = List.of("Anna", "de Vries", "1990-05-01", "1234 AB");
        assertEquals(encoder.encode(p), encoder.encode(List.of("ANNA", "de  vries", "1990 05 01", "1234 ab")));
        assertEquals(encoder.encode(List.of("Élodie", "", "", "")), encoder.encode(List.of("elodie", "", "", "")));
        assertEquals(1.0, BloomEncoder.dice(encoder.encode(p), encoder.encode(p)), 0.0);
        assertEquals(0.0, BloomEncoder.dice(new BitSet(), new BitSet()), 0.0);
        byte[] other = new byte[32];
        new Random(100).nextBytes(other);
        assertNotEquals(encoder.encode(p), BloomEncoder.withKey(other).encode(p));
        // Field order matters: the same text in another field sets other bits.
        assertNotEquals(encoder.encode(List.of("a", "b")), encoder.encode(List.of("b", "a")));
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> BloomEncoder.withKey(new byte[32])).rule());
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> encoder.withSize(10, 5)).rule());
        assertTrue(encoder.toString().contains("key withheld"));
    }

    @Test
    void theSparkColumnsEqualTheJavaEncoding() {
        BloomEncoder encoder = encoder();
        StructType schema = new StructType().add("first", DataTypes.StringType).add("family", DataTypes.StringType);
        List<Row> rows = List.of(RowFactory.create("Anna", "Jansen"), RowFactory.create("Ana", "Jansen"));
        List<Row> out = SparkTestSession.get().createDataFrame(rows, schema)
                .select(encoder.encode(col("first"), col("family")).as("bloom"))
                .crossJoin(SparkTestSession.get().createDataFrame(rows.subList(0, 1), schema)
                        .select(encoder.encode(col("first"), col("family")).as("ref")))
                .select(col("bloom"), BloomEncoder.dice(col("bloom"), col("ref")))
                .collectAsList();
        BitSet anna = encoder.encode(List.of("Anna", "Jansen"));
        BitSet ana = encoder.encode(List.of("Ana", "Jansen"));
        assertArrayEquals(anna.toByteArray(), (byte[]) out.get(0).get(0));
        assertArrayEquals(ana.toByteArray(), (byte[]) out.get(1).get(0));
        assertEquals(1.0, out.get(0).getDouble(1), 0.0);
        assertEquals(BloomEncoder.dice(ana, anna), out.get(1).getDouble(1), 1e-15);
    }
}
