package org.tipmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tipmonitor.indicators.disclosure.CellRef;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.LinkedTables;
import org.tipmonitor.indicators.disclosure.ProtectedLinkedTables;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * Information loss of secondary suppression (issue 12) on {@link DisclosureBenchmark}'s tables, against a simple
 * heuristic baseline: the number and the sum of the secondarily withheld cells, and the whole rows lost (a row whose
 * cells and total are all withheld). The baseline is the classic "no line with a single withheld cell" rule: while
 * some row or column (margins included) has exactly one withheld cell, withhold its smallest published cell; it
 * ignores the protection margin, so its pattern is audited with the policy's margin and its exposed cells are
 * counted. The same for {@link LinkedDisclosureBenchmark}'s linked sets (3 x 20 x 10 and 3 x 50 x 10), where the
 * baseline also withholds a shared cell (a nationality margin, the grand total) in every table once one table withholds
 * it, and both patterns are audited jointly ({@code DisclosureAudit.audit(set, pattern, facts)}); a shared cell counts
 * once per table. "library" is the policy's default (clean-up pass on patterns of at most 200 withheld cells),
 * "cleaned" the same with the clean-up pass on every pattern ({@code withCleanUpLimit(Integer.MAX_VALUE)}); the last
 * column is the wall-clock time of that one {@code protect} call (no warm-up).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.tipmonitor.benchmarks.SuppressionLoss}.
 */
public final class SuppressionLoss {

    private SuppressionLoss() {
    }

