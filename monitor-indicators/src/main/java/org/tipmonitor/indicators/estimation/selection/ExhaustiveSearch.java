package org.tipmonitor.indicators.estimation.selection;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.internal.Outcomes;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.tipmonitor.indicators.tables.internal.TextGrid;
import org.tipmonitor.indicators.estimation.internal.HierarchicalFit;
import org.tipmonitor.indicators.estimation.internal.LogLinearDesign;
import org.tipmonitor.indicators.estimation.internal.SelectionAccess;

/**
 * Model selection by fitting every hierarchical log-linear model up to a maximum interaction order and ranking
 * them by an {@link InformationCriterion} (MultipleSystemsEstimation's {@code estimate_population(method =
 * "bic")}, Silverman 2020, for BIC).
 *
 * <p>The catalogue for K lists and maximum order k is every model with all K main effects whose interaction
 * terms have order 2..k and are closed under taking margins of order &ge; 2. Defaults as
 * MultipleSystemsEstimation: k = 1 for 2 lists, 2 for 3, 3 for 4 and 5, 2 for 6 (8 models for 3 lists, 113 for
 * 4, 6 212 for 5, all 2<sup>15</sup> = 32 768 two-way models for 6). Each model is fitted as in
 * {@link LogLinearEstimator} (empty overlaps fixed at &minus;&infin;) and excluded when it fails the
 * {@link org.tipmonitor.indicators.estimation.fit.ExistenceCheck} or its reduced design is rank deficient. Models are ranked by the criterion, ties in
 * catalogue order (interaction sets enumerated term by term, each term first left out).
 *
 * <p>The models are fitted in parallel on the given number of threads; the ranking does not depend on it. Each
 * fit runs R's IRLS iterates on the table's margins rather than on a design matrix (superset sums of the fitted
 * means give X'WX, so a step costs K&middot;2<sup>K</sup> additions and a Cholesky factorisation of the p &times; p
 * matrix), and falls back to the design matrix where the margins cannot decide; the values ranked are those
 * {@link LogLinearEstimator} reports for the same model, to rounding.
 * Instances are immutable and thread-safe.
 */
public final class ExhaustiveSearch {

    /** The method name in provenance. */
    public static final String METHOD = "exhaustive-search";
    /** The largest number of lists searched. */
    public static final int MAX_LISTS = 6;

    private static final ExhaustiveSearch DEFAULTS = new ExhaustiveSearch(InformationCriterion.BIC, 0,
            Runtime.getRuntime().availableProcessors(), LogLinearEstimator.withDefaults());

    private final InformationCriterion criterion;
    private final int maxOrder; // 0: default by number of lists
    private final int threads;
    private final LogLinearEstimator estimator;

    private ExhaustiveSearch(InformationCriterion criterion, int maxOrder, int threads, LogLinearEstimator estimator) {
        this.criterion = criterion;
        this.maxOrder = maxOrder;
        this.threads = threads;
        this.estimator = estimator;
    }

    /**
     * BIC, MultipleSystemsEstimation's default maximum order, all available processors.
     *
     * @return the search
     */
    public static ExhaustiveSearch withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy ranking by another criterion.
     *
     * @param informationCriterion the criterion
     * @return the search
     */
    public ExhaustiveSearch withCriterion(InformationCriterion informationCriterion) {
        return new ExhaustiveSearch(Objects.requireNonNull(informationCriterion, "informationCriterion"), maxOrder,
                threads, estimator);
    }

    /**
     * A copy with a fixed maximum interaction order (instead of the default by number of lists).
     *
     * @param order 1 (main effects only) to the number of lists minus 1 (checked when searching)
     * @return the search
     * @throws IndicatorException if the order is less than 1
     */
    public ExhaustiveSearch withMaxOrder(int order) {
        if (order < 1) {
            throw IndicatorException.of(IndicatorRule.MAX_ORDER, MAX_LISTS - 1, order);
        }
        return new ExhaustiveSearch(criterion, order, threads, estimator);
    }

    /**
     * A copy using a number of threads.
     *
     * @param count at least 1
     * @return the search
     * @throws IndicatorException if count &lt; 1
     */
    public ExhaustiveSearch withThreads(int count) {
        if (count < 1) {
            throw IndicatorException.of(IndicatorRule.THREADS, count);
        }
        return new ExhaustiveSearch(criterion, maxOrder, count, estimator);
    }

    /**
     * MultipleSystemsEstimation's default maximum order for a number of lists.
     *
     * @param lists the number of lists, 2..6
     * @return 1, 2, 3, 3, 2 for 2, 3, 4, 5, 6 lists
     * @throws IndicatorException if lists is outside 2..6
     */
    public static int defaultMaxOrder(int lists) {
        return switch (lists) {
            case 2 -> 1;
            case 3 -> 2;
            case 4, 5 -> 3;
            case 6 -> 2;
            default -> throw IndicatorException.of(IndicatorRule.TOO_MANY_LISTS_FOR_SEARCH, lists);
        };
    }

