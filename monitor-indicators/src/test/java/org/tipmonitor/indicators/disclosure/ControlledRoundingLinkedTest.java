package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/** Joint controlled rounding of linked tables ({@link ControlledRounding#round(LinkedTables)}) and its audit. */
class ControlledRoundingLinkedTest {

    private static final int ALL = CountTable.ALL;

    static Stream<String> seeds() {
        return LongStream.rangeClosed(1, 16).mapToObj(s -> "seed=" + s);
    }

    /**
     * A generated set of two or three year-by-category tables of the same registrations (their year margins shared, as
     * the report's three registration tables), with small counts, zeros and multiples of the base.
     */
    private static LinkedTables generated(SplittableRandom random, long base) {
        int years = 1 + random.nextInt(5);
        int tables = 2 + random.nextInt(2);
        long[] yearTotals = new long[years];
        for (int y = 0; y < years; y++) {
            yearTotals[y] = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt((int) base);
                case 2 -> base * random.nextInt(6);
                default -> random.nextInt(300);
            };
        }
        List<String> yearLabels = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            yearLabels.add(Integer.toString(2014 + y));
        }
        LinkedTables set = LinkedTables.of();
        for (int t = 0; t < tables; t++) {
            int cols = 1 + random.nextInt(5);
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                labels.add("k" + c);
            }
            long[] cells = new long[years * cols];
            for (int y = 0; y < years; y++) {
                // split the year's total over the categories at random
                long rest = yearTotals[y];
                for (int c = 0; c < cols - 1; c++) {
                    long part = rest == 0 ? 0 : random.nextLong(rest + 1);
                    cells[y * cols + c] = part;
                    rest -= part;
                }
                cells[y * cols + cols - 1] = rest;
            }
            set = set.with("t" + t, CountTable.of(CountingUnit.REGISTRATIONS, List.of(new Dimension("year",
                    yearLabels), new Dimension("category" + t, labels)), cells));
        }
        for (int t = 1; t < tables; t++) {
            set = set.withSharedDimension("t0", "t" + t, "year");
        }
        return set;
    }

    /**
     * Over seeded linked sets: every value is an adjacent multiple of b (|r - v| &lt; b, multiples stay), every table
     * is additive, every shared margin has one rounded value, the same input gives the same rounding, and with no
     * facts every audit width is the whole box the rounding rule allows (b - 1 for a value published as 0, 2b - 2
     * otherwise), as the guarantee in {@link ControlledRounding#audit(ProtectedLinkedTables, List, long)} states, so
     * b = p + 1 meets the margin p.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void jointRoundingProperties(String name) {
        SplittableRandom random = new SplittableRandom(Long.parseLong(name.substring(5)));
        long base = new long[] {2, 3, 5, 10, 11}[random.nextInt(5)];
        LinkedTables set = generated(random, base);
        ControlledRounding method = ControlledRounding.withBase(base);
        ProtectedLinkedTables rounded = method.round(set);
        for (Map.Entry<String, CountTable> e : set.tables().entrySet()) {
            CountTable t = e.getValue();
            ProtectedTable p = rounded.table(e.getKey());
            assertEquals(base, p.controlledRoundingBase().orElseThrow(), name);
            int rows = t.dimensions().get(0).size();
            int cols = t.dimensions().get(1).size();
            for (int i = 0; i <= rows; i++) {
                long rowSum = 0;
                for (int j = 0; j <= cols; j++) {
                    int r = i < rows ? i : ALL;
                    int c = j < cols ? j : ALL;
                    long v = t.count(r, c);
                    long published = p.value(r, c).orElseThrow();
                    assertEquals(0, published % base, name + " multiple");
                    assertTrue(Math.abs(published - v) < base, name + " |r - v| < b at " + e.getKey());
                    if (v % base == 0) {
                        assertEquals(v, published, name + " a multiple stays");
                    }
                    if (j < cols) {
                        rowSum += published;
                    }
                }
                assertEquals(p.value(i < rows ? i : ALL, ALL).orElseThrow(), rowSum, name + " row additive");
            }
            for (int j = 0; j <= cols; j++) {
                long colSum = 0;
                for (int i = 0; i < rows; i++) {
                    colSum += p.value(i, j < cols ? j : ALL).orElseThrow();
                }
                assertEquals(p.value(ALL, j < cols ? j : ALL).orElseThrow(), colSum, name + " column additive");
            }
        }
        for (LinkedTables.Link link : set.links()) {
            long total = rounded.table(link.total().table()).value(link.total().coords()).orElseThrow();
            long parts = 0;
            for (CellRef part : link.parts()) {
                parts += rounded.table(part.table()).value(part.coords()).orElseThrow();
            }
            assertEquals(total, parts, name + " link " + link);
        }
        ProtectedLinkedTables again = method.round(set);
        for (String table : set.tables().keySet()) {
            assertEquals(rounded.table(table).toString(), again.table(table).toString(), name + " determinism");
        }
        LinkedAuditReport audit = method.audit(rounded, List.of(), base - 1);
        assertTrue(audit.passed(), name + " " + audit.failedTables());
        for (Map.Entry<String, AuditReport> e : audit.tables().entrySet()) {
            ProtectedTable p = rounded.table(e.getKey());
            for (CellInterval c : e.getValue().intervals()) {
                long r = p.value(c.coordinates().stream().mapToInt(Integer::intValue).toArray()).orElseThrow();
                assertEquals(r == 0 ? base - 1 : 2 * base - 2, (long) c.width(), name + " width at " + e.getKey()
                        + c.coordinates());
                assertEquals(Math.max(0, r - base + 1), (long) c.lower(), name + " lower");
            }
        }
    }

    /**
     * Three one-way tables of two cells 1 and 1 (total 2), base 2, linked in a cycle a2 = b1, b2 = c1, c2 = a1: each
     * table must round exactly one of its cells up, and the links force a1 = a2, so no joint controlled rounding
     * exists although the LP relaxation (every indicator 1/2) is feasible. It is refused, naming the tables.
     */
    @Test
    void noJointRoundingIsRefused() {
        LinkedTables set = LinkedTables.of();
        for (String t : List.of("a", "b", "c")) {
            set = set.with(t, CountTable.oneWay(CountingUnit.CASES, "k", List.of("1", "2"), 1, 1));
        }
        set = set.withLink(CellRef.of("a", 1), List.of(CellRef.of("b", 0)))
                .withLink(CellRef.of("b", 1), List.of(CellRef.of("c", 0)))
                .withLink(CellRef.of("c", 1), List.of(CellRef.of("a", 0)));
        LinkedTables cycle = set;
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> ControlledRounding.withBase(2).round(cycle));
        assertTrue(e.getMessage().startsWith("TM-DC-0034: No controlled rounding to base 2 keeps the linked tables"
                + " [a, b, c] additive"), e.getMessage());
        assertTrue(assertThrows(IndicatorException.class, () -> DisclosurePolicy.withDefaults()
                .withControlledRounding(2).protect(cycle)).getMessage().startsWith("TM-DC-0034"));
        // base 3: every value rounds down to 0 or up to 3 freely; the totals 2 -> 0 or 3 and a rounding exists
        ProtectedLinkedTables three = ControlledRounding.withBase(3).round(cycle);
        assertEquals(three.table("a").value(1), three.table("b").value(0));
    }

    /**
     * A stated fact about the true values narrows the audit: the exact year total published beside the rounded tables
     * pins that margin (width 0) and is reported exposed; through the policy the audit of the set delegates to the
     * rounded audit with the policy's margin.
     */
    @Test
    void statedFactNarrowsTheRoundedSet() {
        CountTable a = CountTable.of(CountingUnit.REGISTRATIONS, List.of(Dimension.of("year", "2014", "2015"),
                Dimension.of("form", "x", "y")), 3, 14, 22, 6);
        CountTable b = CountTable.of(CountingUnit.REGISTRATIONS, List.of(Dimension.of("year", "2014", "2015"),
                Dimension.of("reporter", "p", "q", "r")), 5, 5, 7, 0, 20, 8);
        LinkedTables set = LinkedTables.of().with("a", a).with("b", b).withSharedDimension("a", "b", "year");
        DisclosurePolicy policy = DisclosurePolicy.withDefaults().withControlledRounding(11);
        ProtectedLinkedTables rounded = policy.protect(set);
        LinkedAuditReport clean = DisclosureAudit.of(policy).audit(rounded, List.of());
        assertTrue(clean.passed());
        assertEquals(9 + 12, clean.auditedCells());
        StatedFact total = StatedFact.total("2014 total", 17, List.of(CellRef.of("a", 0, ALL)));
        LinkedAuditReport narrowed = DisclosureAudit.of(policy).audit(rounded, List.of(total));
        assertFalse(narrowed.passed());
        CellInterval year = narrowed.tables().get("a").intervals().stream()
                .filter(c -> c.coordinates().equals(List.of(0, ALL))).findFirst().orElseThrow();
        assertEquals(17, year.lower());
        assertEquals(17, year.upper());
        assertTrue(narrowed.failedTables().containsAll(List.of("a", "b")));
        // a base that is not the set's, or a margin below 1, is refused
        assertTrue(assertThrows(IndicatorException.class, () -> ControlledRounding.withBase(5).audit(rounded,
                List.of(), 4)).getMessage().startsWith("TM-DC-0031"));
        assertTrue(assertThrows(IndicatorException.class, () -> ControlledRounding.withBase(11).audit(rounded,
                List.of(), 0)).getMessage().startsWith("TM-DC-0002"));
    }

    /** An unlinked distinct-count table joins the 0/1 program and stays consistent: cells &le; margin &le; sum. */
    @Test
    void distinctCountTableStaysConsistent() {
        Dimension year = Dimension.of("year", "2019", "2020");
        CountTable.DistinctBuilder<Integer> builder = CountTable.distinctBuilder(CountingUnit.PERSONS, year);
        for (int person = 0; person < 13; person++) {
            builder.add(person, "2019");
            if (person % 2 == 0) {
                builder.add(person, "2020");
            }
        }
        builder.add(100, "2020");
        CountTable persons = builder.build();
        ProtectedLinkedTables rounded = ControlledRounding.withBase(5).round(LinkedTables.of().with("p", persons));
        ProtectedTable p = rounded.table("p");
        long c0 = p.value(0).orElseThrow();
        long c1 = p.value(1).orElseThrow();
        long m = p.value(ALL).orElseThrow();
        assertTrue(c0 <= m && c1 <= m && m <= c0 + c1, c0 + " " + c1 + " " + m);
        assertTrue(ControlledRounding.withBase(5).audit(rounded, List.of(), 1).auditedCells() == 3);
    }
}
