package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import org.tipmonitor.indicators.estimation.internal.JointAccess;
import org.tipmonitor.indicators.estimation.internal.JointDesign;
import org.tipmonitor.indicators.estimation.model.JointModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.special.Gamma;
import org.tipmonitor.indicators.estimation.Coefficient;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.internal.SparsePoissonGlm;

/**
 * A fitted lists &times; covariates model, and every quantity derived from it with an interval: the population of
 * any set of covariate cells ({@link #population(Selection)}), a share ({@link #share(Selection, Selection)}), a
 * ratio such as the change between two years ({@link #ratio(Selection, Selection)}), per level
 * ({@link #byLevel(String)}).
 *
 * <p>For a set A of covariate cells the population is N<sub>A</sub> = n<sub>A</sub> + U<sub>A</sub>, with
 * n<sub>A</sub> the persons observed and U<sub>A</sub> = &Sigma;<sub>c &isin; A</sub> exp(x<sub>0c</sub>'&beta;) the
 * fitted unobserved count, x<sub>0c</sub> the design row of c's unobserved cell. Its gradient is
 * g<sub>A</sub> = &Sigma;<sub>c &isin; A</sub> U<sub>c</sub> x<sub>0c</sub> and, with V = (X'WX)<sup>&minus;1</sup>,
 * var(&Ucirc;<sub>A</sub>) = g<sub>A</sub>'Vg<sub>A</sub> (delta method). The intervals are for the realised
 * population, so the unobserved count's own Poisson variation U<sub>A</sub> is added (as Rcapture's standard error
 * sqrt(U + U<sup>2</sup> var(log U)) does):
 *
 * <ul>
 *   <li>population: n<sub>A</sub> + exp(log U<sub>A</sub> &plusmn; z s), s<sup>2</sup> =
 *       g<sub>A</sub>'Vg<sub>A</sub>/U<sub>A</sub><sup>2</sup> + 1/U<sub>A</sub> (Wald on the log of the
 *       unobserved count);</li>
 *   <li>share of A in B &supe; A, with D = B &minus; A: logit S = log N<sub>A</sub> &minus; log N<sub>D</sub>,
 *       s<sup>2</sup> = (g<sub>A</sub>/N<sub>A</sub> &minus; g<sub>D</sub>/N<sub>D</sub>)'V(&middot;) +
 *       U<sub>A</sub>/N<sub>A</sub><sup>2</sup> + U<sub>D</sub>/N<sub>D</sub><sup>2</sup>, interval
 *       expit(logit S &plusmn; z s) (Wald on the logit, inside (0, 1));</li>
 *   <li>ratio N<sub>A</sub>/N<sub>B</sub> of disjoint sets: log R = log N<sub>A</sub> &minus; log N<sub>B</sub>,
 *       s<sup>2</sup> as for the share with D replaced by B, interval exp(log R &plusmn; z s).</li>
 * </ul>
 *
 * <p>All are conditional on the model; for intervals that include model selection use {@link org.tipmonitor.indicators.estimation.bootstrap.JointBootstrap}.
 */
public final class JointFit implements JointOutcome {

    private final JointEstimator estimator;
    private final JointDesign design;
    private final int[] rows;
    private final boolean[] columns;
    private final SparsePoissonGlm.Fit fit;
    private final double[] unobserved;
    private final double[] observed;
    private final int rank;
    private final int parameters;
    private final double logLikelihood;
    private final double deviance;
    private final int emSteps;
    private final CovariateTable original;

    JointFit(JointEstimator estimator, JointDesign design, int[] rows, boolean[] columns, SparsePoissonGlm.Fit fit) {
        this(estimator, design, rows, columns, fit, 0, design.table);
    }

