package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import org.tipmonitor.indicators.estimation.internal.JointDesign;
import org.tipmonitor.indicators.estimation.model.JointModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tipmonitor.indicators.estimation.internal.FacialSet;
import org.tipmonitor.indicators.estimation.internal.SparsePoissonGlm;

/**
 * Fits a {@link JointModel} to a {@link CovariateTable} by Poisson maximum likelihood (the multiple systems
 * estimation with covariates of van der Heijden, Whittaker, Cruyff, Bakker &amp; van der Vliet 2012, used for the
 * Dutch monitors by van Dijk, Cruyff, van der Heijden &amp; Kragten-Heerdink 2017), on the face of the zero margins
 * (the extended MLE of Fienberg &amp; Rinaldo 2012; see {@link JointDesign}).
 *
 * <p>Existence is decided on the whole table: after the zero-margin reduction the MLE exists on the face when the
 * rows with a positive count have the same rank as all remaining rows (then no direction of the parameters can
 * lower a zero cell while leaving the positive ones fixed; Haberman 1974); when they do not, the fit is refused
 * rather than guessed. Identifiability: the unobserved row of every covariate cell must lie in the row space of
 * the remaining design, i.e. be orthogonal to each of its null vectors. Both tests use margins and row spaces only,
 * so results do not depend on the reference levels or on the order of rows or levels.
 *
 * <p>Defaults ({@link #withDefaults()}): confidence level 0.95; reference level of each covariate its level with the
 * most observed persons (the first such in level order), stated in the fit; unknown covariate values refused; at most
 * 100 IRLS steps with relative deviance criterion 1e-10.
 */
public final class JointEstimator {

    /** The method name in results. */
    public static final String METHOD = "poisson-loglinear-covariates";

    private static final JointEstimator DEFAULTS = new JointEstimator(0.95, Map.of(), UnknownValues.REFUSE);

    private final double level;
    private final Map<String, String> references;
    private final UnknownValues unknown;

    private JointEstimator(double level, Map<String, String> references, UnknownValues unknown) {
        this.level = level;
        this.references = references;
        this.unknown = unknown;
    }

