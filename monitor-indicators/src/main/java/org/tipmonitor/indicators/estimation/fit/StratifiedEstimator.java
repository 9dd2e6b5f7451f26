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
import org.tipmonitor.indicators.estimation.data.StratifiedHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.tipmonitor.indicators.tables.internal.TextGrid;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.internal.ExistenceLp;
import org.tipmonitor.indicators.estimation.internal.PivotedQr;
import org.tipmonitor.indicators.estimation.internal.PoissonGlm;
import org.tipmonitor.indicators.estimation.internal.ZeroMargins;

/**
 * Population size per level of a covariate and in total, from one Poisson log-linear model on the lists &times;
 * covariate table (van der Heijden et al. 2012; van Dijk et al. 2017, the Dutch monitors' method).
 *
 * <p>The model is written in R notation over the list names and the covariate's name, e.g.
 * {@code A + B + C + year + A:B + A:year}; every list and the covariate enter as main effects, and the term set
 * must be hierarchical. A term containing the covariate expands to one column per non-reference level
 * (treatment contrasts, the first level the reference). For stratum s the unobserved count is
 * U<sub>s</sub> = exp(&beta;<sub>0</sub> + &gamma;<sub>s</sub>) (&gamma; the covariate's main effect,
 * &gamma;<sub>ref</sub> = 0), N&#770;<sub>s</sub> = n<sub>s</sub> + U<sub>s</sub>, and the total is
 * n + &Sigma; U<sub>s</sub>. Intervals are Wald on the log of the unobserved count, with the delta-method variance
 * g'Vg of log &Sigma; U<sub>s</sub> for the total (V the unscaled covariance of R's last IRLS step); the standard
 * error of N&#770; is sqrt(U + U<sup>2</sup> var(log U)), as Rcapture's.
 *
 * <p>Every zero margin of a term (e.g. two lists that never overlap, or a list that reports no case in one level for
 * a list &times; covariate term) fixes the cells it sums to 0, which are dropped (the face of the zero margins,
 * computed by the estimation packages' one extended-MLE reduction, so that it does not depend on which level is the
 * reference); a column left with no cell is fixed at &minus;&infin;, and a level nobody was seen in is estimated
 * empty. The model is then checked by {@link ExistenceCheck}'s linear program and rank test. With every term interacting with the covariate the estimates per level equal separate
 * fits per level; with the covariate's main effect only, the total equals the pooled table's estimate.
 *
 * <p>Every estimate carries the joint model's {@link ModelFit}; its fitted cells are summed over the levels
 * (element 0 the total unobserved count), its coefficients are named e.g. {@code year[2012]} and
 * {@code A:year[2012]}.
 */
public final class StratifiedEstimator {

    /** The method name in results. */
    public static final String METHOD = "poisson-loglinear-stratified";

    private static final StratifiedEstimator DEFAULTS = new StratifiedEstimator(0.95);

    private final double level;

    private StratifiedEstimator(double level) {
        this.level = level;
    }

    /**
     * Level 0.95; R's IRLS settings.
     *
     * @return the estimator
     */
    public static StratifiedEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another confidence level.
     *
     * @param confidenceLevel in (0, 1)
     * @return the estimator
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public StratifiedEstimator withConfidenceLevel(double confidenceLevel) {
        return new StratifiedEstimator(Arguments.checkLevel(confidenceLevel));
    }

