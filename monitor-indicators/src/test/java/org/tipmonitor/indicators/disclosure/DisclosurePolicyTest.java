package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/** Hand-worked examples; the feasible intervals in the comments are solved by hand from the line equations. */
class DisclosurePolicyTest {

    private static final int ALL = CountTable.ALL;

    @Test
    void oneWayTableWithholdsAComplementSoTheTotalDoesNotGiveTheSmallCellAway() {
        // reporters: police 3, KMar 0, care coordinators 50, others 60; total 113
        CountTable t = CountTable.oneWay(CountingUnit.REGISTRATIONS, "reporter",
                List.of("police", "kmar", "care", "other"), 3, 0, 50, 60);
        ProtectedTable p = DisclosurePolicy.withDefaults().protect(t);
        assertEquals(CellStatus.PRIMARY, p.status(0));
        assertEquals(OptionalLong.of(0), p.value(1));
        // cheapest complement with x0 + x2 wide enough: 50 (width 3 + 50 >= 10); KMar's 0 (width 3) is not enough
        assertEquals(CellStatus.SECONDARY, p.status(2));
        assertEquals(OptionalLong.of(60), p.value(3));
        assertEquals(OptionalLong.of(113), p.value(ALL));
        assertEquals(2, p.suppressedCount());
        // x0 + x2 = 113 - 0 - 60 = 53, x >= 0: both lie in [0, 53]
        AuditReport report = DisclosureAudit.withDefaults().withProtectionMargin(10).audit(p);
        assertTrue(report.passed());
        assertEquals(List.of(new CellInterval(List.of(0), CellStatus.PRIMARY, 0, 53, false),
                new CellInterval(List.of(2), CellStatus.SECONDARY, 0, 53, false)), report.intervals());
    }

    @Test
    void twoWayTableWithholdsTheRectangle() {
        //        c1  c2 | total
        //   A     3  40 |  43
        //   B    30  50 |  80
        //        33  90 | 123
        CountTable t = CountTable.of(CountingUnit.REGISTRATIONS,
                List.of(Dimension.of("row", "A", "B"), Dimension.of("col", "c1", "c2")), 3, 40, 30, 50);
        ProtectedTable p = DisclosurePolicy.withDefaults().protect(t);
        assertEquals(CellStatus.PRIMARY, p.status(0, 0));
        assertEquals(CellStatus.SECONDARY, p.status(0, 1));
        assertEquals(CellStatus.SECONDARY, p.status(1, 0));
        assertEquals(CellStatus.SECONDARY, p.status(1, 1));
        assertEquals(4, p.suppressedCount());
        assertEquals(OptionalLong.of(43), p.value(0, ALL));
        assertEquals(OptionalLong.of(90), p.value(ALL, 1));
        assertEquals(OptionalLong.of(123), p.value(ALL, ALL));
        // x_A1 = t, x_A2 = 43 - t, x_B1 = 33 - t, x_B2 = 47 + t, all >= 0  =>  t in [0, 33]
        AuditReport report = DisclosureAudit.withDefaults().audit(p);
        assertTrue(report.passed());
        assertEquals(List.of(
                new CellInterval(List.of(0, 0), CellStatus.PRIMARY, 0, 33, false),
                new CellInterval(List.of(0, 1), CellStatus.SECONDARY, 10, 43, false),
                new CellInterval(List.of(1, 0), CellStatus.SECONDARY, 0, 33, false),
                new CellInterval(List.of(1, 1), CellStatus.SECONDARY, 47, 80, false)), report.intervals());
        assertEquals("row\\col\tc1\tc2\tTotal\nA\tx\tx\t43\nB\tx\tx\t80\nTotal\t33\t90\t123\n", p.render());
    }

    @Test
    void primarySuppressionAloneIsRecoveredFromTheTotals() {
        CountTable t = CountTable.of(CountingUnit.REGISTRATIONS,
                List.of(Dimension.of("row", "A", "B"), Dimension.of("col", "c1", "c2")), 3, 40, 30, 50);
        long[] values = t.extendedCounts();
        CellStatus[] status = new CellStatus[values.length];
        java.util.Arrays.fill(status, CellStatus.PUBLISHED);
        status[0] = CellStatus.PRIMARY;
        ProtectedTable primaryOnly = new ProtectedTable(t, values, status, t.provenance());
        AuditReport report = DisclosureAudit.withDefaults().audit(primaryOnly);
        assertFalse(report.passed());
        CellInterval recovered = report.exposed().get(0);
        // 43 - 40 = 3: the withheld cell is determined exactly
        assertTrue(recovered.isDetermined());
        assertEquals(3, recovered.lower(), 0);
        assertEquals(3, recovered.upper(), 0);
    }

