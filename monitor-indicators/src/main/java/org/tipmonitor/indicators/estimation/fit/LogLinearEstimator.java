package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.Coefficient;
import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.DidNotConverge;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.ModelFit;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.internal.Outcomes;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.internal.ExistenceLp;
import org.tipmonitor.indicators.estimation.internal.LogLinearDesign;
import org.tipmonitor.indicators.estimation.internal.PivotedQr;
import org.tipmonitor.indicators.estimation.internal.PoissonGlm;

/**
 * Population size by a Poisson log-linear model on the 2<sup>K</sup> &minus; 1 observable cells of a
 * capture-history table (Fienberg 1972; Cormack 1989; Bishop, Fienberg &amp; Holland 1975, ch. 6; applied to
 * trafficking victims by Bales, Hesketh &amp; Silverman 2015):
 * the counts y<sub>h</sub> are independent Poisson with log &mu;<sub>h</sub> = x<sub>h</sub>'&beta; for a
 * {@link LogLinearModel}, and the unobserved cell (h = 0) is predicted as exp(&beta;<sub>0</sub>), so
 * N&#770; = n + exp(&beta;&#770;<sub>0</sub>).
 *
 * <p>Zero-count cells are fitted. A model term whose lists never overlap is fixed at &minus;&infin; and its
 * cells are fitted as 0 and dropped (the extended MLE of Chan, Silverman &amp; Vincent 2021, as SparseMSE and
 * MultipleSystemsEstimation do). The existence and identifiability of the estimate are checked as
 * {@link ExistenceCheck} does (the linear program is skipped when the converged fit itself shows a strictly
 * positive table with the data's margins); a model that fails gets a {@link NotEstimable}. The fit is R's IRLS
 * ({@code glm.fit}: start &mu; = y + 0.1, criterion |&Delta;D|/(|D| + 0.1) &lt; 1e-8, at most 25 iterations by
 * default); not meeting the criterion gives {@link DidNotConverge}.
 *
 * <p>The interval is Wald on the log of the unobserved count, as SparseMSE's {@code estimatepopulation.0}:
 * n + exp(&beta;&#770;<sub>0</sub> &plusmn; z<sub>1&minus;&alpha;/2</sub> &radic;V<sub>00</sub>), with V the
 * unscaled covariance (X'WX)<sup>&minus;1</sup> of R's last IRLS step. Instances are immutable and thread-safe.
 */
public final class LogLinearEstimator {

    /** The method name in results and provenance. */
    public static final String METHOD = "poisson-loglinear";

    private static final LogLinearEstimator DEFAULTS = new LogLinearEstimator(0.95, 25, 1e-8);

    private final double level;
    private final int maxIterations;
    private final double tolerance;

    private LogLinearEstimator(double level, int maxIterations, double tolerance) {
        this.level = level;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * Level 0.95, at most 25 iterations, convergence tolerance 1e-8 (R's {@code glm.control()}).
     *
     * @return the estimator
     */
    public static LogLinearEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another confidence level.
     *
     * @param confidenceLevel in (0, 1)
     * @return the estimator
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public LogLinearEstimator withConfidenceLevel(double confidenceLevel) {
        return new LogLinearEstimator(Arguments.checkLevel(confidenceLevel), maxIterations, tolerance);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param iterations at least 1
     * @return the estimator
     * @throws IndicatorException if iterations &lt; 1
     */
    public LogLinearEstimator withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw IndicatorException.of(IndicatorRule.MAX_ITERATIONS, iterations);
        }
        return new LogLinearEstimator(level, iterations, tolerance);
    }

    /**
     * A copy with another relative deviance criterion.
     *
     * @param epsilon positive and finite
     * @return the estimator
     * @throws IndicatorException if epsilon is not positive and finite
     */
    public LogLinearEstimator withConvergenceTolerance(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw IndicatorException.of(IndicatorRule.TOLERANCE, epsilon);
        }
        return new LogLinearEstimator(level, maxIterations, epsilon);
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }

