package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ChaoLowerBoundTest {

    @Test
    void handComputedExample() {
        // f1 = 4 + 3 + 3 = 10, f2 = 2 + 2 + 1 = 5, f3 = 1: n = 16; f0 = 10^2 / (2 * 5) = 10, N = 26;
        // r = 2, var = 5 (16/4 + 8 + 4/2) = 70; C = exp(1.959964 sqrt(log(1 + 70/100)))
        CaptureHistories h = CaptureHistories.fromCsv(
                "A,B,C,count\n1,0,0,4\n0,1,0,3\n0,0,1,3\n1,1,0,2\n1,0,1,2\n0,1,1,1\n1,1,1,1\n");
        Estimate e = ChaoLowerBound.estimate(h).orElseThrow();
        assertEquals(26.0, e.estimate(), 1e-12);
        assertEquals(Math.sqrt(70), e.standardError(), 1e-12);
        double c = Math.exp(1.959963984540054 * Math.sqrt(Math.log(1.7)));
        assertEquals(16 + 10 / c, e.interval().lower(), 1e-9);
        assertEquals(16 + 10 * c, e.interval().upper(), 1e-9);
    }

    @Test
    void noDoublesMeansNoFiniteBound() {
        CaptureHistories h = CaptureHistories.fromCsv("A,B,C,count\n1,0,0,4\n0,1,0,3\n1,1,1,2\n");
        assertInstanceOf(NotEstimable.class, ChaoLowerBound.estimate(h));
    }

    @Test
    void noSingletonsGivesTheObservedCount() {
        CaptureHistories h = CaptureHistories.fromCsv("A,B,count\n1,1,4\n");
        Estimate e = ChaoLowerBound.estimate(h).orElseThrow();
        assertEquals(4.0, e.estimate());
        assertEquals(4.0, e.interval().upper());
    }
}
