package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.Coefficient;
import org.tipmonitor.indicators.estimation.DidNotConverge;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.ModelFit;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class LogLinearEstimatorTest {

    private static final CaptureHistories NED = Tables.load("Ned");

    @Test
    void iterationLimitGivesDidNotConverge() {
        DidNotConverge d = assertInstanceOf(DidNotConverge.class,
                LogLinearEstimator.withDefaults().withMaxIterations(1).estimate(NED, "I + K + O + P + R + Z"));
        assertEquals(1, d.iterations());
        assertEquals("1", d.provenance().definitions().get("maxIterations"));
    }

    @Test
    void levelChangesOnlyTheInterval() {
        Estimate e95 = LogLinearEstimator.withDefaults().estimate(NED, "I + K + O + P + R + Z").orElseThrow();
        Estimate e80 = LogLinearEstimator.withDefaults().withConfidenceLevel(0.8)
                .estimate(NED, "I + K + O + P + R + Z").orElseThrow();
        assertEquals(e95.estimate(), e80.estimate());
        assertTrue(e80.interval().lower() > e95.interval().lower());
        assertTrue(e80.interval().upper() < e95.interval().upper());
        assertEquals(0.8, e80.interval().level());
    }

    @Test
    void fitReportsCoefficientsAndFittedCells() {
        Estimate e = LogLinearEstimator.withDefaults().estimate(NED, "I + K + O + P + R + Z + P:R").orElseThrow();
        ModelFit f = e.fit().orElseThrow();
        assertEquals(List.of("(Intercept)", "I", "K", "O", "P", "R", "Z", "P:R"),
                f.coefficients().stream().map(Coefficient::term).toList());
        assertEquals(e.unobserved(), f.fittedByMask()[0], e.unobserved() * 1e-12);
        double sum = 0;
        for (double mu : f.fittedByMask()) {
            sum += mu;
        }
        // Poisson ML fitted values reproduce the sufficient statistic n (the intercept's margin)
        assertEquals(e.estimate(), sum, e.estimate() * 1e-8);
        assertEquals(f.rank(), f.parameters());
        // Cruyff's mse: AICc = AIC + 2 (k^2 + k) / (n - k - 1), k = 8 coefficients, n = 8234
        assertEquals(f.aic() + 2.0 * (64 + 8) / (8234 - 8 - 1), f.aicc(), 1e-9);
        assertThrows(IndicatorException.class, () -> f.coefficient("I:K"));
    }

    @Test
    void rejectsMismatchedModelAndEmptyTable() {
        LogLinearModel other = LogLinearModel.mainEffects(List.of("A", "B", "C"));
        assertThrows(IndicatorException.class, () -> LogLinearEstimator.withDefaults().estimate(NED, other));
        CaptureHistories empty = CaptureHistories.builder(List.of("A", "B")).build();
        assertThrows(IndicatorException.class, () -> LogLinearEstimator.withDefaults().estimate(empty, "A + B"));
        assertThrows(IndicatorException.class, () -> LogLinearEstimator.withDefaults().withMaxIterations(0));
        assertThrows(IndicatorException.class, () -> LogLinearEstimator.withDefaults().withConvergenceTolerance(0));
        assertThrows(IndicatorException.class, () -> LogLinearEstimator.withDefaults().withConfidenceLevel(1));
    }
}
