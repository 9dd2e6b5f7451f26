package org.tipmonitor.indicators.estimation.selection;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.fit.JointOutcome;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import org.tipmonitor.indicators.estimation.internal.JointAccess;
import org.tipmonitor.indicators.estimation.internal.JointDesign;
import org.tipmonitor.indicators.estimation.model.JointModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.tipmonitor.indicators.estimation.InformationCriterion;

/**
 * Chooses a {@link JointModel} by an information criterion over a declared set of candidate terms &mdash; list
 * pairs ({@code P:O}: dependence between lists) and list &times; covariate terms ({@code Z:minor}: a list that
 * finds minors more or less often) together &mdash; keeping the hierarchy (a term comes with its sub-terms).
 *
 * <p>Stepwise search (Cruyff's {@code mse} and MultipleSystemsEstimation choose by BIC the same way): from the start
 * model, add the candidate term that lowers the criterion most; then remove, while it lowers the criterion, any
 * added term that no other term contains; repeat until no addition lowers it. Every model visited is kept with its
 * criterion, so the ranked list shows how much the estimates move between close models
 * ({@link Result#ranked()}).
 *
 * <p>Exhaustive search ({@link #withExhaustive()}): every hierarchical subset of the candidate terms is added to the
 * start model and fitted, and the model with the smallest criterion is chosen. A subset is hierarchical when each of
 * its terms finds every sub-term of order two or more in the start model or in the subset; a candidate's sub-terms
 * that are in neither the start model nor the candidates are added to the candidates first. With candidates of
 * order two only (list pairs, list &times; covariate terms) every one of the 2<sup>k</sup> subsets is hierarchical.
 * The search is refused ({@code TM-MSE-540}) when there are more subsets than its limit (default
 * {@value #DEFAULT_MODEL_LIMIT}, at most {@value #MAX_MODEL_LIMIT}). Its best criterion is never above the stepwise
 * search's on the same candidates, since every model stepwise visits is one of the subsets.
 *
 * <p>Defaults ({@link #withDefaults()}): BIC with n the observed persons; start {@link JointModel#baseline} (lists
 * independent, covariates fully crossed); candidates every list pair and every list &times; covariate term. With
 * unknown covariate values distributed by EM, the search runs on the fully classified persons and the chosen model
 * is then fitted by EM (a model that does not fit the complete cases is not chosen).
 */
public final class JointSelection {

    /** The exhaustive search's default limit on the number of models. */
    public static final int DEFAULT_MODEL_LIMIT = 4_096;
    /** The exhaustive search's largest limit on the number of models. */
    public static final int MAX_MODEL_LIMIT = 65_536;

    private static final JointSelection DEFAULTS = new JointSelection(InformationCriterion.BIC, null, null, false, 0);

    private final InformationCriterion criterion;
    private final List<String> candidates;
    private final String start;
    private final boolean keepCovariateTerms;
    /** 0 for the stepwise search, else the exhaustive search's limit on the number of models. */
    private final int modelLimit;

    private JointSelection(InformationCriterion criterion, List<String> candidates, String start,
                           boolean keepCovariateTerms, int modelLimit) {
        this.criterion = criterion;
        this.candidates = candidates;
        this.start = start;
        this.keepCovariateTerms = keepCovariateTerms;
        this.modelLimit = modelLimit;
    }

    /**
     * A copy that keeps every list &times; covariate term in every model (the start model is
     * {@link JointModel#baseline} with all of them) and searches over the list pairs only. This is the analysis the
     * report uses: how each list's catch differs between years, forms and age groups is modelled in full, so the
     * covariates' levels are not scaled by one common factor, and the search only decides which lists depend on
     * each other. In the simulation of {@code benchmarks/covariate-simulation.sh} it keeps the bias of the minors'
     * estimate small where selecting the list &times; covariate terms as well lets BIC drop terms the data can only
     * weakly show.
     *
     * @return the search
     */
    public JointSelection withCovariateTermsKept() {
        return new JointSelection(criterion, null, null, true, modelLimit);
    }

    /** @return the search with the defaults stated in the class description */
    public static JointSelection withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another criterion.
     *
     * @param ic AIC, AICc or BIC
     * @return the search
     */
    public JointSelection withCriterion(InformationCriterion ic) {
        return new JointSelection(Objects.requireNonNull(ic, "criterion"), candidates, start, keepCovariateTerms,
                modelLimit);
    }

