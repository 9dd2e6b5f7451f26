package org.tipmonitor.indicators.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogLinearEstimatorTest {

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, Math.abs(expected) * tol, what);
    }

    @Test
    void nedIndependence() {
        CaptureHistories ned = Tables.load("Ned");
        Estimate e = LogLinearEstimator.withDefaults()
                .estimate(ned, LogLinearModel.mainEffects(ned.listNames())).orElseThrow();
        ModelFit f = e.fit().orElseThrow();
        System.out.println(e);
        assertRelative(52823.4639331121, e.estimate(), 1e-6, "N");
    }
}