    /**
     * Estimates per level and in total.
     *
     * @param covariate the covariate's name
     * @param levels    the levels, reference first
     * @param total     the total's outcome
     * @param byLevel   per level (same order), its outcome; when the model fails, every entry is the failure
     */
    public record Result(String covariate, List<String> levels, EstimationOutcome total,
                         List<EstimationOutcome> byLevel) {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException if a component is null
         */
        public Result {
            Objects.requireNonNull(covariate, "covariate");
            levels = List.copyOf(levels);
            Objects.requireNonNull(total, "total");
            byLevel = List.copyOf(byLevel);
        }

        /**
         * The outcome for one level.
         *
         * @param level the level
         * @return its outcome
         * @throws IndicatorException if the level is unknown
         */
        public EstimationOutcome level(String level) {
            int i = levels.indexOf(level);
            if (i < 0) {
                throw IndicatorException.of(IndicatorRule.UNKNOWN_LEVEL, level, levels);
            }
            return byLevel.get(i);
        }

        /**
         * The estimates as an aligned table: one row per level and the total, with observed count, estimate and
         * interval, or the reason there is none.
         *
         * @return the text
         */
        @Override
        public String toString() {
            TextGrid grid = TextGrid.withHeader(covariate, "observed", "estimate", "lower", "upper");
            for (int i = 0; i < levels.size(); i++) {
                row(grid, levels.get(i), byLevel.get(i));
            }
            row(grid, "total", total);
            String method = total instanceof Estimate e ? String.format(Locale.ROOT, " (%.0f%% %s intervals)",
                    100 * e.interval().level(), e.interval().method().name().toLowerCase(Locale.ROOT)
                            .replace('_', '-')) : "";
            return "StratifiedEstimator by " + covariate + method + "\n" + grid.render();
        }

        private static void row(TextGrid grid, String level, EstimationOutcome outcome) {
            if (outcome instanceof Estimate e) {
                grid.row(level, e.observed(), TextGrid.number(e.estimate(), 1), TextGrid.number(e.interval().lower(),
                        1), TextGrid.number(e.interval().upper(), 1));
            } else if (outcome instanceof NotEstimable n) {
                grid.row(level, "", "not estimable: " + n.status().name().toLowerCase(Locale.ROOT), "", "");
            } else {
                grid.row(level, "", "did not converge", "", "");
            }
        }
    }

    /**
     * Fits the model and estimates per level and in total.
     *
     * @param data    the stratified tables
     * @param formula the model over the list names and the covariate's name
     * @return the estimates
     * @throws IndicatorException if the formula is invalid (unknown name, missing main effect, not hierarchical)
     */
    public Result estimate(StratifiedHistories data, String formula) {
        return joint(data, formula).result();
    }

    /**
     * The result with the fitted means per level and pattern mask (element [l][0] is level l's unobserved count;
     * null when the model failed).
     */
    public record Joint(Result result, double[][] fitted) {
    }

