package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.internal.CellDesign;
import org.tipmonitor.indicators.estimation.internal.ExistenceLp;
import org.tipmonitor.indicators.estimation.internal.PoissonGlm;
import org.tipmonitor.indicators.tables.internal.TextGrid;

/**
 * Rcapture's closed-population models for K lists, as Poisson regressions on the 2<sup>K</sup> &minus; 1
 * observable cells (Rivest &amp; Baillargeon 2007, {@code closedp.t}; Otis et al. 1978 for the model names),
 * with N&#770; = n + exp(&beta;&#770;<sub>0</sub>) and c(h) = &Sigma; h<sub>i</sub> the number of captures:
 * <ul>
 *   <li>{@link #M0}: log &mu;<sub>h</sub> = &beta;<sub>0</sub> + &beta; c(h) (equal catchability);</li>
 *   <li>{@link #MT}: log &mu;<sub>h</sub> = &beta;<sub>0</sub> + &Sigma; &beta;<sub>i</sub> h<sub>i</sub> (the
 *       independence model of {@link LogLinearEstimator});</li>
 *   <li>{@link #MH_CHAO}: M0 plus &Sigma;<sub>j=3..K</sub> &eta;<sub>j</sub> max(c(h) &minus; j + 1, 0), Chao's
 *       (1987) lower-bound heterogeneity model;</li>
 *   <li>{@link #MTH_CHAO}: Mt plus the same &eta; columns;</li>
 *   <li>{@link #MH_POISSON2}, {@link #MH_DARROCH}, {@link #MH_GAMMA35}: M0 plus one heterogeneity column f(c(h)),
 *       f(c) = 2<sup>c</sup> &minus; 1 (Poisson mixture with mean 2, Rivest &amp; L&eacute;vesque 2001),
 *       c<sup>2</sup>/2 (Darroch, Fienberg, Glonek &amp; Junker 1993) or &minus;log(3.5 + c) + log 3.5 (gamma
 *       mixture with shape 3.5, Rivest &amp; L&eacute;vesque 2001);</li>
 *   <li>{@link #MTH_POISSON2}, {@link #MTH_DARROCH}, {@link #MTH_GAMMA35}: Mt plus the same column.</li>
 * </ul>
 * These are the rows of Rcapture's {@code closedp.t} table except Mb and Mbh (behavioural response, which needs
 * capture order, not just membership).
 * As in Rcapture, while any &eta; coefficient is negative the &eta; column with the lowest j among the negative
 * ones is removed and the model refitted. Unlike Rcapture, the existence of the estimate is checked on the final
 * design ({@link ExistenceCheck}'s linear program and rank test); a failing table gets {@link NotEstimable}.
 *
 * <p>Fit statistics follow Rcapture: AIC = &minus;2&ell; + 2 rank, BIC = &minus;2&ell; + log(n) rank. The
 * interval is Wald on the log of the unobserved count; for Rcapture's profile interval use
 * {@link org.tipmonitor.indicators.estimation.fit.ProfileLikelihoodEstimator}.
 */
public enum ClosedPopulationModel {
    /** Equal capture probabilities across lists and cases. */
    M0,
    /** Capture probabilities varying by list (independence). */
    MT,
    /** Heterogeneous cases, Chao's lower-bound form. */
    MH_CHAO,
    /** List effects plus heterogeneity, Chao's lower-bound form. */
    MTH_CHAO,
    /** Heterogeneous cases, Poisson mixture: column 2<sup>c</sup> &minus; 1. */
    MH_POISSON2,
    /** Heterogeneous cases, Darroch's quadratic form: column c<sup>2</sup>/2. */
    MH_DARROCH,
    /** Heterogeneous cases, gamma mixture: column &minus;log(3.5 + c) + log 3.5. */
    MH_GAMMA35,
    /** List effects plus heterogeneity, Poisson mixture. */
    MTH_POISSON2,
    /** List effects plus heterogeneity, Darroch's quadratic form. */
    MTH_DARROCH,
    /** List effects plus heterogeneity, gamma mixture. */
    MTH_GAMMA35;

    /**
     * Rcapture's name of the model, as in the rows of {@code closedp.t}'s table.
     *
     * @return e.g. {@code "Mth Chao (LB)"}
     */
    public String label() {
        return switch (this) {
            case M0 -> "M0";
            case MT -> "Mt";
            case MH_CHAO -> "Mh Chao (LB)";
            case MTH_CHAO -> "Mth Chao (LB)";
            case MH_POISSON2 -> "Mh Poisson2";
            case MH_DARROCH -> "Mh Darroch";
            case MH_GAMMA35 -> "Mh Gamma3.5";
            case MTH_POISSON2 -> "Mth Poisson2";
            case MTH_DARROCH -> "Mth Darroch";
            case MTH_GAMMA35 -> "Mth Gamma3.5";
        };
    }

    /**
     * Every model on one table, side by side (Rcapture's {@code closedp.t} table, without Mb and Mbh).
     *
     * @param models   the models in Rcapture's row order
     * @param outcomes each model's outcome, in the same order
     */
    public record Comparison(List<ClosedPopulationModel> models, List<EstimationOutcome> outcomes) {

