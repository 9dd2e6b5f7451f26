package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileLikelihoodEstimatorTest {

    @Test
    void modelWithEmptyOverlapsIsProfiledOnItsReducedDesign() {
        CaptureHistories ned = Tables.load("Ned");
        LogLinearModel stepwise = StepwiseSelection.withDefaults().select(ned).model();
        Estimate poisson = LogLinearEstimator.withDefaults().estimate(ned, stepwise).orElseThrow();
        Estimate profile = ProfileLikelihoodEstimator.withDefaults().estimate(ned, stepwise).orElseThrow();
        assertTrue(profile.estimate() < poisson.estimate());
        assertEquals(poisson.estimate(), profile.estimate(), poisson.estimate() * 0.01);
        assertTrue(profile.interval().contains(profile.estimate()));
        assertEquals(poisson.fit(), profile.fit());
    }

    @Test
    void failingModelKeepsItsOutcome() {
        CaptureHistories art = Tables.load("Artificial_3");
        assertInstanceOf(NotEstimable.class, ProfileLikelihoodEstimator.withDefaults()
                .estimate(art, LogLinearModel.allTwoWay(art.listNames())));
    }

    @Test
    void correctionMatchesExactFormulaAroundTheSwitch() {
        // Cormack's correction: exact log(n0^n0 N! / (N^N n0!)) for N <= 100 and Stirling's form above; the two
        // agree closely at N = 100 (n0 = 40)
        double exact = ProfileLikelihoodEstimator.correction(40, 100);
        double stirling = 40 - 100 - 0.5 * Math.log(40.0 / 100);
        assertEquals(exact, stirling, 2e-3);
        assertEquals(-1000 + 0.5 * Math.log(2 * Math.PI * 1000), ProfileLikelihoodEstimator.correction(0, 1000),
                1e-12);
    }
}
