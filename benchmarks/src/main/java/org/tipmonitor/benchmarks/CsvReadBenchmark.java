package org.tipmonitor.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.tipmonitor.io.CsvExchange;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

/**
 * Reading and validating registrations from CSV ({@link CsvExchange#readRegistrations}) held in memory, so that
 * the score is the parser, the column mapping and Bean Validation, not the disk. One operation reads the whole
 * file: records/s = {@code registrations} / score. The file's size is printed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CsvReadBenchmark {

    private static final long SEED = 20_261_127L;

    /** The number of registrations in the file. */
    @Param("100000")
    public int registrations;

    private byte[] csv;
    private CsvExchange reader;

    /** Writes the registrations of seeded victim histories as CSV. */
    @Setup(Level.Trial)
    public void writeCsv() {
        ModelGenerator generator = new ModelGenerator(SEED);
        List<Registration> rows = new ArrayList<>(registrations);
        while (rows.size() < registrations) {
            VictimHistory history = generator.victimHistory();
            for (Registration registration : history.registrations()) {
                if (rows.size() < registrations) {
                    rows.add(registration);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader = CsvExchange.withDefaults();
        reader.writeRegistrations(rows, out);
        csv = out.toByteArray();
        System.out.printf("%ncsv: %,d bytes, %,d registrations%n", csv.length, registrations);
    }

    /**
     * Reads and validates every row.
     *
     * @return the number of accepted registrations
     */
    @Benchmark
    public long readRegistrations() {
        long[] accepted = new long[1];
        ValidationReport report = reader.readRegistrations(new ByteArrayInputStream(csv), r -> accepted[0]++);
        if (!report.isValid() || accepted[0] != registrations) {
            throw new IllegalStateException("benchmark CSV is not valid: " + report.toText());
        }
        return accepted[0];
    }
}
