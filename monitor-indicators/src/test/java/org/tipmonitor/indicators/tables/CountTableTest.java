package org.tipmonitor.indicators.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;

class CountTableTest {

    private static final Dimension YEAR = Dimension.of("year", "2017", "2018");
    private static final Dimension FORM = Dimension.of("form", "domestic-sexual", "labour", "criminal");
    private static final Dimension REPORTER = Dimension.of("reporter", "police", "care-coordinator");

    @Test
    void twoWayTableHasMarginsAndTotal() {
        CountTable t = CountTable.of(CountingUnit.REGISTRATIONS, List.of(YEAR, FORM), 5, 20, 7, 3, 30, 0);
        assertEquals(2, t.rank());
        assertEquals(65, t.total());
        assertEquals(32, t.count(0, CountTable.ALL));
        assertEquals(33, t.count(1, CountTable.ALL));
        assertEquals(8, t.count(CountTable.ALL, 0));
        assertEquals(50, t.count(CountTable.ALL, 1));
        assertEquals(30, t.count("2018", "labour"));
        assertArrayEquals(new long[] {5, 20, 7, 3, 30, 0}, t.cells());
        assertTrue(t.isAdditive());
        assertEquals("registrations", t.provenance().definitions().get("countingUnit"));
        CountTable byForm = t.margin("form");
        assertEquals(List.of(FORM), byForm.dimensions());
        assertArrayEquals(new long[] {8, 50, 7}, byForm.cells());
        assertEquals(65, t.margin().total());
        assertEquals(0, t.margin().rank());
    }

    @Test
    void builderCountsRecords() {
        CountTable t = CountTable.builder(CountingUnit.REGISTRATIONS, YEAR, FORM, REPORTER)
                .add("2017", "labour", "police")
                .add("2017", "labour", "police")
                .add(4, "2018", "criminal", "care-coordinator")
                .build();
        assertEquals(2, t.count("2017", "labour", "police"));
        assertEquals(4, t.count(1, 2, 1));
        assertEquals(6, t.total());
        assertEquals(2, t.count(CountTable.ALL, 1, CountTable.ALL));
        assertEquals(4, t.count(CountTable.ALL, CountTable.ALL, 1));
        assertEquals(12, t.cells().length);
    }

