package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.model.JointModel;

/**
 * What fitting a {@link JointModel} gives: a {@link JointFit} from which populations, shares and changes are
 * derived, or the reason there is none &mdash; {@link JointNotEstimable} (the maximum-likelihood estimate of some
 * unobserved count does not exist or is not identified) or {@link JointDidNotConverge}. Never NaN.
 */
public sealed interface JointOutcome permits JointFit, JointNotEstimable, JointDidNotConverge {

    /** @return the model that was fitted */
    JointModel model();
}