    /**
     * Prints one line per table and method.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        DisclosureAudit audit = DisclosureAudit.of(policy);
        System.out.println("table        method     primary secondary secondary-sum rows-lost exposed(margin 10)"
                + " protect-ms");
        for (int[] size : new int[][] {{20, 1000}, {50, 3000}, {100, 6000}}) {
            CountTable table = DisclosureBenchmark.table(size[0], size[1]);
            long t0 = System.nanoTime();
            ProtectedTable library = policy.protect(table);
            long t1 = System.nanoTime();
            ProtectedTable cleaned = policy.withCleanUpLimit(Integer.MAX_VALUE).protect(table);
            long t2 = System.nanoTime();
            print(size, "library", table, statusOf(library), audit.audit(library).exposed().size(), t1 - t0);
            print(size, "cleaned", table, statusOf(cleaned), audit.audit(cleaned).exposed().size(), t2 - t1);
            boolean[] baseline = baseline(table, policy);
            print(size, "baseline", table, baseline, exposedInBaseline(table, baseline, library, audit), -1);
        }
        System.out.println();
        System.out.println("linked set   method     primary secondary secondary-sum rows-lost exposed(margin 10)"
                + " protect-ms");
        for (int[] size : new int[][] {{20, 800}, {50, 2000}}) {
            LinkedTables set = LinkedDisclosureBenchmark.linkedSet(size[0], size[1]);
            long t0 = System.nanoTime();
            ProtectedLinkedTables library = policy.protect(set);
            long t1 = System.nanoTime();
            ProtectedLinkedTables cleaned = policy.withCleanUpLimit(Integer.MAX_VALUE).protect(set);
            long t2 = System.nanoTime();
            Map<String, boolean[][]> libraryPattern = new LinkedHashMap<>();
            library.tables().forEach((name, p) -> libraryPattern.put(name, statusOf(p)));
            printLinked(size, "library", set, libraryPattern, audit.audit(library, List.of()).exposedCells(),
                    t1 - t0);
            Map<String, boolean[][]> cleanedPattern = new LinkedHashMap<>();
            cleaned.tables().forEach((name, p) -> cleanedPattern.put(name, statusOf(p)));
            printLinked(size, "cleaned", set, cleanedPattern, audit.audit(cleaned, List.of()).exposedCells(),
                    t2 - t1);
            Map<String, boolean[][]> baseline = linkedBaseline(set, policy);
            printLinked(size, "baseline", set, baseline, audit.audit(set, coordinates(baseline), List.of())
                    .exposedCells(), -1);
        }
    }

    /** One line for a linked set: the counts over its tables (a shared cell counted in each table). */
    private static void printLinked(int[] size, String method, LinkedTables set, Map<String, boolean[][]> pattern,
            int exposed, long nanos) {
        int primary = 0;
        int secondary = 0;
        long sum = 0;
        int rowsLost = 0;
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        for (Map.Entry<String, boolean[][]> e : pattern.entrySet()) {
            CountTable table = set.tables().get(e.getKey());
            boolean[][] s = e.getValue();
            for (int i = 0; i < s.length; i++) {
                boolean all = true;
                for (int j = 0; j < s[0].length; j++) {
                    long v = count(table, s, i, j);
                    if (s[i][j] && policy.isSensitive(v)) {
                        primary++;
                    } else if (s[i][j]) {
                        secondary++;
                        sum += v;
                    }
                    all &= s[i][j];
                }
                rowsLost += all ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "3 x %4d x %-2d %-10s %7d %9d %13d %9d %18d %10s%n", size[0],
                pattern.values().iterator().next()[0].length - 1, method, primary, secondary, sum, rowsLost, exposed,
                millis(nanos));
    }

    private static long count(CountTable table, boolean[][] s, int i, int j) {
        return table.count(i < s.length - 1 ? i : CountTable.ALL, j < s[0].length - 1 ? j : CountTable.ALL);
    }

    /**
     * The baseline on a linked set: the single-table rule in every table, and a cell withheld in one table is
     * withheld in every table that shares it (a link with one part), until nothing changes.
     */
    static Map<String, boolean[][]> linkedBaseline(LinkedTables set, DisclosurePolicy policy) {
        Map<String, boolean[][]> pattern = new LinkedHashMap<>();
        set.tables().forEach((name, table) -> pattern.put(name, unflatten(table, baseline(table, policy))));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinkedTables.Link link : set.links()) {
                if (link.parts().size() != 1) {
                    continue;
                }
                boolean[] a = cellOf(pattern, link.total());
                boolean[] b = cellOf(pattern, link.parts().get(0));
                if (a[0] != b[0]) {
                    set(pattern, a[0] ? link.parts().get(0) : link.total());
                    changed = true;
                }
            }
            for (Map.Entry<String, boolean[][]> e : pattern.entrySet()) {
                CountTable table = set.tables().get(e.getKey());
                boolean[][] s = e.getValue();
                int rows = s.length;
                int cols = s[0].length;
                long[][] v = new long[rows][cols];
                boolean[] flat = new boolean[rows * cols];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        v[i][j] = count(table, s, i, j);
                        flat[i * cols + j] = s[i][j];
                    }
                }
                boolean more = true;
                while (more) {
                    more = false;
                    for (int i = 0; i < rows; i++) {
                        more |= fixLine(flat, v, i, cols, true, rows, cols);
                    }
                    for (int j = 0; j < cols; j++) {
                        more |= fixLine(flat, v, j, rows, false, rows, cols);
                    }
                    changed |= more;
                }
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(flat, i * cols, s[i], 0, cols);
                }
            }
        }
        return pattern;
    }

    private static int[] extended(boolean[][] s, List<Integer> coordinates) {
        int i = coordinates.get(0) == CountTable.ALL ? s.length - 1 : coordinates.get(0);
        int j = coordinates.get(1) == CountTable.ALL ? s[0].length - 1 : coordinates.get(1);
        return new int[] {i, j};
    }

    private static boolean[] cellOf(Map<String, boolean[][]> pattern, CellRef ref) {
        boolean[][] s = pattern.get(ref.table());
        int[] c = extended(s, ref.coordinates());
        return new boolean[] {s[c[0]][c[1]]};
    }

    private static void set(Map<String, boolean[][]> pattern, CellRef ref) {
        boolean[][] s = pattern.get(ref.table());
        int[] c = extended(s, ref.coordinates());
        s[c[0]][c[1]] = true;
    }

    private static Map<String, List<List<Integer>>> coordinates(Map<String, boolean[][]> pattern) {
        Map<String, List<List<Integer>>> withheld = new LinkedHashMap<>();
        pattern.forEach((name, s) -> {
            List<List<Integer>> cells = new ArrayList<>();
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < s[0].length; j++) {
                    if (s[i][j]) {
                        cells.add(List.of(i < s.length - 1 ? i : CountTable.ALL,
                                j < s[0].length - 1 ? j : CountTable.ALL));
                    }
                }
            }
            withheld.put(name, cells);
        });
        return withheld;
    }

    private static boolean[][] statusOf(ProtectedTable p) {
        int rows = p.dimensions().get(0).size() + 1;
        int cols = p.dimensions().get(1).size() + 1;
        boolean[][] s = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s[i][j] = p.status(i < rows - 1 ? i : CountTable.ALL, j < cols - 1 ? j : CountTable.ALL)
                        .isSuppressed();
            }
        }
        return s;
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "-" : Long.toString(nanos / 1_000_000);
    }

    private static void print(int[] size, String method, CountTable table, Object pattern, int exposed, long nanos) {
        boolean[][] s = pattern instanceof boolean[][] b ? b : unflatten(table, (boolean[]) pattern);
        int rows = s.length;
        int cols = s[0].length;
        int primary = 0;
        int secondary = 0;
        long sum = 0;
        int rowsLost = 0;
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        for (int i = 0; i < rows; i++) {
            boolean all = true;
            for (int j = 0; j < cols; j++) {
                long v = table.count(i < rows - 1 ? i : CountTable.ALL, j < cols - 1 ? j : CountTable.ALL);
                if (s[i][j] && policy.isSensitive(v)) {
                    primary++;
                } else if (s[i][j]) {
                    secondary++;
                    sum += v;
                }
                all &= s[i][j];
            }
            rowsLost += all ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%4d x %-5d %-10s %7d %9d %13d %9d %18d %10s%n", size[0], cols - 1, method,
                primary, secondary, sum, rowsLost, exposed, millis(nanos));
    }

    private static boolean[][] unflatten(CountTable table, boolean[] flat) {
        int rows = table.shape()[0] + 1;
        int cols = table.shape()[1] + 1;
        boolean[][] s = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, s[i], 0, cols);
        }
        return s;
    }

    /** The baseline pattern, row-major over the extended table (margins last). */
    static boolean[] baseline(CountTable table, DisclosurePolicy policy) {
        int rows = table.shape()[0] + 1;
        int cols = table.shape()[1] + 1;
        long[][] v = new long[rows][cols];
        boolean[] s = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i][j] = table.count(i < rows - 1 ? i : CountTable.ALL, j < cols - 1 ? j : CountTable.ALL);
                s[i * cols + j] = policy.isSensitive(v[i][j]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < rows; i++) {
                changed |= fixLine(s, v, i, cols, true, rows, cols);
            }
            for (int j = 0; j < cols; j++) {
                changed |= fixLine(s, v, j, rows, false, rows, cols);
            }
        }
        return s;
    }

    private static boolean fixLine(boolean[] s, long[][] v, int line, int length, boolean row, int rows, int cols) {
        int withheld = 0;
        int best = -1;
        for (int k = 0; k < length; k++) {
            int i = row ? line : k;
            int j = row ? k : line;
            if (s[i * cols + j]) {
                withheld++;
            } else if (best < 0 || v[i][j] < v[row ? line : best][row ? best : line]) {
                best = k;
            }
        }
        if (withheld != 1 || best < 0) {
            return false;
        }
        s[(row ? line : best) * cols + (row ? best : line)] = true;
        return true;
    }

    /** The baseline pattern audited with the policy's margin: its number of exposed cells. */
    private static int exposedInBaseline(CountTable table, boolean[] pattern, ProtectedTable library,
            DisclosureAudit audit) {
        int rows = table.shape()[0] + 1;
        int cols = table.shape()[1] + 1;
        List<List<Integer>> withheld = new ArrayList<>();
        for (int o = 0; o < pattern.length; o++) {
            if (pattern[o]) {
                int i = o / cols;
                int j = o % cols;
                withheld.add(List.of(i < rows - 1 ? i : CountTable.ALL, j < cols - 1 ? j : CountTable.ALL));
            }
        }
        return audit.audit(table, withheld).exposed().size();
    }
}
