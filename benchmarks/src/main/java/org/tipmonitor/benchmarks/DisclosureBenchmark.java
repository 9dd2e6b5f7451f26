package org.tipmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.tipmonitor.indicators.disclosure.AuditReport;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * Cell suppression of a cross-tabulation whose first dimension has {@code categories} categories (100: the
 * nationalities of a year's registrations, most with a handful of cases) by the five exploitation forms, with its
 * margins and total: {@link DisclosurePolicy#protect(CountTable) primary and secondary suppression} with the
 * default threshold 10, and the {@link DisclosureAudit audit} of the result (a linear program per withheld cell).
 * The counts are a seeded draw of {@code total} registrations over Zipf-distributed nationalities and fixed form
 * shares, so many cells are small; the number of withheld cells is printed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DisclosureBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class DisclosureBenchmark {

    private static final long SEED = 20_261_127L;
    static final List<String> FORMS = List.of("domestic_sexual", "cross_border_sexual", "labour",
            "criminal", "other");
    private static final double[] FORM_SHARES = {0.35, 0.25, 0.25, 0.1, 0.05};

    /** The number of categories of the first dimension. */
    @Param("100")
    public int categories;

    /** The number of registrations in the table. */
    @Param("6000")
    public int total;

    private CountTable table;
    private ProtectedTable protectedTable;

    /** Draws the table and protects it once for the audit benchmark. */
    @Setup(Level.Trial)
    public void drawTable() {
        table = table(categories, total);
        protectedTable = DisclosurePolicy.withDefaults().protect(table);
        long primary = 0;
        for (long c : table.extendedCounts()) {
            if (c > 0 && c < DisclosurePolicy.DEFAULT_THRESHOLD) {
                primary++;
            }
        }
        System.out.printf("%ntable %d x %d: %d cells with margins, %d sensitive, %d withheld%n", categories,
                FORMS.size(), table.extendedCounts().length, primary, protectedTable.suppressedCount());
    }

    /**
     * The benchmark's table: a seeded draw of total registrations over categories Zipf-distributed nationalities by
     * the five forms.
     *
     * @param categories the number of nationalities
     * @param total      the number of registrations
     * @return the table
     */
    static CountTable table(int categories, int total) {
        List<String> labels = new ArrayList<>(categories);
        double[] weights = new double[categories];
        double sum = 0;
        for (int i = 0; i < categories; i++) {
            labels.add("c" + (i + 1));
            weights[i] = 1.0 / (i + 1);
            sum += weights[i];
        }
        long[] cells = new long[categories * FORMS.size()];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int n = 0; n < total; n++) {
            cells[draw(weights, sum, random) * FORMS.size() + draw(FORM_SHARES, 1.0, random)]++;
        }
        return CountTable.of(CountingUnit.REGISTRATIONS, List.of(new Dimension("nationality", labels),
                new Dimension("form", FORMS)), cells);
    }

    private static int draw(double[] weights, double sum, SplittableRandom random) {
        double u = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * Primary and secondary suppression of the table.
     *
     * @return the number of withheld cells
     */
    @Benchmark
    public int suppress() {
        return DisclosurePolicy.withDefaults().protect(table).suppressedCount();
    }

    /**
     * The audit of the protected table with the policy's protection margin (10): the feasible interval of every
     * withheld cell.
     *
     * @return whether every withheld cell is protected
     */
    @Benchmark
    public boolean audit() {
        AuditReport report = DisclosureAudit.withDefaults()
                .withProtectionMargin(DisclosurePolicy.withDefaults().protectionMargin()).audit(protectedTable);
        if (!report.passed()) {
            throw new IllegalStateException("protected table fails its audit: " + report.exposed());
        }
        return report.passed();
    }
}
