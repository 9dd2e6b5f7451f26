package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.ClosedPopulationModel;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.internal.CellDesign;
import org.tipmonitor.indicators.estimation.internal.LogLinearDesign;

/**
 * The multinomial (conditional on N) estimate and profile-likelihood interval of a capture-recapture model, as
 * Rcapture's {@code closedpCI.t} computes them (Cormack 1992; Rivest &amp; Baillargeon 2007).
 *
 * <p>For a candidate total N the unobserved cell n<sub>0</sub> = N &minus; n is appended to the table (its design
 * row is the intercept only) and the Poisson model refitted to all 2<sup>K</sup> cells, giving deviance D(N). The
 * profile multinomial log-likelihood is &ell;<sub>m</sub>(N) = c(N) &minus; D(N)/2 with Cormack's correction
 * c(N) = log[n<sub>0</sub><sup>n<sub>0</sub></sup> N! / (N<sup>N</sup> n<sub>0</sub>!)] for N &le; 100 and, by
 * Stirling, c(N) = n<sub>0</sub> &minus; N &minus; &frac12; log(n<sub>0</sub>/N) for N &gt; 100
 * (&minus;N + &frac12; log(2&pi;N) when n<sub>0</sub> is 0 or 1). The estimate N&#770;<sub>m</sub> maximises
 * &ell;<sub>m</sub> on [n, 1.5 N&#770;<sub>P</sub>] (N&#770;<sub>P</sub> the Poisson estimate; N&#770;<sub>m</sub> is
 * slightly smaller); the interval is {N : &ell;<sub>m</sub>(N) &ge; &ell;<sub>m</sub>(N&#770;<sub>m</sub>) &minus;
 * &chi;<sup>2</sup><sub>1,level</sub>/2}, searched on [n, N&#770;<sub>m</sub>] and
 * [N&#770;<sub>m</sub>, 3 N&#770;<sub>P</sub>]. When no limit is found the lower limit is n and the upper limit
 * {@link Double#POSITIVE_INFINITY}, each with a warning (Rcapture prints n and "&gt;3N").
 *
 * <p>Log-linear models are profiled on their reduced design (terms whose lists never overlap fixed at
 * &minus;&infin;, as in {@link LogLinearEstimator}); without empty overlaps this is Rcapture's {@code mX} model.
 * The reported standard error is the Poisson model's delta-method one. Instances are immutable and thread-safe.
 */
public final class ProfileLikelihoodEstimator {

    /** The method name in results. */
    public static final String METHOD = "multinomial-profile";

    private static final double R_FMIN_RELATIVE = Math.sqrt(Math.ulp(1.0));
    private static final ProfileLikelihoodEstimator DEFAULTS = new ProfileLikelihoodEstimator(0.95);

    private final double level;

    private ProfileLikelihoodEstimator(double level) {
        this.level = level;
    }

    /**
     * Level 0.95.
     *
     * @return the estimator
     */
    public static ProfileLikelihoodEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another level.
     *
     * @param confidenceLevel in (0, 1)
     * @return the estimator
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public ProfileLikelihoodEstimator withConfidenceLevel(double confidenceLevel) {
        return new ProfileLikelihoodEstimator(Arguments.checkLevel(confidenceLevel));
    }

