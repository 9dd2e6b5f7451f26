package org.tipmonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearRangeTest {

    @Test
    void coversItsYearsAndDays() {
        YearRange r = YearRange.of(2014, 2018);
        assertEquals(5, r.size());
        assertEquals(List.of("2014", "2015", "2016", "2017", "2018"), r.labels());
        assertEquals(LocalDate.of(2014, 1, 1), r.firstDay());
        assertEquals(LocalDate.of(2018, 12, 31), r.lastDay());
        assertTrue(r.contains(LocalDate.of(2018, 12, 31)));
        assertFalse(r.contains(LocalDate.of(2019, 1, 1)));
        assertFalse(r.contains(2013));
        assertEquals("2014-2018", r.toString());
        assertEquals("2018", YearRange.of(2018, 2018).toString());
        assertEquals("year", r.dimension("year").name());
        assertEquals(5, r.dimension("year").size());
    }

    @Test
    void rejectsReversedAndHugeRanges() {
        assertEquals("TM-IN-0002: Last year is before first year: 2013 < 2014",
                assertThrows(IndicatorException.class, () -> YearRange.of(2014, 2013)).getMessage());
        assertEquals("TM-IN-0001: Number of years exceeds 200: 201",
                assertThrows(IndicatorException.class, () -> YearRange.of(1800, 2000)).getMessage());
    }
}