    /** @return the estimator with the defaults stated in the class description */
    public static JointEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another confidence level.
     *
     * @param confidenceLevel in (0, 1), at most 1 &minus; 1e-9
     * @return the estimator
     * @throws IndicatorException if the level is outside that range
     */
    public JointEstimator withConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel <= 1 - 1e-9)) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_CONFIDENCE_LEVEL, confidenceLevel);
        }
        return new JointEstimator(confidenceLevel, references, unknown);
    }

    /**
     * A copy with a chosen reference level for a covariate (the coefficients are contrasts against it; estimates
     * do not depend on it).
     *
     * @param covariate the covariate
     * @param level     its reference level (checked against the table when fitting)
     * @return the estimator
     */
    public JointEstimator withReference(String covariate, String level) {
        Map<String, String> m = new LinkedHashMap<>(references);
        m.put(Objects.requireNonNull(covariate, "covariate"), Objects.requireNonNull(level, "level"));
        return new JointEstimator(this.level, Map.copyOf(m), unknown);
    }

    /**
     * A copy that treats unknown covariate values as given.
     *
     * @param treatment the treatment
     * @return the estimator
     */
    public JointEstimator withUnknownValues(UnknownValues treatment) {
        return new JointEstimator(level, references, Objects.requireNonNull(treatment, "treatment"));
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }

    /** @return how unknown covariate values are treated */
    public UnknownValues unknownValues() {
        return unknown;
    }

    /**
     * Fits the model.
     *
     * @param table the table
     * @param model the model, over the table's lists and covariates
     * @return the fit, or why there is none
     * @throws IndicatorException if the model's names differ from the table's, a reference level does not exist,
     *                            or the table has unknown values and they are refused
     */
    public JointOutcome fit(CovariateTable table, JointModel model) {
        CovariateTable data = unknown.apply(Objects.requireNonNull(table, "table"));
        if (!model.lists().equals(data.lists()) || !model.covariates().equals(data.covariates())) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_NAMES, CovariateTable.MAX_COVARIATES,
                    "model " + model.lists() + " " + model.covariates() + " against table " + data.lists() + " "
                            + data.covariates());
        }
        int[] ref = references(data);
        if (unknown == UnknownValues.EM && !data.partialRows().isEmpty()) {
            return fitByEm(data, model, ref);
        }
        return fit(new JointDesign(data, model, ref), null);
    }

    /** Most EM steps. */
    static final int EM_MAX_STEPS = 500;

    private JointOutcome fitByEm(CovariateTable table, JointModel model, int[] ref) {
        CovariateTable classified = table.withoutUnknown();
        // The face is that of the complete cases: a margin that no classified person fills stays empty, so that
        // a small fractional allocation cannot open a direction the data do not support.
        JointOutcome complete = fit(new JointDesign(classified, model, ref), null);
        if (!(complete instanceof JointFit first)) {
            return complete;
        }
        JointDesign face = first.face();
        int patterns = (1 << table.lists().size()) - 1;
        List<CovariateTable.PartialRow> partial = table.partialRows();
        double[] prior = new double[table.cellCount()];
        for (int c = 0; c < prior.length; c++) {
            prior[c] = classified.observed(c) + 1;
        }
        int[][] compatible = compatibleCells(table, partial, face, patterns);
        // Persons whose every possible cell lies outside the complete cases' face (for example the only person of
        // a list with an unknown age where that list reports no classified minor or adult of that year and form)
        // are placed by the prior first, and the face is taken from the complete cases with them.
        List<CovariateTable.PartialRow> stuck = new ArrayList<>();
        List<int[]> stuckCells = new ArrayList<>();
        for (int q = 0; q < partial.size(); q++) {
            if (compatible[q].length == 0) {
                stuck.add(partial.get(q));
                stuckCells.add(compatibleCells(table, List.of(partial.get(q)), null, patterns)[0]);
            }
        }
        if (!stuck.isEmpty()) {
            double[] placed = allocate(stuck, stuckCells.toArray(new int[0][]), patterns, table.cellCount(),
                    (c, h) -> prior[c]);
            JointOutcome withStuck = fit(new JointDesign(classified, model, ref, placed), null);
            if (!(withStuck instanceof JointFit second)) {
                return withStuck;
            }
            face = second.face();
            compatible = compatibleCells(table, partial, face, patterns);
        }
        for (int q = 0; q < partial.size(); q++) {
            if (compatible[q].length == 0) {
                return new JointNotEstimable(model, List.of(), face.zeroMargins, String.format(Locale.ROOT,
                        "Model %s: %d persons with pattern %s and an unknown covariate value fit no cell that the"
                                + " data leave open; use UnknownValues.OWN_LEVEL or a simpler model",
                        model.formula(), partial.get(q).count(), face.rowName(partial.get(q).mask() - 1)
                                .split(" ")[0]));
            }
        }
        double[] extra = allocate(partial, compatible, patterns, table.cellCount(), (c, h) -> prior[c]);
        double total = table.observed() + table.partiallyClassified();
        JointOutcome outcome = null;
        double[] start = first.fittedRows();
        for (int step = 1; step <= EM_MAX_STEPS; step++) {
            JointDesign d = new JointDesign(classified, model, ref, extra, face);
            outcome = fit(d, start);
            if (!(outcome instanceof JointFit f)) {
                return outcome;
            }
            double[] mu = f.fittedRows();
            double[] next = allocate(partial, compatible, patterns, table.cellCount(),
                    (c, h) -> mu[c * patterns + h - 1]);
            double change = 0;
            for (int r = 0; r < next.length; r++) {
                change = Math.max(change, Math.abs(next[r] - extra[r]));
            }
            extra = next;
            start = mu;
            if (change < 1e-8 * total) {
                return f.withEmSteps(step, table);
            }
        }
        JointFit last = (JointFit) outcome;
        return new JointDidNotConverge(model, EM_MAX_STEPS, last.deviance());
    }

    /** Per partially classified row, the covariate cells it may belong to that the face leaves open. */
    private static int[][] compatibleCells(CovariateTable table, List<CovariateTable.PartialRow> partial,
                                           JointDesign face, int patterns) {
        int[][] compatible = new int[partial.size()][];
        for (int q = 0; q < partial.size(); q++) {
            CovariateTable.PartialRow row = partial.get(q);
            List<String> values = row.values();
            List<Integer> cells = new ArrayList<>();
            for (int c = 0; c < table.cellCount(); c++) {
                List<String> levels = table.levelsOfCell(c);
                boolean ok = face == null || !face.forced[c * patterns + row.mask() - 1];
                for (int j = 0; j < values.size() && ok; j++) {
                    ok = values.get(j) == null || values.get(j).equals(levels.get(j));
                }
                if (ok) {
                    cells.add(c);
                }
            }
            compatible[q] = cells.stream().mapToInt(Integer::intValue).toArray();
        }
        return compatible;
    }

    private interface Weight {
        double of(int cell, int mask);
    }

    private static double[] allocate(List<CovariateTable.PartialRow> partial, int[][] compatible, int patterns,
                                     int cells, Weight weight) {
        double[] extra = new double[cells * patterns];
        for (int q = 0; q < partial.size(); q++) {
            int h = partial.get(q).mask();
            double sum = 0;
            for (int c : compatible[q]) {
                sum += weight.of(c, h);
            }
            for (int c : compatible[q]) {
                double share = sum > 0 ? weight.of(c, h) / sum : 1.0 / compatible[q].length;
                extra[c * patterns + h - 1] += partial.get(q).count() * share;
            }
        }
        return extra;
    }

    /**
     * The reference levels used for a table: the chosen ones, else each covariate's level with the most observed
     * persons.
     *
     * @param table the table
     * @return covariate to reference level, in covariate order
     * @throws IndicatorException if a chosen covariate or level does not exist
     */
    public Map<String, String> referenceLevels(CovariateTable table) {
        int[] ref = references(table);
        Map<String, String> out = new LinkedHashMap<>();
        for (int j = 0; j < ref.length; j++) {
            out.put(table.covariates().get(j), table.levels().get(j).get(ref[j]));
        }
        return out;
    }

    public int[] references(CovariateTable table) {
        for (String cov : references.keySet()) {
            table.covariateIndex(cov);
        }
        int covariates = table.covariates().size();
        int[] ref = new int[covariates];
        for (int j = 0; j < covariates; j++) {
            List<String> levels = table.levels().get(j);
            String chosen = references.get(table.covariates().get(j));
            if (chosen != null) {
                ref[j] = levels.indexOf(chosen);
                if (ref[j] < 0) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_UNKNOWN_REFERENCE, CovariateMessages.echo(chosen),
                            table.covariates().get(j), levels);
                }
                continue;
            }
            long[] n = new long[levels.size()];
            for (int c = 0; c < table.cellCount(); c++) {
                n[table.levelIndex(c, j)] += table.observed(c);
            }
            int best = 0;
            for (int l = 1; l < n.length; l++) {
                if (n[l] > n[best]) {
                    best = l;
                }
            }
            ref[j] = best;
        }
        return ref;
    }

    JointOutcome fit(JointDesign d, double[] start) {
        int rows = d.rows();
        int p = d.columns();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (!d.forced[r]) {
                kept.add(r);
            }
        }
        int[] f = kept.stream().mapToInt(Integer::intValue).toArray();
        double[][] gram = d.gram(f);
        boolean[] independent = SparsePoissonGlm.independentColumns(gram);
        int[] outside;
        try {
            outside = FacialSet.forcedZeros(d.active, d.equations(), d.y, f, independent);
        } catch (IllegalStateException e) {
            return new JointNotEstimable(d.model, List.of(), d.zeroMargins, "Model " + d.model.formula()
                    + ": whether the estimate exists could not be decided (" + e.getMessage() + ")");
        }
        List<String> faceNotes = new ArrayList<>();
        if (outside.length > 0) {
            java.util.Set<Integer> drop = new java.util.HashSet<>();
            for (int r : outside) {
                drop.add(r);
            }
            faceNotes.add(String.format(Locale.ROOT, "%d empty cells are fitted as 0 (no table with the data's"
                    + " margins has a person there), e.g. %s", outside.length, d.rowName(outside[0])));
            f = java.util.Arrays.stream(f).filter(r -> !drop.contains(r)).toArray();
            gram = d.gram(f);
            independent = SparsePoissonGlm.independentColumns(gram);
            d.zeroMargins.addAll(faceNotes);
        }
        // Identifiability of each covariate cell's unobserved count: orthogonal to every null vector of X_F.
        int[] cols = indices(independent);
        double[][] inv = SparsePoissonGlm.inverse(gram, cols);
        Set<String> badCells = new LinkedHashSet<>();
        Set<String> badTerms = new LinkedHashSet<>();
        if (inv != null) {
            for (int a = 0; a < p; a++) {
                if (independent[a]) {
                    continue;
                }
                // w = G_JJ^{-1} G_Ja; null vector n = e_a - sum_j w_j e_j.
                double[] w = new double[p];
                for (int i : cols) {
                    double s = 0;
                    for (int j : cols) {
                        s += inv[i][j] * gram[j][a];
                    }
                    w[i] = s;
                }
                for (int c = 0; c < d.cells; c++) {
                    if (d.emptyCell[c]) {
                        continue;
                    }
                    double dot = 0;
                    for (int col : d.unobservedActive[c]) {
                        dot += col == a ? 1 : -w[col];
                    }
                    if (Math.abs(dot) > 1e-6) {
                        badCells.add(d.cellName(c));
                        badTerms.add(d.columnNames.get(a));
                    }
                }
            }
        } else {
            return new JointNotEstimable(d.model, List.of(), d.zeroMargins, "Model " + d.model.formula()
                    + ": the design is numerically singular");
        }
        if (!badCells.isEmpty()) {
            List<String> terms = new ArrayList<>(badTerms);
            terms.addAll(d.zeroMargins);
            return new JointNotEstimable(d.model, new ArrayList<>(badCells), terms, String.format(Locale.ROOT,
                    "Model %s: the unobserved counts of %s are not identified: the data say nothing about %s"
                            + " there%s", d.model.formula(), abbreviate(badCells), abbreviate(badTerms),
                    d.zeroMargins.isEmpty() ? "" : " (empty margins: " + abbreviate(d.zeroMargins) + ")"));
        }
        SparsePoissonGlm.Fit fit = SparsePoissonGlm.fit(d.active, d.equations(), d.y, f, independent, 100, 1e-10, start);
        if (!fit.converged()) {
            return new JointDidNotConverge(d.model, fit.iterations(), fit.deviance());
        }
        return new JointFit(this, d, f, independent, fit);
    }

    private static String abbreviate(java.util.Collection<String> items) {
        List<String> l = new ArrayList<>(items);
        if (l.size() <= 4) {
            return String.join("; ", l);
        }
        return String.join("; ", l.subList(0, 4)) + " and " + (l.size() - 4) + " more";
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    private static int[] indices(boolean[] b) {
        int[] out = new int[count(b)];
        for (int j = 0, q = 0; j < b.length; j++) {
            if (b[j]) {
                out[q++] = j;
            }
        }
        return out;
    }
}
