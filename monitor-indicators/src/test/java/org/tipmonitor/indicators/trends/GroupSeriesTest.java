package org.tipmonitor.indicators.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

class GroupSeriesTest {

    private static GroupSeries letter() {
        return new GroupSeries("origin", LetterSeries.policeReportsByOrigin(),
                Provenance.of("test").withDataset("letter", "2012-2018"));
    }

    @Test
    void changesAndDecompositionPerGroup() {
        GroupSeries groups = letter();
        assertEquals(AnnualSeries.of(2012, 380, 402, 369, 336, 306, 279, 318), groups.total());
        Map<String, Change> changes = groups.changes(2013, 2018);
        assertEquals(List.of("Dutch", "EU", "Africa", "Other"), List.copyOf(changes.keySet()));
        assertEquals(-95, changes.get("Dutch").absolute());
        assertEquals(70, changes.get("Africa").absolute());
        ChangeDecomposition d = groups.decompose(2017, 2018);
        assertEquals(39, d.total().absolute());
        assertEquals("Africa", d.soleDriver().orElseThrow().group());
        // the decomposition carries the series' dataset and period, and its own method and groups
        assertEquals("letter", d.provenance().datasetId());
        assertEquals("2012-2018", d.provenance().period());
        assertEquals("additive-change-decomposition", d.provenance().method());
        assertEquals("Dutch|EU|Africa|Other", d.provenance().definitions().get("groups"));
    }

    @Test
    void trendPerGroupCarriesTheGroup() {
        Map<String, TrendEstimate> trends = letter().trends(PoissonTrend.withDefaults());
        PoissonTrendFit dutch = assertInstanceOf(PoissonTrendFit.class, trends.get("Dutch"));
        assertEquals("Dutch", dutch.provenance().definitions().get(GroupSeries.GROUP));
        assertEquals("letter", dutch.provenance().datasetId());
        assertTrue(dutch.slope() < 0);
    }

    @Test
    void fromTableReadsEveryCategory() {
        Dimension year = Dimension.of("year", "2017", "2018");
        Dimension origin = Dimension.of("origin", "dutch", "african", "unknown");
        CountTable t = CountTable.of(CountingUnit.SOURCE_COUNTS, List.of(year, origin), 130, 30, 1, 115, 95, 0);
        GroupSeries g = GroupSeries.fromTable(t, "year", "origin");
        assertEquals(List.of("dutch", "african", "unknown"), List.copyOf(g.groups().keySet()));
        assertEquals(AnnualSeries.of(2017, 30, 95), g.group("african"));
        assertEquals(2017, g.firstYear());
        assertEquals(2018, g.lastYear());
        assertEquals("origin", g.provenance().definitions().get(GroupSeries.GROUP_DIMENSION));
        assertEquals("source_counts", g.provenance().definitions().get("countingUnit"));
    }

    @Test
    void rejectsEmptyMismatchedAndUnknownGroups() {
        assertEquals("TM-IN-0205: Number of groups is less than 1: 0", assertThrows(IndicatorException.class,
                () -> new GroupSeries("origin", Map.of(), Provenance.of("test"))).getMessage());
        Map<String, AnnualSeries> mismatched = new LinkedHashMap<>();
        mismatched.put("a", AnnualSeries.of(2012, 1, 2));
        mismatched.put("b", AnnualSeries.of(2013, 1, 2));
        assertEquals("TM-IN-0204: Series of group b cover 2013-2014, not 2012-2013", assertThrows(IndicatorException.class,
                () -> new GroupSeries("origin", mismatched, Provenance.of("test"))).getMessage());
        assertEquals("TM-IN-0203: Group is not in the series of origin: Mars",
                assertThrows(IndicatorException.class, () -> letter().group("Mars")).getMessage());
    }
}
