package org.tipmonitor.indicators.estimation;

import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.fit.NetherlandsReferenceTest;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EstimateTest {

    /**
     * Issue 6: in JShell an estimate prints as an aligned block, not as a record dump with its provenance
     * (toString). The figures are those NetherlandsReferenceTest pins to R (independence model on Ned), rounded.
     */
    @Test
    void toStringIsAnAlignedBlock() {
        CaptureHistories ned = Tables.load("Ned");
        Estimate e = LogLinearEstimator.withDefaults().estimate(ned, LogLinearModel.mainEffects(ned.listNames()))
                .orElseThrow();
        assertEquals("""
                Estimate (poisson-loglinear) from lists I, K, O, P, R, Z
                  observed         8,234
                  estimate         52,823.5
                  standard error   2,316.4
                  95% interval     48,523.9 to 57,581.9 (wald-log-unobserved)
                  unobserved       44,589.5
                  model            I + K + O + P + R + Z (deviance 448.8796 on 56 df, AIC 584.4088, BIC 633.5210)
                  warning          Lists I and K have no case in common; the model does not contain their interaction
                  warning          Lists K and R have no case in common; the model does not contain their interaction
                """, e.toString());
    }
}
