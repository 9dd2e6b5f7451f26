package org.tipmonitor.indicators.estimation;

import org.junit.jupiter.api.Test;

class ProfileLikelihoodEstimatorTest {

    @Test
    void ned() {
        CaptureHistories ned = Tables.load("Ned");
        System.out.println(ProfileLikelihoodEstimator.withDefaults().estimate(ned, LogLinearModel.mainEffects(ned.listNames())));
        System.out.println(ProfileLikelihoodEstimator.withDefaults().estimate(Tables.load("Ned_5"), LogLinearModel.mainEffects(Tables.load("Ned_5").listNames())));
        System.out.println(ProfileLikelihoodEstimator.withDefaults().estimate(ned, ClosedPopulationModel.MTH_CHAO));
        for (ClosedPopulationModel m : ClosedPopulationModel.values()) {
            System.out.println(m + " " + m.estimate(ned));
        }
    }
}