    /**
     * One fitted model of the catalogue.
     *
     * @param model            the model
     * @param criterionValue   its criterion value
     * @param estimate         N&#770; = n + exp(&beta;&#770;<sub>0</sub>)
     * @param deviance         its deviance
     * @param degreesOfFreedom its residual df
     * @param parameters       p = rank + terms fixed at &minus;&infin;
     */
    public record RankedModel(LogLinearModel model, double criterionValue, double estimate, double deviance,
                              int degreesOfFreedom, int parameters) {
    }

    /**
     * The outcome of a search.
     *
     * @param criterion  the ranking criterion
     * @param maxOrder   the maximum interaction order searched
     * @param catalogue  the number of models in the catalogue
     * @param ranking    the models kept, best first
     * @param best       the {@link LogLinearEstimator} outcome of the best model
     */
    public record Result(InformationCriterion criterion, int maxOrder, int catalogue, List<RankedModel> ranking,
                         EstimationOutcome best) {

        /**
         * Copies the ranking.
         *
         * @throws NullPointerException if a component is null
         */
        public Result {
            Objects.requireNonNull(criterion, "criterion");
            ranking = List.copyOf(ranking);
            Objects.requireNonNull(best, "best");
        }

        /**
         * The number of catalogue models excluded (existence check failed or rank deficient).
         *
         * @return catalogue minus the ranked models
         */
        public int excluded() {
            return catalogue - ranking.size();
        }

        /**
         * The search as text: criterion and catalogue, the ten best models as an aligned table, best first
         * (criterion value, estimate, deviance, df), then the best model's outcome.
         *
         * @return the text
         */
        @Override
        public String toString() {
            String name = criterion.name();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "ExhaustiveSearch by %s: %d models up to order %d, %d excluded; the best %d:", name, catalogue,
                    maxOrder, excluded(), Math.min(SHOWN, ranking.size()))).append('\n');
            TextGrid grid = TextGrid.withHeader("model", name, "estimate", "deviance", "df");
            for (int i = 0; i < Math.min(SHOWN, ranking.size()); i++) {
                RankedModel m = ranking.get(i);
                grid.row(m.model().formula(), String.format(Locale.ROOT, "%.4f", m.criterionValue()),
                        TextGrid.number(m.estimate(), 1), String.format(Locale.ROOT, "%.4f", m.deviance()),
                        m.degreesOfFreedom());
            }
            return sb.append(grid.render()).append("Best: ").append(best).toString();
        }
    }

    /** The number of ranked models {@link Result#toString()} shows. */
    private static final int SHOWN = 10;

    /**
     * Fits the catalogue and ranks it.
     *
     * @param histories the table, 2..6 lists
     * @return the ranking and the best model's estimate
     * @throws IndicatorException if the table has more than 6 lists or no observed case, or the maximum order
     *                            is not below the number of lists
     */
    public Result search(CaptureHistories histories) {
        int k = histories.listCount();
        if (k > MAX_LISTS) {
            throw IndicatorException.of(IndicatorRule.TOO_MANY_LISTS_FOR_SEARCH, k);
        }
        Arguments.requireObservations(histories);
        int order = maxOrder == 0 ? defaultMaxOrder(k) : maxOrder;
        if (order > k - 1 && k > 1) {
            throw IndicatorException.of(IndicatorRule.MAX_ORDER, k - 1, order);
        }
        List<int[]> catalogue = catalogue(k, order);
        long[] counts = histories.countsByMask();
        long[] overlaps = LogLinearDesign.overlaps(counts, k);
        long n = histories.observed();
        double logFactorials = 0;
        for (long c : counts) {
            logFactorials += org.apache.commons.math3.special.Gamma.logGamma(c + 1.0);
        }
        double lf = logFactorials;
        double[] values = new double[catalogue.size()];
        double[][] stats = new double[catalogue.size()][];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, catalogue.size()).parallel().forEach(i -> {
                stats[i] = evaluate(k, counts, overlaps, n, lf, catalogue.get(i));
                values[i] = stats[i] == null ? Double.NaN : stats[i][0];
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Exhaustive search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Exhaustive search failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (stats[i] != null) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingDouble(i -> values[i])); // stable: ties keep catalogue order
        List<RankedModel> ranking = new ArrayList<>(kept.size());
        List<String> names = histories.listNames();
        SelectionAccess.Models models = SelectionAccess.models();
        for (int i : kept) {
            double[] s = stats[i];
            ranking.add(new RankedModel(models.ofCanonicalMasks(names, catalogue.get(i)), s[0], s[1], s[2],
                    (int) s[3], (int) s[4]));
        }
        EstimationOutcome best;
        if (ranking.isEmpty()) {
            LogLinearModel main = LogLinearModel.mainEffects(histories.listNames());
            best = estimator.estimate(histories, main);
        } else {
            best = estimator.estimate(histories, ranking.get(0).model());
        }
        best = Outcomes.withProvenance(best, p -> p.withDefinition("selection", METHOD)
                .withDefinition("criterion", criterion.name()).withDefinition("maxOrder", Integer.toString(order)));
        return new Result(criterion, order, catalogue.size(), ranking, best);
    }

    /**
     * The estimate of the model with the smallest criterion among candidates (interaction masks) on counts, NaN
     * when none passes; run on the calling thread.
     */
    double bestEstimate(int k, long[] counts, List<int[]> candidates) {
        long n = 0;
        double logFactorials = 0;
        for (long c : counts) {
            n += c;
            logFactorials += org.apache.commons.math3.special.Gamma.logGamma(c + 1.0);
        }
        if (n == 0) {
            return Double.NaN;
        }
        long[] overlaps = LogLinearDesign.overlaps(counts, k);
        double best = Double.POSITIVE_INFINITY;
        double estimate = Double.NaN;
        for (int[] masks : candidates) {
            double[] s = evaluate(k, counts, overlaps, n, logFactorials, masks);
            if (s != null && s[0] < best) {
                best = s[0];
                estimate = s[1];
            }
        }
        return estimate;
    }

    /**
     * Criterion, estimate, deviance, df and p of one model, or null when it is excluded (what
     * {@link LogLinearEstimator} would not estimate: rank deficient, existence check failed, not converged).
     */
    private double[] evaluate(int k, long[] counts, long[] overlaps, long n, double logFactorials,
                              int[] interactions) {
        int[] terms = new int[k + interactions.length];
        for (int i = 0; i < k; i++) {
            terms[i] = 1 << i;
        }
        System.arraycopy(interactions, 0, terms, k, interactions.length);
        HierarchicalFit fit = HierarchicalFit.screen(k, counts, overlaps, terms, estimator.maxIterations(),
                estimator.convergenceTolerance());
        if (!fit.estimable()) {
            return null;
        }
        double logLik = fit.logLikelihoodKernel(counts) - logFactorials;
        int p = fit.rank() + fit.infiniteTerms();
        double value = criterion.compute(logLik, p, n);
        return new double[] {value, n + Math.exp(fit.intercept()), fit.deviance(), fit.rows() - fit.rank(), p};
    }

    /**
     * The catalogue: every downward-closed set of interaction masks of order 2..maxOrder on k lists, as arrays
     * of masks, in enumeration order.
     */
    static List<int[]> catalogue(int k, int maxOrder) {
        int[] terms = new int[1 << k];
        int n = 0;
        for (int size = 2; size <= maxOrder; size++) {
            for (int s = 1; s < (1 << k); s++) {
                if (Integer.bitCount(s) == size) {
                    terms[n++] = s;
                }
            }
        }
        // within an order, lexicographically by the lists' positions (AB, AC, ..., BC, ...): insertion sort
        for (int i = 1; i < n; i++) {
            int x = terms[i];
            int j = i - 1;
            while (j >= 0 && Integer.bitCount(terms[j]) == Integer.bitCount(x) && lexAfter(terms[j], x)) {
                terms[j + 1] = terms[j];
                j--;
            }
            terms[j + 1] = x;
        }
        List<int[]> out = new ArrayList<>();
        enumerate(Arrays.copyOf(terms, n), 0, new boolean[1 << k], new int[n], 0, out);
        return out;
    }

    /** Whether mask a's list positions come lexicographically after b's (masks of the same order). */
    private static boolean lexAfter(int a, int b) {
        while (a != 0 && b != 0) {
            int la = Integer.numberOfTrailingZeros(a);
            int lb = Integer.numberOfTrailingZeros(b);
            if (la != lb) {
                return la > lb;
            }
            a &= a - 1;
            b &= b - 1;
        }
        return false;
    }

    private static void enumerate(int[] terms, int index, boolean[] in, int[] chosen, int size, List<int[]> out) {
        if (index == terms.length) {
            out.add(Arrays.copyOf(chosen, size));
            return;
        }
        int s = terms[index];
        enumerate(terms, index + 1, in, chosen, size, out);
        boolean allowed = true;
        if (Integer.bitCount(s) > 2) {
            for (int bit = 1; bit <= s; bit <<= 1) {
                if ((s & bit) != 0 && !in[s & ~bit]) {
                    allowed = false;
                    break;
                }
            }
        }
        if (allowed) {
            in[s] = true;
            chosen[size] = s;
            enumerate(terms, index + 1, in, chosen, size + 1, out);
            in[s] = false;
        }
    }
}
