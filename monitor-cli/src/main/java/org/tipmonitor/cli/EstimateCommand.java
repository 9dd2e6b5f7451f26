package org.tipmonitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.ClosedPopulationModel;
import org.tipmonitor.indicators.estimation.DidNotConverge;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.data.LinkedRegistrations;
import org.tipmonitor.indicators.estimation.data.ListDefinition;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.ModelFit;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.fit.ProfileLikelihoodEstimator;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.bootstrap.JointBootstrap;
import org.tipmonitor.indicators.estimation.selection.JointSelection;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.MonitorData;
import org.tipmonitor.io.ResultJson;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code monitor estimate}: a population estimate by multiple systems estimation from a counts CSV or from the
 * linked registrations of an exchange file. With {@code --format json} it prints one object (or
 * {@code {"error":{...}}} and exit status 1 when no estimate exists).
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = EstimateCommand.SYNOPSIS,
        description = "Estimate the population size from overlapping lists (multiple systems estimation).")
final class EstimateCommand implements Callable<Integer> {

    /**
     * The synopsis: the one required choice and the options, each described in the list below it. Picocli's own
     * synopsis of this many options ran over eleven lines and broke list options inside their brackets
     * ({@code [--candidates=TERMS[,} / {@code TERMS...]]...}); issue 15.
     */
    static final String SYNOPSIS = "monitor estimate (--counts=FILE.csv | --input=FILE) [OPTIONS]";

    /** Where the lists come from: a counts table, or an exchange file with a list definition. */
    static final class Source {
        @Option(names = "--counts", paramLabel = "FILE.csv",
                description = "Counts table: one 0/1 column per list and a final count (or Freq) column.")
        Path counts;

        @Option(names = "--input", paramLabel = "FILE", description = "Exchange file whose registrations to link.")
        Path input;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--lists", paramLabel = "SPEC", defaultValue = "dutch",
            description = "With --input: NAME=code[,code...];... with reporter codes and * for the rest, or 'dutch'"
                    + " for I,K,O,P,R,Z (default: ${DEFAULT-VALUE}).")
    String lists;

    @Option(names = "--period", paramLabel = "YYYY[-YYYY]", description = "With --input: registration years"
            + " (default: every year, " + ALL_YEARS_FIRST + "-" + ALL_YEARS_LAST + ").")
    String period;

    @Option(names = "--by", paramLabel = "COVARIATES", split = ",", hideParamSyntax = true,
            description = "With --input: one joint model over the lists and these covariates, comma separated"
                    + " (year, sex, minor, form, dutch; e.g. year,form,minor), with list x covariate terms,"
                    + " estimating per level, per crossing, in total and shares (default: none, one model over"
                    + " the lists).")
    List<LinkedRegistrations.Covariate> by;

    @Option(names = "--covariates", paramLabel = "NAMES", split = ",", hideParamSyntax = true,
            description = "With --counts: the names of the covariate columns, comma separated (R's data-frame"
                    + " layout: 0/1 list columns, covariate columns, count); fits the joint model as --by does"
                    + " (default: none).")
    List<String> covariates;

    @Option(names = "--reference", paramLabel = "COVARIATE=LEVEL", split = ",", hideParamSyntax = true,
            description = "With --by or --covariates: the reference level of a covariate, comma separated for"
                    + " several (default: its level with the most observed persons; estimates do not depend on"
                    + " it).")
    Map<String, String> reference;

    @Option(names = "--merge", paramLabel = "COVARIATE=LEVEL+LEVEL...",
            description = "With --by or --covariates: merge levels of a covariate into the last one named, e.g."
                    + " form=organ_removal+other (repeatable), so that every level is seen by more than one list"
                    + " (default: no level merged).")
    List<String> merges;

    @Option(names = "--unknown", defaultValue = "em", paramLabel = "TREATMENT",
            description = "With --by or --covariates, persons with an unknown covariate value: em (distributed by"
                    + " EM, missing at random), drop (complete cases), level (a level of its own) or refuse"
                    + " (default: ${DEFAULT-VALUE}).")
    String unknown;

