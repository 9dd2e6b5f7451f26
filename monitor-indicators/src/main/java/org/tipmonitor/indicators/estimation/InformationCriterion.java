package org.tipmonitor.indicators.estimation;

/**
 * Information criteria for ranking log-linear models, with &ell; the Poisson log-likelihood over the fitted cells
 * (including &minus;log y!), p = rank + number of terms fixed at &minus;&infin; and n the observed total; see
 * {@link ModelFit}.
 */
public enum InformationCriterion {
    /** Akaike (1974): &minus;2&ell; + 2p. */
    AIC {
        @Override
        public double compute(double logLikelihood, int parameters, long observed) {
            return -2 * logLikelihood + 2 * parameters;
        }
    },
    /**
     * Hurvich &amp; Tsai (1989): AIC + 2p(p + 1)/(n &minus; p &minus; 1), with the observed total n as the sample
     * size, as Cruyff's {@code mse} reports it; {@link Double#POSITIVE_INFINITY} when n &le; p + 1.
     */
    AICC {
        @Override
        public double compute(double logLikelihood, int parameters, long observed) {
            int p = parameters;
            return observed - p - 1 > 0 ? -2 * logLikelihood + 2 * p + 2.0 * p * (p + 1) / (observed - p - 1)
                    : Double.POSITIVE_INFINITY;
        }
    },
    /** Schwarz (1978): &minus;2&ell; + p log n, as MultipleSystemsEstimation's {@code method = "bic"}. */
    BIC {
        @Override
        public double compute(double logLikelihood, int parameters, long observed) {
            return -2 * logLikelihood + parameters * Math.log(observed);
        }
    };

    /**
     * The criterion's value for a fit (smaller is better).
     *
     * @param fit the fit
     * @return the value
     */
    public double value(ModelFit fit) {
        return switch (this) {
            case AIC -> fit.aic();
            case AICC -> fit.aicc();
            case BIC -> fit.bic();
        };
    }

    public abstract double compute(double logLikelihood, int parameters, long observed);
}
