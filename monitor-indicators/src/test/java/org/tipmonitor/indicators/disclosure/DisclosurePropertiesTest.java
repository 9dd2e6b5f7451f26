package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * Properties of protection on seeded random 1-, 2- and 3-way tables with many small counts, plus edge tables (all
 * cells small, no cell small, all zero, a single category): every sensitive cell is withheld, every published value
 * is the true count, the audit with the policy's margin passes, no withheld cell is determined, and each feasible
 * interval contains the true count; rounding publishes multiples of the base.
 */
class DisclosurePropertiesTest {

    static Stream<Arguments> tables() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("edge all small 3x3", table(new int[] {3, 3}, 0, 1, 9)));
        cases.add(Arguments.of("edge none small 2x3", table(new int[] {2, 3}, 0, 10, 90)));
        cases.add(Arguments.of("edge all zero 2x2x2", table(new int[] {2, 2, 2}, 0, 0, 0)));
        cases.add(Arguments.of("edge one category", table(new int[] {1, 4}, 1, 0, 40)));
        cases.add(Arguments.of("edge single small cell 1-d", table(new int[] {1}, 0, 5, 5)));
        for (long seed = 1; seed <= 36; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int rank = 1 + (int) (seed % 3);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = rank == 3 ? 2 + random.nextInt(2) : 2 + random.nextInt(rank == 1 ? 5 : 3);
            }
            cases.add(Arguments.of("seed=" + seed + " shape=" + java.util.Arrays.toString(shape),
                    table(shape, seed, -1, -1)));
        }
        return cases.stream();
    }

    /** Random cells: about 40% in [0, 12], the rest in [0, 80]; or uniform in [lo, hi] when given. */
    private static CountTable table(int[] shape, long seed, long lo, long hi) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Dimension> dims = new ArrayList<>();
        int size = 1;
        for (int d = 0; d < shape.length; d++) {
            String[] labels = new String[shape[d]];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = "c" + i;
            }
            dims.add(Dimension.of("d" + d, labels));
            size *= shape[d];
        }
        long[] cells = new long[size];
        for (int i = 0; i < size; i++) {
            cells[i] = lo >= 0 ? lo + random.nextLong(hi - lo + 1)
                    : random.nextInt(10) < 4 ? random.nextInt(13) : random.nextInt(81);
        }
        return CountTable.of(CountingUnit.REGISTRATIONS, dims, cells);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void suppressionPassesTheAudit(String name, CountTable table) {
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        ProtectedTable p = policy.protect(table);
        ExtendedIndex index = new ExtendedIndex(table.shape());
        long[] truth = table.extendedCounts();
        for (int o = 0; o < truth.length; o++) {
            int[] c = index.coords(o);
            OptionalLong published = p.value(c);
            if (policy.isSensitive(truth[o])) {
                assertEquals(CellStatus.PRIMARY, p.status(c));
            } else if (published.isPresent()) {
                assertEquals(truth[o], published.getAsLong());
            }
        }
        AuditReport report = DisclosureAudit.withDefaults().withProtectionMargin(policy.protectionMargin()).audit(p);
        assertTrue(report.passed(), () -> report.exposed() + "\n" + p.render());
        assertEquals(p.suppressedCount(), report.intervals().size());
        for (CellInterval interval : report.intervals()) {
            long v = table.count(interval.coordinates().stream().mapToInt(Integer::intValue).toArray());
            assertTrue(interval.lower() <= v && v <= interval.upper(), interval::toString);
            assertTrue(!interval.isDetermined());
        }
        assertTrue(DisclosureAudit.withDefaults().audit(p).passed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void roundingKeepsMultiplesOfTheBase(String name, CountTable table) {
        for (Rounding rounding : Rounding.values()) {
            ProtectedTable p = DisclosurePolicy.withDefaults().withRounding(rounding).protect(table);
            ExtendedIndex index = new ExtendedIndex(table.shape());
            for (int o = 0; o < index.size(); o++) {
                long v = p.value(index.coords(o)).orElseThrow();
                assertEquals(0, v % rounding.base());
                assertTrue(Math.abs(v - table.extendedCounts()[o]) <= rounding.base() / 2);
            }
        }
    }
}
