package org.tipmonitor.indicators.estimation.bootstrap;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.DerivedEstimate;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.fit.JointOutcome;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import org.tipmonitor.indicators.estimation.internal.JointAccess;
import org.tipmonitor.indicators.estimation.internal.JointDesign;
import org.tipmonitor.indicators.estimation.internal.MultinomialSampler;
import org.tipmonitor.indicators.estimation.selection.JointSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The bootstraps of a model over lists and covariates. The parametric bootstrap of a {@link JointFit} (Cruyff's method for the Dutch monitors; Buckland &amp; Garthwaite
 * 1991, Quantifying precision of mark-recapture estimates using the bootstrap and related methods, Biometrics 47):
 * each replicate draws every observable cell from Poisson(&mu;&#770;<sub>hc</sub>) (the cells the fit leaves at 0 stay
 * 0), fits the same model with the same reference levels, and keeps its fitted unobserved count per covariate cell
 * and its observed counts. The replicates are kept, so that any population, share or ratio of covariate cells gets
 * a percentile interval from the same draws ({@link Replicates#population(Selection)},
 * {@link Replicates#share(Selection, Selection)}). The interval is conditional on the model; replicates whose fit
 * has no estimate are counted ({@link Replicates#failed()}) and left out, never replaced.
 *
 * <p>The nonparametric bootstrap re-running the selection
 * ({@link #nonparametric(CovariateTable, JointSelection, JointEstimator)}; Chan, Silverman &amp; Vincent 2021, as
 * SparseMSE's {@code estimatepopulation(nboot)} and {@link BootstrapEstimator#nonparametric} for lists only) resamples
 * the observed persons instead: each replicate draws a table of n persons from the multinomial over the observed rows
 * of the lists &times; covariates table (pattern &times; covariate values, partially classified rows included, with
 * probabilities count / n, so n is fixed and unobserved rows stay empty), re-runs the whole selection on it with the
 * same estimator, and keeps the chosen model's unobserved and observed counts per covariate cell. Its intervals
 * therefore include the uncertainty of the model choice, and are not conditional on one model. The replicates
 * record which model each chose ({@link Replicates#selectedModels()}).
 *
 * <p>Only percentile intervals are offered, for both bootstraps. The BCa interval of the lists-only bootstrap needs
 * the acceleration from a jackknife that deletes one person of each observed row and re-runs the selection: on the
 * report's table (5 years &times; 2 age groups &times; 4 forms &times; up to 31 list patterns) that is more than a
 * thousand further selections per quantity, more than the replicates themselves, so it is not computed.
 *
 * <p>Defaults ({@link #withDefaults()}): 1,000 replicates, seed 1, the fit's confidence level; percentiles by R's
 * default quantile definition (type 7, {@code Percentile.EstimationType.R_7}). Replicate b draws from a
 * Well19937c generator seeded with the ints (seed &gt;&gt;&gt; 32, seed, b) (in the nonparametric bootstrap, through a
 * SplittableRandom seeded with that generator's first long, for the alias-method multinomial), so that the
 * replicates of seeds s and s + 1 do not overlap. Results do not depend on the number of threads or the
 * order in which the replicates run. Instances are immutable and thread-safe; the replicates run in parallel on the
 * caller's fork-join pool (the common pool unless called from inside another).
 */
public final class JointBootstrap {

    /** Most replicates. */
    public static final int MAX_REPLICATES = 100_000;

    private static final JointBootstrap DEFAULTS = new JointBootstrap(1000, 1);

    private final int replicates;
    private final long seed;

    private JointBootstrap(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** @return 1,000 replicates with seed 1 */
    public static JointBootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another number of replicates.
     *
     * @param n 10 to {@value #MAX_REPLICATES}
     * @return the bootstrap
     * @throws IndicatorException if n is outside that range
     */
    public JointBootstrap withReplicates(int n) {
        if (n < 10 || n > MAX_REPLICATES) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_REPLICATES, MAX_REPLICATES, n);
        }
        return new JointBootstrap(n, seed);
    }

    /**
     * A copy with another seed.
     *
     * @param s the seed
     * @return the bootstrap
     */
    public JointBootstrap withSeed(long s) {
        return new JointBootstrap(replicates, s);
    }

    /** @return the number of replicates */
    public int replicates() {
        return replicates;
    }

    /** @return the seed (replicate b draws from a generator seeded with the seed and b) */
    public long seed() {
        return seed;
    }

    /**
     * Draws and fits the replicates.
     *
     * @param fit the fit to resample from
     * @return the replicates
     */
    public Replicates parametric(JointFit fit) {
        Objects.requireNonNull(fit, "fit");
        JointEstimator estimator = refitting(fit);
        List<Replicate> kept = IntStream.range(0, replicates).parallel()
                .mapToObj(b -> draw(fit, estimator, b)).filter(Objects::nonNull).toList();
        return new Replicates(fit, kept, replicates - kept.size(), "parametric bootstrap", Map.of());
    }

    /**
     * The nonparametric bootstrap re-running the selection (see the class description).
     *
     * @param table     the table (its partially classified rows are resampled with the others and treated in every
     *                  replicate as the estimator says)
     * @param selection the search, re-run on every replicate
     * @param estimator the estimator (level, reference levels, unknown values)
     * @return the replicates, with the fit of the model the search chose on the data as the point estimate; the
     *         replicates whose chosen model has no estimate, or whose search was refused, are counted as failed
     * @throws IndicatorException if the search on the data is refused, or its chosen model has no estimate
     *                            ({@code TM-MSE-542})
     */
    public Replicates nonparametric(CovariateTable table, JointSelection selection, JointEstimator estimator) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(estimator, "estimator");
        JointSelection.Result original = selection.select(table, estimator);
        if (!(original.chosen() instanceof JointFit fit)) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_NOTHING_TO_BOOTSTRAP, original.chosen().model().formula());
        }
        Rows rows = new Rows(table);
        JointDesign d = JointAccess.get().design(fit);
        Object[] drawn = IntStream.range(0, replicates).parallel()
                .mapToObj(b -> resample(rows, selection, estimator, d, b)).toArray();
        List<Replicate> kept = new ArrayList<>();
        Map<String, Integer> models = new java.util.TreeMap<>();
        for (Object o : drawn) {
            if (o instanceof Chosen c) {
                kept.add(c.replicate());
                models.merge(c.formula(), 1, Integer::sum);
            }
        }
        return new Replicates(fit, List.copyOf(kept), replicates - kept.size(),
                "nonparametric bootstrap re-running the selection (" + selection.description() + ")", models);
    }

    /** A replicate with the formula of the model its search chose. */
    private record Chosen(Replicate replicate, String formula) {
    }

    /** The observed rows of a table, fully and partially classified, and the multinomial over them. */
    private static final class Rows {

        final List<String> lists;
        final List<String> covariates;
        final List<List<String>> levels;
        final int[] masks;
        final List<List<String>> values = new ArrayList<>();
        final long n;
        final MultinomialSampler sampler;

        Rows(CovariateTable table) {
            lists = table.lists();
            covariates = table.covariates();
            levels = table.levels();
            List<Integer> m = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            long total = 0;
            for (int c = 0; c < table.cellCount(); c++) {
                for (int h = 1; h < 1 << lists.size(); h++) {
                    long y = table.count(c, h);
                    if (y > 0) {
                        m.add(h);
                        values.add(table.levelsOfCell(c));
                        w.add((double) y);
                        total += y;
                    }
                }
            }
            for (CovariateTable.PartialRow r : table.partialRows()) {
                if (r.count() > 0) {
                    m.add(r.mask());
                    values.add(r.values());
                    w.add((double) r.count());
                    total += r.count();
                }
            }
            if (total == 0) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_NOTHING_TO_BOOTSTRAP, "no person observed");
            }
            masks = m.stream().mapToInt(Integer::intValue).toArray();
            n = total;
            sampler = new MultinomialSampler(w.stream().mapToDouble(Double::doubleValue).toArray());
        }

        CovariateTable draw(SplittableRandom random) {
            long[] counts = sampler.sample(n, random);
            CovariateTable.Builder builder = CovariateTable.builder(lists, covariates);
            for (int j = 0; j < covariates.size(); j++) {
                for (String level : levels.get(j)) {
                    builder.level(covariates.get(j), level);
                }
            }
            for (int r = 0; r < masks.length; r++) {
                if (counts[r] > 0) {
                    builder.add(masks[r], values.get(r), counts[r]);
                }
            }
            return builder.build();
        }
    }

    private Chosen resample(Rows rows, JointSelection selection, JointEstimator estimator, JointDesign d, int b) {
        SplittableRandom random = new SplittableRandom(new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, b})
                .nextLong());
        JointOutcome o;
        try {
            o = selection.select(rows.draw(random), estimator).chosen();
        } catch (IndicatorException e) {
            return null;
        }
        if (!(o instanceof JointFit f) || !f.table().levels().equals(d.table.levels())) {
            return null;
        }
        double[] unobserved = new double[d.cells];
        double[] observed = new double[d.cells];
        JointDesign fd = JointAccess.get().design(f);
        for (int c = 0; c < d.cells; c++) {
            unobserved[c] = f.unobserved(c);
            observed[c] = fd.observed(c);
        }
        return new Chosen(new Replicate(b, unobserved, observed), f.model().formula());
    }

    /**
     * One replicate, drawn and fitted: what {@link #parametric(JointFit)} computes for replicate {@code index}, for
     * callers that spread the replicates over several machines (monitor-spark). The same fit, seed and index give
     * the same replicate anywhere.
     *
     * @param fit   the fit to resample from
     * @param index the replicate's index, 0 to replicates &minus; 1
     * @return the replicate, or empty if its fit has no estimate
     * @throws IndicatorException if the index is outside that range
     */
    public java.util.Optional<Replicate> replicate(JointFit fit, int index) {
        if (index < 0 || index >= replicates) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_REPLICATES, MAX_REPLICATES, index);
        }
        return java.util.Optional.ofNullable(draw(Objects.requireNonNull(fit, "fit"), refitting(fit), index));
    }

    /**
     * The replicates computed elsewhere (by {@link #replicate(JointFit, int)}), assembled as
     * {@link #parametric(JointFit)} would have: those missing count as failed.
     *
     * @param fit   the fit they were drawn from
     * @param drawn the replicates that have an estimate, in any order
     * @return the replicates
     * @throws IndicatorException if there are more of them than replicates, or two share an index
     */
    public Replicates assemble(JointFit fit, List<Replicate> drawn) {
        List<Replicate> sorted = new ArrayList<>(drawn);
        sorted.sort(java.util.Comparator.comparingInt(Replicate::index));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).index() == sorted.get(i - 1).index()) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_REPLICATES, MAX_REPLICATES, sorted.get(i).index());
            }
        }
        if (sorted.size() > replicates) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_REPLICATES, MAX_REPLICATES, sorted.size());
        }
        return new Replicates(Objects.requireNonNull(fit, "fit"), List.copyOf(sorted), replicates - sorted.size(),
                "parametric bootstrap", Map.of());
    }

    private static JointEstimator refitting(JointFit fit) {
        JointEstimator estimator = JointEstimator.withDefaults().withConfidenceLevel(fit.confidenceLevel());
        for (var e : fit.referenceLevels().entrySet()) {
            estimator = estimator.withReference(e.getKey(), e.getValue());
        }
        return estimator;
    }

    private Replicate draw(JointFit fit, JointEstimator estimator, int b) {
        JointDesign d = JointAccess.get().design(fit);
        double[] mu = fit.fittedRows();
        RandomGenerator random = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, b});
        CovariateTable.Builder builder = CovariateTable.builder(d.table.lists(), d.table.covariates());
        for (int j = 0; j < d.table.covariates().size(); j++) {
            for (String level : d.table.levels().get(j)) {
                builder.level(d.table.covariates().get(j), level);
            }
        }
        for (int r = 0; r < d.rows(); r++) {
            if (mu[r] > 0) {
                long y = new PoissonDistribution(random, mu[r], PoissonDistribution.DEFAULT_EPSILON,
                        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
                if (y > 0) {
                    builder.add(d.maskOfRow(r), d.table.levelsOfCell(d.cellOfRow(r)), y);
                }
            }
        }
        CovariateTable table;
        try {
            table = builder.build();
        } catch (IndicatorException e) {
            return null;
        }
        JointOutcome o = estimator.fit(table, fit.model());
        if (!(o instanceof JointFit f) || !f.table().levels().equals(d.table.levels())) {
            return null;
        }
        double[] unobserved = new double[d.cells];
        double[] observed = new double[d.cells];
        for (int c = 0; c < d.cells; c++) {
            unobserved[c] = f.unobserved(c);
            observed[c] = JointAccess.get().design(f).observed(c);
        }
        return new Replicate(b, unobserved, observed);
    }

    /**
     * One replicate's fitted unobserved and observed counts per covariate cell.
     *
     * @param index      the replicate's index (its random numbers come from the seed and the index)
     * @param unobserved per covariate cell, &Ucirc;*<sub>c</sub>
     * @param observed   per covariate cell, n*<sub>c</sub>
     */
    public record Replicate(int index, double[] unobserved, double[] observed) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        /**
         * Copies the arrays.
         *
         * @throws NullPointerException if an array is null
         */
        public Replicate {
            unobserved = unobserved.clone();
            observed = observed.clone();
        }

        @Override
        public double[] unobserved() {
            return unobserved.clone();
        }

        @Override
        public double[] observed() {
            return observed.clone();
        }
    }

    /** The kept replicates of a bootstrap, and intervals for any quantity of covariate cells. */
    public static final class Replicates {

        private final JointFit fit;
        private final List<Replicate> draws;
        private final int failed;
        private final String method;
        private final Map<String, Integer> selectedModels;

        private Replicates(JointFit fit, List<Replicate> draws, int failed, String method,
                           Map<String, Integer> selectedModels) {
            this.fit = fit;
            this.draws = draws;
            this.failed = failed;
            this.method = method;
            this.selectedModels = Map.copyOf(selectedModels);
        }

        /** @return the fit whose estimates the intervals go with */
        public JointFit fit() {
            return fit;
        }

        /**
         * @return e.g. {@code "parametric bootstrap"} or {@code "nonparametric bootstrap re-running the selection
         *         (BIC stepwise ...)"}
         */
        public String method() {
            return method;
        }

        /**
         * @return for the nonparametric bootstrap, how many kept replicates chose each model (by formula, sorted);
         *         empty for the parametric one
         */
        public Map<String, Integer> selectedModels() {
            return new java.util.TreeMap<>(selectedModels);
        }

        /** @return the replicates kept */
        public int size() {
            return draws.size();
        }

        /** @return the replicates kept, in index order */
        public List<Replicate> replicates() {
            return draws;
        }

        /** @return the replicates whose fit had no estimate (left out) */
        public int failed() {
            return failed;
        }

        /**
         * The population of a set of covariate cells: the fit's estimate with the percentile interval of the
         * replicates' estimates n*<sub>A</sub> + &Ucirc;*<sub>A</sub>.
         *
         * @param selection the cells
         * @return the estimate
         * @throws IndicatorException if a name or level is unknown, or fewer than 10 replicates were kept
         */
        public DerivedEstimate population(Selection selection) {
            DerivedEstimate point = fit.population(selection);
            boolean[] in = cells(selection);
            double[] values = new double[draws.size()];
            for (int b = 0; b < values.length; b++) {
                values[b] = sum(draws.get(b), in, true) + sum(draws.get(b), in, false);
            }
            return interval(point, values);
        }

        /**
         * The share of one set of cells in a larger one, with the percentile interval of the replicates' shares.
         *
         * @param part  the cells counted
         * @param whole the cells of the denominator
         * @return the estimate
         * @throws IndicatorException if a name or level is unknown, or fewer than 10 replicates were kept
         */
        public DerivedEstimate share(Selection part, Selection whole) {
            DerivedEstimate point = fit.share(part, whole);
            boolean[] a = cells(part);
            boolean[] w = cells(whole);
            double[] values = new double[draws.size()];
            for (int b = 0; b < values.length; b++) {
                double na = sum(draws.get(b), a, true) + sum(draws.get(b), a, false);
                double nw = sum(draws.get(b), w, true) + sum(draws.get(b), w, false);
                values[b] = na / nw;
            }
            return interval(point, values);
        }

        private DerivedEstimate interval(DerivedEstimate point, double[] values) {
            if (values.length < 10) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_REPLICATES, MAX_REPLICATES, values.length);
            }
            double alpha = 1 - fit.confidenceLevel();
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            p.setData(values);
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new DerivedEstimate(point.quantity(), point.observed(), point.estimate(),
                    Math.sqrt(ss / (values.length - 1)), p.evaluate(100 * alpha / 2), p.evaluate(100 * (1 - alpha
                    / 2)), fit.confidenceLevel(), (method.startsWith("parametric") ? "" : "nonparametric-")
                    + "bootstrap-percentile (" + values.length + " replicates)");
        }

        private boolean[] cells(Selection selection) {
            selection.check(JointAccess.get().design(fit).table);
            boolean[] in = new boolean[JointAccess.get().design(fit).cells];
            boolean any = false;
            for (int c = 0; c < in.length; c++) {
                in[c] = selection.contains(JointAccess.get().design(fit).table, c);
                any |= in[c];
            }
            if (!any) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_EMPTY_SELECTION, selection);
            }
            return in;
        }

        private static double sum(Replicate draw, boolean[] in, boolean unobserved) {
            double s = 0;
            double[] v = unobserved ? draw.unobserved : draw.observed;
            for (int c = 0; c < in.length; c++) {
                if (in[c]) {
                    s += v[c];
                }
            }
            return s;
        }
    }
}