    @Option(names = "--search", defaultValue = "pairs", paramLabel = "CANDIDATES",
            description = "With --by or --covariates and a criterion model: pairs (every list x covariate term"
                    + " kept, list pairs searched stepwise), all (the candidates searched stepwise) or exhaustive"
                    + " (every hierarchical subset of the candidates fitted) (default: ${DEFAULT-VALUE}).")
    String search;

    @Option(names = "--candidates", split = ",", paramLabel = "TERMS", hideParamSyntax = true,
            description = "With --search all or exhaustive: the candidate terms, e.g. \"P:O,P:minor,O:year\""
                    + " (default: every list pair and every list x covariate term).")
    List<String> candidates;

    @Option(names = "--max-models", paramLabel = "N",
            description = "With --search exhaustive: the most models it may fit, 1 to 65536 (default: 4096).")
    Integer maxModels;

    @Option(names = "--share", paramLabel = "PART in WHOLE",
            description = "With --by or --covariates: a share to estimate, e.g. \"minor=minor in"
                    + " form=domestic_sexual\" (restrictions joined by ','; WHOLE may be 'all'; repeatable) (default:"
                    + " none).")
    List<String> shares;

    @Option(names = "--model", defaultValue = "stepwise", paramLabel = "MODEL",
            description = "independence, stepwise, aic, aicc, bic, a formula such as \"A + B + C + A:B\", or"
                    + " rcapture (Rcapture's M0, Mt, Mh and Mth models side by side) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--ci", defaultValue = "wald", paramLabel = "METHOD",
            description = "wald, profile, bootstrap, bootstrap-selection or none (default: ${DEFAULT-VALUE}).")
    String ci;

    /** The years of --period when it is not given. */
    static final int ALL_YEARS_FIRST = 1990;
    static final int ALL_YEARS_LAST = 2100;

    /** Bounds of --replicates: the library's least (10) and a most that ends in minutes on six lists. */
    static final int MIN_REPLICATES = 10;
    static final int MAX_REPLICATES = 100_000;
    /** Bounds of --level: beyond 0.9999 the interval's normal quantile nears the end of double precision. */
    static final double MIN_LEVEL = 0.5;
    static final double MAX_LEVEL = 0.9999;

    @Option(names = "--replicates", defaultValue = "1000", paramLabel = "N",
            description = "Bootstrap replicates, " + MIN_REPLICATES + " to " + MAX_REPLICATES
                    + " (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--random", defaultValue = "splittable", paramLabel = "SOURCE",
            description = "Bootstrap random numbers: splittable (fast), or r (R's set.seed, Mersenne-Twister and"
                    + " rmultinom over the CSV's rows, for SparseMSE's intervals to the digit; with --ci"
                    + " bootstrap-selection and --model stepwise, independence or a formula)"
                    + " (default: ${DEFAULT-VALUE}).")
    BootstrapEstimator.RandomSource random;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level, " + MIN_LEVEL + " to " + MAX_LEVEL + " (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** The --model value that compares Rcapture's closed-population models. */
    private static final String RCAPTURE = "rcapture";

    /**
     * The rules that mean the options asked for what the library refuses (a model formula, a list definition or
     * period, a reference level, a covariate or level name, a covariate column not in the CSV, a search too large
     * for its limit): a usage error, exit 2. Every other {@link IndicatorException} is about the data, exit 1.
     */
    static final Set<IndicatorRule> USAGE_RULES = EnumSet.of(
            IndicatorRule.FORMULA_EMPTY_TERM, IndicatorRule.FORMULA_UNKNOWN_LIST, IndicatorRule.FORMULA_REPEATED_LIST,
            IndicatorRule.FORMULA_NOT_HIERARCHICAL, IndicatorRule.FORMULA_MISSING_MAIN_EFFECT,
            IndicatorRule.FORMULA_BAD_CHARACTER,
            IndicatorRule.COVARIATE_FORMULA_EMPTY_TERM, IndicatorRule.COVARIATE_FORMULA_UNKNOWN_NAME,
            IndicatorRule.COVARIATE_FORMULA_REPEATED_NAME, IndicatorRule.COVARIATE_FORMULA_MISSING_MAIN,
            IndicatorRule.COVARIATE_FORMULA_NOT_HIERARCHICAL, IndicatorRule.COVARIATE_FORMULA_BAD_CHARACTER,
            IndicatorRule.LIST_SPEC_ENTRY, IndicatorRule.LIST_SPEC_CODE, IndicatorRule.LIST_SPEC_TWICE,
            IndicatorRule.LIST_SPEC_NAME, IndicatorRule.LIST_SPEC_CATCH_ALL, IndicatorRule.LIST_SPEC_COUNT,
            IndicatorRule.YEAR_RANGE_TOO_LONG, IndicatorRule.YEAR_RANGE_NOT_ORDERED,
            IndicatorRule.COVARIATE_CSV_UNKNOWN_COVARIATE, IndicatorRule.COVARIATE_UNKNOWN_REFERENCE,
            IndicatorRule.UNKNOWN_COVARIATE, IndicatorRule.COVARIATE_UNKNOWN_LEVEL, IndicatorRule.COVARIATE_SELECTION,
            IndicatorRule.COVARIATE_EXHAUSTIVE_TOO_MANY);

    /** Created only for JSON output: building a mapper costs a noticeable part of a short process's run. */
    private ObjectMapper mapper;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        if (by != null || covariates != null) {
            return joint(out);
        }
        CaptureHistories table = source.counts != null ? readCounts(source.counts) : readLinked().table();
        if (RCAPTURE.equalsIgnoreCase(model)) {
            return rcapture(out, table);
        }
        EstimationOutcome outcome;
        try {
            LogLinearModel chosen = chooseModel(table);
            outcome = withInterval(table, chosen);
        } catch (IndicatorException e) {
            return failed(out, e);
        }
        return print(out, table, outcome);
    }

