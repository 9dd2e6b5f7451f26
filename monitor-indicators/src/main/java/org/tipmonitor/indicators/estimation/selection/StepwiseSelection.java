package org.tipmonitor.indicators.estimation.selection;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.internal.Outcomes;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.math3.special.Gamma;
import org.tipmonitor.indicators.tables.internal.TextGrid;
import org.tipmonitor.indicators.estimation.internal.HierarchicalFit;
import org.tipmonitor.indicators.estimation.internal.LogLinearDesign;
import org.tipmonitor.indicators.estimation.internal.SelectionAccess;

/**
 * SparseMSE's default model selection (Chan, Silverman &amp; Vincent 2021, {@code stepwisefit}; identical in
 * MultipleSystemsEstimation): forward from the main-effects model over the two-way interactions.
 *
 * <p>In each cycle, for every pair {i, j} not yet in the model (enumerated (1,2), (1,3), ..., (K&minus;1,K)), the
 * observed overlap N*({i,j}) is compared with its expectation &Lambda; under the current model (the sum of the
 * current fitted values over the fitted cells containing both lists) by the one-sided Poisson p-value
 * p = min(P(X &le; N*), P(X &ge; N*)), X ~ Poisson(&Lambda;), not doubled. A candidate whose model (current pairs
 * plus it) fails the {@link org.tipmonitor.indicators.estimation.fit.ExistenceCheck} gets p = 1. The pair with the smallest p enters if p &lt; threshold
 * (ties: the first pair); otherwise selection stops. Pairs whose lists never overlap may enter (then fixed at
 * &minus;&infin;, the extended MLE). Threshold 0 gives the main-effects model; threshold 1 gives the all-pairs
 * model when it passes the check.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StepwiseSelection {

    /** The method name in provenance. */
    public static final String METHOD = "stepwise-sparsemse";

    private static final StepwiseSelection DEFAULTS = new StepwiseSelection(0.02, LogLinearEstimator.withDefaults());

    private final double threshold;
    private final LogLinearEstimator estimator;

    static {
        // The bootstrap's replicate statistics reach this package's low-level entry points through the internal
        // package, so that they stay out of the public API (module-info exports no internal package).
        SelectionAccess.register(new SelectionAccess.Selections() {
            @Override
            public double selectedEstimate(StepwiseSelection selection, int k, long[] counts) {
                return selection.selectedEstimate(k, counts);
            }

            @Override
            public double bestEstimate(ExhaustiveSearch search, int k, long[] counts, List<int[]> candidates) {
                return search.bestEstimate(k, counts, candidates);
            }

            @Override
            public List<int[]> catalogue(int k, int maxOrder) {
                return ExhaustiveSearch.catalogue(k, maxOrder);
            }
        });
    }

    private StepwiseSelection(double threshold, LogLinearEstimator estimator) {
        this.threshold = threshold;
        this.estimator = estimator;
    }

    /**
     * Threshold 0.02 (SparseMSE's {@code pthresh}), default {@link LogLinearEstimator}.
     *
     * @return the procedure
     */
    public static StepwiseSelection withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another p-value threshold.
     *
     * @param pThreshold in [0, 1]
     * @return the procedure
     * @throws IndicatorException if the threshold is outside [0, 1]
     */
    public StepwiseSelection withThreshold(double pThreshold) {
        if (!(pThreshold >= 0 && pThreshold <= 1)) {
            throw IndicatorException.of(IndicatorRule.THRESHOLD, pThreshold);
        }
        return new StepwiseSelection(pThreshold, estimator);
    }

    /**
     * A copy that fits with another estimator (its level and iteration settings).
     *
     * @param logLinearEstimator the estimator
     * @return the procedure
     */
    public StepwiseSelection withEstimator(LogLinearEstimator logLinearEstimator) {
        return new StepwiseSelection(threshold, Objects.requireNonNull(logLinearEstimator, "logLinearEstimator"));
    }

    /** @return the p-value threshold */
    public double threshold() {
        return threshold;
    }

    /**
     * One entry of a pair into the model.
     *
     * @param term             the pair, e.g. {@code "P:R"}
     * @param pValue           its one-sided Poisson p-value when it entered
     * @param observedOverlap  N* of the pair
     * @param expectedOverlap  &Lambda;, its expectation under the model before it entered
     */
    public record Step(String term, double pValue, long observedOverlap, double expectedOverlap) {
    }

    /**
     * The selected model, the entry order and the estimate of the selected model.
     *
     * @param model   the selected model
     * @param steps   the pairs in order of entry
     * @param outcome the {@link LogLinearEstimator} outcome for the selected model, with provenance naming the
     *                selection
     */
    public record Result(LogLinearModel model, List<Step> steps, EstimationOutcome outcome) {

        /**
         * Copies the steps.
         *
         * @throws NullPointerException if a component is null
         */
        public Result {
            Objects.requireNonNull(model, "model");
            steps = List.copyOf(steps);
            Objects.requireNonNull(outcome, "outcome");
        }

        /**
         * The selection as text: the model, the pairs in order of entry as an aligned table (p-value, observed
         * and expected overlap), then the outcome.
         *
         * @return the text
         */
        @Override
        public String toString() {
            TextGrid grid = TextGrid.withHeader("step", "pair", "p-value", "observed overlap", "expected overlap");
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                grid.row(i + 1, s.term(), String.format(Locale.ROOT, "%.3g", s.pValue()), s.observedOverlap(),
                        String.format(Locale.ROOT, "%.2f", s.expectedOverlap()));
            }
            return "StepwiseSelection: " + model.formula() + "\n" + (steps.isEmpty() ? "  no pair entered\n"
                    : grid.render()) + outcome;
        }
    }

    /**
     * Selects a model and estimates with it.
     *
     * @param histories the table
     * @return the selection and its estimate
     * @throws IndicatorException if the table has no observed case
     */
    public Result select(CaptureHistories histories) {
        Arguments.requireObservations(histories);
        List<String> names = histories.listNames();
        List<Step> steps = new ArrayList<>();
        int[] pairs = run(histories.listCount(), histories.countsByMask(), threshold, estimator, names, steps)
                .pairs();
        LogLinearModel model = SelectionAccess.models().ofMasks(names, pairs);
        EstimationOutcome outcome = Outcomes.withProvenance(estimator.estimate(histories, model),
                p -> p.withDefinition("selection", METHOD)
                        .withDefinition("threshold", Double.toString(threshold)));
        return new Result(model, steps, outcome);
    }

    /**
     * The estimate of the selected model on counts, NaN when it has none: what {@code select(table).outcome()}
     * gives as an {@link Estimate}, without building the outcome (the bootstrap's replicate statistic).
     *
     * @param k      the number of lists
     * @param counts counts by mask
     * @return N&#770; or NaN
     */
    double selectedEstimate(int k, long[] counts) {
        long n = 0;
        for (int h = 1; h < counts.length; h++) {
            n += counts[h];
        }
        if (n == 0) {
            return Double.NaN;
        }
        HierarchicalFit fit = run(k, counts, threshold, estimator, null, null).fit();
        return fit.estimable() ? n + Math.exp(fit.intercept()) : Double.NaN;
    }

    /** The entered pairs in entry order and the fit of the selected model. */
    private record Selection(int[] pairs, HierarchicalFit fit) {
    }

    /**
     * Runs the selection on counts.
     *
     * @param names list names for the trace, or null when no trace is wanted
     * @param trace receives the steps, or null
     */
    private static Selection run(int k, long[] counts, double threshold, LogLinearEstimator estimator,
                                 List<String> names, List<Step> trace) {
        int[] candidates = new int[k * (k - 1) / 2];
        int c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                candidates[c++] = (1 << i) | (1 << j);
            }
        }
        long[] overlap = LogLinearDesign.overlaps(counts, k);
        List<Integer> selected = new ArrayList<>();
        if (threshold == 1) {
            List<Integer> all = Arrays.stream(candidates).boxed().toList();
            HierarchicalFit saturatedPairs = screen(k, counts, overlap, terms(k, all), estimator);
            if (saturatedPairs.passesCheck()) {
                return new Selection(candidates, saturatedPairs);
            }
        }
        boolean[] in = new boolean[candidates.length];
        double[] p = new double[candidates.length];
        double[] lambda = new double[candidates.length];
        // the main-effects fit is not checked: its fitted values rank the first pairs in any case
        HierarchicalFit fit = HierarchicalFit.fit(k, counts, overlap, terms(k, selected), estimator.maxIterations(),
                estimator.convergenceTolerance());
        for (int cycle = 0; cycle < candidates.length; cycle++) {
            double[] margins = fit.fittedMargins();
            List<Integer> eligible = new ArrayList<>();
            for (int j = 0; j < candidates.length; j++) {
                if (in[j]) {
                    continue;
                }
                int s = candidates[j];
                lambda[j] = margins[s];
                p[j] = pValue(overlap[s], lambda[j]);
                if (p[j] < threshold) {
                    eligible.add(j);
                }
            }
            // The smallest p wins (ties: first pair); a candidate failing the existence check has p = 1, so
            // only eligible candidates need the check, in order of p, until one passes.
            eligible.sort((x, y) -> p[x] != p[y] ? Double.compare(p[x], p[y]) : Integer.compare(x, y));
            int chosen = -1;
            for (int j : eligible) {
                List<Integer> trial = new ArrayList<>(selected);
                trial.add(candidates[j]);
                HierarchicalFit trialFit = screen(k, counts, overlap, terms(k, trial), estimator);
                if (trialFit.passesCheck()) {
                    // the next cycle's model: its fit (same design, same start) is reused
                    chosen = j;
                    fit = trialFit;
                    break;
                }
            }
            if (chosen < 0) {
                break;
            }
            in[chosen] = true;
            selected.add(candidates[chosen]);
            if (trace != null) {
                trace.add(new Step(LogLinearModel.termName(candidates[chosen], names), p[chosen],
                        overlap[candidates[chosen]], lambda[chosen]));
            }
        }
        return new Selection(selected.stream().mapToInt(Integer::intValue).toArray(), fit);
    }

    private static HierarchicalFit screen(int k, long[] counts, long[] overlap, int[] terms,
                                          LogLinearEstimator estimator) {
        return HierarchicalFit.screen(k, counts, overlap, terms, estimator.maxIterations(),
                estimator.convergenceTolerance());
    }

    private static int[] terms(int k, List<Integer> pairs) {
        int[] t = new int[k + pairs.size()];
        for (int i = 0; i < k; i++) {
            t[i] = 1 << i;
        }
        for (int i = 0; i < pairs.size(); i++) {
            t[k + i] = pairs.get(i);
        }
        return t;
    }

    /**
     * min(P(X &le; x), P(X &ge; x)) for X ~ Poisson(&lambda;), each tail computed directly (not as 1 minus the
     * other) through the regularised incomplete gamma function: P(X &le; x) = Q(x + 1, &lambda;),
     * P(X &ge; x) = P(x, &lambda;) for x &ge; 1, so that tiny p-values keep their order.
     */
    static double pValue(long x, double lambda) {
        if (lambda <= 0) {
            return x == 0 ? 1 : 0;
        }
        double lower = Gamma.regularizedGammaQ(x + 1.0, lambda);
        double upper = x == 0 ? 1 : Gamma.regularizedGammaP(x, lambda);
        return Math.min(lower, upper);
    }
}
