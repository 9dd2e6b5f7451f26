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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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
 * fit runs Newton's (IRLS) iterations on the table's margins rather than on a design matrix (superset sums of the
 * fitted means give X'WX, so a step costs K&middot;2<sup>K</sup> additions and a Cholesky factorisation of the p
 * &times; p matrix), and falls back to the design matrix where the margins cannot decide. The catalogue is walked
 * as a tree (a model's parent is the model without its last interaction), and each model's iterations start from
 * its parent's fit plus the change its last interaction made one level up, instead of R's start &mu; = y + 0.1:
 * about 2.8 steps a model instead of 5.9 on the UK six-list table. They stop at R's deviance criterion, so the
 * values ranked are those {@link LogLinearEstimator} reports for the same model (which starts where R does) to the
 * criterion: the deviance and criterion to about 1e-12, the estimate to about 1e-8 (both stop within the
 * criterion of the same maximum-likelihood estimate); rank and existence are decided as from R's start, and a
 * model whose start does not converge is fitted again from R's start (on the bundled tables the models excluded
 * are the same).
 * The best model's outcome is {@link LogLinearEstimator}'s own.
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
        double[] values = new double[catalogue.size()];
        double[][] stats = new double[catalogue.size()][];
        Tree tree = new Tree(catalogue);
        Context context = new Context(k, counts, overlaps, n, logFactorials, catalogue, tree, stats);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(new Subtree(context, 0, null, null, null)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Exhaustive search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Exhaustive search failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        int[] kept = new int[values.length];
        int nk = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = stats[i] == null ? Double.NaN : stats[i][0];
            if (stats[i] != null) {
                kept[nk++] = i;
            }
        }
        kept = Arrays.copyOf(kept, nk);
        sortByValue(kept, new int[nk], 0, nk, values); // stable: ties keep catalogue order
        List<RankedModel> ranking = new ArrayList<>(kept.length);
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
     * Sorts indices[from, to) by their values (Double.compare), keeping the order of equal values: a merge sort on
     * primitives (a search ranks tens of thousands of models, after the parallel fits, on one thread).
     */
    private static void sortByValue(int[] indices, int[] buffer, int from, int to, double[] values) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        sortByValue(indices, buffer, from, middle, values);
        sortByValue(indices, buffer, middle, to, values);
        if (Double.compare(values[indices[middle - 1]], values[indices[middle]]) <= 0) {
            return;
        }
        System.arraycopy(indices, from, buffer, from, to - from);
        int i = from;
        int j = middle;
        for (int k = from; k < to; k++) {
            if (j >= to || i < middle && Double.compare(values[buffer[i]], values[buffer[j]]) <= 0) {
                indices[k] = buffer[i++];
            } else {
                indices[k] = buffer[j++];
            }
        }
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
            double[] s = evaluate(fit(k, counts, overlaps, masks, null), counts, n, logFactorials);
            if (s != null && s[0] < best) {
                best = s[0];
                estimate = s[1];
            }
        }
        return estimate;
    }

    /** The screened fit of a model (main effects and interactions), started from coefficients or R's start. */
    private HierarchicalFit fit(int k, long[] counts, long[] overlaps, int[] interactions, double[] start) {
        int[] terms = new int[k + interactions.length];
        for (int i = 0; i < k; i++) {
            terms[i] = 1 << i;
        }
        System.arraycopy(interactions, 0, terms, k, interactions.length);
        return HierarchicalFit.screen(k, counts, overlaps, terms, estimator.maxIterations(),
                estimator.convergenceTolerance(), start);
    }

    /**
     * Criterion, estimate, deviance, df and p of one model, or null when it is excluded (what
     * {@link LogLinearEstimator} would not estimate: rank deficient, existence check failed, not converged).
     */
    private double[] evaluate(HierarchicalFit fit, long[] counts, long n, double logFactorials) {
        if (!fit.estimable()) {
            return null;
        }
        double logLik = fit.logLikelihoodKernel(counts) - logFactorials;
        int p = fit.rank() + fit.infiniteTerms();
        double value = criterion.compute(logLik, p, n);
        return new double[] {value, n + Math.exp(fit.intercept()), fit.deviance(), fit.rows() - fit.rank(), p};
    }

    /** What every fit of one search shares. */
    private record Context(int k, long[] counts, long[] overlaps, long n, double logFactorials, List<int[]> catalogue,
                           Tree tree, double[][] stats) {
    }

    /**
     * The catalogue as a tree: the parent of a model is the model without its last interaction in catalogue
     * order, which is hierarchical too (no other interaction of the model contains the last one, which has the
     * highest order) and comes before it in the catalogue; the root is the main-effects model, index 0. Each model
     * is fitted from a start made of its parent's and its parent's sibling's fits ({@link Subtree}), so its value
     * depends on the catalogue only, never on the threads.
     */
    static final class Tree {

        private final int[] firstChild; // children of model i: child[firstChild[i] .. firstChild[i + 1])
        private final int[] child;
        private final int[] subtreeSize;

        Tree(List<int[]> catalogue) {
            int[] parent = parents(catalogue);
            int n = parent.length;
            firstChild = new int[n + 1];
            for (int i = 1; i < n; i++) {
                firstChild[parent[i] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                firstChild[i + 1] += firstChild[i];
            }
            child = new int[Math.max(n - 1, 0)];
            int[] next = Arrays.copyOf(firstChild, n);
            for (int i = 1; i < n; i++) {
                child[next[parent[i]]++] = i;
            }
            subtreeSize = new int[n];
            for (int i = n - 1; i >= 0; i--) { // children come after their parent
                subtreeSize[i]++;
                if (i > 0) {
                    subtreeSize[parent[i]] += subtreeSize[i];
                }
            }
        }

        /**
         * The parent of each model of the catalogue (-1 for the first, the main-effects model). The enumeration
         * leaves out each term before it takes it, so a model's parent, its interactions but the last, is the last
         * model before it with one interaction fewer.
         */
        static int[] parents(List<int[]> catalogue) {
            int[] parent = new int[catalogue.size()];
            int[] lastOfSize = new int[catalogue.isEmpty() ? 1 : catalogue.get(catalogue.size() - 1).length + 64];
            for (int i = 0; i < parent.length; i++) {
                int size = catalogue.get(i).length;
                if (size >= lastOfSize.length) {
                    lastOfSize = Arrays.copyOf(lastOfSize, 2 * size + 1);
                }
                parent[i] = size == 0 ? -1 : lastOfSize[size - 1];
                lastOfSize[size] = i;
            }
            return parent;
        }
    }

    /**
     * The fits of a model's descendants, the model fitted. A child of model P, P + u (u its last interaction), is
     * fitted from P's coefficients plus the change that adding u made to P's parent Q: &beta;(P) + &beta;(Q + u)
     * &minus; &beta;(Q), Q + u being P's sibling, fitted before P's children (or from &beta;(P) alone when P is the
     * root or a fit has no coefficients). Each start depends on the catalogue only, never on the threads.
     */
    private final class Subtree extends RecursiveAction {

        private static final long serialVersionUID = 1L;
        /** Subtrees of fewer models than this are fitted on the calling thread. */
        private static final int SEQUENTIAL = 32;

        private final transient Context context;
        private final int model;
        private final transient HierarchicalFit fit; // of the model; null for the root, fitted here
        private final transient HierarchicalFit parentFit;
        private final transient HierarchicalFit[] siblingFits; // by last interaction's mask

        Subtree(Context context, int model, HierarchicalFit fit, HierarchicalFit parentFit,
                HierarchicalFit[] siblingFits) {
            this.context = context;
            this.model = model;
            this.fit = fit;
            this.parentFit = parentFit;
            this.siblingFits = siblingFits;
        }

        @Override
        protected void compute() {
            HierarchicalFit own = fit == null ? fitOne(model, null) : fit;
            expand(model, own, parentFit, siblingFits, true);
        }

        /** Fits the children of model i (fitted), then their subtrees: large ones as tasks when forking. */
        private void expand(int i, HierarchicalFit own, HierarchicalFit parent, HierarchicalFit[] siblings,
                            boolean fork) {
            Tree tree = context.tree();
            int first = tree.firstChild[i];
            int last = tree.firstChild[i + 1];
            if (first == last) {
                return;
            }
            HierarchicalFit[] childFits = new HierarchicalFit[1 << context.k()];
            double[] b = own.coefficientsByMask();
            double[] q = parent == null ? null : parent.coefficientsByMask();
            for (int c = first; c < last; c++) {
                int child = tree.child[c];
                int u = lastInteraction(child);
                double[] start = b;
                HierarchicalFit sibling = siblings == null ? null : siblings[u];
                double[] s = sibling == null ? null : sibling.coefficientsByMask();
                if (b != null && q != null && s != null) {
                    start = new double[b.length];
                    for (int h = 0; h < start.length; h++) {
                        start[h] = b[h] + (s[h] - q[h]);
                    }
                }
                childFits[u] = fitOne(child, start);
            }
            List<Subtree> tasks = new ArrayList<>();
            for (int c = first; c < last; c++) {
                int child = tree.child[c];
                HierarchicalFit childFit = childFits[lastInteraction(child)];
                if (fork && tree.subtreeSize[child] >= SEQUENTIAL) {
                    tasks.add(new Subtree(context, child, childFit, own, childFits));
                } else {
                    expand(child, childFit, own, childFits, false);
                }
            }
            invokeAll(tasks);
        }

        private int lastInteraction(int i) {
            int[] interactions = context.catalogue().get(i);
            return interactions[interactions.length - 1];
        }

        private HierarchicalFit fitOne(int i, double[] start) {
            Context x = context;
            HierarchicalFit f = fit(x.k(), x.counts(), x.overlaps(), x.catalogue().get(i), start);
            x.stats()[i] = evaluate(f, x.counts(), x.n(), x.logFactorials());
            return f;
        }
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
