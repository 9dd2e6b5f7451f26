package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;

class RoundingTest {

    @Test
    void cbsHundreds() {
        // CBS income statistics: 0-49 -> 0, 50-149 -> 100 (docs/background/domain.md section 4, source S20)
        Rounding r = Rounding.CBS_HUNDREDS;
        assertEquals(0, r.round(0));
        assertEquals(0, r.round(49));
        assertEquals(100, r.round(50));
        assertEquals(100, r.round(149));
        assertEquals(200, r.round(150));
        assertEquals(1300, r.round(1255));
    }

    @Test
    void baseFiveAndTen() {
        assertEquals(0, Rounding.BASE_5.round(2));
        assertEquals(5, Rounding.BASE_5.round(3));
        assertEquals(5, Rounding.BASE_5.round(7));
        assertEquals(10, Rounding.BASE_5.round(8));
        assertEquals(0, Rounding.BASE_10.round(4));
        assertEquals(10, Rounding.BASE_10.round(5));
        assertEquals(670, Rounding.BASE_10.round(668));
        assertEquals("TM-IN-0008: Count is negative: -1",
                assertThrows(IndicatorException.class, () -> Rounding.BASE_5.round(-1)).getMessage());
    }

    static Stream<String> seeds() {
        return Stream.concat(Stream.of("edges"), LongStream.rangeClosed(1, 10).mapToObj(s -> "seed=" + s));
    }

    /** Rounded values are multiples of the base and within half a base of the count. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void multiplesOfTheBase(String name) {
        long[] values = name.equals("edges") ? new long[] {0, 1, 2, 3, 4, 5, 49, 50, 99, 100, 101, 149, 150,
            Long.MAX_VALUE / 2} : new SplittableRandom(Long.parseLong(name.substring(5))).longs(200, 0, 100_000)
                    .toArray();
        for (Rounding r : Rounding.values()) {
            for (long v : values) {
                long rounded = r.round(v);
                assertEquals(0, rounded % r.base(), () -> r + " " + v);
                assertTrue(Math.abs(rounded - v) <= r.base() / 2, () -> r + " " + v);
            }
        }
    }

    /** Any base: the constants' rule, and base 11 for the report's controlled rounding (0-5 -> 0, 6-16 -> 11). */
    @Test
    void nearestForAnyBase() {
        for (Rounding r : Rounding.values()) {
            for (long v = 0; v < 3 * r.base(); v++) {
                assertEquals(r.round(v), Rounding.nearest(v, r.base()), r + " " + v);
            }
        }
        assertEquals(0, Rounding.nearest(5, 11));
        assertEquals(11, Rounding.nearest(6, 11));
        assertEquals(11, Rounding.nearest(16, 11));
        assertEquals(22, Rounding.nearest(17, 11));
        assertEquals(Long.MAX_VALUE / 2 + 1, Rounding.nearest(Long.MAX_VALUE / 2, 2)); // odd: the half rounds up
        org.junit.jupiter.api.Assertions.assertTrue(org.junit.jupiter.api.Assertions.assertThrows(
                org.tipmonitor.indicators.IndicatorException.class, () -> Rounding.nearest(3, 1)).getMessage()
                .startsWith("TM-DC-0030"));
    }
}
