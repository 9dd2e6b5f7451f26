package org.tipmonitor.indicators.estimation.bootstrap;

import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.DerivedEstimate;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointEstimatorTest;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.model.JointModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class JointBootstrapTest {

    static JointFit fit() {
        CovariateTable t = JointEstimatorTest.table(JointEstimatorTest.TABLE);
        return JointEstimatorTest.fit(JointEstimator.withDefaults().fit(t, JointModel.parse(t.lists(),
                t.covariates(), JointEstimatorTest.FORMULA)));
    }

    @Test
    void percentileIntervalsOfAnyQuantityFromTheSameReplicates() {
        JointFit fit = fit();
        JointBootstrap.Replicates r = JointBootstrap.withDefaults().withReplicates(200).withSeed(7).parametric(fit);
        assertEquals(200, r.size() + r.failed());
        assertTrue(r.size() >= 190, Integer.toString(r.size()));
        DerivedEstimate boot = r.population(Selection.all());
        DerivedEstimate wald = fit.population(Selection.all());
        assertEquals(wald.estimate(), boot.estimate(), 1e-9);
        assertTrue(boot.lower() < boot.estimate() && boot.estimate() < boot.upper(), boot.toString());
        // The replicates' estimates n* + U* vary with the observed count too (var n* = n), so their spread lies
        // between the delta method's sqrt(g'Vg), which holds n fixed, and sqrt(g'Vg + n) plus a margin for the
        // covariance of n* and U* and the curvature (here 36.9 and 41.2; the replicates give about 50).
        double u = wald.estimate() - wald.observed();
        double deltaSe = Math.sqrt(wald.standardError() * wald.standardError() - u);
        assertTrue(boot.standardError() > deltaSe && boot.standardError() < 1.5 * Math.sqrt(deltaSe * deltaSe
                + wald.observed()), boot.standardError() + " " + deltaSe);
        DerivedEstimate share = r.share(Selection.where("g", "x"), Selection.all());
        assertTrue(share.lower() > 0 && share.upper() < 1 && share.lower() < share.estimate()
                && share.estimate() < share.upper(), share.toString());
        // Seeded per replicate: the same seed gives the same interval.
        DerivedEstimate again = JointBootstrap.withDefaults().withReplicates(200).withSeed(7).parametric(fit)
                .population(Selection.all());
        assertEquals(boot.lower(), again.lower(), 0);
        assertEquals(boot.upper(), again.upper(), 0);
    }

    @Test
    void replicatesAreBounded() {
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> JointBootstrap.withDefaults().withReplicates(5));
        assertTrue(e.getMessage().startsWith("TM-MSE-530"), e.getMessage());
        assertThrows(IndicatorException.class, () -> JointBootstrap.withDefaults().withReplicates(100_001));
    }
}
