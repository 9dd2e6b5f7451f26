package org.tipmonitor.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A seeded generator of a victim table and a large episode register extract with known true links, for tests and
 * for benchmarks/spark-scale.sh. The same seed and sizes give the same files.
 *
 * <p>Victims: {@code victims} persons, first registered on a day of 2016 to 2023, 40% minors (aged 12 to 17 then),
 * each linked (has episodes in the register) with probability {@code linkRate}. Register: every linked victim has
 * 1 to 3 episodes around the first registration; the other rows belong to non-victim persons (about three rows
 * each). Every {@code badEvery}-th row of a non-victim is broken in one of three ways (a key shaped like a citizen service
 * number, a date out of range, an unknown code), so the expected rejections are known exactly.
 */
final class ScaleGenerator {

    static final LocalDate OBSERVED_FROM = LocalDate.of(2010, 1, 1);
    static final LocalDate OBSERVED_TO = LocalDate.of(2024, 12, 31);
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final long seed;
    private final int victims;
    private final double linkRate;
    private final int badEvery;

    private final List<Row> victimRows = new ArrayList<>();
    private final List<Row> registrationRows = new ArrayList<>();
    private final List<long[]> linkedVictims = new ArrayList<>(); // {index, first report epoch day}

    ScaleGenerator(long seed, int victims, double linkRate, int badEvery) {
        this.seed = seed;
        this.victims = victims;
        this.linkRate = linkRate;
        this.badEvery = badEvery;
        SplittableRandom random = new SplittableRandom(seed);
        long seq = 0;
        for (int i = 0; i < victims; i++) {
            long first = LocalDate.of(2016, 1, 1).toEpochDay() + random.nextInt(8 * 365);
            boolean minor = random.nextDouble() < 0.4;
            int age = minor ? 12 + random.nextInt(6) : 18 + random.nextInt(40);
            LocalDate birth = LocalDate.ofEpochDay(first).minusYears(age).minusDays(1 + random.nextInt(360));
            String sex = random.nextBoolean() ? "female" : "male";
            String key = key(i);
            victimRows.add(RowFactory.create(0, seq++, key, sex, birth, "day", "netherlands"));
            registrationRows.add(RowFactory.create(0, seq++, "r" + i, key, LocalDate.ofEpochDay(first), "police",
                    "domestic_sexual"));
            if (random.nextDouble() < linkRate) {
                linkedVictims.add(new long[] {i, first});
            }
        }
    }

    /** The pseudonymous key of person i: unique, of the model's key shape (27 characters). */
    String key(long i) {
        return "k" + base32(mix(i ^ seed)) + base32(mix(i + 0x632BE59BD9B4E019L ^ seed));
    }

    /** The number of victims with at least one record in the register: the true links. */
    long trueLinks() {
        return linkedVictims.size();
    }

    /** The victims as exchange data (one file). */
    ExchangeData exchangeData(SparkSession spark) {
        return new ExchangeData(spark.createDataFrame(victimRows, ExchangeData.VICTIMS),
                spark.createDataFrame(registrationRows, ExchangeData.REGISTRATIONS), List.of());
    }

    /**
     * Writes the register extract, {@code rows} data rows after the header.
     *
     * @param file the CSV file
     * @param rows the number of data rows, at least 3 per linked victim
     * @return the number of broken rows written (the expected rejections)
     */
    long writeEpisodes(Path file, long rows) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long others = Math.max(1, rows / 3);
        long broken = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("person_key,episode_type,start_date,end_date\n");
            int victim = 0;
            int ofVictim = 0;
            int perVictim = 0;
            for (long r = 0; r < rows; r++) {
                String key;
                long start;
                if (victim < linkedVictims.size()) {
                    if (ofVictim == 0) {
                        perVictim = 1 + random.nextInt(3);
                    }
                    long[] v = linkedVictims.get(victim);
                    key = key(v[0]);
                    start = Math.min(v[1] - 540 + random.nextInt(1080), OBSERVED_TO.toEpochDay());
                    if (++ofVictim == perVictim) {
                        victim++;
                        ofVictim = 0;
                    }
                } else {
                    key = key(victims + random.nextLong(others));
                    start = OBSERVED_FROM.toEpochDay() + random.nextInt(14 * 365);
                }
                String type = random.nextBoolean() ? "youth_care" : "child_protection";
                long end = start + 30 + random.nextInt(700);
                String endText = end > OBSERVED_TO.toEpochDay() ? "" : LocalDate.ofEpochDay(end).toString();
                String startText = LocalDate.ofEpochDay(start).toString();
                if (badEvery > 0 && victim >= linkedVictims.size() && r % badEvery == badEvery - 1) {
                    broken++;
                    switch ((int) ((r / badEvery) % 3)) {
                        case 0:
                            key = String.format("%09d", random.nextInt(1_000_000_000));
                            break;
                        case 1:
                            startText = "1899-12-31";
                            break;
                        default:
                            type = "detention";
                    }
                }
                out.write(key);
                out.write(',');
                out.write(type);
                out.write(',');
                out.write(startText);
                out.write(',');
                out.write(endText);
                out.write('\n');
            }
            if (victim < linkedVictims.size()) {
                throw new IllegalArgumentException("too few rows for the linked victims: " + rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broken;
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood 2014): a bijection on 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String base32(long value) {
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = BASE32[(int) (value & 31)];
            value >>>= 5;
        }
        return new String(out);
    }
}
