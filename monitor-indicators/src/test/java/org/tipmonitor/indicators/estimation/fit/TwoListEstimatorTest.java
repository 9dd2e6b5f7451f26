package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class TwoListEstimatorTest {

    // n1 = 60, n2 = 50, m = 20: n = 90
    private static final CaptureHistories TABLE = CaptureHistories.fromCsv("A,B,count\n1,0,40\n0,1,30\n1,1,20\n");

    @Test
    void lincolnPetersen() {
        // N = 60*50/20 = 150; var = 60*50*40*30/20^3 = 450; 95 % Wald 150 -+ 1.959964*sqrt(450)
        Estimate e = TwoListEstimator.LINCOLN_PETERSEN.estimate(TABLE).orElseThrow();
        assertEquals(150.0, e.estimate(), 1e-12);
        assertEquals(Math.sqrt(450), e.standardError(), 1e-12);
        assertEquals(150 - 1.959963984540054 * Math.sqrt(450), e.interval().lower(), 1e-9);
        assertEquals(150 + 1.959963984540054 * Math.sqrt(450), e.interval().upper(), 1e-9);
        assertEquals(PopulationInterval.WALD, e.interval().method());
    }

    @Test
    void lincolnPetersenEqualsIndependenceLogLinearModel() {
        Estimate loglinear = LogLinearEstimator.withDefaults().estimate(TABLE, "A + B").orElseThrow();
        assertEquals(150.0, loglinear.estimate(), 1e-8);
    }

    @Test
    void chapman() {
        // N = 61*51/21 - 1 = 147.142857...; var = 61*51*40*30/(21^2*22) = 384.2...
        Estimate e = TwoListEstimator.CHAPMAN.estimate(TABLE).orElseThrow();
        assertEquals(61.0 * 51 / 21 - 1, e.estimate(), 1e-12);
        assertEquals(Math.sqrt(61.0 * 51 * 40 * 30 / (21.0 * 21 * 22)), e.standardError(), 1e-12);
    }

    @Test
    void noOverlap() {
        CaptureHistories disjoint = CaptureHistories.fromCsv("A,B,count\n1,0,4\n0,1,3\n");
        NotEstimable ne = assertInstanceOf(NotEstimable.class, TwoListEstimator.LINCOLN_PETERSEN.estimate(disjoint));
        assertEquals(List.of("A:B"), ne.offendingTerms());
        assertEquals(ExistenceStatus.MLE_NOT_FINITE, ne.status());
        // Chapman: 5*4/1 - 1 = 19; Wald lower limit below n = 7 is raised to n
        Estimate c = TwoListEstimator.CHAPMAN.estimate(disjoint).orElseThrow();
        assertEquals(19.0, c.estimate(), 1e-12);
        assertEquals(7.0, c.interval().lower());
        assertEquals(1, c.warnings().size());
    }

    @Test
    void rejectsOtherListCounts() {
        assertThrows(IndicatorException.class, () -> TwoListEstimator.CHAPMAN.estimate(Tables.load("Korea")));
        assertThrows(IndicatorException.class, () -> TwoListEstimator.CHAPMAN.estimate(TABLE, 1.0));
    }
}
