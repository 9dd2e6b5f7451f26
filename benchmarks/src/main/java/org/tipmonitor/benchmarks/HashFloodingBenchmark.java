package org.tipmonitor.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.ExchangeWriter;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.io.RecordWriter;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Victim;

/**
 * The hash-flooding regression of issue 13: valid person keys built from the blocks {@code "Aa"} and {@code "BB"}
 * (which share {@link String#hashCode()}, so all keys of 16 blocks share one hash code) against random keys of the
 * same length. Two operations: validating an exchange file of {@code victims} victims (the reader's key set) and
 * filling and querying a {@code HashMap<PersonKey, Integer>} (the maps of the report and the indicators). Before
 * the fix, 65,536 colliding victims took 30.8 s of CPU to validate against 6.4 s for random keys; with keyed
 * hashing and comparable keys the two must stay within a small factor. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar HashFloodingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HashFloodingBenchmark {

    /** The number of victims (at most 65,536 colliding keys of 16 blocks). */
    @Param("65536")
    public int victims;

    /** {@code colliding} keys (one String hash code) or {@code random} keys. */
    @Param({"colliding", "random"})
    public String keys;

    private List<PersonKey> personKeys;
    private Path file;

    /**
     * The colliding keys: key {@code i} has 16 blocks, block {@code b} is {@code "BB"} if bit {@code b} of
     * {@code i} is set, else {@code "Aa"}.
     *
     * @param count how many, at most 65,536
     * @return the keys, all with one {@code String.hashCode()}
     */
    public static List<PersonKey> collidingKeys(int count) {
        List<PersonKey> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder key = new StringBuilder(32);
            for (int b = 15; b >= 0; b--) {
                key.append((i >>> b & 1) == 0 ? "Aa" : "BB");
            }
            result.add(PersonKey.of(key.toString()));
        }
        return result;
    }

    private static List<PersonKey> randomKeys(int count) {
        SplittableRandom random = new SplittableRandom(13);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        List<PersonKey> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder key = new StringBuilder(32);
            for (int c = 0; c < 32; c++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            result.add(PersonKey.of(key.toString()));
        }
        return result;
    }

    /** Writes the file of victims. */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        personKeys = "colliding".equals(keys) ? collidingKeys(victims) : randomKeys(victims);
        file = Files.createTempFile("tipmonitor-flooding", ".json");
        Dataset dataset = Dataset.of("flooding", ProducerType.RESEARCH, LocalDate.of(2010, 1, 1),
                LocalDate.of(2025, 12, 31), Instant.parse("2026-01-01T00:00:00Z"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             RecordWriter writer = ExchangeWriter.withDefaults().open(out, dataset)) {
            for (PersonKey key : personKeys) {
                writer.victim(new Victim(key, Sex.FEMALE, BirthDate.ofYear(1990), Nationality.UNKNOWN));
            }
        }
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Validates the file.
     *
     * @return the report
     * @throws IOException if reading fails
     */
    @Benchmark
    public ValidationReport validate() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ExchangeReader.withDefaults().validate(in);
        }
    }

    /**
     * Fills a hash map keyed by person and looks every key up.
     *
     * @return the sum of the values found
     */
    @Benchmark
    public long personMap() {
        Map<PersonKey, Integer> map = new HashMap<>();
        for (int i = 0; i < personKeys.size(); i++) {
            map.put(personKeys.get(i), i);
        }
        long sum = 0;
        for (PersonKey key : personKeys) {
            sum += map.get(key);
        }
        return sum;
    }
}
