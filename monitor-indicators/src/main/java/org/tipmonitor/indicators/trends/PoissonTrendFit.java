package org.tipmonitor.indicators.trends;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;

/**
 * A fitted Poisson log-linear trend log &mu;<sub>t</sub> = a + b&middot;(t &minus; t&#8320;); see {@link PoissonTrend}.
 *
 * @param referenceYear     t&#8320;, the year at which exp(a) is the fitted count
 * @param intercept         a
 * @param slope             b
 * @param interceptStandardError model-based (Poisson) standard error of a
 * @param slopeStandardError     model-based (Poisson) standard error of b
 * @param deviance          residual deviance 2&Sigma;[y log(y/&mu;&#770;) &minus; (y &minus; &mu;&#770;)]
 * @param pearsonChiSquare  Pearson statistic X&sup2; = &Sigma;(y &minus; &mu;&#770;)&sup2;/&mu;&#770;
 * @param degreesOfFreedom  residual degrees of freedom, years &minus; 2 &ge; 1
 * @param dispersion        estimated dispersion &phi;&#770; = X&sup2;/df (1 for Poisson data)
 * @param dispersionPValue  P(&chi;&sup2;<sub>df</sub> &gt; X&sup2;), the goodness-of-fit test of the Poisson variance
 * @param annualChange      exp(b) &minus; 1 with the Poisson (model-based, normal quantile) interval
 * @param quasiAnnualChange exp(b) &minus; 1 with the quasi-Poisson interval: SE scaled by &radic;&phi;&#770;, t<sub>df</sub>
 *                          quantile
 * @param iterations        IRLS iterations used
 * @param provenance        how the trend was fitted
 */
public record PoissonTrendFit(
        int referenceYear,
        double intercept,
        double slope,
        double interceptStandardError,
        double slopeStandardError,
        double deviance,
        double pearsonChiSquare,
        int degreesOfFreedom,
        double dispersion,
        double dispersionPValue,
        AnnualRateChange annualChange,
        AnnualRateChange quasiAnnualChange,
        int iterations,
        Provenance provenance) implements TrendEstimate {

    /**
     * Validates the fit.
     *
     * @throws IndicatorException if degreesOfFreedom &lt; 1 or a statistic is not finite
     * @throws NullPointerException if an interval or the provenance is null
     */
    public PoissonTrendFit {
        Objects.requireNonNull(annualChange, "annualChange");
        Objects.requireNonNull(quasiAnnualChange, "quasiAnnualChange");
        Objects.requireNonNull(provenance, "provenance");
        if (degreesOfFreedom < 1) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_RESIDUAL_DEGREES_OF_FREEDOM, degreesOfFreedom);
        }
        for (double v : new double[] {intercept, slope, interceptStandardError, slopeStandardError, deviance,
            pearsonChiSquare, dispersion, dispersionPValue}) {
            if (!Double.isFinite(v)) {
                throw IndicatorException.of(IndicatorRule.TREND_STATISTIC_NOT_FINITE, v);
            }
        }
    }

    @Override
    public boolean isEstimable() {
        return true;
    }

    /**
     * The quasi-Poisson standard error of b, SE(b)&middot;&radic;&phi;&#770;.
     *
     * @return the scaled standard error
     */
    public double quasiSlopeStandardError() {
        return slopeStandardError * Math.sqrt(dispersion);
    }

    /**
     * Whether the Pearson test rejects the Poisson variance (overdispersion) at the given significance level; if so,
     * report {@link #quasiAnnualChange()}.
     *
     * @param significance the test level, in (0, 1)
     * @return true if &phi;&#770; &gt; 1 and {@link #dispersionPValue()} &lt; significance
     * @throws IndicatorException if significance is not in (0, 1)
     */
    public boolean isOverdispersed(double significance) {
        if (!(significance > 0 && significance < 1)) {
            throw IndicatorException.of(IndicatorRule.TREND_SIGNIFICANCE, significance);
        }
        return dispersion > 1 && dispersionPValue < significance;
    }

    /**
     * The fitted mean count exp(a + b&middot;(year &minus; t&#8320;)).
     *
     * @param year any year (extrapolation is the caller's responsibility)
     * @return the fitted count
     */
    public double fitted(int year) {
        return Math.exp(intercept + slope * (year - referenceYear));
    }
}
