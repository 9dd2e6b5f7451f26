package org.tipmonitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.bootstrap.JointBootstrap;
import org.tipmonitor.indicators.estimation.fit.DerivedEstimate;
import org.tipmonitor.indicators.estimation.fit.JointDidNotConverge;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.model.JointModel;
import org.tipmonitor.indicators.estimation.fit.JointNotEstimable;
import org.tipmonitor.indicators.estimation.fit.JointOutcome;
import org.tipmonitor.indicators.estimation.selection.JointSelection;
import org.tipmonitor.indicators.estimation.fit.Selection;

/**
 * What {@code monitor estimate --by} and {@code --covariates} print: the chosen or given model over lists and
 * covariates, its fit, the population in total, per level of each covariate and per crossing of all of them, the
 * requested shares, and (when a criterion chose the model) the sensitivity to the next best models. Every choice the
 * user did not make is stated with its default.
 */
final class JointReport {

    /**
     * What the user asked for.
     *
     * @param model     stepwise, bic, aic, aicc, independence, or a formula
     * @param search     pairs, all or exhaustive
     * @param shares     shares as "PART in WHOLE"
     * @param intervals  whether to print intervals
     * @param replicates bootstrap replicates, 0 for Wald intervals
     * @param seed       the bootstrap's seed
     * @param resample   whether the bootstrap is the nonparametric one re-running the selection
     * @param candidates the declared candidate terms, null for the defaults
     * @param maxModels  the exhaustive search's limit on the models
     */
    record Request(String model, String search, List<String> shares, boolean intervals, int replicates,
                   long seed, boolean resample, List<String> candidates, int maxModels) {

        /** @return whether the intervals come from a bootstrap (replicates &gt; 0) */
        boolean bootstrap() {
            return replicates > 0;
        }
    }

    private final CovariateTable table;
    private final JointEstimator estimator;
    private final Request request;
    private final JointOutcome outcome;
    private final JointSelection.Result selection;
    private final JointSelection search;
    private final String chosenBy;
    private final List<Selection[]> shareSelections;
    private JointBootstrap.Replicates replicates;

    private JointReport(CovariateTable table, JointEstimator estimator, Request request, JointOutcome outcome,
                        JointSelection.Result selection, JointSelection search, String chosenBy,
                        List<Selection[]> shareSelections) {
        this.table = table;
        this.estimator = estimator;
        this.request = request;
        this.outcome = outcome;
        this.selection = selection;
        this.search = search;
        this.chosenBy = chosenBy;
        this.shareSelections = shareSelections;
    }

    static JointReport of(CovariateTable table, JointEstimator estimator, Request request) {
        List<Selection[]> shares = new ArrayList<>();
        for (String share : request.shares()) {
            int in = share.indexOf(" in ");
            Selection whole = in < 0 ? Selection.all() : Selection.parse(share.substring(in + 4));
            Selection part = Selection.parse(in < 0 ? share : share.substring(0, in));
            for (var e : whole.levels().entrySet()) {
                for (String level : e.getValue()) {
                    part = part.levels().containsKey(e.getKey()) ? part : part.and(e.getKey(), level);
                }
            }
            shares.add(new Selection[] {part, whole});
        }
        String m = request.model().toLowerCase(Locale.ROOT);
        InformationCriterion criterion = switch (m) {
            case "stepwise", "bic" -> InformationCriterion.BIC;
            case "aic" -> InformationCriterion.AIC;
            case "aicc" -> InformationCriterion.AICC;
            default -> null;
        };
        if (criterion != null) {
            JointSelection search = JointSelection.withDefaults().withCriterion(criterion);
            if ("pairs".equals(request.search())) {
                search = search.withCovariateTermsKept();
            } else if (request.candidates() != null) {
                search = search.withCandidates(request.candidates());
            }
            if ("exhaustive".equals(request.search())) {
                search = search.withExhaustive(request.maxModels());
            }
            JointSelection.Result result = search.select(table, estimator);
            String by = search.description() + ("exhaustive".equals(request.search()) ? String.format(Locale.ROOT,
                    " (%d models fitted, at most %d)", result.ranked().size(), request.maxModels()) : "");
            return new JointReport(table, estimator, request, result.chosen(), result, search, by, shares);
        }
        JointModel model;
        String by;
        if ("independence".equals(m)) {
            List<String> terms = new ArrayList<>(JointModel.baseline(table.lists(), table.covariates()).terms());
            for (String list : table.lists()) {
                for (String covariate : table.covariates()) {
                    terms.add(list + ":" + covariate);
                }
            }
            model = JointModel.parse(table.lists(), table.covariates(), String.join(" + ", terms));
            by = "independence: lists independent of each other, every list x covariate term, covariates crossed";
        } else {
            model = JointModel.parse(table.lists(), table.covariates(), request.model());
            by = "the formula given";
        }
        return new JointReport(table, estimator, request, estimator.fit(table, model), null, null, by, shares);
    }

