package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
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

class ControlledRoundingTest {

    private static final int ALL = CountTable.ALL;

    private static CountTable table(int rows, int cols, long... cells) {
        List<String> r = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            r.add("r" + i);
        }
        for (int j = 0; j < cols; j++) {
            c.add("c" + j);
        }
        return CountTable.of(CountingUnit.CASES, List.of(new Dimension("row", r), new Dimension("col", c)), cells);
    }

    /** The extended table (cells, row margins, column margins and total) as published, row-major. */
    private static long[][] published(ProtectedTable t, int rows, int cols) {
        long[][] p = new long[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                p[i][j] = t.value(i < rows ? i : ALL, j < cols ? j : ALL).orElseThrow();
            }
        }
        return p;
    }

    /**
     * A 3 x 3 table rounded to base 5, checked independently by
     * {@code python3 monitor-indicators/src/test/python/controlled_rounding.py} (scipy 1.17.1, linprog/HiGHS, and a
     * brute force over all 2^12 round-up choices), which printed: "LP rounding: [[0 10 10 20] [0 5 15 20] [10 0 5 15]
     * [10 15 30 55]]", "LP distance 20", "brute force: optimal distance 20 number of optimal roundings 1", so the
     * optimum is unique and must be reproduced exactly.
     */
    @Test
    void threeByThreeAgainstScipyAndBruteForce() {
        CountTable t = table(3, 3, 3, 7, 12, 0, 6, 14, 9, 1, 5);
        ProtectedTable p = ControlledRounding.withBase(5).round(t);
        long[][] expected = {{0, 10, 10, 20}, {0, 5, 15, 20}, {10, 0, 5, 15}, {10, 15, 30, 55}};
        long[][] actual = published(p, 3, 3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[i][j], actual[i][j], "cell " + i + "," + j);
            }
        }
        assertEquals("controlled-rounding", p.provenance().definitions().get("disclosure.method"));
        assertEquals("20", p.provenance().definitions().get("disclosure.roundingDistance"));
        assertEquals("5", p.provenance().definitions().get("disclosure.roundingBase"));
        assertEquals(5, p.controlledRoundingBase().orElseThrow());
        assertTrue(p.isRounded());
        assertEquals(CellStatus.ROUNDED, p.status(0, 0));
    }

    /**
     * The intruder's interval of every value of the 3 x 3 example, from the same script's step (3) (linprog min and
     * max of each value over the published box and the line equalities): "[[[0, 4], [6, 14], [6, 14], [16, 24]],
     * [[0, 4], [1, 9], [11, 19], [16, 24]], [[6, 14], [0, 4], [1, 9], [11, 19]], [[6, 14], [11, 19], [26, 34],
     * [51, 59]]]". Every width is 4 or 8 here: the rounding protects the small cells 3 and 1 with width b &minus; 1 = 4,
     * enough for threshold 5 with margin 4, and not enough for the default margin 10.
     */
    @Test
    void auditIntervalsAgainstScipy() {
        CountTable t = table(3, 3, 3, 7, 12, 0, 6, 14, 9, 1, 5);
        ProtectedTable p = ControlledRounding.withBase(5).round(t);
        long[][][] expected = {
            {{0, 4}, {6, 14}, {6, 14}, {16, 24}},
            {{0, 4}, {1, 9}, {11, 19}, {16, 24}},
            {{6, 14}, {0, 4}, {1, 9}, {11, 19}},
            {{6, 14}, {11, 19}, {26, 34}, {51, 59}}};
        AuditReport report = DisclosureAudit.of(DisclosurePolicy.withDefaults().withThreshold(5)
                .withProtectionMargin(4)).audit(p);
        assertEquals(16, report.intervals().size());
        assertTrue(report.passed());
        assertEquals("lp-controlled-rounding-audit", report.provenance().method());
        int k = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                CellInterval c = report.intervals().get(k++);
                assertEquals(List.of(i < 3 ? i : ALL, j < 3 ? j : ALL), c.coordinates());
                assertEquals(expected[i][j][0], c.lower(), "lower " + i + "," + j);
                assertEquals(expected[i][j][1], c.upper(), "upper " + i + "," + j);
            }
        }
        // the default margin 10 cannot be met by base 5: every value is exposed, and the audit says so
        AuditReport strict = DisclosureAudit.of(DisclosurePolicy.withDefaults()).audit(p);
        assertEquals(16, strict.exposed().size());
        assertFalse(strict.passed());
    }

    /** The policy option publishes the same table as the method, audits it with its margin, and rounds linked sets. */
    @Test
    void asDisclosurePolicy() {
        CountTable t = table(3, 3, 3, 7, 12, 0, 6, 14, 9, 1, 5);
        DisclosurePolicy policy = DisclosurePolicy.withDefaults().withThreshold(5).withProtectionMargin(4)
                .withControlledRounding(5);
        assertEquals("DisclosurePolicy[rounding=ControlledRounding[base=5]]", policy.toString());
        assertEquals(5, policy.controlledRounding().orElseThrow().base());
        ProtectedTable p = policy.protect(t);
        assertEquals(ControlledRounding.withBase(5).round(t).toString(), p.toString());
        assertTrue(p.toString().startsWith("ProtectedTable of cases by row x col, controlled rounding to base 5\n"));
        assertTrue(DisclosureAudit.of(policy).audit(p).passed());
        assertTrue(policy.withRounding(Rounding.BASE_5).controlledRounding().isEmpty());
        assertTrue(policy.withSuppression().controlledRounding().isEmpty());
        assertEquals(0, policy.withSuppression().protect(t).controlledRoundingBase().orElse(0));
        // a linked set is rounded jointly (issue 12, item 6: no longer refused); an unlinked table as on its own
        LinkedTables set = LinkedTables.of().with("a", t);
        assertEquals(p.toString(), policy.protect(set).table("a").toString());
    }

    @Test
    void badInput() {
        assertEquals("TM-DC-0030: Controlled rounding base is less than 2: 1",
                assertThrows(IndicatorException.class, () -> ControlledRounding.withBase(1)).getMessage());
        assertTrue(assertThrows(IndicatorException.class, () -> ControlledRounding.withBase(-5)).getMessage()
                .startsWith("TM-DC-0030"));
        // negative counts never reach the rounding: CountTable refuses them
        assertThrows(IndicatorException.class, () -> table(1, 2, 3, -1));
        CountTable threeWay = CountTable.of(CountingUnit.CASES, List.of(Dimension.of("a", "a0", "a1"),
                Dimension.of("b", "b0", "b1"), Dimension.of("c", "c0", "c1")), 1, 2, 3, 4, 5, 6, 7, 8);
        assertEquals("TM-DC-0031: Controlled rounding needs an additive table of rank 1 or 2: rank 3",
                assertThrows(IndicatorException.class, () -> ControlledRounding.withBase(5).round(threeWay))
                        .getMessage());
        Dimension year = Dimension.of("year", "2019", "2020");
        CountTable.DistinctBuilder<Integer> b = CountTable.distinctBuilder(CountingUnit.PERSONS, year);
        b.add(1, "2019").add(1, "2020");
        CountTable distinct = b.build();
        assertTrue(assertThrows(IndicatorException.class, () -> ControlledRounding.withBase(5).round(distinct))
                .getMessage().startsWith("TM-DC-0031"));
        ProtectedTable deterministic = DisclosurePolicy.withDefaults().withRounding(Rounding.BASE_5)
                .protect(table(1, 2, 3, 4));
        assertTrue(assertThrows(IndicatorException.class,
                () -> ControlledRounding.withBase(5).audit(deterministic, 4)).getMessage().startsWith("TM-DC-0031"));
        ProtectedTable rounded = ControlledRounding.withBase(5).round(table(1, 2, 3, 4));
        assertTrue(assertThrows(IndicatorException.class,
                () -> ControlledRounding.withBase(5).audit(rounded, 0)).getMessage().startsWith("TM-DC-0002"));
        assertTrue(assertThrows(IndicatorException.class,
                () -> ControlledRounding.withBase(10).audit(rounded, 4)).getMessage().startsWith("TM-DC-0031"));
    }

    @Test
    void oneWayAndMultiples() {
        // 3 + 4 + 10 = 17: the multiple 10 stays, 17 goes to 15 or 20 and 3, 4 follow additively
        CountTable t = CountTable.oneWay(CountingUnit.CASES, "form", List.of("a", "b", "c"), 3, 4, 10);
        ProtectedTable p = ControlledRounding.withBase(5).round(t);
        long a = p.value(0).orElseThrow();
        long b = p.value(1).orElseThrow();
        assertEquals(10, p.value(2).orElseThrow());
        assertEquals(a + b + 10, p.value(ALL).orElseThrow());
        // minimum distance: 3 -> 5 (2), 4 -> 5 (1), 17 -> 20 (3), total 6; the alternatives cost more
        assertEquals(5, a);
        assertEquals(5, b);
        assertEquals("6", p.provenance().definitions().get("disclosure.roundingDistance"));
        ProtectedTable zeros = ControlledRounding.withBase(5).round(table(2, 2, 0, 0, 0, 0));
        assertEquals(0, zeros.value(ALL, ALL).orElseThrow());
    }

    static Stream<String> seeds() {
        return LongStream.rangeClosed(1, 12).mapToObj(s -> "seed=" + s);
    }

    /**
     * Over seeded tables of 1 to 6 rows and columns with many small counts, zeros and multiples: the rounding is
     * additive, every value is a multiple of b adjacent to the true one, multiples (and zeros) stay, the same input gives
     * the same output, and every small cell (0 &lt; c &lt; b) has an audit width of at least 1 (it is never determined).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void properties(String name) {
        SplittableRandom random = new SplittableRandom(Long.parseLong(name.substring(5)));
        int rows = 1 + random.nextInt(6);
        int cols = 1 + random.nextInt(6);
        long base = new long[] {2, 3, 5, 10}[random.nextInt(4)];
        long[] cells = new long[rows * cols];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt((int) base);
                case 2 -> base * random.nextInt(5);
                default -> random.nextInt(200);
            };
        }
        CountTable t = table(rows, cols, cells);
        ControlledRounding method = ControlledRounding.withBase(base);
        ProtectedTable p = method.round(t);
        long[][] r = published(p, rows, cols);
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                long v = t.count(i < rows ? i : ALL, j < cols ? j : ALL);
                assertEquals(0, r[i][j] % base, name + " multiple at " + i + "," + j);
                assertTrue(r[i][j] == (v / base) * base || r[i][j] == (v / base) * base + base,
                        name + " adjacent at " + i + "," + j);
                if (v % base == 0) {
                    assertEquals(v, r[i][j], name + " multiple stays at " + i + "," + j);
                }
            }
        }
        for (int i = 0; i <= rows; i++) {
            long sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += r[i][j];
            }
            assertEquals(r[i][cols], sum, name + " row " + i);
        }
        for (int j = 0; j <= cols; j++) {
            long sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += r[i][j];
            }
            assertEquals(r[rows][j], sum, name + " column " + j);
        }
        long[][] again = published(method.round(t), rows, cols);
        for (int i = 0; i <= rows; i++) {
            assertEquals(List.of(LongStream.of(r[i]).boxed().toArray()),
                    List.of(LongStream.of(again[i]).boxed().toArray()), name + " determinism");
        }
        AuditReport report = method.audit(p, 1);
        boolean small = false;
        for (CellInterval c : report.intervals()) {
            long v = t.count(c.coordinates().stream().mapToInt(Integer::intValue).toArray());
            assertTrue(c.lower() <= v && v <= c.upper(), name + " true value inside " + c);
            assertTrue(c.width() <= 2 * base - 2, name + " width at most 2b - 2 " + c);
            if (v > 0 && v < base) {
                small = true;
                assertFalse(c.exposed(), name + " small cell determined " + c);
            }
        }
        assumeTrue(small, "no cell 0 < c < b in " + name);
    }

    /** Worked by hand from roundIsolated's definition: the nearest multiple of 11, halves upwards, never 0 for v > 0. */
    @Test
    void isolatedCountsNeverPrintAPositiveCountAsZero() {
        ControlledRounding rounding = ControlledRounding.withBase(11);
        long[][] expected = {{0, 0}, {1, 11}, {5, 11}, {6, 11}, {16, 11}, {17, 22}, {27, 22}, {28, 33}, {110, 110}};
        for (long[] pair : expected) {
            assertEquals(pair[1], rounding.roundIsolated(pair[0], false), "v = " + pair[0]);
        }
        assertEquals(11, rounding.roundIsolated(0, true), "a sensitive zero is printed as the base");
        assertThrows(IndicatorException.class, () -> rounding.roundIsolated(-1, false));
    }

    static Stream<Long> bases() {
        return LongStream.rangeClosed(2, 30).boxed();
    }

    /**
     * The guarantee of {@link ControlledRounding#roundIsolated}: the rule is monotone, a printed 0 comes from 0 alone
     * (and never appears when zeros are sensitive), and every other printed value's preimage is at least b - 1 wide,
     * so that b &ge; p + 1 keeps the protection margin p. Checked exhaustively over 0 to 40b for each base.
     */
    @ParameterizedTest(name = "base {0}")
    @MethodSource("bases")
    void isolatedCountsKeepAWidthOfBaseLessOne(long base) {
        ControlledRounding rounding = ControlledRounding.withBase(base);
        for (boolean zerosSensitive : new boolean[] {false, true}) {
            java.util.Map<Long, long[]> preimage = new java.util.TreeMap<>();
            long previous = -1;
            long top = 40 * base;
            for (long v = 0; v <= top; v++) {
                long r = rounding.roundIsolated(v, zerosSensitive);
                assertEquals(0, r % base, "a multiple of the base");
                assertTrue(r >= previous, "monotone at " + v);
                previous = r;
                long[] range = preimage.computeIfAbsent(r, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
            long last = previous; // its preimage is cut at the top of the range
            for (var entry : preimage.entrySet()) {
                long r = entry.getKey();
                long[] range = entry.getValue();
                if (r == 0) {
                    assertFalse(zerosSensitive, "0 printed with sensitive zeros");
                    assertEquals(0, range[1], "a printed 0 means exactly 0");
                } else if (r != last) {
                    assertTrue(range[1] - range[0] >= base - 1,
                            "printed " + r + " from [" + range[0] + ", " + range[1] + "], zeros sensitive "
                                    + zerosSensitive);
                }
            }
        }
    }
}
