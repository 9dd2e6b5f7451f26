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
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.LinkedAuditReport;
import org.tipmonitor.indicators.disclosure.LinkedTables;
import org.tipmonitor.indicators.disclosure.ProtectedLinkedTables;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * Issue 12's linked-set target: three tables of the same {@code total} registrations by {@code rows} nationalities
 * (Zipf-distributed) and ten categories each (form, reporter, legal basis; Zipf-distributed too), linked by their
 * shared nationality margins and grand totals, protected jointly ({@link DisclosurePolicy#protect(LinkedTables)}) and
 * audited with the policy's margin 10, by the plain audit (exact intervals) and by the publisher's audit with the
 * source ({@link DisclosureAudit#audit(ProtectedLinkedTables, List, LinkedTables)}, exact verdicts). Single shots:
 * each operation takes seconds.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LinkedDisclosureBenchmark -p rows=100 -p total=4000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LinkedDisclosureBenchmark {

    private static final long SEED = 20_261_202L;
    private static final int COLUMNS = 10;

    /** The number of nationalities (rows of each table). */
    @Param("100")
    public int rows;

    /** The number of registrations. */
    @Param("4000")
    public int total;

    private LinkedTables set;
    private ProtectedLinkedTables published;

    /** Draws the set and protects it once for the audit benchmarks. */
    @Setup(Level.Trial)
    public void drawSet() {
        set = linkedSet(rows, total);
        published = DisclosurePolicy.withDefaults().protect(set);
        int withheld = published.tables().values().stream().mapToInt(t -> t.suppressedCount()).sum();
        System.out.printf("%nlinked set 3 x %d x %d: %d cells with margins, %d withheld%n", rows, COLUMNS,
                3 * (rows + 1) * (COLUMNS + 1), withheld);
    }

    /**
     * Three tables of the same registrations by nationality and a ten-category attribute each, linked by nationality.
     *
     * @param rows  nationalities
     * @param total registrations
     * @return the linked set
     */
    static LinkedTables linkedSet(int rows, int total) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] nationality = zipf(rows);
        double[] attribute = zipf(COLUMNS);
        long[][] cells = new long[3][rows * COLUMNS];
        for (int n = 0; n < total; n++) {
            int i = draw(nationality, random);
            for (int t = 0; t < 3; t++) {
                cells[t][i * COLUMNS + draw(attribute, random)]++;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            labels.add("n" + (i + 1));
        }
        List<String> categories = new ArrayList<>();
        for (int j = 0; j < COLUMNS; j++) {
            categories.add("k" + (j + 1));
        }
        LinkedTables set = LinkedTables.of();
        String[] names = {"form", "reporter", "basis"};
        for (int t = 0; t < 3; t++) {
            set = set.with(names[t], CountTable.of(CountingUnit.REGISTRATIONS,
                    List.of(new Dimension("nationality", labels), new Dimension(names[t], categories)), cells[t]));
        }
        return set.withSharedDimension("form", "reporter", "nationality")
                .withSharedDimension("form", "basis", "nationality");
    }

    private static double[] zipf(int n) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / (i + 1);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static int draw(double[] weights, SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * Joint primary and secondary suppression of the three tables.
     *
     * @return the number of withheld cells
     */
    @Benchmark
    public int protect() {
        return DisclosurePolicy.withDefaults().protect(set).tables().values().stream()
                .mapToInt(t -> t.suppressedCount()).sum();
    }

    /**
     * The plain audit: the exact interval of every withheld cell over the three tables and their links.
     *
     * @return whether the set passes
     */
    @Benchmark
    public boolean audit() {
        return check(DisclosureAudit.of(DisclosurePolicy.withDefaults()).audit(published, List.of()));
    }

    /**
     * The publisher's audit with the source tables: exact verdicts, inner intervals where they prove protection.
     *
     * @return whether the set passes
     */
    @Benchmark
    public boolean auditWithSource() {
        return check(DisclosureAudit.of(DisclosurePolicy.withDefaults()).audit(published, List.of(), set));
    }

    private static boolean check(LinkedAuditReport report) {
        if (!report.passed()) {
            throw new IllegalStateException("protected set fails its audit: " + report.exposedCells() + " cells");
        }
        return true;
    }
}