    boolean estimated() {
        return outcome instanceof JointFit;
    }

    private DerivedEstimate population(JointFit fit, Selection selection) {
        if (!request.bootstrap()) {
            return fit.population(selection);
        }
        return replicates(fit).population(selection);
    }

    private DerivedEstimate share(JointFit fit, Selection part, Selection whole) {
        if (!request.bootstrap()) {
            return fit.share(part, whole);
        }
        return replicates(fit).share(part, whole);
    }

    private List<DerivedEstimate> byLevel(JointFit fit, String covariate) {
        List<DerivedEstimate> out = new ArrayList<>();
        for (String level : fit.table().levels(covariate)) {
            out.add(population(fit, Selection.where(covariate, level)));
        }
        return out;
    }

    private JointBootstrap.Replicates replicates(JointFit fit) {
        if (replicates == null) {
            JointBootstrap boot = JointBootstrap.withDefaults().withReplicates(request.replicates())
                    .withSeed(request.seed());
            replicates = request.resample() ? boot.nonparametric(table, search, estimator) : boot.parametric(fit);
        }
        return replicates;
    }

    private String intervalMethod(JointFit fit) {
        if (!request.bootstrap()) {
            return "Wald on the log of the unobserved count (shares: on the logit), conditional on the model";
        }
        if (request.resample()) {
            return String.format(Locale.ROOT, "nonparametric bootstrap re-running the selection in every"
                    + " replicate (persons resampled, n fixed), percentile, %d replicates (seed %d), %d failed (no"
                    + " estimate, left out); BCa not computed", request.replicates(), request.seed(),
                    replicates(fit).failed());
        }
        return String.format(Locale.ROOT, "parametric bootstrap, percentile, %d replicates (seed %d), %d failed (no"
                + " estimate, left out), conditional on the model", request.replicates(), request.seed(),
                replicates(fit).failed());
    }

