package org.tipmonitor.indicators.estimation;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * Fit statistics of a Poisson log-linear model on the observable cells of a capture-history table.
 *
 * <p>With &ell; = &Sigma;<sub>kept cells</sub> [y log &mu;&#770; &minus; &mu;&#770; &minus; log y!] and
 * p = rank + e parameters, where e counts the terms fixed at &minus;&infin; because their lists never overlap
 * (the extended MLE of Chan, Silverman &amp; Vincent 2021, whose AIC counts them):
 * AIC = &minus;2&ell; + 2p (SparseMSE's {@code modelfit}; equal to MultipleSystemsEstimation's AIC for
 * identifiable models), BIC = &minus;2&ell; + p log n with n the observed total (MultipleSystemsEstimation,
 * Rcapture), AICc = AIC + 2p(p + 1)/(n &minus; p &minus; 1) (Hurvich &amp; Tsai 1989, with the observed total
 * as sample size as in Cruyff's {@code mse}; {@link Double#POSITIVE_INFINITY} when n &le; p + 1); m is the
 * number of fitted cells. Deviance D = 2 &Sigma; [y log(y/&mu;&#770;)
 * &minus; (y &minus; &mu;&#770;)] and df = m &minus; rank are those of the reduced GLM.
 *
 * @param formula        the model in R notation
 * @param infiniteTerms  terms fixed at &minus;&infin; (empty overlaps); their cells are fitted as 0 and dropped
 * @param cells          m, the number of cells fitted
 * @param rank           the rank of the reduced design
 * @param parameters     p = rank + e
 * @param deviance       D
 * @param degreesOfFreedom df = m &minus; rank
 * @param logLikelihood  &ell;
 * @param aic            &minus;2&ell; + 2p
 * @param aicc           AIC + 2p(p + 1)/(n &minus; p &minus; 1)
 * @param bic            &minus;2&ell; + p log n
 * @param coefficients   the finite coefficients, intercept first
 * @param iterations     the number of IRLS iterations
 * @param fittedByMask   fitted means by pattern mask; element 0 is the predicted unobserved count
 *                       exp(&beta;&#770;<sub>0</sub>),
 *                       dropped cells are 0 (copied in and out)
 */
public record ModelFit(String formula, List<String> infiniteTerms, int cells, int rank, int parameters,
                       double deviance, int degreesOfFreedom, double logLikelihood, double aic, double aicc,
                       double bic, List<Coefficient> coefficients, int iterations, double[] fittedByMask) {

    /**
     * Copies the lists and the array.
     *
     * @throws NullPointerException if a component is null
     */
    public ModelFit {
        Objects.requireNonNull(formula, "formula");
        infiniteTerms = List.copyOf(infiniteTerms);
        coefficients = List.copyOf(coefficients);
        fittedByMask = fittedByMask.clone();
    }

    /**
     * Fitted means by pattern mask.
     *
     * @return a fresh copy
     */
    @Override
    public double[] fittedByMask() {
        return fittedByMask.clone();
    }

    /**
     * The coefficient of a term, by name.
     *
     * @param term e.g. {@code "(Intercept)"} or {@code "P:R"}
     * @return the coefficient
     * @throws org.tipmonitor.indicators.IndicatorException if the model has no finite coefficient of that name
     */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        throw org.tipmonitor.indicators.IndicatorException.of(IndicatorRule.UNKNOWN_TERM, term, formula);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFit f && formula.equals(f.formula) && infiniteTerms.equals(f.infiniteTerms)
                && cells == f.cells && rank == f.rank && parameters == f.parameters
                && Double.compare(deviance, f.deviance) == 0 && degreesOfFreedom == f.degreesOfFreedom
                && Double.compare(logLikelihood, f.logLikelihood) == 0 && coefficients.equals(f.coefficients)
                && iterations == f.iterations && java.util.Arrays.equals(fittedByMask, f.fittedByMask);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formula, infiniteTerms, cells, deviance, coefficients);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "ModelFit[%s, infinite=%s, D=%.6f, df=%d, AIC=%.6f, BIC=%.6f]",
                formula, infiniteTerms, deviance, degreesOfFreedom, aic, bic);
    }
}
