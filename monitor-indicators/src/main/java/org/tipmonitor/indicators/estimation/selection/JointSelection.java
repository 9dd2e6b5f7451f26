package org.tipmonitor.indicators.estimation.selection;

import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.fit.JointOutcome;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;
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

import org.tipmonitor.indicators.IndicatorException;
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
 * <p>Defaults ({@link #withDefaults()}): BIC with n the observed persons; start {@link JointModel#baseline} (lists
 * independent, covariates fully crossed); candidates every list pair and every list &times; covariate term. With
 * unknown covariate values distributed by EM, the search runs on the fully classified persons and the chosen model
 * is then fitted by EM (a model that does not fit the complete cases is not chosen).
 */
public final class JointSelection {

    private static final JointSelection DEFAULTS = new JointSelection(InformationCriterion.BIC, null, null, false);

    private final InformationCriterion criterion;
    private final List<String> candidates;
    private final String start;
    private final boolean keepCovariateTerms;

    private JointSelection(InformationCriterion criterion, List<String> candidates, String start,
                           boolean keepCovariateTerms) {
        this.criterion = criterion;
        this.candidates = candidates;
        this.start = start;
        this.keepCovariateTerms = keepCovariateTerms;
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
        return new JointSelection(criterion, null, null, true);
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
        return new JointSelection(Objects.requireNonNull(ic, "criterion"), candidates, start, keepCovariateTerms);
    }

    /**
     * A copy with another candidate set.
     *
     * @param terms terms in R notation, e.g. {@code ["P:O", "Z:minor", "P:year"]}
     * @return the search
     */
    public JointSelection withCandidates(List<String> terms) {
        return new JointSelection(criterion, List.copyOf(terms), start, false);
    }

    /**
     * A copy with another start model (its terms are always kept).
     *
     * @param formula the start model in R notation
     * @return the search
     */
    public JointSelection withStart(String formula) {
        return new JointSelection(criterion, candidates, Objects.requireNonNull(formula, "formula"), false);
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
        if (keepCovariateTerms) {
            return criterion.name() + " stepwise over the list pairs, every list x covariate term kept";
        }
        return criterion.name() + " stepwise from " + (start == null ? "the baseline (lists independent, covariates"
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
     * @param steps     the terms added (+) and removed (&minus;), in order
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
     * @throws IndicatorException if a candidate or the start names an unknown list or covariate, or the table's
     *                            unknown values are refused by the estimator
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
