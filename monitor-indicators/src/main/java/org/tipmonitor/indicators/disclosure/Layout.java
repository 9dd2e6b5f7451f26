package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * The global addressing of a set of named tables for {@link FeasibleIntervals}: table after table, each in the
 * row-major order of its extended index; and the translation of links and facts into rows.
 */
final class Layout {

    private final Map<String, Integer> start = new LinkedHashMap<>();
    private final Map<String, ExtendedIndex> indexes = new LinkedHashMap<>();
    private int size;

    Layout(Map<String, ExtendedIndex> tables) {
        tables.forEach((name, index) -> {
            start.put(name, size);
            indexes.put(name, index);
            size += index.size();
        });
    }

    int size() {
        return size;
    }

    int start(String table) {
        return start.get(table);
    }

    /** The global address of a cell. */
    int offset(CellRef cell, String what) {
        ExtendedIndex index = indexes.get(cell.table());
        if (index == null) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_TABLE, what, cell.table());
        }
        try {
            return start.get(cell.table()) + index.offset(cell.coords());
        } catch (IndicatorException e) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_TABLE, what + " " + cell + " (" + e.getMessage() + ")",
                    cell.table());
        }
    }

    /** total - sum(parts) = 0 per link. */
    List<FeasibleIntervals.Row> rows(List<LinkedTables.Link> links) {
        List<FeasibleIntervals.Row> rows = new ArrayList<>();
        for (LinkedTables.Link link : links) {
            int n = link.parts().size();
            int[] cells = new int[n + 1];
            double[] a = new double[n + 1];
            cells[0] = offset(link.total(), "Link");
            a[0] = 1;
            for (int k = 0; k < n; k++) {
                cells[k + 1] = offset(link.parts().get(k), "Link");
                a[k + 1] = -1;
            }
            rows.add(new FeasibleIntervals.Row(cells, a, Relation.EQUAL, 0));
        }
        return rows;
    }

    /** One or two rows per fact (lower and upper bound). */
    List<FeasibleIntervals.Row> factRows(List<StatedFact> facts) {
        List<FeasibleIntervals.Row> rows = new ArrayList<>();
        for (StatedFact fact : facts) {
            int n = fact.cells().size();
            int[] cells = new int[n];
            double[] a = new double[n];
            for (int k = 0; k < n; k++) {
                cells[k] = offset(fact.cells().get(k), "Fact '" + fact.description() + "'");
                a[k] = fact.coefficients().get(k);
            }
            if (fact.lower() == fact.upper()) {
                rows.add(new FeasibleIntervals.Row(cells, a, Relation.EQUAL, fact.lower()));
                continue;
            }
            if (fact.lower() > Double.NEGATIVE_INFINITY) {
                rows.add(new FeasibleIntervals.Row(cells, a, Relation.AT_LEAST, fact.lower()));
            }
            if (fact.upper() < Double.POSITIVE_INFINITY) {
                rows.add(new FeasibleIntervals.Row(cells, a, Relation.AT_MOST, fact.upper()));
            }
        }
        return rows;
    }

    /** For each global cell, the cells that links with one part make identical to it (null if none). */
    int[][] same(List<LinkedTables.Link> links) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            lists.add(null);
        }
        for (LinkedTables.Link link : links) {
            if (link.parts().size() == 1) {
                int a = offset(link.total(), "Link");
                int b = offset(link.parts().get(0), "Link");
                add(lists, a, b);
                add(lists, b, a);
            }
        }
        int[][] same = new int[size][];
        for (int i = 0; i < size; i++) {
            if (lists.get(i) != null) {
                same[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return same;
    }

    private static void add(List<List<Integer>> lists, int from, int to) {
        if (lists.get(from) == null) {
            lists.set(from, new ArrayList<>());
        }
        lists.get(from).add(to);
    }
}
