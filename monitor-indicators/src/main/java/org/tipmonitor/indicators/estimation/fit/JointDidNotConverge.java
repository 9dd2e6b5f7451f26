package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.model.JointModel;
import java.util.Objects;

/**
 * The iterative fit stopped before its criterion was met.
 *
 * @param model      the model
 * @param iterations the steps taken
 * @param deviance   the deviance at the last step
 */
public record JointDidNotConverge(JointModel model, int iterations, double deviance) implements JointOutcome {

    /**
     * Checks the model.
     *
     * @throws NullPointerException if the model is null
     */
    public JointDidNotConverge {
        Objects.requireNonNull(model, "model");
    }
}
