package org.tipmonitor.indicators.offenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Reference: numpy 2.4.6 {@code m = [6, 12, 18, 24, 30, 36, 48, 60, 9, 15]; np.mean(m), np.percentile(m, 25),
 * np.percentile(m, 50), np.percentile(m, 75)} (method "linear", Hyndman &amp; Fan type 7, as R {@code quantile}),
 * giving 25.8, 12.75, 21.0 and 34.5. Tolerance 1e-12.
 */
class SentenceLengthSummaryTest {

    @Test
    void matchesNumpyPercentiles() {
        SentenceLengthSummary s = SentenceLengthSummary.of(6, 12, 18, 24, 30, 36, 48, 60, 9, 15).orElseThrow();
        assertEquals(10, s.n());
        assertEquals(25.8, s.mean(), 1e-12);
        assertEquals(6, s.minimum());
        assertEquals(12.75, s.firstQuartile(), 1e-12);
        assertEquals(21.0, s.median(), 1e-12);
        assertEquals(34.5, s.thirdQuartile(), 1e-12);
        assertEquals(60, s.maximum());
    }

    @Test
    void edgeCases() {
        assertTrue(SentenceLengthSummary.of().isEmpty());
        SentenceLengthSummary one = SentenceLengthSummary.of(7).orElseThrow();
        assertEquals(7, one.median());
        assertEquals(7, one.firstQuartile());
        assertEquals(7, one.thirdQuartile());
        SentenceLengthSummary two = SentenceLengthSummary.of(10, 0).orElseThrow();
        assertEquals(2.5, two.firstQuartile(), 1e-12);
        assertEquals(5, two.median(), 1e-12);
        assertEquals(7.5, two.thirdQuartile(), 1e-12);
        assertEquals("TM-IN-0502: Sentence length is negative: -1",
                assertThrows(IndicatorException.class, () -> SentenceLengthSummary.of(3, -1)).getMessage());
        assertThrows(IndicatorException.class, () -> new SentenceLengthSummary(0, 0, 0, 0, 0, 0, 0));
        assertThrows(IndicatorException.class, () -> new SentenceLengthSummary(2, 1, 0, 3, 2, 4, 5));
    }
}
