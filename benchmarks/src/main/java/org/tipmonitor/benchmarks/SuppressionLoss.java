package org.tipmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * Information loss of secondary suppression (issue 12) on {@link DisclosureBenchmark}'s tables, against a simple
 * heuristic baseline: the number and the sum of the secondarily withheld cells, and the whole rows lost (a row whose
 * cells and total are all withheld). The baseline is the classic "no line with a single withheld cell" rule: while
 * some row or column (margins included) has exactly one withheld cell, withhold its smallest published cell; it
 * ignores the protection margin, so its pattern is audited with the policy's margin and its exposed cells are
 * counted.
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
        System.out.println("table        method     primary secondary secondary-sum rows-lost exposed(margin 10)");
        for (int[] size : new int[][] {{20, 1000}, {50, 3000}, {100, 6000}}) {
            CountTable table = DisclosureBenchmark.table(size[0], size[1]);
            ProtectedTable library = policy.protect(table);
            print(size, "library", table, statusOf(library), audit.audit(library).exposed().size());
            boolean[] baseline = baseline(table, policy);
            print(size, "baseline", table, baseline, exposedInBaseline(table, baseline, library, audit));
        }
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

    private static void print(int[] size, String method, CountTable table, Object pattern, int exposed) {
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
        System.out.printf(Locale.ROOT, "%4d x %-5d %-10s %7d %9d %13d %9d %18d%n", size[0], cols - 1, method,
                primary, secondary, sum, rowsLost, exposed);
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
