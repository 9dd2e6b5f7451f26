package org.tipmonitor.indicators.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

class ChangeDecompositionTest {

    /** "Dit komt echter door een forse toename van slechts een specifieke groep: Afrikaanse slachtoffers". */
    @Test
    void riseIn2018DrivenByAfricanVictimsOnly() {
        ChangeDecomposition d = ChangeDecomposition.of(LetterSeries.policeReportsByOrigin(), 2017, 2018);
        assertEquals(39, d.total().absolute());
        assertEquals(-15, d.contribution("Dutch").contribution());
        assertEquals(-10, d.contribution("EU").contribution());
        assertEquals(65, d.contribution("Africa").contribution());
        assertEquals(-1, d.contribution("Other").contribution());
        assertEquals("Africa", d.largestContributor().group());
        GroupContribution africa = d.soleDriver().orElseThrow();
        assertEquals("Africa", africa.group());
        // Without African victims the total would have fallen from 249 to 223.
        assertEquals(new Change(2017, 2018, 249, 223), africa.totalWithout());
        assertEquals(Direction.DECREASE, africa.totalWithout().direction());
    }

    @Test
    void groupSeriesFromACountTable() {
        // the letter's series as a year x origin table (a third dimension, form, is summed over)
        Map<String, AnnualSeries> groups = LetterSeries.policeReportsByOrigin();
        Dimension year = Dimension.of("year",
                "2012", "2013", "2014", "2015", "2016", "2017", "2018");
        Dimension origin = new Dimension("origin",
                List.copyOf(groups.keySet()));
        Dimension form = Dimension.of("form",
                "sexual", "other");
        CountTable.Builder b = CountTable.builder(CountingUnit.REGISTRATIONS, origin, year, form);
        for (Map.Entry<String, AnnualSeries> e : groups.entrySet()) {
            for (int y = 2012; y <= 2018; y++) {
                long n = e.getValue().count(y);
                b.add(n - n / 3, e.getKey(), Integer.toString(y), "sexual");
                b.add(n / 3, e.getKey(), Integer.toString(y), "other");
            }
        }
        CountTable table = b.build();
        assertEquals(groups, AnnualSeries.byGroup(table, "year", "origin"));
        assertEquals(List.copyOf(groups.keySet()), List.copyOf(AnnualSeries.byGroup(table, "year", "origin")
                .keySet()));
        assertEquals(AnnualSeries.sum(groups.values()), AnnualSeries.fromTable(table, "year"));
        assertEquals("Africa", ChangeDecomposition.of(AnnualSeries.byGroup(table, "year", "origin"), 2017, 2018)
                .soleDriver().orElseThrow().group());
        assertEquals("TM-IN-0218: Year label is not an integer in dimension origin: For input string: \"Dutch\"",
                assertThrows(IndicatorException.class, () -> AnnualSeries.fromTable(table, "origin")).getMessage());
    }

    @Test
    void fiveYearDeclineHasNoSoleDriver() {
        ChangeDecomposition d = ChangeDecomposition.of(LetterSeries.policeReportsByOrigin(), 2013, 2018);
        assertEquals(-84, d.total().absolute());
        assertEquals(-95, d.contribution("Dutch").contribution());
        assertEquals(-50, d.contribution("EU").contribution());
        assertEquals("Dutch", d.largestContributor().group());
        // Dutch, EU and Other all fell: no single group drove the decline.
        assertEquals(Optional.empty(), d.soleDriver());
    }

    @Test
    void soleDriverNeedsTheOthersNotToMoveTheTotalAlone() {
        Map<String, AnnualSeries> groups = new LinkedHashMap<>();
        groups.put("a", AnnualSeries.of(2020, 10, 20));
        groups.put("b", AnnualSeries.of(2020, 10, 10));
        assertEquals("a", ChangeDecomposition.of(groups, 2020, 2021).soleDriver().orElseThrow().group());
        groups.put("c", AnnualSeries.of(2020, 10, 10));
        groups.put("a", AnnualSeries.of(2020, 10, 10));
        assertEquals(Optional.empty(), ChangeDecomposition.of(groups, 2020, 2021).soleDriver());
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-IN-0205: Number of groups is less than 1: 0",
                assertThrows(IndicatorException.class, () -> ChangeDecomposition.of(Map.of(), 2017, 2018))
                        .getMessage());
        ChangeDecomposition d = ChangeDecomposition.of(LetterSeries.policeReportsByOrigin(), 2017, 2018);
        assertEquals("TM-IN-0208: Group is not in the decomposition: Asia",
                assertThrows(IndicatorException.class, () -> d.contribution("Asia")).getMessage());
        assertThrows(IndicatorException.class, () -> new ChangeDecomposition(2017, 2018,
                new Change(2017, 2018, 1, 2), d.contributions(), d.provenance()));
    }

    static Stream<Arguments> randomGroups() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("edge one group", 0L, 1));
        cases.add(Arguments.of("edge all zero", -1L, 3));
        for (long seed = 1; seed <= 25; seed++) {
            cases.add(Arguments.of("seed=" + seed, seed, 1 + (int) (seed % 6)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomGroups")
    void contributionsSumExactlyToTotalChange(String name, long seed, int groupCount) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, AnnualSeries> groups = new LinkedHashMap<>();
        for (int g = 0; g < groupCount; g++) {
            long[] counts = new long[6];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = seed < 0 ? 0 : random.nextLong(seed % 3 == 0 ? 1_000_000_000L : 50);
            }
            groups.put("g" + g, AnnualSeries.of(2013, counts));
        }
        int from = 2013 + random.nextInt(5);
        int to = from + 1 + random.nextInt(2018 - from);
        ChangeDecomposition d = ChangeDecomposition.of(groups, from, to);
        long sum = d.contributions().stream().mapToLong(GroupContribution::contribution).sum();
        assertEquals(d.total().absolute(), sum);
        assertEquals(AnnualSeries.sum(groups.values()).change(from, to), d.total());
        for (GroupContribution c : d.contributions()) {
            assertEquals(d.total().absolute() - c.contribution(), c.totalWithout().absolute());
        }
        d.soleDriver().ifPresent(c -> assertTrue(c.contribution() * d.total().absolute() > 0));
    }

    /** Issue 6: in JShell a decomposition prints as a table of the groups' contributions (toString). */
    @Test
    void toStringIsATableOfContributions() {
        assertEquals("""
                ChangeDecomposition 2017 to 2018: 279 to 318 (increase)
                  group   2017  2018  change  total without
                  Dutch    130   115     -15     149 to 203
                  EU        85    75     -10     194 to 243
                  Africa    30    95     +65     249 to 223
                  Other     34    33      -1     245 to 285
                  Total    279   318     +39
                  driven by one group: Africa
                """, ChangeDecomposition.of(LetterSeries.policeReportsByOrigin(), 2017, 2018).toString());
    }
}