    private void checkOptions() {
        if (source.counts != null && (period != null || by != null)) {
            throw new ParameterException(spec.commandLine(), "--period and --by need --input, not --counts");
        }
        if (source.input != null && covariates != null) {
            throw new ParameterException(spec.commandLine(), "--covariates names the columns of --counts; with"
                    + " --input use --by");
        }
        boolean joint = by != null || covariates != null;
        if (!joint && (reference != null || shares != null || merges != null)) {
            throw new ParameterException(spec.commandLine(), "--reference, --share and --merge need --by or"
                    + " --covariates");
        }
        if (joint && !List.of("wald", "bootstrap", "bootstrap-selection", "none").contains(ci)) {
            throw new ParameterException(spec.commandLine(), "--ci " + ci + " is not available for models with"
                    + " covariates: use --ci wald (log scale for populations, logit for shares), bootstrap"
                    + " (parametric, percentile), bootstrap-selection (nonparametric, the selection re-run,"
                    + " percentile) or none");
        }
        if (joint && "bootstrap-selection".equals(ci)
                && !List.of("stepwise", "bic", "aic", "aicc").contains(model.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--ci bootstrap-selection re-runs the model selection"
                    + " in every replicate: use --model stepwise, bic, aic or aicc (for a fixed model use --ci"
                    + " bootstrap)");
        }
        if (joint && ("bootstrap".equals(ci) || "bootstrap-selection".equals(ci))
                && (replicates < 10 || replicates > JointBootstrap.MAX_REPLICATES)) {
            throw new ParameterException(spec.commandLine(), "--replicates must lie in 10.."
                    + JointBootstrap.MAX_REPLICATES + " for the bootstrap of a model with covariates: " + replicates);
        }
        if (joint && !List.of("em", "drop", "level", "refuse").contains(unknown)) {
            throw new ParameterException(spec.commandLine(), "--unknown must be em, drop, level or refuse: "
                    + unknown);
        }
        if (joint && !List.of("pairs", "all", "exhaustive").contains(search)) {
            throw new ParameterException(spec.commandLine(), "--search must be pairs, all or exhaustive: "
                    + search);
        }
        if (candidates != null && (!joint || "pairs".equals(search))) {
            throw new ParameterException(spec.commandLine(), "--candidates needs --by or --covariates and --search"
                    + " all or exhaustive (--search pairs searches the list pairs with every list x covariate term"
                    + " kept)");
        }
        if (maxModels != null && (!joint || !"exhaustive".equals(search))) {
            throw new ParameterException(spec.commandLine(), "--max-models needs --by or --covariates and --search"
                    + " exhaustive");
        }
        if (maxModels != null && (maxModels < 1 || maxModels > JointSelection.MAX_MODEL_LIMIT)) {
            throw new ParameterException(spec.commandLine(), "--max-models must be from 1 to "
                    + JointSelection.MAX_MODEL_LIMIT + ": " + maxModels);
        }
        if (RCAPTURE.equalsIgnoreCase(model) && (by != null || !("wald".equals(ci) || "none".equals(ci)))) {
            throw new ParameterException(spec.commandLine(),
                    "--model rcapture compares the models on one table with Wald-log intervals: no --by, --ci wald");
        }
        if (random == BootstrapEstimator.RandomSource.R) {
            String m = model.toLowerCase(Locale.ROOT);
            boolean search = List.of("aic", "aicc", "bic", RCAPTURE).contains(m);
            if (!"bootstrap-selection".equals(ci) || by != null || search) {
                throw new ParameterException(spec.commandLine(), "--random r reproduces R's nonparametric bootstraps"
                        + " of stepwise selection and of a fixed model: use --ci bootstrap-selection with --model"
                        + " stepwise, independence or a formula");
            }
            if (seed != (int) seed || seed == Integer.MIN_VALUE) {
                throw new ParameterException(spec.commandLine(),
                        "--random r needs a seed in R's integer range -2147483647..2147483647: " + seed);
            }
        }
        if (by != null && new java.util.HashSet<>(by).size() != by.size()) {
            throw new ParameterException(spec.commandLine(), "--by names a covariate twice: "
                    + by.stream().map(LinkedRegistrations.Covariate::code).collect(Collectors.joining(",")));
        }
        if (!(level >= MIN_LEVEL && level <= MAX_LEVEL)) {
            throw new ParameterException(spec.commandLine(), "--level must be from " + MIN_LEVEL + " to "
                    + MAX_LEVEL + ": " + level);
        }
        if (replicates < MIN_REPLICATES || replicates > MAX_REPLICATES) {
            throw new ParameterException(spec.commandLine(), "--replicates must be from " + MIN_REPLICATES + " to "
                    + MAX_REPLICATES + ": " + replicates);
        }
        if (!List.of("wald", "profile", "bootstrap", "bootstrap-selection", "none").contains(ci)) {
            throw new ParameterException(spec.commandLine(), "--ci must be wald, profile, bootstrap,"
                    + " bootstrap-selection or none: " + ci);
        }
    }