    @Test
    void smallMarginIsWithheldWithItsCells() {
        //        c1  c2  c3 | total
        //   A     2   0   5 |   7    (row total below 10)
        //   B    30  45  12 |  87
        //   C    25  15  40 |  80
        CountTable t = CountTable.of(CountingUnit.CASES,
                List.of(Dimension.of("row", "A", "B", "C"), Dimension.of("col", "c1", "c2", "c3")),
                2, 0, 5, 30, 45, 12, 25, 15, 40);
        ProtectedTable p = DisclosurePolicy.withDefaults().protect(t);
        assertEquals(CellStatus.PRIMARY, p.status(0, ALL));
        assertEquals(CellStatus.PRIMARY, p.status(0, 0));
        assertEquals(CellStatus.PRIMARY, p.status(0, 2));
        assertEquals(OptionalLong.of(174), p.value(ALL, ALL));
        AuditReport report = DisclosureAudit.withDefaults().withProtectionMargin(10).audit(p);
        assertTrue(report.passed(), () -> report.exposed() + "\n" + p.render());
    }

    @Test
    void zerosCanBeSensitive() {
        CountTable t = CountTable.oneWay(CountingUnit.PERSONS, "sex", List.of("female", "male", "unknown"),
                40, 35, 0);
        assertEquals(0, DisclosurePolicy.withDefaults().protect(t).suppressedCount());
        ProtectedTable p = DisclosurePolicy.withDefaults().withZerosSensitive(true).protect(t);
        assertEquals(CellStatus.PRIMARY, p.status(2));
        assertEquals(2, p.suppressedCount());
        assertTrue(DisclosureAudit.withDefaults().withProtectionMargin(10).audit(p).passed());
    }

    @Test
    void thresholdAndMarginAreConfigurable() {
        CountTable t = CountTable.oneWay(CountingUnit.REGISTRATIONS, "form", List.of("a", "b", "c"), 4, 12, 30);
        assertEquals(0, DisclosurePolicy.withDefaults().withThreshold(3).protect(t).suppressedCount());
        DisclosurePolicy policy = DisclosurePolicy.withDefaults().withThreshold(15).withProtectionMargin(40);
        assertEquals(40, policy.protectionMargin());
        assertEquals(15, DisclosurePolicy.withDefaults().withThreshold(15).protectionMargin());
        ProtectedTable p = policy.protect(t);
        // 4 and 12 are below 15; together their interval is [0, 16], narrower than 40, so 30 goes as well
        assertEquals(3, p.suppressedCount(), p::render);
        assertEquals(OptionalLong.of(46), p.value(ALL));
        assertEquals("15", p.provenance().definitions().get("disclosure.threshold"));
        assertEquals("40", p.provenance().definitions().get("disclosure.protectionMargin"));
        assertTrue(DisclosureAudit.withDefaults().withProtectionMargin(40).audit(p).passed());
    }

    @Test
    void personTablesUseInequalityConstraints() {
        Dimension year = Dimension.of("year", "2017", "2018");
        Dimension reporter = Dimension.of("reporter", "police", "care", "other");
        CountTable.DistinctBuilder<Integer> b = CountTable.distinctBuilder(CountingUnit.PERSONS, year, reporter);
        for (int person = 0; person < 120; person++) {
            b.add(person, person % 2 == 0 ? "2017" : "2018", person % 3 == 0 ? "police" : "care");
            if (person % 5 == 0) {
                b.add(person, person % 2 == 0 ? "2017" : "2018", "other");
            }
        }
        b.add(1000, "2018", "other");
        CountTable persons = b.build();
        assertFalse(persons.isAdditive());
        ProtectedTable p = DisclosurePolicy.withDefaults().protect(persons);
        assertFalse(p.isAdditive());
        AuditReport report = DisclosureAudit.withDefaults().withProtectionMargin(10).audit(p);
        assertEquals("distinct-count", report.provenance().definitions().get("constraints"));
        assertTrue(report.passed(), () -> report.exposed() + "\n" + p.render());
        for (List<Integer> cell : p.cellsWith(CellStatus.PRIMARY)) {
            long truth = persons.count(cell.stream().mapToInt(Integer::intValue).toArray());
            assertTrue(DisclosurePolicy.withDefaults().isSensitive(truth));
        }
    }