    private JointFit(JointEstimator estimator, JointDesign design, int[] rows, boolean[] columns,
                     SparsePoissonGlm.Fit fit, int emSteps, CovariateTable original) {
        this.emSteps = emSteps;
        this.original = original;
        this.estimator = estimator;
        this.design = design;
        this.rows = rows;
        this.columns = columns;
        this.fit = fit;
        int cells = design.cells;
        this.unobserved = new double[cells];
        this.observed = new double[cells];
        double[] beta = fit.coefficients();
        for (int c = 0; c < cells; c++) {
            observed[c] = design.observed(c);
            if (!design.emptyCell[c]) {
                double eta = 0;
                for (int col : design.unobservedActive[c]) {
                    eta += beta[col];
                }
                unobserved[c] = Math.exp(eta);
            }
        }
        int r = 0;
        for (boolean b : columns) {
            r += b ? 1 : 0;
        }
        this.rank = r;
        this.parameters = design.columns();
        double l = 0;
        for (int row : rows) {
            double y = design.y[row];
            double mu = fit.fitted()[row];
            l += (y > 0 ? y * Math.log(mu) : 0) - mu - Gamma.logGamma(y + 1);
        }
        this.logLikelihood = l;
        this.deviance = fit.deviance();
    }

    @Override
    public JointModel model() {
        return design.model;
    }

    JointFit withEmSteps(int steps, CovariateTable table) {
        return new JointFit(estimator, design, rows, columns, fit, steps, table);
    }

    /**
     * The table as given to the estimator (with its partially classified rows, if any).
     *
     * @return the table
     */
    public CovariateTable table() {
        return original;
    }

    /** @return the EM steps taken to distribute unknown covariate values (0 when none were distributed) */
    public int emSteps() {
        return emSteps;
    }

