package org.tipmonitor.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
import org.tipmonitor.io.RecordHandler;
import org.tipmonitor.io.RecordWriter;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.io.internal.Jackson;
import org.tipmonitor.io.internal.JsonExchangeReader;
import org.tipmonitor.io.internal.RecordValidation;
import org.tipmonitor.io.internal.Validators;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

/**
 * Reading and validating a generated exchange file of {@code registrations} registrations (and their victims),
 * against a raw Jackson token scan of the same file. One operation reads the whole file, so the score is seconds
 * per file: records/s = (victims + registrations) / score, MB/s = file size / score. The file's size and record
 * counts, and the peak heap of each iteration (sum of the heap pools' peak usage, garbage included), are printed.
 *
 * <p>The token scan uses the reader's own factory (same read limits), so the difference is what reading records,
 * Bean Validation and the file-level checks cost. Run: {@code java -jar benchmarks/target/benchmarks.jar
 * ExchangeReadBenchmark}; add {@code -jvmArgsAppend -Xmx256m} to try the read in another heap (the file-level
 * checks need some 75 to 90 bytes per record; README, "Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ExchangeReadBenchmark {

    private static final long SEED = 20_261_127L;

    /** The number of registrations in the file. */
    @Param("1000000")
    public int registrations;

    private Path file;
    private long victims;
    private ExchangeReader reader;
    private JsonExchangeReader sequential;

    /** Writes the file: victims first, then their registrations, from two generators with the same seed. */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("tipmonitor-benchmark", ".json");
        Dataset dataset = Dataset.of("benchmark", ProducerType.RESEARCH, LocalDate.of(2010, 1, 1),
                LocalDate.of(2025, 12, 31), Instant.parse("2026-01-01T00:00:00Z"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             RecordWriter writer = ExchangeWriter.withDefaults().open(out, dataset)) {
            ModelGenerator generator = new ModelGenerator(SEED);
            long planned = 0;
            while (planned < registrations) {
                VictimHistory history = generator.victimHistory();
                writer.victim(history.victim());
                victims++;
                planned += history.registrations().size();
            }
            generator = new ModelGenerator(SEED);
            long written = 0;
            while (written < registrations) {
                for (Registration registration : generator.victimHistory().registrations()) {
                    if (written < registrations) {
                        writer.registration(registration);
                        written++;
                    }
                }
            }
        }
        reader = ExchangeReader.withDefaults();
        sequential = new JsonExchangeReader(new RecordValidation(Validators.lazySystemDefault()),
                ExchangeReader.DEFAULT_ERROR_LIMIT, false, JsonExchangeReader.MAX_PENDING, -1, 64, false);
        System.out.printf("%nfile: %,d bytes, %,d victims, %,d registrations%n", Files.size(file), victims,
                registrations);
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Starts each iteration on a collected heap with the peaks reset. */
    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Prints the iteration's peak heap. */
    @TearDown(Level.Iteration)
    public void printPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(" [peak heap %,d MB] ", peak >> 20);
    }

    /**
     * Reads and validates every record and runs the file-level checks; counts the accepted registrations.
     *
     * @return the number of accepted registrations
     */
    @Benchmark
    public long readAndValidate() {
        long[] accepted = new long[1];
        ValidationReport report = reader.read(file, new RecordHandler() {
            @Override
            public void registration(Registration registration) {
                accepted[0]++;
            }
        });
        if (!report.isValid() || accepted[0] != registrations) {
            throw new IllegalStateException("benchmark file is not valid: " + report.toText());
        }
        return accepted[0];
    }

    /**
     * Validates the file as {@code monitor validate} does ({@link ExchangeReader#validate(Path)}): parsing on a
     * second thread, checks on this one (issue 14, item 2), no record handed on.
     *
     * @return the number of problems (0)
     */
    @Benchmark
    public long validate() {
        return valid(reader.validate(file));
    }

    /**
     * The same validation on one thread: parsing and checking in turn.
     *
     * @return the number of problems (0)
     * @throws IOException if reading fails
     */
    @Benchmark
    public long validateOneThread() throws IOException {
        return valid(sequential.validate(file));
    }

    private static long valid(ValidationReport report) {
        if (!report.isValid()) {
            throw new IllegalStateException("benchmark file is not valid: " + report.toText());
        }
        return report.problems().size();
    }

    /**
     * A raw token scan of the same file with the same Jackson factory: the floor for any streaming reader.
     *
     * @return the number of tokens
     * @throws IOException if reading fails
     */
    @Benchmark
    public long rawTokenScan() throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Jackson.JSON.createParser(in)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