        /**
         * Copies the lists.
         *
         * @throws IllegalArgumentException if the lists differ in length
         */
        public Comparison {
            models = List.copyOf(models);
            outcomes = List.copyOf(outcomes);
            if (models.size() != outcomes.size()) {
                throw new IllegalArgumentException("models and outcomes differ in length");
            }
        }

        /**
         * The comparison as a table: abundance, standard error, Wald-log interval, deviance, df, AIC and BIC per
         * model, or why a model has no estimate.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return table(true);
        }

        /**
         * The comparison as a table, with or without the interval columns.
         *
         * @param intervals whether to show the Wald-log limits
         * @return the text
         */
        public String table(boolean intervals) {
            List<String> header = new ArrayList<>(List.of("model", "abundance", "stderr"));
            if (intervals) {
                header.addAll(List.of("lower", "upper"));
            }
            header.addAll(List.of("deviance", "df", "AIC", "BIC"));
            TextGrid grid = TextGrid.withHeader(header.toArray(new String[0]));
            for (int i = 0; i < models.size(); i++) {
                EstimationOutcome o = outcomes.get(i);
                List<Object> row = new ArrayList<>(List.of(models.get(i).label()));
                if (o instanceof Estimate e && e.fit().isPresent()) {
                    ModelFit f = e.fit().get();
                    row.add(TextGrid.number(e.estimate(), 1));
                    row.add(TextGrid.number(e.standardError(), 1));
                    if (intervals) {
                        row.add(TextGrid.number(e.interval().lower(), 1));
                        row.add(TextGrid.number(e.interval().upper(), 1));
                    }
                    row.addAll(List.of(String.format(Locale.ROOT, "%.3f", f.deviance()), f.degreesOfFreedom(),
                            String.format(Locale.ROOT, "%.3f", f.aic()), String.format(Locale.ROOT, "%.3f", f.bic())));
                } else {
                    row.add(o instanceof DidNotConverge ? "did not converge" : "not estimable");
                    while (row.size() < header.size()) {
                        row.add("");
                    }
                }
                grid.row(row.toArray());
            }
            return grid.render();
        }
    }

    /**
     * Fits every model to a table, in Rcapture's row order (M0, Mt, Mh Chao, Mh Poisson2, Mh Darroch, Mh Gamma3.5,
     * Mth Chao, Mth Poisson2, Mth Darroch, Mth Gamma3.5), each with a Wald-log interval at a level.
     *
     * @param histories       the table
     * @param confidenceLevel in (0, 1)
     * @return the comparison
     * @throws IndicatorException if the level is not in (0, 1) or the table has no observed case
     */
    public static Comparison compare(CaptureHistories histories, double confidenceLevel) {
        List<ClosedPopulationModel> order = List.of(M0, MT, MH_CHAO, MH_POISSON2, MH_DARROCH, MH_GAMMA35, MTH_CHAO,
                MTH_POISSON2, MTH_DARROCH, MTH_GAMMA35);
        List<EstimationOutcome> outcomes = new ArrayList<>();
        for (ClosedPopulationModel model : order) {
            outcomes.add(model.estimate(histories, confidenceLevel));
        }
        return new Comparison(order, outcomes);
    }

