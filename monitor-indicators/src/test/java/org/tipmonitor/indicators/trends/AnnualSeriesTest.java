package org.tipmonitor.indicators.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class AnnualSeriesTest {

    /**
     * "Het aantal geregistreerde slachtoffers van mensenhandel is de afgelopen jaren bijna gehalveerd" (letter of
     * 28-11-2019): 1,255 registered presumed victims in 2014 and 668 in 2018 (NRM press release
     * of 18-10-2019 and nu.nl on the Slachtoffermonitor mensenhandel 2014-2018). The middle years are
     * synthetic here.
     */
    @Test
    void registrationsAlmostHalved2014To2018() {
        AnnualSeries registrations = AnnualSeries.of(2014, 1255, 1300, 952, 958, 668);
        Change change = registrations.change(2014, 2018);
        assertEquals(-587, change.absolute());
        assertEquals(668.0 / 1255, change.ratio().getAsDouble(), 1e-15);
        assertEquals(-587.0 / 1255, change.relative().getAsDouble(), 1e-15);
        // "almost halved": fell by more than 40% but by less than half
        assertTrue(change.ratio().getAsDouble() > 0.5 && change.ratio().getAsDouble() < 0.6);
        assertEquals(Direction.DECREASE, change.direction());
        assertEquals(4, change.years());
        // average annual change: python3 -c "print((668/1255)**0.25 - 1)" -> -0.1458518901620226
        assertEquals(-0.1458518901620226, change.annualisedRelative().getAsDouble(), 1e-15);
        assertEquals(change, registrations.overall());
    }

    @Test
    void firstIncreaseInFiveYears() {
        AnnualSeries total = AnnualSeries.sum(LetterSeries.policeReportsByOrigin().values());
        assertEquals(List.of(380L, 402L, 369L, 336L, 306L, 279L, 318L),
                List.of(total.asMap().values().toArray(Long[]::new)));
        assertEquals(Direction.INCREASE, total.change(2017, 2018).direction());
        // The last increase before 2018 was into 2013: five years earlier, so 2018 is the first in five years.
        assertEquals(OptionalInt.of(5), total.yearsSinceLast(Direction.INCREASE, 2018));
        assertEquals(Optional.of(new Streak(Direction.DECREASE, 2013, 2017)), total.streakBefore(2018));
        assertEquals(4, total.streakBefore(2018).orElseThrow().changes());
        assertEquals(new Streak(Direction.INCREASE, 2017, 2018), total.streakEndingIn(2018));
        // Dutch and EU reports fell in each of the five years 2013-2018
        Map<String, AnnualSeries> groups = LetterSeries.policeReportsByOrigin();
        assertEquals(new Streak(Direction.DECREASE, 2013, 2018), groups.get("Dutch").streakEndingIn(2018));
        assertEquals(new Streak(Direction.DECREASE, 2013, 2018), groups.get("EU").streakEndingIn(2018));
        assertTrue(groups.get("Dutch").change(2013, 2018).relative().getAsDouble() < -0.4);
    }

    @Test
    void yearOnYearChanges() {
        AnnualSeries s = AnnualSeries.of(2015, 10, 0, 4, 4);
        List<Change> changes = s.yearOnYear();
        assertEquals(List.of(new Change(2015, 2016, 10, 0), new Change(2016, 2017, 0, 4),
                new Change(2017, 2018, 4, 4)), changes);
        assertEquals(-1.0, changes.get(0).relative().getAsDouble(), 0);
        // relative change from zero is undefined, not infinite
        assertFalse(changes.get(1).relative().isPresent());
        assertFalse(changes.get(1).ratio().isPresent());
        assertEquals(Direction.UNCHANGED, changes.get(2).direction());
        assertEquals(OptionalInt.empty(), s.yearsSinceLast(Direction.INCREASE, 2017));
        assertEquals(OptionalInt.of(1), s.yearsSinceLast(Direction.INCREASE, 2018));
        assertEquals(Optional.empty(), s.streakBefore(2016));
    }

    @Test
    void mapFactoryAndArithmetic() {
        Map<Integer, Long> map = new TreeMap<>(Map.of(2019, 5L, 2018, 3L, 2020, 8L));
        AnnualSeries s = AnnualSeries.of(map);
        assertEquals(2018, s.firstYear());
        assertEquals(2020, s.lastYear());
        assertEquals(5, s.count(2019));
        assertEquals(AnnualSeries.of(2018, 1, 2, 3), s.minus(AnnualSeries.of(2018, 2, 3, 5)));
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-IN-0215: Years are not consecutive: 2020 follows 2018",
                assertThrows(IndicatorException.class, () -> AnnualSeries.of(Map.of(2018, 1L, 2020, 2L)))
                        .getMessage());
        assertEquals("TM-IN-0008: Count is negative: -1",
                assertThrows(IndicatorException.class, () -> AnnualSeries.of(2018, 1, -1)).getMessage());
        AnnualSeries s = AnnualSeries.of(2018, 1, 2);
        assertEquals("TM-IN-0201: Year is not in the series 2018-2019: 2020",
                assertThrows(IndicatorException.class, () -> s.count(2020)).getMessage());
        assertEquals("TM-IN-0216: Later year is not after earlier year: 2018 <= 2019",
                assertThrows(IndicatorException.class, () -> s.change(2019, 2018)).getMessage());
        assertEquals("TM-IN-0211: Series cover different years: 2018-2019 and 2017-2018",
                assertThrows(IndicatorException.class, () -> s.minus(AnnualSeries.of(2017, 0, 0))).getMessage());
        assertThrows(IndicatorException.class, () -> s.streakEndingIn(2018));
        assertThrows(IndicatorException.class, () -> AnnualSeries.of(2018));
    }
}