    /**
     * A copy with another candidate set.
     *
     * @param terms terms in R notation, e.g. {@code ["P:O", "Z:minor", "P:year"]}
     * @return the search
     */
    public JointSelection withCandidates(List<String> terms) {
        return new JointSelection(criterion, List.copyOf(terms), start, false, modelLimit);
    }

    /**
     * A copy with another start model (its terms are always kept).
     *
     * @param formula the start model in R notation
     * @return the search
     */
    public JointSelection withStart(String formula) {
        return new JointSelection(criterion, candidates, Objects.requireNonNull(formula, "formula"), false,
                modelLimit);
    }

    /**
     * A copy that searches exhaustively, over at most {@value #DEFAULT_MODEL_LIMIT} models (see the class
     * description).
     *
     * @return the search
     */
    public JointSelection withExhaustive() {
        return withExhaustive(DEFAULT_MODEL_LIMIT);
    }

    /**
     * A copy that searches exhaustively over at most {@code limit} models.
     *
     * @param limit 1 to {@value #MAX_MODEL_LIMIT}
     * @return the search
     * @throws IndicatorException if the limit is outside that range ({@code TM-MSE-541})
     */
    public JointSelection withExhaustive(int limit) {
        if (limit < 1 || limit > MAX_MODEL_LIMIT) {
            throw IndicatorException.of(IndicatorRule.COVARIATE_EXHAUSTIVE_LIMIT, MAX_MODEL_LIMIT, limit);
        }
        return new JointSelection(criterion, candidates, start, keepCovariateTerms, limit);
    }

    /** @return a copy that searches stepwise (the default) */
    public JointSelection withStepwise() {
        return new JointSelection(criterion, candidates, start, keepCovariateTerms, 0);
    }

    /** @return whether the search is exhaustive */
    public boolean exhaustive() {
        return modelLimit > 0;
    }

    /** @return the criterion */
    public InformationCriterion criterion() {
        return criterion;
    }

    /**
     * What the search does, for results: criterion, start and candidates.
     *
     * @return e.g. {@code "BIC stepwise over the list pairs, every list x covariate term kept"}
     */
    public String description() {
        String how = modelLimit > 0 ? " exhaustive" : " stepwise";
        if (keepCovariateTerms) {
            return criterion.name() + how + " over the list pairs, every list x covariate term kept";
        }
        return criterion.name() + how + " from " + (start == null ? "the baseline (lists independent, covariates"
                + " crossed)" : start) + " over " + (candidates == null ? "every list pair and list x covariate term"
                : String.join(", ", candidates));
    }

    /**
     * One model visited.
     *
     * @param model     the model
     * @param criterion its criterion value ({@code +Infinity} when it has no estimate)
     * @param outcome   its fit on the data searched (complete cases when unknown values are distributed by EM)
     */
    public record Candidate(JointModel model, double criterion, JointOutcome outcome) {
    }

    /**
     * The chosen model and the ranking.
     *
     * @param criterion the criterion used
     * @param chosen    the chosen model's fit on the data as given (by EM when the estimator says so)
     * @param ranked    every model visited, best first
     * @param steps     the terms added (+) and removed (&minus;), in order (empty for the exhaustive search)
     */
    public record Result(InformationCriterion criterion, JointOutcome chosen, List<Candidate> ranked,
                         List<String> steps) {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException if a component is null
         */
        public Result {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(chosen, "chosen");
            ranked = List.copyOf(ranked);
            steps = List.copyOf(steps);
        }
    }

