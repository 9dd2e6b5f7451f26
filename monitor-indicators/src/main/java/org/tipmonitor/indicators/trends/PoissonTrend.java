package org.tipmonitor.indicators.trends;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.internal.PoissonGlm;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * Fits a Poisson log-linear trend to an annual count series,
 * <pre>
 *   y_t ~ Poisson(&mu;_t),   log &mu;_t = a + b&middot;(t &minus; t&#8320;),
 * </pre>
 * by maximum likelihood with iteratively reweighted least squares (McCullagh &amp; Nelder, <i>Generalized Linear
 * Models</i>, 2nd ed., 1989, section 2.5), the same model as R {@code glm(y ~ I(year - t0), family = poisson)}.
 * The annual relative change is exp(b) &minus; 1, with the Wald interval exp(b &plusmn; z&middot;SE(b)) &minus; 1.
 *
 * <p>Overdispersion check: the Pearson statistic X&sup2; = &Sigma;(y &minus; &mu;&#770;)&sup2;/&mu;&#770; on df = years &minus; 2
 * gives the dispersion estimate &phi;&#770; = X&sup2;/df and the test P(&chi;&sup2;<sub>df</sub> &gt; X&sup2;). The quasi-Poisson
 * interval (McCullagh &amp; Nelder 1989, section 4.5; Wedderburn 1974) scales SE(b) by &radic;&phi;&#770; and uses the
 * t<sub>df</sub> quantile, as R {@code summary(glm(..., family = quasipoisson))} does for its tests. Annual counts of
 * registrations are usually overdispersed (policy changes, reporting campaigns), so report the quasi interval unless
 * the test clearly accepts the Poisson variance.
 *
 * <p>Fitted by the estimation packages' one Poisson GLM engine, R's {@code glm.fit} iterates: start &mu; = y + 0.1,
 * then repeat with weights w = &mu; and working response z = &eta; + (y &minus; &mu;)/&mu; a weighted least-squares
 * step (pivoted Householder QR) until the deviance changes by less than 1e-12 relatively, at most
 * {@value #MAX_ITERATIONS} iterations. The covariance is (X&#7488;WX)<sup>&minus;1</sup> at the converged &mu;
 * (statsmodels' choice; R's {@code summary.glm} takes the weights of the step before, which differ in the seventh
 * digit at this criterion).
 *
 * <p>The MLE exists if and only if some count is positive and the positive counts are not all in the first year or
 * all in the last year (the sufficient statistic then lies inside its convex support); otherwise the result is a
 * {@link TrendNotEstimable}.
 *
 * <p>Immutable and thread-safe. Default: 95% confidence, t&#8320; = the series' first year.
 */
public final class PoissonTrend {

    /** Maximum number of IRLS iterations. */
    public static final int MAX_ITERATIONS = 100;

    private static final double TOLERANCE = 1e-12;
    private static final PoissonTrend DEFAULTS =
            new PoissonTrend(0.95, OptionalInt.empty(), Provenance.of("trend"));

    private final double level;
    private final OptionalInt referenceYear;

    private final Provenance base;

    private PoissonTrend(double level, OptionalInt referenceYear, Provenance base) {
        this.base = base;
        this.level = level;
        this.referenceYear = referenceYear;
    }

    /**
     * The default fitter: 95% confidence, reference year = first year of the series.
     *
     * @return the fitter
     */
    public static PoissonTrend withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another confidence level.
     *
     * @param newLevel the level, in (0, 1)
     * @return the new fitter
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public PoissonTrend withConfidenceLevel(double newLevel) {
        Arguments.checkConfidenceLevel(newLevel);
        return new PoissonTrend(newLevel, referenceYear, base);
    }

    /**
     * Returns a copy with a fixed reference year t&#8320; (it changes a, not b).
     *
     * @param year the reference year
     * @return the new fitter
     */
    public PoissonTrend withReferenceYear(int year) {
        return new PoissonTrend(level, OptionalInt.of(year), base);
    }

    /**
     * Returns a copy whose results carry the dataset id, period and definitions of the given provenance (e.g. which
     * series: police signals, counting unit), besides the method, reference year and level recorded by the fitter.
     *
     * @param newBase the provenance to extend; its method is replaced
     * @return the new fitter
     * @throws NullPointerException if newBase is null
     */
    public PoissonTrend withProvenance(Provenance newBase) {
        return new PoissonTrend(level, referenceYear, Objects.requireNonNull(newBase, "provenance"));
    }

    /**
     * Fits the trend.
     *
     * @param series the annual counts, at least 3 years
     * @return a {@link PoissonTrendFit}, or a {@link TrendNotEstimable} if the MLE does not exist or IRLS did not
     *         converge
     * @throws IndicatorException if the series has fewer than 3 years
     */
    public TrendEstimate fit(AnnualSeries series) {
        int n = series.size();
        if (n < 3) {
            throw IndicatorException.of(IndicatorRule.TREND_TOO_FEW_YEARS, n);
        }
        int t0 = referenceYear.orElse(series.firstYear());
        Provenance provenance = new Provenance(base.datasetId(), base.period(), "poisson-loglinear-irls",
                base.definitions(), base.libraryVersion())
                .withDefinition("referenceYear", Integer.toString(t0))
                .withDefinition("confidenceLevel", Double.toString(level))
                .withDefinition("seriesYears", series.firstYear() + "-" + series.lastYear());
        long[] y = series.counts();
        String reason = nonExistence(y);
        if (reason != null) {
            return new TrendNotEstimable(reason, provenance);
        }
        double[][] columns = new double[2][n];
        double[] response = new double[n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = 1;
            columns[1][i] = series.firstYear() + i - t0;
            response[i] = y[i];
        }
        PoissonGlm.Fit fit = PoissonGlm.fit(columns, response, n, MAX_ITERATIONS, TOLERANCE, null);
        double deviance = fit.deviance();
        if (!fit.converged() || !Double.isFinite(deviance)) {
            return new TrendNotEstimable(String.format(Locale.ROOT, Messages.NOT_CONVERGED, MAX_ITERATIONS),
                    provenance);
        }
        int iterations = fit.iterations();
        double[] mu = fit.fitted();
        double pearson = 0;
        double i00 = 0;
        double i01 = 0;
        double i11 = 0;
        for (int i = 0; i < n; i++) {
            pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
            double t = columns[1][i];
            i00 += mu[i];
            i01 += mu[i] * t;
            i11 += mu[i] * t * t;
        }
        // (X'WX)^-1 at the converged means (2 x 2, inverted in closed form).
        double det = i00 * i11 - i01 * i01;
        double a = fit.coefficients()[0];
        double b = fit.coefficients()[1];
        double seA = Math.sqrt(i11 / det);
        double seB = Math.sqrt(i00 / det);
        int df = n - 2;
        double dispersion = pearson / df;
        double pValue = new ChiSquaredDistribution(null, df).cumulativeProbability(pearson);
        pValue = 1 - pValue;
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2);
        AnnualRateChange poisson = rateChange(b, z * seB);
        AnnualRateChange quasi = rateChange(b, t * seB * Math.sqrt(dispersion));
        return new PoissonTrendFit(t0, a, b, seA, seB, deviance, pearson, df, dispersion, pValue, poisson, quasi,
                iterations, provenance);
    }

    private AnnualRateChange rateChange(double b, double half) {
        return new AnnualRateChange(Math.expm1(b), Math.expm1(b - half), Math.expm1(b + half), level);
    }

    private static String nonExistence(long[] y) {
        int firstPositive = -1;
        int lastPositive = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                if (firstPositive < 0) {
                    firstPositive = i;
                }
                lastPositive = i;
            }
        }
        if (firstPositive < 0) {
            return Messages.ALL_ZERO;
        }
        if (lastPositive == 0) {
            return Messages.ALL_IN_FIRST_YEAR;
        }
        if (firstPositive == y.length - 1) {
            return Messages.ALL_IN_LAST_YEAR;
        }
        return null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PoissonTrend[level=%s, referenceYear=%s]", level,
                referenceYear.isPresent() ? Integer.toString(referenceYear.getAsInt()) : "first");
    }
}
