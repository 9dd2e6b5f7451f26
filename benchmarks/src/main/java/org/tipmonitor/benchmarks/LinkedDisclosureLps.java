package org.tipmonitor.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.tipmonitor.indicators.disclosure.AuditReport;
import org.tipmonitor.indicators.disclosure.CellInterval;
import org.tipmonitor.indicators.disclosure.CellRef;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.LinkedAuditReport;
import org.tipmonitor.indicators.disclosure.LinkedTables;
import org.tipmonitor.indicators.disclosure.ProtectedLinkedTables;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * Writes the audit problem of {@link LinkedDisclosureBenchmark}'s linked set (three n x 10 tables linked by their
 * nationality margins and grand totals) for an independent solver, with this library's own times and intervals:
 * {@code benchmarks/highs-linked-audit.py} runs it and solves the same linear programs with HiGHS (issue 12's
 * yardstick for linked sets).
 *
 * <p>The JSON holds, per table, its name, shape and every cell of the extended table (coordinates with -1 for a
 * margin, and the published value or null when withheld); the set's links as declared ({@code [total, [parts]]}, each
 * cell as {@code [table, a, b]}); the protection margin; the wall-clock milliseconds of
 * {@code DisclosurePolicy.protect(set)}, of the plain audit {@code DisclosureAudit.of(policy).audit(published, [])}
 * (the exact interval of every withheld cell) and of the publisher's audit with the source
 * {@code audit(published, [], set)} (exact verdicts), each after {@code warmups} unmeasured runs; and the plain
 * audit's interval of every withheld cell.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.tipmonitor.benchmarks.LinkedDisclosureLps OUT.json
 * [rows] [total] [warmups]} (defaults 50, 2000, 1).
 */
public final class LinkedDisclosureLps {

    private LinkedDisclosureLps() {
    }

    /**
     * Writes the file.
     *
     * @param args output path, then optionally rows, total and warm-up runs
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        LinkedTables set = LinkedDisclosureBenchmark.linkedSet(rows, total);
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        DisclosureAudit audit = DisclosureAudit.of(policy);
        ProtectedLinkedTables published = null;
        LinkedAuditReport plain = null;
        LinkedAuditReport withSource = null;
        double[] millis = new double[3];
        for (int r = warmups; r >= 0; r--) {
            long t0 = System.nanoTime();
            published = policy.protect(set);
            long t1 = System.nanoTime();
            plain = audit.audit(published, List.of());
            long t2 = System.nanoTime();
            withSource = audit.audit(published, List.of(), set);
            long t3 = System.nanoTime();
            millis = new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
        }
        List<String> tables = new ArrayList<>();
        List<String> intervals = new ArrayList<>();
        for (Map.Entry<String, ProtectedTable> e : published.tables().entrySet()) {
            ProtectedTable table = e.getValue();
            int[] shape = {table.dimensions().get(0).size(), table.dimensions().get(1).size()};
            List<String> cells = new ArrayList<>();
            for (int i = 0; i <= shape[0]; i++) {
                for (int j = 0; j <= shape[1]; j++) {
                    int a = i < shape[0] ? i : CountTable.ALL;
                    int b = j < shape[1] ? j : CountTable.ALL;
                    OptionalLong v = table.value(a, b);
                    cells.add(String.format(Locale.ROOT, "[%d,%d,%s]", a, b,
                            v.isPresent() ? Long.toString(v.getAsLong()) : "null"));
                }
            }
            tables.add(String.format(Locale.ROOT, "{\"name\":\"%s\",\"shape\":[%d,%d],\"cells\":[%s]}", e.getKey(),
                    shape[0], shape[1], String.join(",", cells)));
            AuditReport report = plain.tables().get(e.getKey());
            for (CellInterval c : report.intervals()) {
                intervals.add(String.format(Locale.ROOT, "[\"%s\",%d,%d,%s,%s]", e.getKey(), c.coordinates().get(0),
                        c.coordinates().get(1), number(c.lower()), number(c.upper())));
            }
        }
        List<String> links = published.links().stream()
                .map(l -> "[" + cell(l.total()) + ",[" + l.parts().stream().map(LinkedDisclosureLps::cell)
                        .collect(Collectors.joining(",")) + "]]")
                .toList();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.format(Locale.ROOT, "{\"margin\":%d,\"warmups\":%d,%n", policy.protectionMargin(),
                    warmups));
            w.write(String.format(Locale.ROOT, "\"javaProtectMillis\":%.0f,\"javaAuditMillis\":%.0f,"
                    + "\"javaAuditWithSourceMillis\":%.0f,%n", millis[0], millis[1], millis[2]));
            w.write("\"tables\":[" + String.join(",\n", tables) + "],\n");
            w.write("\"links\":[" + String.join(",", links) + "],\n");
            w.write("\"intervals\":[" + String.join(",", intervals) + "]}\n");
        }
        System.out.printf(Locale.ROOT, "%d withheld; audit %s, audit with source %s%n", published.suppressedCount(),
                plain.passed() ? "passed" : "FAILED", withSource.passed() ? "passed" : "FAILED");
    }

    private static String cell(CellRef ref) {
        return "[\"" + ref.table() + "\"," + ref.coordinates().stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + "]";
    }

    private static String number(double x) {
        return Double.isInfinite(x) ? "null" : Long.toString((long) x);
    }

}