    /**
     * Profiles a log-linear model.
     *
     * @param histories the table
     * @param model     the model
     * @return the multinomial estimate with its profile interval, or the Poisson fit's failure outcome
     * @throws IndicatorException if the model's lists differ from the table's or the table has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories, LogLinearModel model) {
        EstimationOutcome poisson = LogLinearEstimator.withDefaults().estimate(histories, model);
        if (!(poisson instanceof Estimate p)) {
            return poisson;
        }
        LogLinearDesign reduced = new LogLinearDesign(histories.listCount(), histories.countsByMask(),
                model.termMasks());
        String[] names = new String[reduced.columns().length];
        names[0] = "(Intercept)";
        for (int j = 1; j < names.length; j++) {
            names[j] = LogLinearModel.termName(reduced.terms()[j - 1], histories.listNames());
        }
        return profile(histories, CellDesign.of(reduced, names), reduced.y(), p, model.formula());
    }

    /**
     * Profiles one of Rcapture's closed-population models (for the Chao models the negative-&eta; removal is
     * redone at every N, as Rcapture does).
     *
     * @param histories the table
     * @param model     the model
     * @return the multinomial estimate with its profile interval, or the Poisson fit's failure outcome
     * @throws IndicatorException if the table has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories, ClosedPopulationModel model) {
        EstimationOutcome poisson = model.estimate(histories);
        if (!(poisson instanceof Estimate p)) {
            return poisson;
        }
        CellDesign design = model.design(histories.listCount());
        return profile(histories, design, ClosedPopulationModel.cellCounts(histories, design), p, model.name());
    }

    private EstimationOutcome profile(CaptureHistories histories, CellDesign design, double[] y, Estimate poisson,
                                      String modelName) {
        long n = histories.observed();
        double nP = poisson.estimate();
        UnivariateFunction ell = bigN -> {
            double n0 = bigN - n;
            CellDesign.Fitted f = design.fit(y, n0, 25, 1e-8);
            return correction(n0, bigN) - f.fit().deviance() / 2;
        };
        BrentOptimizer optimizer = new BrentOptimizer(R_FMIN_RELATIVE, 1e-4 / 3);
        double nM = optimizer.optimize(new MaxEval(10_000), new UnivariateObjectiveFunction(ell), GoalType.MAXIMIZE,
                new SearchInterval(n, 1.5 * nP)).getPoint();
        double cut = ell.value(nM) - new ChiSquaredDistribution(1).inverseCumulativeProbability(level) / 2;
        UnivariateFunction g = bigN -> ell.value(bigN) - cut;
        BrentSolver solver = new BrentSolver(Math.ulp(1.0), 5e-5);
        List<String> warnings = new ArrayList<>(poisson.warnings());
        double lower;
        if (g.value(n) < 0) {
            lower = solver.solve(10_000, g, n, nM);
        } else {
            lower = n;
            warnings.add("Profile likelihood stays above the cut-off down to n: lower limit set to n = " + n);
        }
        double upper;
        double top = 3 * nP;
        if (g.value(top) < 0) {
            upper = solver.solve(10_000, g, nM, top);
        } else {
            upper = Double.POSITIVE_INFINITY;
            warnings.add(String.format(Locale.ROOT,
                    "Profile likelihood stays above the cut-off up to 3 times the Poisson estimate (%.1f):"
                            + " no finite upper limit", top));
        }
        ConfidenceInterval interval = new ConfidenceInterval(lower, Math.max(upper, nM), level,
                PopulationInterval.PROFILE_LIKELIHOOD);
        Provenance provenance = Provenance.of(METHOD).withDefinition("model", modelName)
                .withDefinition("interval", PopulationInterval.PROFILE_LIKELIHOOD.name())
                .withDefinition("level", Double.toString(level));
        return new Estimate(METHOD, histories.listNames(), n, Math.max(nM, n), poisson.standardError(), interval,
                poisson.fit(), warnings, provenance);
    }

    /**
     * Cormack's (1992) correction c(N) turning the Poisson deviance of the completed table into the multinomial
     * profile log-likelihood (as Rcapture computes it).
     */
    static double correction(double n0, double bigN) {
        if (bigN > 100) {
            if (n0 == 0 || n0 == 1) {
                return -bigN + 0.5 * Math.log(2 * Math.PI * bigN);
            }
            return n0 - bigN - 0.5 * Math.log(n0 / bigN);
        }
        double a = n0 > 0 ? n0 * Math.log(n0) : 0;
        return a + Gamma.logGamma(bigN + 1) - bigN * Math.log(bigN) - Gamma.logGamma(n0 + 1);
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }
}