    /**
     * The default candidates for a table: every list pair, then every list &times; covariate term.
     *
     * @param lists      the list names
     * @param covariates the covariate names
     * @return the terms in R notation
     */
    public static List<String> defaultCandidates(List<String> lists, List<String> covariates) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            for (int j = i + 1; j < lists.size(); j++) {
                out.add(lists.get(i) + ":" + lists.get(j));
            }
        }
        for (String l : lists) {
            for (String c : covariates) {
                out.add(l + ":" + c);
            }
        }
        return out;
    }

    /**
     * Runs the search.
     *
     * @param table     the table
     * @param estimator the estimator (confidence level, reference levels, unknown values)
     * @return the chosen model and the ranking
     * @throws IndicatorException if a candidate or the start names an unknown list or covariate, the table's
     *                            unknown values are refused by the estimator, or an exhaustive search has more
     *                            hierarchical subsets than its limit ({@code TM-MSE-540})
     */
    public Result select(CovariateTable table, JointEstimator estimator) {
        JointEstimator searching = estimator.unknownValues() == UnknownValues.EM
                ? estimator.withUnknownValues(UnknownValues.DROP) : estimator;
        CovariateTable data = searching.unknownValues().apply(table);
        JointModel base = start == null ? JointModel.baseline(table.lists(), table.covariates())
                : JointModel.parse(table.lists(), table.covariates(), start);
        List<String> terms = candidates == null ? defaultCandidates(table.lists(), table.covariates()) : candidates;
        if (keepCovariateTerms) {
            List<String> all = defaultCandidates(table.lists(), table.covariates());
            int pairs = table.lists().size() * (table.lists().size() - 1) / 2;
            base = JointModel.parse(table.lists(), table.covariates(), base.formula() + " + "
                    + String.join(" + ", all.subList(pairs, all.size())));
            terms = all.subList(0, pairs);
        }
        List<Integer> masks = new ArrayList<>();
        for (String term : terms) {
            int[] t = JointModel.parse(table.lists(), table.covariates(), String.join(" + ", base.names()) + " + "
                    + term.replace(':', '*')).termMasks();
            masks.add(t[t.length - 1]);
        }
        int[] ref = searching.references(data);
        if (modelLimit > 0) {
            return exhaustive(estimator, searching, table, data, base, masks, ref);
        }
        Map<JointModel, Candidate> visited = new LinkedHashMap<>();
        Candidate current = evaluate(searching, data, base, ref, null, visited);
        List<String> steps = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        while (true) {
            JointModel now = current.model();
            double[] start0 = current.outcome() instanceof JointFit f ? f.fittedRows() : null;
            List<JointModel> next = new ArrayList<>();
            List<Integer> nextMask = new ArrayList<>();
            for (int m : masks) {
                if (!contains(now, m)) {
                    next.add(now.withMask(m));
                    nextMask.add(m);
                }
            }
            if (next.isEmpty()) {
                break;
            }
            List<Candidate> tried = IntStream.range(0, next.size()).parallel()
                    .mapToObj(i -> evaluate(searching, data, next.get(i), ref, start0, null)).toList();
            int best = -1;
            for (int i = 0; i < tried.size(); i++) {
                visited.putIfAbsent(tried.get(i).model(), tried.get(i));
                if (best < 0 || tried.get(i).criterion() < tried.get(best).criterion()) {
                    best = i;
                }
            }
            if (!(tried.get(best).criterion() < current.criterion())) {
                break;
            }
            current = tried.get(best);
            added.add(nextMask.get(best));
            steps.add("+" + JointModel.name(nextMask.get(best), now.names()));
            // Backward: drop an added term whose removal lowers the criterion.
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int m : List.copyOf(added)) {
                    if (m == nextMask.get(best) || !current.model().removable(m)) {
                        continue;
                    }
                    JointModel smaller = current.model().withoutMask(m);
                    Candidate c = visited.containsKey(smaller) ? visited.get(smaller)
                            : evaluate(searching, data, smaller, ref, null, visited);
                    if (c.criterion() < current.criterion()) {
                        current = c;
                        added.remove(Integer.valueOf(m));
                        steps.add("-" + JointModel.name(m, now.names()));
                        removed = true;
                        break;
                    }
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>(visited.values());
        ranked.sort(Comparator.comparingDouble(Candidate::criterion));
        JointOutcome chosen = estimator.unknownValues() == UnknownValues.EM
                ? estimator.fit(table, current.model()) : current.outcome();
        return new Result(criterion, chosen, ranked, steps);
    }

    /** Fits every hierarchical subset of the candidates on top of the start model. */
    private Result exhaustive(JointEstimator estimator, JointEstimator searching, CovariateTable table,
                              CovariateTable data, JointModel base, List<Integer> masks, int[] ref) {
        List<JointModel> models = hierarchicalModels(base, masks, modelLimit);
        List<Candidate> ranked = new ArrayList<>(IntStream.range(0, models.size()).parallel()
                .mapToObj(i -> evaluate(searching, data, models.get(i), ref, null, null)).toList());
        ranked.sort(Comparator.comparingDouble(Candidate::criterion));
        Candidate best = ranked.get(0);
        JointOutcome chosen = estimator.unknownValues() == UnknownValues.EM
                ? estimator.fit(table, best.model()) : best.outcome();
        return new Result(criterion, chosen, ranked, List.of());
    }

    /**
     * The start model with each hierarchical subset of the candidates (their missing sub-terms added as candidates),
     * the empty subset first.
     *
     * @throws IndicatorException if there are more than {@code limit} of them
     */
    static List<JointModel> hierarchicalModels(JointModel base, List<Integer> candidateMasks, int limit) {
        java.util.Set<Integer> in = new java.util.HashSet<>();
        for (int t : base.termMasks()) {
            in.add(t);
        }
        java.util.TreeSet<Integer> expanded = new java.util.TreeSet<>(Comparator.comparingInt(Integer::bitCount)
                .thenComparingInt(Integer::intValue));
        for (int m : candidateMasks) {
            for (int s = m; s > 0; s = (s - 1) & m) {
                if (Integer.bitCount(s) >= 2 && !in.contains(s)) {
                    expanded.add(s);
                }
            }
        }
        int[] terms = expanded.stream().mapToInt(Integer::intValue).toArray();
        boolean nested = false;
        for (int t : terms) {
            for (int u : terms) {
                nested |= u != t && (u & t) == t;
            }
        }
        List<int[]> subsets = new ArrayList<>();
        enumerate(terms, 0, new java.util.ArrayDeque<>(), in, subsets, limit);
        if (subsets.size() > limit) {
            String count = nested ? "more than " + String.format(Locale.ROOT, "%,d", limit)
                    : java.math.BigInteger.ONE.shiftLeft(terms.length).toString();
            throw IndicatorException.of(IndicatorRule.COVARIATE_EXHAUSTIVE_TOO_MANY, terms.length, count, limit,
                    MAX_MODEL_LIMIT);
        }
        List<JointModel> models = new ArrayList<>(subsets.size());
        for (int[] subset : subsets) {
            JointModel m = base;
            for (int t : subset) {
                m = m.withMask(t);
            }
            models.add(m);
        }
        return models;
    }

    /** Depth-first over the terms (sub-terms first): exclude, then include when its sub-terms are present. */
    private static void enumerate(int[] terms, int i, java.util.Deque<Integer> chosen, java.util.Set<Integer> base,
                                  List<int[]> out, int limit) {
        if (out.size() > limit) {
            return;
        }
        if (i == terms.length) {
            out.add(chosen.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        enumerate(terms, i + 1, chosen, base, out, limit);
        int t = terms[i];
        for (int s = (t - 1) & t; s > 0; s = (s - 1) & t) {
            if (Integer.bitCount(s) >= 2 && !base.contains(s) && !chosen.contains(s)) {
                return;
            }
        }
        chosen.addLast(t);
        enumerate(terms, i + 1, chosen, base, out, limit);
        chosen.removeLast();
    }

    private static boolean contains(JointModel model, int mask) {
        for (int t : model.termMasks()) {
            if (t == mask) {
                return true;
            }
        }
        return false;
    }

    private Candidate evaluate(JointEstimator estimator, CovariateTable data, JointModel model, int[] ref,
                               double[] start, Map<JointModel, Candidate> visited) {
        JointOutcome o = JointAccess.get().fit(estimator, new JointDesign(data, model, ref), start);
        double value = o instanceof JointFit f ? f.criterion(criterion) : Double.POSITIVE_INFINITY;
        Candidate c = new Candidate(model, value, o);
        if (visited != null) {
            visited.putIfAbsent(model, c);
        }
        return c;
    }

    /**
     * The ranking as a sensitivity table: criterion, its difference to the best, and the estimate of a quantity
     * under each model (the best {@code rows} models).
     *
     * @param result    the search result
     * @param quantity  the quantity, e.g. {@code Selection.where("minor", "minor")}
     * @param rows      how many models to show
     * @return the text
     */
    public static String sensitivity(Result result, Selection quantity, int rows) {
        StringBuilder b = new StringBuilder();
        double best = result.ranked().isEmpty() ? 0 : result.ranked().get(0).criterion();
        b.append(String.format(Locale.ROOT, "%-4s %10s %8s %12s  %s%n", "rank", result.criterion().name(), "delta",
                "estimate", "model"));
        for (int i = 0; i < Math.min(rows, result.ranked().size()); i++) {
            Candidate c = result.ranked().get(i);
            String est = c.outcome() instanceof JointFit f ? String.format(Locale.ROOT, "%,12.0f",
                    f.population(quantity).estimate()) : String.format(Locale.ROOT, "%12s", "none");
            b.append(String.format(Locale.ROOT, "%-4d %10.2f %8.2f %s  %s%n", i + 1, c.criterion(),
                    c.criterion() - best, est, c.model().formula()));
        }
        return b.toString();
    }
}