    @Test
    void roundingPublishesEveryCellToTheBase() {
        CountTable t = CountTable.of(CountingUnit.REGISTRATIONS,
                List.of(Dimension.of("row", "A", "B"), Dimension.of("col", "c1", "c2")), 3, 42, 27, 58);
        ProtectedTable p = DisclosurePolicy.withDefaults().withRounding(Rounding.BASE_5).protect(t);
        assertTrue(p.isRounded());
        assertEquals(0, p.suppressedCount());
        assertEquals(CellStatus.ROUNDED, p.status(0, 0));
        assertEquals(OptionalLong.of(5), p.value(0, 0));
        assertEquals(OptionalLong.of(40), p.value(0, 1));
        assertEquals(OptionalLong.of(25), p.value(1, 0));
        assertEquals(OptionalLong.of(60), p.value(1, 1));
        assertEquals(OptionalLong.of(45), p.value(0, ALL));      // 45 stays 45, not 5 + 40
        assertEquals(OptionalLong.of(130), p.value(ALL, ALL));   // 130
        assertEquals("rounding-base-5", p.provenance().definitions().get("disclosure.method"));
        assertTrue(DisclosureAudit.withDefaults().audit(p).passed());
        ProtectedTable cbs = DisclosurePolicy.withDefaults().withRounding(Rounding.CBS_HUNDREDS).protect(t);
        assertEquals(OptionalLong.of(100), cbs.value(ALL, ALL));
        assertEquals(OptionalLong.of(0), cbs.value(0, ALL));
        assertEquals(0, DisclosurePolicy.withDefaults().withRounding(Rounding.BASE_10).withSuppression()
                .protect(t).statuses().length - t.extendedCounts().length);
    }

    @Test
    void singleCountTable() {
        CountTable small = CountTable.of(CountingUnit.PERSONS, List.of(), 7);
        ProtectedTable p = DisclosurePolicy.withDefaults().protect(small);
        assertEquals(CellStatus.PRIMARY, p.status());
        // nothing constrains it: the interval is [0, infinity)
        CellInterval interval = DisclosureAudit.withDefaults().audit(p).intervals().get(0);
        assertEquals(Double.POSITIVE_INFINITY, interval.upper(), 0);
        assertFalse(interval.exposed());
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-DC-0001: Suppression threshold is less than 1: 0", assertThrows(IndicatorException.class,
                () -> DisclosurePolicy.withDefaults().withThreshold(0)).getMessage());
        assertEquals("TM-DC-0002: Protection margin is less than 1: 0", assertThrows(IndicatorException.class,
                () -> DisclosurePolicy.withDefaults().withProtectionMargin(0)).getMessage());
        assertEquals("TM-DC-0002: Protection margin is less than 1: -3", assertThrows(IndicatorException.class,
                () -> DisclosureAudit.withDefaults().withProtectionMargin(-3)).getMessage());
        assertThrows(NullPointerException.class, () -> DisclosurePolicy.withDefaults().withRounding(null));
        assertThrows(NullPointerException.class, () -> DisclosurePolicy.withDefaults().protect((CountTable) null));
    }

    @Test
    void magnitudeCellsUseTheDominanceRule() {
        DisclosurePolicy policy = DisclosurePolicy.withDefaults().withThreshold(3)
                .withDominanceRule(new DominanceRule(1, 30));
        // two contributors: fewer than the threshold of 3
        assertTrue(policy.isMagnitudeSensitive(50, 50));
        // largest 40% of the total > 30%
        assertTrue(policy.isMagnitudeSensitive(40, 20, 20, 20));
        assertFalse(policy.isMagnitudeSensitive(25, 25, 25, 25));
        assertFalse(DisclosurePolicy.withDefaults().withThreshold(3).isMagnitudeSensitive(90, 5, 5));
    }
}
