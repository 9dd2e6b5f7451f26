package org.tipmonitor.indicators.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.GroupContribution;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.testing.ModelGenerator;

class PoliceSignalsTest {

    private static final YearRange PERIOD = YearRange.of(2012, 2018);

    @Test
    void tablesCountSourceCountsOfOneSeries() {
        CountTable t = PoliceSignals.of(PoliceSeries.IDENTIFIED_VICTIMS, PERIOD)
                .table(LetterPoliceSignals.cells(), PoliceDimension.YEAR, PoliceDimension.ORIGIN);
        assertEquals(CountingUnit.SOURCE_COUNTS, t.unit());
        assertEquals(7 * 5 * 1000, t.total());
        assertEquals(1000, t.count("2018", "unknown"));
        assertEquals("identified_victims", t.provenance().definitions().get(PoliceSignals.SERIES));
        assertEquals("year|origin", t.provenance().definitions().get("dimensions"));
        assertEquals("2012-2018", t.provenance().period());
        assertTrue(t.isAdditive());
    }

    @Test
    void categoriesFollowTheCodeLists() {
        assertEquals(VictimOriginGroup.values().length, PoliceDimension.ORIGIN.categories(PERIOD).size());
        assertEquals("dutch", PoliceDimension.ORIGIN.categories(PERIOD).get(0));
        assertEquals(PERIOD.labels(), PoliceDimension.YEAR.categories(PERIOD));
        for (PoliceDimension d : PoliceDimension.values()) {
            assertEquals(d.tableName(), d.dimension(PERIOD).name());
        }
    }

    @Test
    void rejectsInvalidRequests() {
        PoliceSignals reports = PoliceSignals.of(PoliceSeries.REPORTS_FILED, PERIOD);
        assertEquals("TM-IN-0603: Category is not in dimension origin: martian", assertThrows(IndicatorException.class,
                () -> reports.withRestriction(PoliceDimension.ORIGIN, "martian")).getMessage());
        assertEquals("TM-IN-0604: Number of categories of a restriction is less than 1: 0", assertThrows(
                IndicatorException.class, () -> reports.withRestriction(PoliceDimension.ORIGIN)).getMessage());
        assertEquals("TM-IN-0605: Year has no previous year in the period 2012-2018: 2012", assertThrows(
                IndicatorException.class, () -> reports.changeInto(List.of(), 2012, PoliceDimension.ORIGIN))
                .getMessage());
        assertThrows(IndicatorException.class, () -> reports.byGroup(List.of(), PoliceDimension.YEAR));
        assertThrows(IndicatorException.class,
                () -> PoliceSignals.of(PoliceSeries.REPORTS_FILED, YearRange.of(2017, 2018)).trend(List.of()));
    }

    @Test
    void anUnchangedTotalIsNoFirstOfAnything() {
        List<PoliceSignalCount> flat = new ArrayList<>();
        for (int year = 2012; year <= 2018; year++) {
            flat.add(new PoliceSignalCount(year, PoliceSeries.REPORTS_FILED,
                    ExploitationForm.LABOUR, VictimOriginGroup.DUTCH,
                    DublinStatus.UNKNOWN, 10));
        }
        PoliceSignalChange change = PoliceSignals.of(PoliceSeries.REPORTS_FILED, PERIOD)
                .changeInto(flat, 2018, PoliceDimension.ORIGIN);
        assertTrue(change.yearsSinceLast().isEmpty());
        assertFalse(change.isFirstInYears(1));
        assertTrue(change.soleDriver().isEmpty());
        assertThrows(IndicatorException.class, () -> change.isFirstInYears(0));
    }

    static Stream<Arguments> views() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("edge empty", List.of()));
        for (long seed = 1; seed <= 12; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<PoliceSignalCount> cells = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                cells.add(generator.policeSignalCount());
            }
            cases.add(Arguments.of("seed=" + seed, cells));
        }
        return cases.stream();
    }

    /**
     * The total is the sum of the series' cells in the period; restricting to each origin in turn partitions it; the
     * decomposition of every year's change adds up to the change of the total.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void totalsPartitionAndDecompose(String name, List<PoliceSignalCount> cells) {
        YearRange period = YearRange.of(2010, 2025);
        for (PoliceSeries series : PoliceSeries.values()) {
            PoliceSignals signals = PoliceSignals.of(series, period);
            AnnualSeries total = signals.total(cells);
            long expected = cells.stream().filter(c -> c.series() == series).mapToLong(PoliceSignalCount::count)
                    .sum();
            assertEquals(expected, Arrays.stream(total.counts()).sum());
            List<AnnualSeries> parts = new ArrayList<>();
            for (VictimOriginGroup origin : VictimOriginGroup.values()) {
                parts.add(signals.withRestriction(PoliceDimension.ORIGIN, origin.code()).total(cells));
            }
            assertEquals(total, AnnualSeries.sum(parts));
            for (int year = period.firstYear() + 1; year <= period.lastYear(); year++) {
                PoliceSignalChange change = signals.changeInto(cells, year, PoliceDimension.DUBLIN_STATUS);
                assertEquals(change.change().absolute(), change.decomposition().contributions().stream()
                        .mapToLong(GroupContribution::contribution).sum());
                assertEquals(total.change(year - 1, year), change.change());
            }
        }
    }
}