    @Test
    void personsAreDeduplicatedInEveryCellAndMargin() {
        // person p1 reported by police and by a care coordinator in 2018; p2 by police twice
        CountTable persons = CountTable.<String>distinctBuilder(CountingUnit.PERSONS, YEAR, REPORTER)
                .add("p1", "2018", "police")
                .add("p1", "2018", "care-coordinator")
                .add("p2", "2018", "police")
                .add("p2", "2018", "police")
                .build();
        assertEquals(2, persons.count("2018", "police"));
        assertEquals(1, persons.count("2018", "care-coordinator"));
        assertEquals(2, persons.count(1, CountTable.ALL));
        assertEquals(2, persons.total());
        assertFalse(persons.isAdditive());
        assertEquals(CountingUnit.PERSONS, persons.unit());
        assertEquals("true", persons.provenance().definitions().get("deduplicated"));
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-IN-0305: Number of cells is not the product of the category counts 6: 5",
                assertThrows(IndicatorException.class,
                        () -> CountTable.of(CountingUnit.CASES, List.of(YEAR, FORM), 1, 2, 3, 4, 5)).getMessage());
        assertEquals("TM-IN-0008: Count is negative: -1", assertThrows(IndicatorException.class,
                () -> CountTable.oneWay(CountingUnit.CASES, "year", List.of("2018"), -1)).getMessage());
        assertEquals("TM-IN-0009: Dimension is repeated: year", assertThrows(IndicatorException.class,
                () -> CountTable.of(CountingUnit.CASES, List.of(YEAR, YEAR), 1, 2, 3, 4)).getMessage());
        CountTable t = CountTable.of(CountingUnit.CASES, List.of(YEAR), 1, 2);
        assertEquals("TM-IN-0308: Category is not in dimension year: 2019",
                assertThrows(IndicatorException.class, () -> t.count("2019")).getMessage());
        assertEquals("TM-IN-0302: Coordinate 0 is not in [0, 2) or -1 (all): 2",
                assertThrows(IndicatorException.class, () -> t.count(2)).getMessage());
        assertEquals("TM-IN-0301: Number of coordinates is not the table's rank 1: 2",
                assertThrows(IndicatorException.class, () -> t.count(0, 0)).getMessage());
        assertEquals("TM-IN-0309: Dimension is not in the table: form",
                assertThrows(IndicatorException.class, () -> t.margin("form")).getMessage());
        assertEquals("TM-IN-0310: Category label of dimension form is repeated: a",
                assertThrows(IndicatorException.class, () -> Dimension.of("form", "a", "a")).getMessage());
        assertThrows(IndicatorException.class, () -> Dimension.of("form"));
    }

    static Stream<Arguments> records() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("edge no records", 0L, 0, 1));
        cases.add(Arguments.of("edge one person everywhere", 0L, 40, 1));
        cases.add(Arguments.of("edge everyone once", 0L, 30, 1000));
        for (long seed = 1; seed <= 15; seed++) {
            cases.add(Arguments.of("seed=" + seed, seed, 20 + (int) (seed * 7 % 60), 3 + (int) (seed % 25)));
        }
        return cases.stream();
    }

    /** Counting persons never exceeds counting registrations, in any cell or margin. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void personsAtMostRegistrations(String name, long seed, int registrations, int people) {
        SplittableRandom random = new SplittableRandom(seed);
        CountTable.Builder regs = CountTable.builder(CountingUnit.REGISTRATIONS, YEAR, FORM, REPORTER);
        CountTable.DistinctBuilder<Integer> persons =
                CountTable.distinctBuilder(CountingUnit.PERSONS, YEAR, FORM, REPORTER);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int r = 0; r < registrations; r++) {
            int person = people >= registrations ? r : random.nextInt(people);
            String[] labels = {
                YEAR.labels().get(random.nextInt(2)),
                FORM.labels().get(random.nextInt(3)),
                REPORTER.labels().get(random.nextInt(2))};
            regs.add(labels);
            persons.add(person, labels);
            seen.add(person);
        }
        long[] r = regs.build().extendedCounts();
        CountTable p = persons.build();
        long[] q = p.extendedCounts();
        for (int i = 0; i < r.length; i++) {
            assertTrue(q[i] <= r[i], "cell " + i);
        }
        assertEquals(registrations, r[r.length - 1]);
        assertEquals(seen.size(), p.total());
        if (people >= registrations) {
            // everyone registered once: the two counts coincide
            assertArrayEquals(r, q);
        }
        assertTrue(regs.build().isAdditive());
        // a person margin lies between the largest cell and the sum of the cells
        for (int y = 0; y < 2; y++) {
            long sum = 0;
            long max = 0;
            for (int f = 0; f < 3; f++) {
                long c = p.count(y, f, CountTable.ALL);
                sum += c;
                max = Math.max(max, c);
            }
            long margin = p.count(y, CountTable.ALL, CountTable.ALL);
            assertTrue(max <= margin && margin <= sum);
        }
    }

    /** Issue 6: in JShell a table prints as an aligned grid with its margins (toString). */
    @Test
    void toStringIsAnAlignedGridWithTotals() {
        assertEquals("""
                CountTable of registrations by year x form, total 65 (unprotected)
                  year \\ form  domestic-sexual  labour  criminal  Total
                  2017                       5      20         7     32
                  2018                       3      30         0     33
                  Total                      8      50         7     65
                """, CountTable.of(CountingUnit.REGISTRATIONS, List.of(YEAR, FORM), 5, 20, 7, 3, 30, 0).toString());
        assertEquals("""
                CountTable of cases by year, total 42 (unprotected)
                  year   count
                  2017      12
                  2018      30
                  Total     42
                """, CountTable.oneWay(CountingUnit.CASES, "year", List.of("2017", "2018"), 12, 30).toString());
        assertEquals("CountTable of cases, total 7 (unprotected)\n  total\n  7\n",
                CountTable.of(CountingUnit.CASES, List.of(), 7).toString());
    }

    @Test
    void toStringListsCellsOfHigherRankAndNamesDistinctCounts() {
        String three = CountTable.of(CountingUnit.REGISTRATIONS, List.of(YEAR, REPORTER, Dimension.of("sex", "f", "m")),
                1, 2, 3, 4, 5, 6, 7, 8).toString();
        assertEquals(List.of("CountTable of registrations by year x reporter x sex, total 36 (unprotected)",
                "  year           reporter  sex  count", "  2017             police    f      1"),
                three.lines().limit(3).toList());
        assertEquals("  Total                            36", three.lines().reduce((a, b) -> b).orElseThrow());
        String persons = CountTable.<String>distinctBuilder(CountingUnit.PERSONS, YEAR, REPORTER)
                .add("anna", "2017", "police").add("anna", "2017", "care-coordinator").add("ben", "2018", "police")
                .build().toString();
        assertEquals("""
                CountTable of persons by year x reporter, total 2 (unprotected; distinct counts, margins not sums of cells)
                  year \\ reporter  police  care-coordinator  Total
                  2017                  1                 1      1
                  2018                  1                 0      1
                  Total                 2                 1      2
                """, persons);
    }
}