    /** @return the reference level of each covariate, in covariate order */
    public Map<String, String> referenceLevels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int j = 0; j < design.reference.length; j++) {
            out.put(design.table.covariates().get(j), design.table.levels().get(j).get(design.reference[j]));
        }
        return out;
    }

    /** @return the confidence level of the intervals */
    public double confidenceLevel() {
        return estimator.confidenceLevel();
    }

    /** @return how unknown covariate values were treated */
    public UnknownValues unknownValues() {
        return estimator.unknownValues();
    }

    /** @return the residual deviance over the fitted cells */
    public double deviance() {
        return deviance;
    }

    /** @return fitted cells minus the rank */
    public int degreesOfFreedom() {
        return rows.length - rank;
    }

    /** @return the Poisson log-likelihood over the fitted cells (including &minus;log y!) */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the number of model parameters (columns of the design), the p of the criteria */
    public int parameters() {
        return parameters;
    }

    /**
     * An information criterion, with n the observed persons.
     *
     * @param criterion AIC, AICc or BIC
     * @return its value (smaller is better)
     */
    public double criterion(InformationCriterion criterion) {
        double p = parameters;
        double n = design.table.observed();
        return switch (criterion) {
            case AIC -> -2 * logLikelihood + 2 * p;
            case AICC -> n - p - 1 > 0 ? -2 * logLikelihood + 2 * p + 2 * p * (p + 1) / (n - p - 1)
                    : Double.POSITIVE_INFINITY;
            case BIC -> -2 * logLikelihood + p * Math.log(n);
        };
    }

    /** @return the IRLS steps taken */
    public int iterations() {
        return fit.iterations();
    }

    /** @return the margins that were empty, whose cells are fitted as 0 (extended MLE) */
    public List<String> emptyMargins() {
        return List.copyOf(design.zeroMargins);
    }

    /**
     * The coefficients in the contrasts of the chosen reference levels; a column that the face leaves undetermined
     * is reported with NaN.
     *
     * @return one per design column
     */
    public List<Coefficient> coefficients() {
        List<Coefficient> out = new ArrayList<>();
        double[][] v = fit.covariance();
        for (int j = 0; j < design.columns(); j++) {
            out.add(columns[j] ? new Coefficient(design.columnNames.get(j), fit.coefficients()[j], Math.sqrt(v[j][j]))
                    : new Coefficient(design.columnNames.get(j), Double.NaN, Double.NaN));
        }
        return out;
    }

    /**
     * The fitted unobserved count of one covariate cell.
     *
     * @param cell the cell index (as {@link CovariateTable#levelsOfCell(int)})
     * @return U<sub>c</sub> (0 for a covariate combination that nobody observed)
     */
    public double unobserved(int cell) {
        return unobserved[cell];
    }

    /**
     * The fitted mean of an observable cell.
     *
     * @param cell the covariate cell
     * @param mask the list pattern, not 0
     * @return &mu;<sub>hc</sub> (0 for a cell in an empty margin)
     */
    public double fitted(int cell, int mask) {
        return fit.fitted()[cell * design.patterns + mask - 1];
    }

    /**
     * The population of a set of covariate cells.
     *
     * @param selection the cells
     * @return the estimate, Wald on the log of the unobserved count
     * @throws IndicatorException if a covariate or level is unknown, or no cell is selected
     */
    public DerivedEstimate population(Selection selection) {
        Part a = part(selection);
        double z = z();
        double u = a.unobserved;
        double n = a.observed;
        if (u <= 0) {
            return new DerivedEstimate("population " + selection, n, n, 0, n, n, confidenceLevel(), "wald-log");
        }
        double varU = quadratic(a.gradient, a.gradient);
        double s = Math.sqrt(varU / (u * u) + 1 / u);
        return new DerivedEstimate("population " + selection, n, n + u, Math.sqrt(varU + u),
                n + Math.exp(Math.log(u) - z * s), n + Math.exp(Math.log(u) + z * s), confidenceLevel(), "wald-log");
    }

    /**
     * The share of the population of one set of cells in that of a larger set.
     *
     * @param part  the cells counted (each must be in whole)
     * @param whole the cells of the denominator
     * @return the share in [0, 1], Wald on the logit
     * @throws IndicatorException if a covariate or level is unknown, or no cell is selected
     */
    public DerivedEstimate share(Selection part, Selection whole) {
        Part a = part(part);
        Part b = part(whole);
        Part rest = b.minus(a);
        double na = a.observed + a.unobserved;
        double nd = rest.observed + rest.unobserved;
        double estimate = na / (na + nd);
        double observedShare = a.observed / b.observed;
        String name = "share " + part + " in " + whole;
        if (na <= 0 || nd <= 0) {
            return new DerivedEstimate(name, observedShare, estimate, 0, estimate, estimate, confidenceLevel(),
                    "wald-logit");
        }
        double[] g = difference(a.gradient, 1 / na, rest.gradient, 1 / nd);
        double var = quadratic(g, g) + a.unobserved / (na * na) + rest.unobserved / (nd * nd);
        double s = Math.sqrt(var);
        double logit = Math.log(na / nd);
        double z = z();
        return new DerivedEstimate(name, observedShare, estimate, s * estimate * (1 - estimate),
                expit(logit - z * s), expit(logit + z * s), confidenceLevel(), "wald-logit");
    }

    /**
     * The ratio of two populations of disjoint sets of cells, e.g. a later year to an earlier one.
     *
     * @param numerator   the cells of the numerator
     * @param denominator the cells of the denominator
     * @return N<sub>A</sub>/N<sub>B</sub>, Wald on the log
     * @throws IndicatorException if a covariate or level is unknown, no cell is selected, or the sets overlap
     */
    public DerivedEstimate ratio(Selection numerator, Selection denominator) {
        Part a = part(numerator);
        Part b = part(denominator);
        if (a.overlaps(b)) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_EMPTY_SELECTION, numerator + " and " + denominator
                    + " overlap; a ratio needs disjoint sets:");
        }
        double na = a.observed + a.unobserved;
        double nb = b.observed + b.unobserved;
        double[] g = difference(a.gradient, 1 / na, b.gradient, 1 / nb);
        double var = quadratic(g, g) + a.unobserved / (na * na) + b.unobserved / (nb * nb);
        double s = Math.sqrt(var);
        double r = na / nb;
        double z = z();
        return new DerivedEstimate("ratio " + numerator + " to " + denominator, a.observed / b.observed, r,
                r * s, r * Math.exp(-z * s), r * Math.exp(z * s), confidenceLevel(), "wald-log");
    }

    /**
     * The population per level of a covariate, within a selection.
     *
     * @param covariate the covariate
     * @param within    the cells to stay within (e.g. minors of domestic sexual exploitation)
     * @return one estimate per level, in level order
     * @throws IndicatorException if a name or level is unknown
     */
    public List<DerivedEstimate> byLevel(String covariate, Selection within) {
        List<DerivedEstimate> out = new ArrayList<>();
        for (String level : design.table.levels(covariate)) {
            Map<String, java.util.Set<String>> m = new LinkedHashMap<>(within.levels());
            m.put(covariate, java.util.Set.of(level));
            out.add(population(new Selection(m)));
        }
        return out;
    }

    /**
     * The population per level of a covariate.
     *
     * @param covariate the covariate
     * @return one estimate per level, in level order
     * @throws IndicatorException if the name is unknown
     */
    public List<DerivedEstimate> byLevel(String covariate) {
        return byLevel(covariate, Selection.all());
    }

    /**
     * The fitted unobserved counts of a selection summed, for replicates.
     *
     * @param selection the cells
     * @return &Sigma; U<sub>c</sub>
     */
    double unobserved(Selection selection) {
        return part(selection).unobserved;
    }

    JointDesign design() {
        return design;
    }

    static {
        JointAccess.register(new JointAccess.Accessor() {
            @Override
            public JointDesign design(JointFit fit) {
                return fit.design;
            }

            @Override
            public JointOutcome fit(JointEstimator estimator, JointDesign design, double[] start) {
                return estimator.fit(design, start);
            }
        });
    }

    /**
     * The design with the rows this fit left out marked as forced (the face of the fit).
     *
     * @return the design of the fit
     */
    JointDesign face() {
        boolean[] in = new boolean[design.rows()];
        for (int r : rows) {
            in[r] = true;
        }
        for (int r = 0; r < in.length; r++) {
            design.forced[r] |= !in[r];
        }
        return design;
    }

    /**
     * The fitted means of the observable rows (a row is a capture pattern in a covariate cell, pattern-major within
     * each cell; 0 for rows outside the face), for warm starts and replicates.
     *
     * @return &mu; per row (a copy)
     */
    public double[] fittedRows() {
        return fit.fitted().clone();
    }

    private double z() {
        return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(0.5 + confidenceLevel() / 2);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private double quadratic(double[] g, double[] h) {
        double[][] v = fit.covariance();
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] == 0) {
                continue;
            }
            double[] vi = v[i];
            for (int j = 0; j < h.length; j++) {
                s += g[i] * vi[j] * h[j];
            }
        }
        return s;
    }

    private static double[] difference(double[] a, double fa, double[] b, double fb) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * fa - b[i] * fb;
        }
        return out;
    }

    private Part part(Selection selection) {
        selection.check(design.table);
        boolean[] in = new boolean[design.cells];
        double[] g = new double[design.columns()];
        double u = 0;
        double n = 0;
        boolean any = false;
        for (int c = 0; c < design.cells; c++) {
            if (!selection.contains(design.table, c)) {
                continue;
            }
            any = true;
            in[c] = true;
            n += observed[c];
            u += unobserved[c];
            if (unobserved[c] > 0) {
                for (int col : design.unobservedActive[c]) {
                    if (columns[col]) {
                        g[col] += unobserved[c];
                    }
                }
            }
        }
        if (!any) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_EMPTY_SELECTION, selection);
        }
        return new Part(in, n, u, g);
    }

    private record Part(boolean[] cells, double observed, double unobserved, double[] gradient) {

        Part minus(Part other) {
            boolean[] in = cells.clone();
            double[] g = gradient.clone();
            for (int i = 0; i < g.length; i++) {
                g[i] -= other.gradient[i];
            }
            for (int c = 0; c < in.length; c++) {
                if (other.cells[c] && !cells[c]) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_EMPTY_SELECTION, "the part is not within the whole:");
                }
                in[c] &= !other.cells[c];
            }
            return new Part(in, observed - other.observed, unobserved - other.unobserved, g);
        }

        boolean overlaps(Part other) {
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] && other.cells[c]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A summary: the model, fit statistics, the reference levels and the population.
     *
     * @return the text
     */
    @Override
    public String toString() {
        DerivedEstimate all = population(Selection.all());
        return String.format(Locale.ROOT, "JointFit[model=%s, deviance=%.4f, df=%d, BIC=%.2f, references=%s,"
                        + " unknown values %s, population %,.1f (%.0f%% CI %,.1f to %,.1f), observed %,d]",
                model().formula(), deviance, degreesOfFreedom(), criterion(InformationCriterion.BIC),
                referenceLevels(), unknownValues().description(), all.estimate(), 100 * confidenceLevel(),
                all.lower(), all.upper(), Math.round(all.observed()));
    }
}
