package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.tables.MagnitudeTable;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

class MagnitudeProtectionTest {

    private static final int ALL = CountTable.ALL;

    private static final DisclosurePolicy POLICY = DisclosurePolicy.withDefaults().withThreshold(3)
            .withDominanceRule(new DominanceRule(1, 60));

    /**
     * Sentence days by year and form (synthetic). One labour offender in 2019 has 90% of that cell: dominated.
     * Every other cell has at least 3 offenders and no one above 60%.
     */
    @Test
    void dominatedCellIsWithheldAndCannotBeDerived() {
        MagnitudeTable.Builder b = MagnitudeTable.builder("custodialSentenceDays",
                Dimension.of("year", "2018", "2019"), Dimension.of("form", "sexual", "labour", "criminal"));
        for (String year : new String[] {"2018", "2019"}) {
            for (int i = 0; i < 5; i++) {
                b.add(300 + 10 * i, year, "sexual");
                b.add(200 + 20 * i, year, "criminal");
            }
        }
        b.add(400, "2018", "labour").add(350, "2018", "labour").add(380, "2018", "labour");
        b.add(2700, "2019", "labour").add(150, "2019", "labour").add(150, "2019", "labour");
        MagnitudeTable table = b.build();
        ProtectedMagnitudeTable p = POLICY.protect(table);
        assertEquals(CellStatus.PRIMARY, p.status(1, 1));
        assertTrue(POLICY.isMagnitudeSensitive(table.contributions(1, 1)));
        assertEquals(OptionalDouble.empty(), p.value(1, 1));
        assertTrue(p.suppressedCount() >= 4, "a dominated cell needs at least a rectangle of withheld cells");
        AuditReport report = DisclosureAudit.withDefaults().audit(p, table, POLICY.magnitudeProtection());
        assertTrue(report.passed(), report::toString);
        for (CellInterval interval : report.intervals()) {
            double v = table.sum(interval.coordinates().stream().mapToInt(Integer::intValue).toArray());
            assertTrue(interval.lower() <= v + 1e-6 && v - 1e-6 <= interval.upper());
            assertTrue(interval.width() >= 0.2 * v);
        }
        assertEquals("(1, 60.0)", p.provenance().definitions().get("disclosure.dominance"));
    }

    @Test
    void primaryOnlyIsDerivedFromTheMargins() {
        MagnitudeTable table = MagnitudeTable.builder("days", Dimension.of("form", "a", "b"))
                .add(100, "a").add(5000, "b").add(100, "b").add(100, "b").build();
        double[] sums = table.extendedSums();
        CellStatus[] status = {CellStatus.PRIMARY, CellStatus.PUBLISHED, CellStatus.PUBLISHED};
        ProtectedMagnitudeTable primaryOnly = new ProtectedMagnitudeTable(table, sums, status,
                table.provenance());
        AuditReport report = DisclosureAudit.withDefaults().audit(primaryOnly, table, 0);
        assertFalse(report.passed());
        assertEquals(100, report.exposed().get(0).lower(), 1e-9);
        assertEquals(100, report.exposed().get(0).upper(), 1e-9);
    }

    @Test
    void rejectsInvalidArguments() {
        MagnitudeTable table = MagnitudeTable.builder("days", Dimension.of("form", "a")).add(1, "a").build();
        assertEquals("TM-DC-0033: Rounding does not apply to magnitude tables: BASE_5", assertThrows(IndicatorException.class,
                () -> POLICY.withRounding(Rounding.BASE_5).protect(table)).getMessage());
        assertEquals("TM-DC-0041: Relative magnitude protection is not in [0, 10]: -0.1", assertThrows(IndicatorException.class,
                () -> POLICY.withMagnitudeProtection(-0.1)).getMessage());
    }

    static Stream<Arguments> tables() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("edge empty cells 2x2", new int[] {2, 2}, 0L, true));
        for (long seed = 1; seed <= 15; seed++) {
            int rank = 1 + (int) (seed % 3);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = 2 + (int) ((seed + d) % (rank == 3 ? 2 : 3));
            }
            cases.add(Arguments.of("seed=" + seed + " rank=" + rank, shape, seed, false));
        }
        return cases.stream();
    }

    /** Random magnitude tables: 0-8 contributors per cell, sometimes one large one; the audit passes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void suppressionPassesTheAudit(String name, int[] shape, long seed, boolean empty) {
        SplittableRandom random = new SplittableRandom(seed);
        Dimension[] dims = new Dimension[shape.length];
        for (int d = 0; d < shape.length; d++) {
            String[] labels = new String[shape[d]];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = "c" + i;
            }
            dims[d] = Dimension.of("d" + d, labels);
        }
        MagnitudeTable.Builder b = MagnitudeTable.builder("days", dims);
        ExtendedIndex index = new ExtendedIndex(shape);
        for (int o = 0; o < index.size(); o++) {
            if (index.marginOrder(o) != 0 || empty && o == 0) {
                continue;
            }
            int[] c = index.coords(o);
            String[] labels = new String[c.length];
            for (int d = 0; d < c.length; d++) {
                labels[d] = "c" + c[d];
            }
            int units = empty ? 4 : random.nextInt(9);
            for (int u = 0; u < units; u++) {
                b.add(random.nextInt(10) == 0 ? 1000 + random.nextInt(5000) : 50 + random.nextInt(400), labels);
            }
        }
        MagnitudeTable table = b.build();
        ProtectedMagnitudeTable p = POLICY.protect(table);
        for (int o = 0; o < index.size(); o++) {
            int[] c = index.coords(o);
            if (POLICY.isMagnitudeSensitive(table.contributions(c))) {
                assertEquals(CellStatus.PRIMARY, p.status(c));
            } else if (p.value(c).isPresent()) {
                assertEquals(table.sum(c), p.value(c).getAsDouble(), 0);
            }
        }
        AuditReport report = DisclosureAudit.withDefaults().audit(p, table, POLICY.magnitudeProtection());
        assertTrue(report.passed(), report::toString);
    }
}