    private CaptureHistories readCounts(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CaptureHistories.fromCsv(reader);
        }
    }

    /** The registrations and victims of an exchange file, linked per person. */
    private record Linked(List<Registration> registrations, Map<PersonKey, Victim> victims, ListDefinition lists,
                          YearRange years) {
        CaptureHistories table() {
            return LinkedRegistrations.of(registrations, lists, years);
        }
    }

    private Linked readLinked() {
        MonitorCli.quietValidatorLog();
        ListDefinition definition;
        YearRange years;
        try {
            definition = "dutch".equals(lists) ? ListDefinition.dutchSixLists() : ListDefinition.parse(lists);
            years = parsePeriod(period);
        } catch (IndicatorException e) {
            throw usage(e);
        }
        MonitorData data = ExchangeReader.withDefaults().readData(source.input);
        ValidationReport report = data.report();
        if (!report.isValid()) {
            spec.commandLine().getErr().println("monitor: " + source.input + " has " + report.problemCount()
                    + " problem(s); estimating from the " + data.registrations().size() + " accepted registrations"
                    + " (run 'monitor validate' for the list)");
        }
        return new Linked(data.registrations(), data.victimsByKey(), definition, years);
    }

    private YearRange parsePeriod(String text) {
        if (text == null) {
            return YearRange.of(ALL_YEARS_FIRST, ALL_YEARS_LAST);
        }
        String[] parts = text.split("-", -1);
        try {
            int first = Integer.parseInt(parts[0]);
            int last = parts.length == 2 ? Integer.parseInt(parts[1]) : first;
            if (parts.length > 2) {
                throw new NumberFormatException(text);
            }
            return YearRange.of(first, last);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--period must be YYYY or YYYY-YYYY: " + text);
        }
    }

    private LogLinearModel chooseModel(CaptureHistories table) {
        switch (model.toLowerCase(Locale.ROOT)) {
            case "independence":
                return LogLinearModel.mainEffects(table.listNames());
            case "stepwise":
                return StepwiseSelection.withDefaults().select(table).model();
            case "aic":
                return search(table, InformationCriterion.AIC);
            case "aicc":
                return search(table, InformationCriterion.AICC);
            case "bic":
                return search(table, InformationCriterion.BIC);
            default:
                return LogLinearModel.parse(table.listNames(), model);
        }
    }

    private static LogLinearModel search(CaptureHistories table, InformationCriterion criterion) {
        ExhaustiveSearch.Result result = ExhaustiveSearch.withDefaults().withCriterion(criterion).search(table);
        if (result.ranking().isEmpty()) {
            return LogLinearModel.mainEffects(table.listNames());
        }
        return result.ranking().get(0).model();
    }

    private EstimationOutcome withInterval(CaptureHistories table, LogLinearModel chosen) {
        switch (ci) {
            case "profile":
                return ProfileLikelihoodEstimator.withDefaults().withConfidenceLevel(level).estimate(table, chosen);
            case "bootstrap":
                return bootstrap().parametric(table, chosen);
            case "bootstrap-selection":
                return selectionBootstrap(table);
            default:
                return LogLinearEstimator.withDefaults().withConfidenceLevel(level).estimate(table, chosen);
        }
    }

    private BootstrapEstimator bootstrap() {
        return BootstrapEstimator.withDefaults().withReplicates(replicates).withSeed(seed)
                .withConfidenceLevel(level).withRandomSource(random);
    }

    /** The nonparametric BCa bootstrap that re-runs the chosen selection in every replicate. */
    private EstimationOutcome selectionBootstrap(CaptureHistories table) {
        switch (model.toLowerCase(Locale.ROOT)) {
            case "stepwise":
                return bootstrap().nonparametric(table, StepwiseSelection.withDefaults());
            case "aic":
                return bootstrap().nonparametric(table, ExhaustiveSearch.withDefaults()
                        .withCriterion(InformationCriterion.AIC));
            case "aicc":
                return bootstrap().nonparametric(table, ExhaustiveSearch.withDefaults()
                        .withCriterion(InformationCriterion.AICC));
            case "bic":
                return bootstrap().nonparametric(table, ExhaustiveSearch.withDefaults()
                        .withCriterion(InformationCriterion.BIC));
            default:
                return bootstrap().nonparametric(table, chooseModel(table));
        }
    }

    /** A model over lists and covariates: the table, the estimator and the model or search, then the output. */
    private Integer joint(PrintWriter out) throws IOException {
        CovariateTable table;
        try {
            if (source.counts != null) {
                try (Reader reader = Files.newBufferedReader(source.counts, StandardCharsets.UTF_8)) {
                    table = CovariateTable.fromCsv(reader, covariates);
                }
            } else {
                Linked linked = readLinked();
                table = LinkedRegistrations.table(linked.registrations(), linked.victims(), linked.lists(),
                        linked.years(), by);
            }
        } catch (IndicatorException e) {
            return failed(out, e);
        }
        for (String merge : merges == null ? List.<String>of() : merges) {
            int eq = merge.indexOf('=');
            List<String> levels = eq < 0 ? List.of() : List.of(merge.substring(eq + 1).split("\\+"));
            if (eq <= 0 || levels.size() < 2) {
                throw new ParameterException(spec.commandLine(), "--merge must be COVARIATE=LEVEL+LEVEL[+...]: "
                        + merge);
            }
            try {
                table = table.mergeLevels(merge.substring(0, eq), levels, levels.get(levels.size() - 1));
            } catch (IndicatorException e) {
                throw usage(e);
            }
        }
        JointEstimator estimator = JointEstimator.withDefaults().withConfidenceLevel(level)
                .withUnknownValues(switch (unknown) {
                    case "drop" -> UnknownValues.DROP;
                    case "level" -> UnknownValues.OWN_LEVEL;
                    case "refuse" -> UnknownValues.REFUSE;
                    default -> UnknownValues.EM;
                });
        if (reference != null) {
            for (Map.Entry<String, String> e : reference.entrySet()) {
                estimator = estimator.withReference(e.getKey(), e.getValue());
            }
        }
        JointReport.Request request = new JointReport.Request(model, search, shares == null ? List.of() : shares,
                !"none".equals(ci), "bootstrap".equals(ci) || "bootstrap-selection".equals(ci) ? replicates : 0,
                seed, "bootstrap-selection".equals(ci), candidates,
                maxModels == null ? JointSelection.DEFAULT_MODEL_LIMIT : maxModels);
        JointReport result;
        try {
            result = JointReport.of(table, estimator, request);
        } catch (IndicatorException e) {
            return failed(out, e);
        }
        if (format == OutputFormat.JSON) {
            out.println(result.toJson(json()).toString());
        } else {
            out.print(result.toText());
        }
        out.flush();
        return result.estimated() ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    /**
     * An exception of the library, by its rule: a usage error (exit 2, its code printed once, by
     * {@link Failure#usage}) for what the options got wrong ({@link #USAGE_RULES}), else "no estimate" (exit 1).
     */
    private int failed(PrintWriter out, IndicatorException e) {
        if (USAGE_RULES.contains(e.rule())) {
            throw usage(e);
        }
        return error(out, e.code(), e.detail());
    }

    /** A usage error that carries the library's exception: its rule's code is the one the tool prints. */
    private ParameterException usage(IndicatorException e) {
        return new ParameterException(spec.commandLine(), e.getMessage(), e);
    }

    /** Rcapture's closed-population models side by side ({@code closedp.t}). */
    private Integer rcapture(PrintWriter out, CaptureHistories table) {
        ClosedPopulationModel.Comparison comparison;
        try {
            comparison = ClosedPopulationModel.compare(table, level);
        } catch (IndicatorException e) {
            return failed(out, e);
        }
        boolean any = comparison.outcomes().stream().anyMatch(Estimate.class::isInstance);
        if (format == OutputFormat.JSON) {
            ObjectNode root = json().createObjectNode();
            ArrayNode listNames = root.putArray("lists");
            table.listNames().forEach(listNames::add);
            root.put("observed", table.observed());
            ArrayNode models = root.putArray("models");
            for (int i = 0; i < comparison.models().size(); i++) {
                ObjectNode node = models.addObject();
                node.put("model", comparison.models().get(i).label());
                EstimationOutcome outcome = comparison.outcomes().get(i);
                if (outcome instanceof Estimate e && e.fit().isPresent()) {
                    node.put("estimate", e.estimate());
                    node.put("stderr", e.standardError());
                    node.put("deviance", e.fit().get().deviance());
                    node.put("df", e.fit().get().degreesOfFreedom());
                    node.put("aic", e.fit().get().aic());
                    node.put("bic", e.fit().get().bic());
                    putInterval(node, e);
                } else {
                    putError(node, errorCode(outcome), errorMessage(outcome));
                }
            }
            out.println(root.toString());
        } else {
            out.printf(Locale.ROOT, "Lists: %s; observed %,d%n", String.join(", ", table.listNames()),
                    table.observed());
            boolean intervals = !"none".equals(ci);
            out.printf(Locale.ROOT, "Rcapture's closed-population models (Poisson estimates%s):%n",
                    intervals ? String.format(Locale.ROOT, ", %.0f%% Wald-log intervals", 100 * level) : "");
            out.print(comparison.table(intervals));
        }
        out.flush();
        return any ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    private Integer print(PrintWriter out, CaptureHistories table, EstimationOutcome outcome) {
        if (format == OutputFormat.JSON) {
            // The library's estimate document (the shape of the report's populationEstimate), also when the
            // outcome is not an estimate: {method, lists, error: {code, message}}.
            out.println(ResultJson.withDefaults().withIntervals(!"none".equals(ci)).estimate(outcome));
        } else {
            out.print(text(table, outcome, null, true));
        }
        out.flush();
        return outcome instanceof Estimate ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    /**
     * {@code "ci": {method, level, lower, upper}} of one of Rcapture's models (Wald-log intervals; {@code --model
     * rcapture} takes no bootstrap), only the method ("none") and level with {@code --ci none}.
     */
    private void putInterval(ObjectNode node, Estimate e) {
        ObjectNode interval = node.putObject("ci");
        interval.put("method", "none".equals(ci) ? "none" : e.interval().method().name().toLowerCase(Locale.ROOT));
        interval.put("level", e.interval().level());
        if (!"none".equals(ci)) {
            putLimit(interval, "lower", e.interval().lower());
            putLimit(interval, "upper", e.interval().upper());
        }
    }

    /**
     * A numeric field that is always a number or null: a limit that is not finite (a profile limit not found
     * within range, an interval that does not close) is null with a reason beside it, never the string
     * "Infinity" (issue 13).
     */
    static void putLimit(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
            node.put(field + "Missing", value > 0 ? "the interval has no finite upper limit at this level"
                    : "the interval has no finite limit at this level");
        }
    }

    /** {@code "error": {code, message}}, the JSON form of every failure. */
    private static void putError(ObjectNode node, String code, String message) {
        ObjectNode error = node.putObject("error");
        error.put("code", code);
        error.put("message", message);
    }

    private String text(CaptureHistories table, EstimationOutcome outcome, String heading, boolean withFit) {
        StringBuilder text = new StringBuilder();
        if (heading != null) {
            text.append(heading).append('\n');
        }
        text.append(String.format(Locale.ROOT, "Lists: %s; observed %,d%n", String.join(", ", table.listNames()),
                table.observed()));
        if (outcome instanceof Estimate e) {
            text.append(String.format(Locale.ROOT, "Estimate: %,.1f (unobserved %,.1f)%n", e.estimate(),
                    e.unobserved()));
            if (!"none".equals(ci)) {
                text.append(String.format(Locale.ROOT, "%.0f%% interval (%s%s): %,.1f to %,.1f%n",
                        100 * e.interval().level(), e.interval().method().name().toLowerCase(Locale.ROOT),
                        bootstrapText(e), e.interval().lower(), e.interval().upper()));
            }
            if (withFit) {
                e.fit().ifPresent(fit -> text.append(fitText(fit)));
            }
            e.warnings().forEach(w -> text.append("Warning: ").append(w).append('\n'));
        } else {
            text.append("No estimate: ").append(errorCode(outcome)).append(' ').append(errorMessage(outcome))
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * For a bootstrap interval, its replicates as the estimator recorded them (issue 15: the output omitted their
     * number), e.g. {@code "; 1,000 replicates, 998 with an estimate; seed 1, SplittableRandom"}; empty otherwise.
     */
    static String bootstrapText(Estimate e) {
        Map<String, String> definitions = e.provenance().definitions();
        if (!definitions.containsKey(BootstrapEstimator.REPLICATES)) {
            return "";
        }
        return String.format(Locale.ROOT, "; %,d replicates, %,d with an estimate; seed %s, %s",
                Integer.parseInt(definitions.get(BootstrapEstimator.REPLICATES)),
                Integer.parseInt(definitions.get(BootstrapEstimator.REPLICATES_USED)),
                definitions.get(BootstrapEstimator.SEED), definitions.get(BootstrapEstimator.RANDOM_SOURCE));
    }

    private static String fitText(ModelFit fit) {
        return String.format(Locale.ROOT, "Model: %s%nDeviance %.4f on %d df; AIC %.4f; BIC %.4f%n", fit.formula(),
                fit.deviance(), fit.degreesOfFreedom(), fit.aic(), fit.bic());
    }

    private static String errorCode(EstimationOutcome outcome) {
        if (outcome instanceof NotEstimable n) {
            return "not_estimable_" + n.status().name().toLowerCase(Locale.ROOT);
        }
        return outcome instanceof DidNotConverge ? "did_not_converge" : "none";
    }

    private static String errorMessage(EstimationOutcome outcome) {
        if (outcome instanceof NotEstimable n) {
            return n.reason() + (n.offendingTerms().isEmpty() ? "" : " (terms " + String.join(", ",
                    n.offendingTerms()) + ")");
        }
        if (outcome instanceof DidNotConverge d) {
            return String.format(Locale.ROOT, "the fit did not converge in %d iterations (last deviance %.6g)",
                    d.iterations(), d.lastDeviance());
        }
        return "";
    }

    private int error(PrintWriter out, String code, String message) {
        if (format == OutputFormat.JSON) {
            ObjectNode root = json().createObjectNode();
            putError(root, code, message);
            out.println(root.toString());
        } else {
            spec.commandLine().getErr().println("monitor: no estimate: " + code + ": " + message);
        }
        out.flush();
        return MonitorCli.DATA_FAILED;
    }

    private ObjectMapper json() {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        return mapper;
    }
}
