package org.tipmonitor.indicators.estimation;

/**
 * How a confidence interval for the population size N was computed.
 */
public enum PopulationInterval {
    /**
     * N&#770; &plusmn; z<sub>1&minus;&alpha;/2</sub> &middot; se(N&#770;), the lower limit truncated at n (two-list
     * estimators).
     */
    WALD,
    /**
     * Wald on the log of the unobserved count: n + exp(&beta;&#770;<sub>0</sub> &plusmn; z<sub>1&minus;&alpha;/2</sub>
     * &middot; se(&beta;&#770;<sub>0</sub>)), as SparseMSE's {@code estimatepopulation} reports for a fitted model.
     */
    WALD_LOG_UNOBSERVED,
    /**
     * Profile likelihood of the multinomial model conditional on N (Cormack 1992), as Rcapture's
     * {@code closedpCI.t}: all N with 2[&ell;<sub>m</sub>(N&#770;<sub>m</sub>) &minus; &ell;<sub>m</sub>(N)] &le;
     * &chi;<sup>2</sup><sub>1, 1&minus;&alpha;</sub>.
     */
    PROFILE_LIKELIHOOD,
    /**
     * Percentiles of a parametric bootstrap conditional on the model: multinomial tables of size N&#770; drawn
     * from the fitted cell probabilities, the same model refitted (Cruyff's {@code mse}).
     */
    PARAMETRIC_BOOTSTRAP_PERCENTILE,
    /**
     * Bias-corrected and accelerated (Efron 1987) interval of a nonparametric bootstrap that re-runs the model
     * selection in every replicate (Chan, Silverman &amp; Vincent 2021; SparseMSE's {@code estimatepopulation}
     * with {@code nboot}), so that it includes model-selection uncertainty.
     */
    NONPARAMETRIC_BOOTSTRAP_BCA
}