    /**
     * The Poisson estimate with a 95 % Wald-log interval.
     *
     * @param histories the table
     * @return the outcome
     * @throws IndicatorException if the table has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories) {
        return estimate(histories, 0.95);
    }

    /**
     * The Poisson estimate with a Wald-log interval at a level.
     *
     * @param histories       the table
     * @param confidenceLevel in (0, 1)
     * @return the outcome
     * @throws IndicatorException if the level is not in (0, 1) or the table has no observed case
     */
    public EstimationOutcome estimate(CaptureHistories histories, double confidenceLevel) {
        Arguments.checkLevel(confidenceLevel);
        Arguments.requireObservations(histories);
        CellDesign design = design(histories.listCount());
        double[] y = cellCounts(histories, design);
        CellDesign.Fitted fitted = design.fit(y, Double.NaN, 25, 1e-8);
        PoissonGlm.Fit fit = fitted.fit();
        Provenance provenance = provenance(confidenceLevel);
        if (!fit.converged()) {
            return new DidNotConverge(methodName(), histories.listNames(), fit.iterations(), fit.deviance(),
                    provenance);
        }
        ExistenceLp.Outcome check = ExistenceLp.check(fitted.columns(), y, y.length);
        if (check.code() != 0) {
            List<String> offending = new ArrayList<>();
            for (int j : check.aliasedColumns()) {
                offending.add(design.names()[fitted.kept()[j]]);
            }
            return new NotEstimable(methodName(), histories.listNames(), ExistenceStatus.ofCode(check.code()),
                    offending, List.of(), methodName() + ": the estimate does not exist or is not identifiable"
                    + " (check code " + check.code() + ")", provenance);
        }
        int m = y.length;
        double logLik = PoissonGlm.logLikelihood(y, fit.fitted(), m);
        int rank = fit.rank();
        double[][] cov = fit.covariance();
        double[] coef = fit.coefficients();
        List<Coefficient> coefficients = new ArrayList<>();
        for (int q = 0; q < coef.length; q++) {
            coefficients.add(new Coefficient(design.names()[fitted.kept()[q]], coef[q], Math.sqrt(cov[q][q])));
        }
        double[] fittedByMask = new double[1 << histories.listCount()];
        fittedByMask[0] = Math.exp(coef[0]);
        for (int r = 0; r < m; r++) {
            fittedByMask[design.cells()[r]] = fit.fitted()[r];
        }
        double aic = InformationCriterion.AIC.compute(logLik, rank, histories.observed());
        double aicc = InformationCriterion.AICC.compute(logLik, rank, histories.observed());
        double bic = InformationCriterion.BIC.compute(logLik, rank, histories.observed());
        ModelFit modelFit = new ModelFit(name(), List.of(), m, rank, rank, fit.deviance(), m - rank, logLik,
                aic, aicc, bic, coefficients, fit.iterations(), fittedByMask);
        long n = histories.observed();
        double b0 = coef[0];
        double se0 = Math.sqrt(cov[0][0]);
        double z = Outcomes.normalQuantile(0.5 + confidenceLevel / 2);
        double u = Math.exp(b0);
        ConfidenceInterval interval = new ConfidenceInterval(n + Math.exp(b0 - z * se0), n + Math.exp(b0 + z * se0),
                confidenceLevel, PopulationInterval.WALD_LOG_UNOBSERVED);
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < design.names().length; j++) {
            boolean kept = false;
            for (int q : fitted.kept()) {
                kept |= q == j;
            }
            if (!kept) {
                warnings.add("Heterogeneity column " + design.names()[j] + " removed: its coefficient was negative");
            }
        }
        return new Estimate(methodName(), histories.listNames(), n, n + u, Math.sqrt(u + u * u * cov[0][0]),
                interval, Optional.of(modelFit), warnings, provenance);
    }

    String methodName() {
        return "rcapture-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private Provenance provenance(double level) {
        return Provenance.of(methodName()).withDefinition("model", name())
                .withDefinition("interval", PopulationInterval.WALD_LOG_UNOBSERVED.name())
                .withDefinition("level", Double.toString(level));
    }

    /**
     * The design on all 2<sup>K</sup> &minus; 1 observable cells, in increasing mask order.
     */
    CellDesign design(int k) {
        int m = (1 << k) - 1;
        int[] cells = new int[m];
        for (int h = 1; h <= m; h++) {
            cells[h - 1] = h;
        }
        boolean lists = name().startsWith("MT");
        boolean chao = this == MH_CHAO || this == MTH_CHAO;
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> eta = new ArrayList<>();
        double[] intercept = new double[m];
        java.util.Arrays.fill(intercept, 1);
        cols.add(intercept);
        names.add("(Intercept)");
        eta.add(false);
        if (lists) {
            for (int i = 0; i < k; i++) {
                double[] c = new double[m];
                for (int r = 0; r < m; r++) {
                    c[r] = (cells[r] >>> i) & 1;
                }
                cols.add(c);
                names.add("list" + (i + 1));
                eta.add(false);
            }
        } else {
            double[] c = new double[m];
            for (int r = 0; r < m; r++) {
                c[r] = Integer.bitCount(cells[r]);
            }
            cols.add(c);
            names.add("captures");
            eta.add(false);
        }
        if (chao) {
            for (int j = 3; j <= k; j++) {
                double[] c = new double[m];
                for (int r = 0; r < m; r++) {
                    c[r] = Math.max(Integer.bitCount(cells[r]) - j + 1, 0);
                }
                cols.add(c);
                names.add("eta" + j);
                eta.add(true);
            }
        }
        if (!chao && this != M0 && this != MT) {
            double[] c = new double[m];
            for (int r = 0; r < m; r++) {
                c[r] = heterogeneity(Integer.bitCount(cells[r]));
            }
            cols.add(c);
            names.add(name().substring(name().indexOf('_') + 1).toLowerCase(java.util.Locale.ROOT)); // e.g. darroch
            eta.add(false);
        }
        boolean[] isEta = new boolean[eta.size()];
        for (int j = 0; j < isEta.length; j++) {
            isEta[j] = eta.get(j);
        }
        return new CellDesign(cells, cols.toArray(new double[0][]), names.toArray(new String[0]), isEta);
    }

    /** The heterogeneity column's value for c captures (Poisson2, Darroch and Gamma3.5 models). */
    private double heterogeneity(int c) {
        return switch (this) {
            case MH_POISSON2, MTH_POISSON2 -> Math.pow(2, c) - 1;
            case MH_DARROCH, MTH_DARROCH -> c * c / 2.0;
            case MH_GAMMA35, MTH_GAMMA35 -> -Math.log(3.5 + c) + Math.log(3.5);
            default -> throw new IllegalStateException(name() + " has no single heterogeneity column");
        };
    }

    static double[] cellCounts(CaptureHistories histories, CellDesign design) {
        int[] cells = design.cells();
        double[] y = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            y[r] = histories.countOfMask(cells[r]);
        }
        return y;
    }
}