    /** @return the iteration limit */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the relative deviance criterion */
    public double convergenceTolerance() {
        return tolerance;
    }

    /**
     * Fits a model given as a formula in R notation; see {@link LogLinearModel#parse}.
     *
     * @param histories the table
     * @param formula   e.g. {@code "A + B + C + A:B"}
     * @return the outcome
     * @throws IndicatorException if the formula is invalid or the table has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories, String formula) {
        return estimate(histories, LogLinearModel.parse(histories.listNames(), formula));
    }

    /**
     * Fits a model.
     *
     * @param histories the table
     * @param model     the model, on the table's lists
     * @return an {@link Estimate} with a Wald-log interval and the {@link ModelFit}; {@link NotEstimable} if the
     *         check fails; {@link DidNotConverge} if IRLS does not converge
     * @throws IndicatorException if the model's lists differ from the table's or the table has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories, LogLinearModel model) {
        Arguments.requireSameLists(histories, model);
        Arguments.requireObservations(histories);
        LogLinearDesign design = new LogLinearDesign(histories.listCount(), histories.countsByMask(),
                model.termMasks());
        Provenance provenance = provenance(model);
        double[][] x = design.columns();
        int m = design.rows();
        // The full check (linear program) runs only when the design is rank deficient or the fit does not show
        // by itself that the MLE exists (see ExistenceLp.mleExists); its outcome is the same either way.
        PoissonGlm.Fit fit = null;
        if (new PivotedQr(x, m, ExistenceLp.RANK_TOLERANCE).rank() == x.length) {
            fit = PoissonGlm.fit(x, design.y(), m, maxIterations, tolerance, null);
        }
        if (fit == null || !ExistenceLp.mleExists(x, design.y(), m, fit)) {
            ExistenceCheck check = ExistenceCheck.of(design, ExistenceLp.check(design), histories.listNames());
            if (check.status() != ExistenceStatus.OK) {
                return notEstimable(histories, model, check, provenance);
            }
        }
        // fit is set here: a rank-deficient design fails the check above (same QR, same tolerance)
        if (!fit.converged()) {
            return new DidNotConverge(METHOD, histories.listNames(), fit.iterations(), fit.deviance(), provenance);
        }
        if (fit.rank() < design.columns().length) {
            List<String> aliased = new ArrayList<>();
            double[] coef = fit.coefficients();
            for (int j = 1; j < coef.length; j++) {
                if (Double.isNaN(coef[j])) {
                    aliased.add(LogLinearModel.termName(design.terms()[j - 1], histories.listNames()));
                }
            }
            ExistenceCheck check = new ExistenceCheck(ExistenceStatus.NOT_IDENTIFIABLE, aliased,
                    names(design.infiniteTerms(), histories.listNames()));
            return notEstimable(histories, model, check, provenance);
        }
        ModelFit modelFit = modelFit(histories, model.formula(), design, fit);
        double b0 = fit.coefficients()[0];
        double v00 = fit.covariance()[0][0];
        double unobserved = Math.exp(b0);
        long n = histories.observed();
        double z = Outcomes.normalQuantile(0.5 + level / 2);
        double se0 = Math.sqrt(v00);
        ConfidenceInterval interval = new ConfidenceInterval(n + Math.exp(b0 - z * se0), n + Math.exp(b0 + z * se0),
                level, PopulationInterval.WALD_LOG_UNOBSERVED);
        double seN = Math.sqrt(unobserved + unobserved * unobserved * v00);
        return new Estimate(METHOD, histories.listNames(), n, n + unobserved, seN, interval,
                Optional.of(modelFit), warnings(design, histories.listNames(), histories.countsByMask()),
                provenance.withDefinition("interval", PopulationInterval.WALD_LOG_UNOBSERVED.name())
                        .withDefinition("level", Double.toString(level)));
    }

    static ModelFit modelFit(CaptureHistories histories, String formula, LogLinearDesign design,
                             PoissonGlm.Fit fit) {
        List<String> names = histories.listNames();
        int m = design.rows();
        double logLik = PoissonGlm.logLikelihood(design.y(), fit.fitted(), m);
        int e = design.infiniteTerms().length;
        int p = fit.rank() + e;
        long n = histories.observed();
        double aic = InformationCriterion.AIC.compute(logLik, p, n);
        double aicc = InformationCriterion.AICC.compute(logLik, p, n);
        double bic = InformationCriterion.BIC.compute(logLik, p, n);
        double[][] cov = fit.covariance();
        double[] coef = fit.coefficients();
        List<Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < coef.length; j++) {
            String term = j == 0 ? "(Intercept)" : LogLinearModel.termName(design.terms()[j - 1], names);
            coefficients.add(new Coefficient(term, coef[j], Math.sqrt(cov[j][j])));
        }
        double[] fitted = new double[1 << histories.listCount()];
        fitted[0] = Math.exp(coef[0]);
        for (int r = 0; r < m; r++) {
            fitted[design.cells()[r]] = fit.fitted()[r];
        }
        return new ModelFit(formula, names(design.infiniteTerms(), names), m, fit.rank(), p, fit.deviance(),
                m - fit.rank(), logLik, aic, aicc, bic, coefficients, fit.iterations(), fitted);
    }

    static List<String> warnings(LogLinearDesign design, List<String> names, long[] counts) {
        List<String> w = new ArrayList<>();
        int k = names.size();
        long[] overlap = LogLinearDesign.overlaps(counts, k);
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                int pair = (1 << i) | (1 << j);
                boolean inModel = false;
                for (int s : design.infiniteTerms()) {
                    inModel |= s == pair;
                }
                if (overlap[pair] == 0 && !inModel) {
                    w.add(String.format(Locale.ROOT, "Lists %s and %s have no case in common; the model does not"
                            + " contain their interaction", names.get(i), names.get(j)));
                }
            }
        }
        int dropped = (1 << names.size()) - 1 - design.rows();
        for (int s : design.infiniteTerms()) {
            w.add(String.format(Locale.ROOT,
                    "Lists %s never overlap: term fixed at -Infinity, its cells fitted as 0 (extended MLE)",
                    LogLinearModel.termName(s, names).replace(":", " and ")));
        }
        if (dropped > 0) {
            w.add(String.format(Locale.ROOT, "%d of %d cells dropped because they contain an empty overlap",
                    dropped, (1 << names.size()) - 1));
        }
        return w;
    }

    static List<String> names(int[] masks, List<String> lists) {
        List<String> out = new ArrayList<>();
        for (int s : masks) {
            out.add(LogLinearModel.termName(s, lists));
        }
        return out;
    }

    static NotEstimable notEstimable(CaptureHistories histories, LogLinearModel model, ExistenceCheck check,
                                     Provenance provenance) {
        String what = switch (check.status()) {
            case MLE_NOT_FINITE -> "the maximum-likelihood estimate is not finite";
            case NOT_IDENTIFIABLE -> "the unobserved count is not identifiable (rank-deficient design)";
            default -> "the maximum-likelihood estimate is not finite and the unobserved count is not identifiable";
        };
        String reason = String.format(Locale.ROOT, "Model %s: %s (check code %d); offending terms %s%s",
                model.formula(), what, check.status().code(), check.offendingTerms(),
                check.infiniteTerms().isEmpty() ? "" : "; fixed at -Infinity: " + check.infiniteTerms());
        return new NotEstimable(METHOD, histories.listNames(), check.status(), check.offendingTerms(),
                check.infiniteTerms(), reason, provenance);
    }

    Provenance provenance(LogLinearModel model) {
        return Provenance.of(METHOD).withDefinition("model", model.formula())
                .withDefinition("maxIterations", Integer.toString(maxIterations))
                .withDefinition("convergenceTolerance", Double.toString(tolerance));
    }
}
