package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * The LP intervals against brute force: every integer completion of the withheld interior cells (each between 0
 * and the published grand total) that reproduces every published margin is enumerated, and the min and max of
 * every withheld cell over those completions is the exact integer interval. For 1- and 2-way tables the LP bounds
 * must equal it (total unimodularity); for 3-way tables they must contain it.
 */
class FeasibleIntervalsTest {

    static Stream<Arguments> tables() {
        List<Arguments> cases = new ArrayList<>();
        // edge: x0 + x1 + x2 = 46 with all three withheld (commons-math3 3.6.1 got max x1 = 0 without explicit rows)
        cases.add(Arguments.of("edge three withheld in one line", new int[] {3}, 0L));
        for (long seed = 1; seed <= 30; seed++) {
            int rank = 1 + (int) (seed % 3);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = rank == 3 ? 2 : 2 + (int) ((seed + d) % 2);
            }
            cases.add(Arguments.of("seed=" + seed + " rank=" + rank, shape, seed));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void lpIntervalsMatchEnumeration(String name, int[] shape, long seed) {
        ExtendedIndex index = new ExtendedIndex(shape);
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> interior = new ArrayList<>();
        for (int o = 0; o < index.size(); o++) {
            if (index.marginOrder(o) == 0) {
                interior.add(o);
            }
        }
        long[] cells = new long[interior.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = seed == 0 ? new long[] {4, 12, 30}[i] : random.nextInt(9);
        }
        long[] values = extend(index, interior, cells);
        boolean[] suppressed = new boolean[index.size()];
        int withheld = seed == 0 ? 3 : Math.min(interior.size(), 2 + random.nextInt(2));
        List<Integer> shuffled = new ArrayList<>(interior);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        for (int i = 0; i < withheld; i++) {
            suppressed[shuffled.get(i)] = true;
        }
        // withhold one margin (never the grand total) in some cases
        if (seed % 2 == 1 && index.rank() > 1) {
            int margin;
            do {
                margin = random.nextInt(index.size());
            } while (index.marginOrder(margin) == 0 || margin == index.size() - 1);
            suppressed[margin] = true;
        }
        FeasibleIntervals lp = new FeasibleIntervals(index, true, values, suppressed);

        long[][] exact = enumerate(index, interior, values, suppressed);
        for (int o = 0; o < index.size(); o++) {
            if (!suppressed[o]) {
                continue;
            }
            double[] bounds = lp.interval(o);
            final int cell = o;
            assertTrue(bounds[0] <= values[o] && values[o] <= bounds[1], "contains the true value");
            if (index.rank() < 3) {
                assertEquals(exact[o][0], bounds[0], 0, () -> "lower of cell " + cell);
                assertEquals(exact[o][1], bounds[1], 0, () -> "upper of cell " + cell);
            } else {
                assertTrue(bounds[0] <= exact[o][0] && exact[o][1] <= bounds[1], () -> "cell " + cell);
            }
        }
    }

    private static long[] extend(ExtendedIndex index, List<Integer> interior, long[] cells) {
        long[] values = new long[index.size()];
        for (int i = 0; i < cells.length; i++) {
            int[] c = index.coords(interior.get(i));
            int rank = c.length;
            int[] m = new int[rank];
            for (int mask = 0; mask < 1 << rank; mask++) {
                for (int d = 0; d < rank; d++) {
                    m[d] = (mask & (1 << d)) != 0 ? ExtendedIndex.ALL : c[d];
                }
                values[index.offset(m)] += cells[i];
            }
        }
        return values;
    }

    /** {min, max} per extended cell over every integer completion consistent with the published values. */
    private static long[][] enumerate(ExtendedIndex index, List<Integer> interior, long[] values,
            boolean[] suppressed) {
        long total = values[index.size() - 1];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < interior.size(); i++) {
            if (suppressed[interior.get(i)]) {
                free.add(i);
            }
        }
        long[][] range = new long[index.size()][];
        long[] cells = new long[interior.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = values[interior.get(i)];
        }
        int[] counter = new int[free.size()];
        while (true) {
            for (int j = 0; j < counter.length; j++) {
                cells[free.get(j)] = counter[j];
            }
            long[] candidate = extend(index, interior, cells);
            boolean consistent = true;
            for (int o = 0; o < candidate.length && consistent; o++) {
                consistent = suppressed[o] || candidate[o] == values[o];
            }
            if (consistent) {
                for (int o = 0; o < candidate.length; o++) {
                    if (range[o] == null) {
                        range[o] = new long[] {candidate[o], candidate[o]};
                    } else {
                        range[o][0] = Math.min(range[o][0], candidate[o]);
                        range[o][1] = Math.max(range[o][1], candidate[o]);
                    }
                }
            }
            int j = 0;
            while (j < counter.length && ++counter[j] > total) {
                counter[j++] = 0;
            }
            if (j == counter.length) {
                return range;
            }
        }
    }
}
