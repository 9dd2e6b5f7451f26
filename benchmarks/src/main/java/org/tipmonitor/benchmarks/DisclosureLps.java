package org.tipmonitor.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.tipmonitor.indicators.disclosure.AuditReport;
import org.tipmonitor.indicators.disclosure.CellInterval;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * Writes the audit problem of {@link DisclosureBenchmark}'s protected table for an independent solver, with this
 * library's own times and intervals: {@code benchmarks/highs-audit.py} runs it and solves the same linear programs
 * with HiGHS (the yardstick of issue 12).
 *
 * <p>The JSON holds the table's shape, every cell of the extended table (coordinates with -1 for a margin, and the
 * published value or null when withheld), the protection margin, the median wall-clock milliseconds of
 * {@code DisclosurePolicy.protect} and of {@code DisclosureAudit.audit} over {@code repetitions} runs after as many
 * warm-up runs, and the audit's interval of every withheld cell.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.tipmonitor.benchmarks.DisclosureLps OUT.json
 * [categories] [total] [repetitions]} (defaults 100, 6000, 5).
 */
public final class DisclosureLps {

    private DisclosureLps() {
    }

    /**
     * Writes the file.
     *
     * @param args output path, then optionally categories, total and repetitions
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int categories = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 6000;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        CountTable table = DisclosureBenchmark.table(categories, total);
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        DisclosureAudit audit = DisclosureAudit.withDefaults().withProtectionMargin(policy.protectionMargin());
        ProtectedTable protectedTable = null;
        AuditReport report = null;
        double[] protectMillis = new double[repetitions];
        double[] auditMillis = new double[repetitions];
        for (int r = -repetitions; r < repetitions; r++) {
            long t0 = System.nanoTime();
            protectedTable = policy.protect(table);
            long t1 = System.nanoTime();
            report = audit.audit(protectedTable);
            long t2 = System.nanoTime();
            if (r >= 0) {
                protectMillis[r] = (t1 - t0) / 1e6;
                auditMillis[r] = (t2 - t1) / 1e6;
            }
        }
        int[] shape = {categories, DisclosureBenchmark.FORMS.size()};
        List<String> cells = new ArrayList<>();
        for (int i = 0; i <= shape[0]; i++) {
            for (int j = 0; j <= shape[1]; j++) {
                int a = i < shape[0] ? i : CountTable.ALL;
                int b = j < shape[1] ? j : CountTable.ALL;
                OptionalLong v = protectedTable.value(a, b);
                cells.add(String.format(Locale.ROOT, "[%d,%d,%s]", a, b,
                        v.isPresent() ? Long.toString(v.getAsLong()) : "null"));
            }
        }
        List<String> intervals = new ArrayList<>();
        for (CellInterval c : report.intervals()) {
            intervals.add(String.format(Locale.ROOT, "[%d,%d,%s,%s]", c.coordinates().get(0),
                    c.coordinates().get(1), number(c.lower()), number(c.upper())));
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.format(Locale.ROOT, "{\"shape\":[%d,%d],\"margin\":%d,\"repetitions\":%d,%n", shape[0],
                    shape[1], audit.protectionMargin(), repetitions));
            w.write(String.format(Locale.ROOT, "\"javaProtectMillis\":%s,%n\"javaAuditMillis\":%s,%n",
                    Arrays.toString(protectMillis), Arrays.toString(auditMillis)));
            w.write("\"cells\":[" + String.join(",", cells) + "],\n");
            w.write("\"intervals\":[" + String.join(",", intervals) + "]}\n");
        }
        System.out.printf(Locale.ROOT, "%d withheld, audit %s%n", protectedTable.suppressedCount(),
                report.passed() ? "passed" : "FAILED");
    }

    private static String number(double x) {
        return Double.isInfinite(x) ? "null" : Long.toString((long) x);
    }
}