    public Joint joint(StratifiedHistories data, String formula) {
        List<String> lists = data.listNames();
        int k = lists.size();
        List<String> names = new ArrayList<>(lists);
        names.add(data.covariate());
        LogLinearModel model = LogLinearModel.parse(names, formula);
        int cov = 1 << k;
        List<String> levels = data.levels();
        int strata = levels.size();
        int cellsPerStratum = (1 << k) - 1;
        int rows = strata * cellsPerStratum;
        double[] y = new double[rows];
        int[] rowStratum = new int[rows];
        int[] rowMask = new int[rows];
        for (int s = 0; s < strata; s++) {
            long[] c = data.stratum(levels.get(s)).countsByMask();
            for (int h = 1; h <= cellsPerStratum; h++) {
                int r = s * cellsPerStratum + h - 1;
                y[r] = c[h];
                rowStratum[r] = s;
                rowMask[r] = h;
            }
        }
        // Columns: intercept, then per term one column (list-only term) or strata - 1 columns (with covariate).
        List<double[]> columns = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        double[] intercept = new double[rows];
        Arrays.fill(intercept, 1);
        columns.add(intercept);
        columnNames.add("(Intercept)");
        int[] covariateMainColumn = new int[strata];
        for (int t : model.termMasks()) {
            int s = t & ~cov;
            boolean withCovariate = (t & cov) != 0;
            String base = LogLinearModel.termName(s, lists);
            if (!withCovariate) {
                double[] col = new double[rows];
                for (int r = 0; r < rows; r++) {
                    col[r] = (rowMask[r] & s) == s ? 1 : 0;
                }
                columns.add(col);
                columnNames.add(base);
            } else {
                for (int l = 1; l < strata; l++) {
                    double[] col = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        col[r] = rowStratum[r] == l && (rowMask[r] & s) == s ? 1 : 0;
                    }
                    String levelName = data.covariate() + "[" + levels.get(l) + "]";
                    if (s == 0) {
                        covariateMainColumn[l] = columns.size();
                        columnNames.add(levelName);
                    } else {
                        columnNames.add(base + ":" + levelName);
                    }
                    columns.add(col);
                }
            }
        }
        // Extended MLE on the face of the zero margins (reference-free: margins do not depend on the contrasts);
        // a column left with no kept cell is fixed at -Infinity.
        int[] terms = model.termMasks();
        double[][] sums = new double[strata][];
        for (int l = 0; l < strata; l++) {
            long[] over = ZeroMargins.supersetSums(data.stratum(levels.get(l)).countsByMask(), k);
            sums[l] = new double[1 << k];
            for (int h = 0; h < over.length; h++) {
                sums[l][h] = over[h];
            }
        }
        int[] listParts = new int[terms.length];
        int[][] groups = new int[terms.length][strata];
        for (int t = 0; t < terms.length; t++) {
            listParts[t] = terms[t] & ~cov;
            if ((terms[t] & cov) != 0) {
                for (int l = 0; l < strata; l++) {
                    groups[t][l] = l;
                }
            }
        }
        ZeroMargins reduction = ZeroMargins.of(k, sums, listParts, groups);
        boolean[] emptyStratum = new boolean[strata];
        boolean[] keepRow = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            keepRow[r] = !reduction.forced()[rowStratum[r]][rowMask[r]];
        }
        for (int l = 0; l < strata; l++) {
            emptyStratum[l] = reduction.forced()[l][0];
        }
        boolean[] infinite = new boolean[columns.size()];
        List<String> infiniteNames = new ArrayList<>();
        for (int j = 1; j < columns.size(); j++) {
            double[] col = columns.get(j);
            boolean any = false;
            for (int r = 0; r < rows && !any; r++) {
                any = keepRow[r] && col[r] != 0;
            }
            if (!any) {
                infinite[j] = true;
            }
        }
        // The zero margins, named by term and level whatever the reference level: C:g[y] when list C saw nobody of
        // level y, A:B when lists A and B never overlap.
        for (int[] zero : reduction.zeroGroups()) {
            int t = terms[zero[0]];
            String name = LogLinearModel.termName(t & ~cov, lists);
            if ((t & cov) != 0) {
                String level = data.covariate() + "[" + levels.get(zero[1]) + "]";
                name = (t & ~cov) == 0 ? level : name + ":" + level;
            }
            infiniteNames.add(name);
        }
        int m = 0;
        for (boolean b : keepRow) {
            m += b ? 1 : 0;
        }
        int[] kept = new int[m];
        for (int r = 0, i = 0; r < rows; r++) {
            if (keepRow[r]) {
                kept[i++] = r;
            }
        }
        List<Integer> finite = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!infinite[j]) {
                finite.add(j);
            }
        }
        double[][] x = new double[finite.size()][m];
        double[] yk = new double[m];
        for (int i = 0; i < m; i++) {
            yk[i] = y[kept[i]];
            for (int q = 0; q < finite.size(); q++) {
                x[q][i] = columns.get(finite.get(q))[kept[i]];
            }
        }
        Provenance provenance = Provenance.of(METHOD).withDefinition("model", model.formula())
                .withDefinition("covariate", data.covariate())
                .withDefinition("levels", String.join(",", levels))
                .withDefinition("interval", PopulationInterval.WALD_LOG_UNOBSERVED.name())
                .withDefinition("level", Double.toString(level));
        // Position of each level's covariate main-effect column among the finite columns (-1: reference).
        int[] gammaIndex = new int[strata];
        gammaIndex[0] = -1;
        for (int l = 1; l < strata; l++) {
            gammaIndex[l] = emptyStratum[l] ? -1 : finite.indexOf(covariateMainColumn[l]);
        }
        ExistenceLp.Outcome check = ExistenceLp.check(x, yk, m);
        if (check.mleExists() && !check.identifiable()
                && unobservedIdentified(x, m, check.aliasedColumns(), gammaIndex, emptyStratum)) {
            // Aliased columns whose values the unobserved counts do not depend on: any solution of the likelihood
            // equations gives the same estimates, so the aliased coefficients are left at 0 (R's NA).
            check = new ExistenceLp.Outcome(true, true, new int[0], new int[0]);
        }
        if (check.code() != 0) {
            List<String> offending = new ArrayList<>();
            for (int j : check.aliasedColumns()) {
                offending.add(columnNames.get(finite.get(j)));
            }
            NotEstimable ne = new NotEstimable(METHOD, lists, ExistenceStatus.ofCode(check.code()), offending,
                    infiniteNames, String.format(Locale.ROOT,
                    "Model %s: the estimate does not exist or is not identifiable (check code %d); offending %s",
                    model.formula(), check.code(), offending), provenance);
            return new Joint(new Result(data.covariate(), levels, ne, java.util.Collections.nCopies(strata, ne)),
                    null);
        }
        PoissonGlm.Fit fit = PoissonGlm.fit(x, yk, m, 25, 1e-8, null);
        if (!fit.converged()) {
            DidNotConverge d = new DidNotConverge(METHOD, lists, fit.iterations(), fit.deviance(), provenance);
            return new Joint(new Result(data.covariate(), levels, d, java.util.Collections.nCopies(strata, d)),
                    null);
        }
        double[][] v = zeroForAliased(fit.covariance());
        double[] coef = fit.coefficients().clone();
        for (int q = 0; q < coef.length; q++) {
            coef[q] = Double.isNaN(coef[q]) ? 0 : coef[q];
        }
        double[] unobserved = new double[strata];
        double total = 0;
        for (int l = 0; l < strata; l++) {
            unobserved[l] = emptyStratum[l] ? 0 : Math.exp(coef[0] + (gammaIndex[l] < 0 ? 0 : coef[gammaIndex[l]]));
            total += unobserved[l];
        }
        ModelFit modelFit = modelFit(model.formula(), infiniteNames, x, yk, m, fit, finite, columnNames,
                data.observed(), rowMask, kept, k, total);
        double z = Outcomes.normalQuantile(0.5 + level / 2);
        List<String> warnings = new ArrayList<>();
        for (String inf : infiniteNames) {
            warnings.add("Margin " + inf + " has no case: its cells fitted as 0 (extended MLE)");
        }
        List<EstimationOutcome> byLevel = new ArrayList<>();
        for (int l = 0; l < strata; l++) {
            double[] g = new double[x.length];
            if (!emptyStratum[l]) {
                g[0] = 1;
                if (gammaIndex[l] >= 0) {
                    g[gammaIndex[l]] = 1;
                }
            }
            double varLog = quadratic(g, v);
            long n = data.stratum(levels.get(l)).observed();
            byLevel.add(estimate(lists, n, unobserved[l], varLog, z, modelFit, warnings,
                    provenance.withDefinition("stratum", levels.get(l))));
        }
        double[] g = new double[x.length];
        for (int l = 0; l < strata; l++) {
            g[0] += unobserved[l] / total;
            if (gammaIndex[l] >= 0) {
                g[gammaIndex[l]] += unobserved[l] / total;
            }
        }
        EstimationOutcome totalOutcome = estimate(lists, data.observed(), total, quadratic(g, v), z, modelFit,
                warnings, provenance.withDefinition("stratum", "total"));
        double[][] fitted = new double[strata][1 << k];
        for (int l = 0; l < strata; l++) {
            fitted[l][0] = unobserved[l];
        }
        for (int i = 0; i < m; i++) {
            fitted[rowStratum[kept[i]]][rowMask[kept[i]]] = fit.fitted()[i];
        }
        return new Joint(new Result(data.covariate(), levels, totalOutcome, byLevel), fitted);
    }

    /**
     * Whether every level's unobserved count is identified although columns are aliased: the linear function
     * c'&beta; with c the indicator of the intercept and the level's main effect is identified iff c is orthogonal
     * to the null space of the design, which the aliased columns span: for each aliased column j, written as
     * x<sub>j</sub> = &Sigma; a<sub>i</sub> x<sub>i</sub> over the kept columns (by the pivoted QR), the null vector
     * e<sub>j</sub> &minus; &Sigma; a<sub>i</sub> e<sub>i</sub> must satisfy c<sub>j</sub> = &Sigma; a<sub>i</sub>
     * c<sub>i</sub> (the test of {@code JointEstimator}, for one covariate).
     */
    private static boolean unobservedIdentified(double[][] x, int m, int[] aliased, int[] gammaIndex,
                                                boolean[] emptyStratum) {
        PivotedQr qr = new PivotedQr(x, m, ExistenceLp.RANK_TOLERANCE);
        for (int j : aliased) {
            double[] a = qr.solve(x[j]);
            for (int l = 0; l < gammaIndex.length; l++) {
                if (emptyStratum[l]) {
                    continue;
                }
                double[] c = new double[x.length];
                c[0] = 1;
                if (gammaIndex[l] >= 0) {
                    c[gammaIndex[l]] = 1;
                }
                double combination = 0;
                for (int i = 0; i < a.length; i++) {
                    if (!Double.isNaN(a[i])) {
                        combination += a[i] * c[i];
                    }
                }
                if (Math.abs(c[j] - combination) > 1e-7) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[][] zeroForAliased(double[][] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                if (Double.isNaN(out[i][j])) {
                    out[i][j] = 0;
                }
            }
        }
        return out;
    }

    private Estimate estimate(List<String> lists, long n, double unobserved, double varLog, double z, ModelFit fit,
                              List<String> warnings, Provenance provenance) {
        double se = Math.sqrt(varLog);
        double logU = Math.log(unobserved);
        ConfidenceInterval interval = new ConfidenceInterval(n + Math.exp(logU - z * se), n + Math.exp(logU + z * se),
                level, PopulationInterval.WALD_LOG_UNOBSERVED);
        return new Estimate(METHOD, lists, n, n + unobserved, Math.sqrt(unobserved + unobserved * unobserved * varLog),
                interval, Optional.of(fit), warnings,
                provenance);
    }

    private static double quadratic(double[] g, double[][] v) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] == 0) {
                continue;
            }
            for (int j = 0; j < g.length; j++) {
                s += g[i] * v[i][j] * g[j];
            }
        }
        return s;
    }

    private static ModelFit modelFit(String formula, List<String> infinite, double[][] x, double[] y, int m,
                                     PoissonGlm.Fit fit, List<Integer> finite, List<String> columnNames,
                                     long observed, int[] rowMask, int[] kept, int k, double totalUnobserved) {
        double logLik = PoissonGlm.logLikelihood(y, fit.fitted(), m);
        int p = fit.rank() + infinite.size();
        double[][] v = fit.covariance();
        List<Coefficient> coefficients = new ArrayList<>();
        for (int q = 0; q < x.length; q++) {
            coefficients.add(new Coefficient(columnNames.get(finite.get(q)), fit.coefficients()[q],
                    Math.sqrt(v[q][q])));
        }
        double[] pooled = new double[1 << k];
        pooled[0] = totalUnobserved;
        for (int i = 0; i < m; i++) {
            pooled[rowMask[kept[i]]] += fit.fitted()[i];
        }
        return new ModelFit(formula, infinite, m, fit.rank(), p, fit.deviance(), m - fit.rank(), logLik,
                InformationCriterion.AIC.compute(logLik, p, observed),
                InformationCriterion.AICC.compute(logLik, p, observed),
                InformationCriterion.BIC.compute(logLik, p, observed), coefficients, fit.iterations(), pooled);
    }
}