    String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Lists: %s; covariates: %s%n", String.join(", ", table.lists()),
                describeCovariates()));
        b.append(String.format(Locale.ROOT, "Observed: %,d fully classified; %,d with an unknown covariate value"
                + " (%s)%n", table.observed(), table.partiallyClassified(), estimator.unknownValues().description()));
        b.append("Model chosen by: ").append(chosenBy).append('\n');
        if (!(outcome instanceof JointFit fit)) {
            b.append("Model: ").append(outcome.model().formula()).append('\n');
            b.append("No estimate: ").append(reason()).append('\n');
            return b.toString();
        }
        b.append("Model: ").append(fit.model().formula()).append('\n');
        b.append(String.format(Locale.ROOT, "Reference levels: %s (unless given, the level with the most observed"
                + " persons; estimates do not depend on them)%n", fit.referenceLevels()));
        b.append(String.format(Locale.ROOT, "Fit: deviance %.4f on %d df; AIC %.4f; BIC %.4f%s%n", fit.deviance(),
                fit.degreesOfFreedom(), fit.criterion(InformationCriterion.AIC),
                fit.criterion(InformationCriterion.BIC), fit.emSteps() > 0 ? "; EM steps " + fit.emSteps() : ""));
        if (request.intervals()) {
            b.append(String.format(Locale.ROOT, "Intervals: %.0f%%, %s%n", 100 * fit.confidenceLevel(),
                    intervalMethod(fit)));
            if (request.resample()) {
                List<java.util.Map.Entry<String, Integer>> chosen = new ArrayList<>(replicates(fit).selectedModels()
                        .entrySet());
                chosen.sort((x, y) -> Integer.compare(y.getValue(), x.getValue()));
                b.append(String.format(Locale.ROOT, "Models chosen in the replicates (%d different; the most"
                        + " frequent):%n", chosen.size()));
                for (var e : chosen.subList(0, Math.min(5, chosen.size()))) {
                    b.append(String.format(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey()));
                }
            }
        }
        for (String note : fit.emptyMargins()) {
            b.append("Fitted as 0 (extended MLE): ").append(note).append('\n');
        }
        DerivedEstimate total = population(fit, Selection.all());
        b.append('\n').append(row("total", total, Double.NaN));
        for (String covariate : table.covariates()) {
            b.append("\nby ").append(covariate).append('\n');
            List<String> levels = fit.table().levels(covariate);
            List<DerivedEstimate> per = byLevel(fit, covariate);
            for (int i = 0; i < levels.size(); i++) {
                b.append("  ").append(row(levels.get(i), per.get(i), per.get(i).estimate() / total.estimate()));
            }
        }
        if (table.covariates().size() > 1) {
            b.append("\nby ").append(String.join(" x ", table.covariates())).append('\n');
            for (int c = 0; c < fit.table().cellCount(); c++) {
                Selection cell = cellSelection(fit, c);
                b.append("  ").append(row(String.join(" ", fit.table().levelsOfCell(c)), population(fit, cell),
                        Double.NaN));
            }
        }
        if (!shareSelections.isEmpty()) {
            b.append("\nshares\n");
            for (Selection[] s : shareSelections) {
                DerivedEstimate e = share(fit, s[0], s[1]);
                b.append(String.format(Locale.ROOT, "  %s in %s: %.2f%%", s[0], s[1], 100 * e.estimate()));
                if (request.intervals()) {
                    b.append(String.format(Locale.ROOT, " (%.2f%% to %.2f%%)", 100 * e.lower(), 100 * e.upper()));
                }
                b.append(String.format(Locale.ROOT, "; observed %.2f%%%n", 100 * e.observed()));
            }
        }
        if (selection != null) {
            b.append(String.format(Locale.ROOT, "%nSensitivity: the best models by %s (complete cases)%n",
                    selection.criterion().name()));
            b.append(JointSelection.sensitivity(selection, Selection.all(), 5).indent(2));
        }
        return b.toString();
    }

    private String row(String label, DerivedEstimate e, double shareOfTotal) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-28s %,12.1f", label, e.estimate()));
        if (request.intervals()) {
            b.append(String.format(Locale.ROOT, " (%,.1f to %,.1f)", e.lower(), e.upper()));
        }
        b.append(String.format(Locale.ROOT, "; observed %,.1f", e.observed()));
        if (!Double.isNaN(shareOfTotal)) {
            b.append(String.format(Locale.ROOT, "; %.1f%% of the total", 100 * shareOfTotal));
        }
        return b.append('\n').toString();
    }

    private static Selection cellSelection(JointFit fit, int cell) {
        Selection s = Selection.all();
        List<String> values = fit.table().levelsOfCell(cell);
        for (int j = 0; j < values.size(); j++) {
            s = s.and(fit.table().covariates().get(j), values.get(j));
        }
        return s;
    }

    private String describeCovariates() {
        List<String> parts = new ArrayList<>();
        for (String c : table.covariates()) {
            parts.add(c + " (" + String.join(", ", table.levels(c)) + ")");
        }
        return String.join("; ", parts);
    }

    private String reason() {
        if (outcome instanceof JointNotEstimable n) {
            return n.reason() + (n.offendingCells().isEmpty() ? "" : "; cells: " + String.join("; ",
                    n.offendingCells()));
        }
        JointDidNotConverge d = (JointDidNotConverge) outcome;
        return String.format(Locale.ROOT, "the fit did not converge in %d steps (deviance %.6g)", d.iterations(),
                d.deviance());
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode lists = root.putArray("lists");
        table.lists().forEach(lists::add);
        ObjectNode covs = root.putObject("covariates");
        for (String c : table.covariates()) {
            ArrayNode levels = covs.putArray(c);
            table.levels(c).forEach(levels::add);
        }
        root.put("observed", table.observed());
        root.put("partiallyClassified", table.partiallyClassified());
        root.put("unknownValues", estimator.unknownValues().name().toLowerCase(Locale.ROOT));
        root.put("chosenBy", chosenBy);
        if (!(outcome instanceof JointFit fit)) {
            ObjectNode error = root.putObject("error");
            error.put("code", outcome instanceof JointNotEstimable ? "not_estimable" : "did_not_converge");
            error.put("message", reason());
            if (outcome instanceof JointNotEstimable n) {
                ArrayNode cells = error.putArray("offendingCells");
                n.offendingCells().forEach(cells::add);
                ArrayNode terms = error.putArray("offendingTerms");
                n.offendingTerms().forEach(terms::add);
            }
            return root;
        }
        ObjectNode model = root.putObject("model");
        model.put("formula", fit.model().formula());
        ArrayNode terms = model.putArray("terms");
        fit.model().terms().forEach(terms::add);
        model.put("deviance", fit.deviance());
        model.put("df", fit.degreesOfFreedom());
        model.put("aic", fit.criterion(InformationCriterion.AIC));
        model.put("bic", fit.criterion(InformationCriterion.BIC));
        model.put("emSteps", fit.emSteps());
        ObjectNode refs = model.putObject("referenceLevels");
        fit.referenceLevels().forEach(refs::put);
        ArrayNode notes = model.putArray("fittedAsZero");
        fit.emptyMargins().forEach(notes::add);
        ObjectNode ci = root.putObject("ci");
        ci.put("method", !request.intervals() ? "none" : request.resample()
                ? "bootstrap-selection-percentile" : request.bootstrap() ? "bootstrap-percentile"
                : "wald-log (shares: wald-logit)");
        if (request.bootstrap()) {
            ci.put("description", intervalMethod(fit));
            ci.put("replicates", request.replicates());
            ci.put("seed", request.seed());
            ci.put("failedReplicates", replicates(fit).failed());
            if (request.resample()) {
                ObjectNode chosen = ci.putObject("modelsChosen");
                replicates(fit).selectedModels().forEach(chosen::put);
            }
        }
        ci.put("level", fit.confidenceLevel());
        root.set("total", derived(mapper, population(fit, Selection.all())));
        ObjectNode byLevel = root.putObject("byLevel");
        for (String covariate : table.covariates()) {
            ArrayNode arr = byLevel.putArray(covariate);
            List<String> levels = fit.table().levels(covariate);
            List<DerivedEstimate> per = byLevel(fit, covariate);
            for (int i = 0; i < levels.size(); i++) {
                arr.add(derived(mapper, per.get(i)).put("level", levels.get(i)));
            }
        }
        ArrayNode crossing = root.putArray("byCrossing");
        for (int c = 0; c < fit.table().cellCount(); c++) {
            ObjectNode node = derived(mapper, population(fit, cellSelection(fit, c)));
            ObjectNode levels = node.putObject("levels");
            List<String> values = fit.table().levelsOfCell(c);
            for (int j = 0; j < values.size(); j++) {
                levels.put(fit.table().covariates().get(j), values.get(j));
            }
            crossing.add(node);
        }
        ArrayNode shareNodes = root.putArray("shares");
        for (Selection[] s : shareSelections) {
            shareNodes.add(derived(mapper, share(fit, s[0], s[1])).put("part", s[0].toString())
                    .put("whole", s[1].toString()));
        }
        if (selection != null) {
            ArrayNode ranked = root.putArray("sensitivity");
            for (int i = 0; i < Math.min(5, selection.ranked().size()); i++) {
                JointSelection.Candidate c = selection.ranked().get(i);
                ObjectNode node = ranked.addObject().put("model", c.model().formula())
                        .put("criterion", c.criterion());
                if (c.outcome() instanceof JointFit f) {
                    node.put("total", f.population(Selection.all()).estimate());
                }
            }
        }
        return root;
    }

    private ObjectNode derived(ObjectMapper mapper, DerivedEstimate e) {
        ObjectNode node = mapper.createObjectNode();
        node.put("estimate", e.estimate());
        if (request.intervals()) {
            EstimateCommand.putLimit(node, "lower", e.lower());
            EstimateCommand.putLimit(node, "upper", e.upper());
        }
        node.put("observed", e.observed());
        return node;
    }
}
