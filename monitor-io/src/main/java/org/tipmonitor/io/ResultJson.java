package org.tipmonitor.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.disclosure.CellStatus;
import org.tipmonitor.indicators.disclosure.ControlledRounding;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.estimation.DidNotConverge;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.offenders.ChainCrossSection;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.trends.AnnualRateChange;
import org.tipmonitor.indicators.trends.PoissonTrendFit;
import org.tipmonitor.indicators.trends.TrendEstimate;
import org.tipmonitor.indicators.trends.TrendNotEstimable;
import org.tipmonitor.io.internal.Jackson;
import org.tipmonitor.io.internal.SchemaResources;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.VerdictOutcome;

/**
 * The indicators' results as JSON: population estimates (and the outcomes that are not one), shares, count tables
 * with named columns, trends and the offender chain, in the shapes the published result schema
 * ({@value #SCHEMA_RESOURCE}, {@code $id} {@value #SCHEMA_ID}, draft 2020-12) defines; the command line's
 * {@code estimate} and {@code report} write their JSON with it, so the same result has the same shape in both.
 *
 * <p>A writer of its own rather than a Jackson {@code Module}: no Jackson type appears in this library's public
 * signatures (a consumer chooses its own JSON library and version), and the shapes are a contract written here
 * explicitly, not derived from the records' component names. The records themselves stay plain values (no
 * {@code Optional} component in {@link Estimate}), so a plain {@code ObjectMapper} also writes them, in their Java
 * shape.
 *
 * <p>Under a {@link DisclosurePolicy} ({@link #withPolicy}), what the JSON holds is what the report's text
 * publishes: a share is written only if its numerator, the rest of its denominator and its unknowns each pass the
 * policy's threshold rule ({@link DisclosurePolicy#isSensitive}), and is otherwise {@code "estimate": null} with a
 * {@code "withheld"} reason; a count of the chain that fails the rule is {@code null}; a table must come protected
 * ({@link ProtectedTable}), and a withheld cell is {@code "count": null, "status": "withheld"} without its raw
 * count or whether it was a primary or secondary suppression. Under a policy that publishes by
 * {@link ControlledRounding} with base b, every count of the chain is written rounded as an isolated count and
 * a share is the share of its rounded counts ({@link #roundedShare}, with {@code "roundingBase": b}); an estimate's
 * observed count is rounded too, and its unobserved count is the estimate less the rounded observed count. Estimates
 * are otherwise written in full.
 *
 * <p>A number that is not finite is never written as a number or the string {@code "Infinity"}: an interval limit
 * that is not finite is {@code null} with a reason beside it ({@code "upperMissing"}). Instances are immutable and
 * thread-safe.
 */
public final class ResultJson {

    /** The absolute {@code $id} of the result schema; the path carries the major version. */
    public static final String SCHEMA_ID = "https://schemas.tipmonitor.org/results/v1/results.schema.json";
    /** The class-path resource of the result schema, beside the exchange schema. */
    public static final String SCHEMA_RESOURCE = "/org/tipmonitor/io/schema/results-v1.schema.json";
    /** The label of a margin (all categories of a dimension) in a table's rows. */
    public static final String TOTAL = "Total";

    private static final ResultJson DEFAULTS = new ResultJson(null, true, false);

    private final DisclosurePolicy policy;
    private final boolean intervals;
    private final boolean indent;

    private ResultJson(DisclosurePolicy policy, boolean intervals, boolean indent) {
        this.policy = policy;
        this.intervals = intervals;
        this.indent = indent;
    }

    /**
     * No disclosure policy (for internal use: every count is written), intervals written, compact output.
     *
     * @return the default writer
     */
    public static ResultJson withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same writer under a disclosure policy (see the class description).
     *
     * @param newPolicy the policy
     * @return a new writer
     * @throws NullPointerException if the policy is null
     */
    public ResultJson withPolicy(DisclosurePolicy newPolicy) {
        return new ResultJson(Objects.requireNonNull(newPolicy, "policy"), intervals, indent);
    }

    /**
     * Whether an estimate's interval limits are written; without them its {@code ci} holds only
     * {@code "method": "none"} and the level (the command line's {@code --ci none}).
     *
     * @param newIntervals true to write the limits (the default)
     * @return a new writer
     */
    public ResultJson withIntervals(boolean newIntervals) {
        return new ResultJson(policy, newIntervals, indent);
    }

    /**
     * Whether the output is indented over several lines (default: one line).
     *
     * @param newIndent true for indented output
     * @return a new writer
     */
    public ResultJson withIndentation(boolean newIndent) {
        return new ResultJson(policy, intervals, newIndent);
    }

    /**
     * The disclosure policy the writer applies.
     *
     * @return the policy, or empty for none
     */
    public Optional<DisclosurePolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /**
     * An estimation outcome: an estimate as {@code {method, lists, observed, estimate, unobserved, standardError,
     * ci, model?, warnings, provenance}} (the model {@code {formula, terms?, deviance, df, aic, bic}} when the
     * estimator fits one), or an outcome that is not one as {@code {method, lists, error: {code,
     * message}}} with the code {@code not_estimable_<status>} or {@code did_not_converge}.
     *
     * @param outcome the outcome
     * @return the JSON text
     * @throws NullPointerException if the outcome is null
     */
    public String estimate(EstimationOutcome outcome) {
        return text(estimateNode(Objects.requireNonNull(outcome, "outcome")));
    }

    /**
     * A share: {@code {defined: true, successes, trials, unknown, estimate, lower, upper, level, method}}; a share
     * that is not defined (no trials) as {@code {defined: false, estimate: null}}; under a policy, a share whose
     * counts fail its threshold rule as {@code {defined: true, estimate: null, withheld: reason}}.
     *
     * @param share the share
     * @return the JSON text
     * @throws NullPointerException if the share is null
     */
    public String share(ShareEstimate share) {
        return text(shareNode(Objects.requireNonNull(share, "share")));
    }

    /**
     * A protected table with named columns: {@code {name, title, unit, protected: true, columns: [{name, type}],
     * rows: [{<dimension>: label, ..., count, status}]}}, one row per cell and margin (label {@value #TOTAL}),
     * interior cells first in row-major order; a withheld cell has {@code count} null and status
     * {@code withheld}, a rounded one status {@code rounded}.
     *
     * @param name  a file-name-safe identifier
     * @param title the table's title
     * @param table the table
     * @return the JSON text
     * @throws IllegalArgumentException if a dimension is named {@code count} or {@code status}
     * @throws NullPointerException     if an argument is null
     */
    public String table(String name, String title, ProtectedTable table) {
        Objects.requireNonNull(table, "table");
        return text(tableNode(name, title, table.unit().name(), true, table.dimensions(),
                coords -> table.value(coords), coords -> table.status(coords)));
    }

    /**
     * A table of raw counts, for internal use ({@code "protected": false}), in the shape of
     * {@link #table(String, String, ProtectedTable)}.
     *
     * @param name  a file-name-safe identifier
     * @param title the table's title
     * @param table the table
     * @return the JSON text
     * @throws IllegalArgumentException if the writer has a disclosure policy (protect the table first), or a
     *                                  dimension is named {@code count} or {@code status}
     * @throws NullPointerException     if an argument is null
     */
    public String table(String name, String title, CountTable table) {
        Objects.requireNonNull(table, "table");
        if (policy != null) {
            throw new IllegalArgumentException("A raw count table cannot be written under a disclosure policy:"
                    + " protect it first (DisclosurePolicy.protect): " + name);
        }
        return text(tableNode(name, title, table.unit().name(), false, table.dimensions(),
                coords -> OptionalLong.of(table.count(coords)), coords -> CellStatus.PUBLISHED));
    }

    /**
     * A trend: a Poisson trend as {@code {method, annualChange, quasiAnnualChange, dispersion}} with each change an
     * interval {@code {estimate, lower, upper, level}} (exp(b) &minus; 1); a trend that could not be estimated as
     * {@code {method, error: {code: "not_estimable", message}}}.
     *
     * @param trend the trend
     * @return the JSON text
     * @throws NullPointerException if the trend is null
     */
    public String trend(TrendEstimate trend) {
        return text(trendNode(Objects.requireNonNull(trend, "trend")));
    }

    /**
     * The offender chain per year: an array of {@code {year, registered, summons, dismissed, convicted,
     * dismissalShare, convictionShare, custodyMonthsMedian?}}, dismissed being every dismissal decision (policy or
     * technical); under a policy a count that fails its threshold rule is {@code null}, a share as in
     * {@link #share}.
     *
     * @param sections the chain's cross-sections, one per year
     * @return the JSON text
     * @throws NullPointerException if the list or an element is null
     */
    public String chain(List<ChainCrossSection> sections) {
        ArrayNode array = Jackson.mapper().createArrayNode();
        for (ChainCrossSection s : sections) {
            array.add(chainNode(Objects.requireNonNull(s, "section")));
        }
        return text(array);
    }

    /**
     * Opens the result schema resource.
     *
     * @return a stream over the schema's UTF-8 bytes; the caller closes it
     * @throws ExchangeException if the resource is missing from the class path
     */
    public static InputStream openSchema() {
        return SchemaResources.open(SCHEMA_RESOURCE);
    }

    /**
     * The result schema's text.
     *
     * @return the JSON Schema document (draft 2020-12)
     * @throws ExchangeException if the resource cannot be read
     */
    public static String schema() {
        return SchemaResources.text(SCHEMA_RESOURCE);
    }

    private String text(JsonNode node) {
        try {
            return indent ? Jackson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : Jackson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain values always writes to a string.
            throw new IllegalStateException("cannot write a result tree", e);
        }
    }

    /**
     * A bootstrap interval's replicates asked for, replicates with an estimate, seed and random source, as the
     * bootstrap recorded them in the provenance (issue 15: the output states how many replicates it rests on).
     */
    private static void bootstrap(ObjectNode ci, Map<String, String> definitions) {
        if (definitions.containsKey(BootstrapEstimator.REPLICATES)) {
            ci.put("replicates", Integer.parseInt(definitions.get(BootstrapEstimator.REPLICATES)));
            ci.put("replicatesUsed", Integer.parseInt(definitions.get(BootstrapEstimator.REPLICATES_USED)));
            ci.put("seed", Long.parseLong(definitions.get(BootstrapEstimator.SEED)));
            ci.put("randomSource", definitions.get(BootstrapEstimator.RANDOM_SOURCE));
        }
    }

    private ObjectNode estimateNode(EstimationOutcome outcome) {
        ObjectNode node = Jackson.mapper().createObjectNode();
        if (outcome instanceof Estimate e) {
            node.put("method", e.method());
            strings(node.putArray("lists"), e.lists());
            // under controlled rounding the observed count is published rounded, and the unobserved count is the
            // estimate less it, so that the exact count cannot be recovered as estimate - unobserved
            long observed = roundingBase() > 0 ? rounded(e.observed()) : e.observed();
            node.put("observed", observed);
            node.put("estimate", e.estimate());
            node.put("unobserved", roundingBase() > 0 ? e.estimate() - observed : e.unobserved());
            node.put("standardError", e.standardError());
            ObjectNode ci = node.putObject("ci");
            ci.put("method", intervals ? e.interval().method().name().toLowerCase(Locale.ROOT) : "none");
            ci.put("level", e.interval().level());
            if (intervals) {
                limit(ci, "lower", e.interval().lower());
                limit(ci, "upper", e.interval().upper());
                bootstrap(ci, e.provenance().definitions());
            }
            e.fit().ifPresent(fit -> {
                ObjectNode model = node.putObject("model");
                model.put("formula", fit.formula());
                terms(model, e.lists(), fit.formula());
                limit(model, "deviance", fit.deviance());
                model.put("df", fit.degreesOfFreedom());
                limit(model, "aic", fit.aic());
                limit(model, "bic", fit.bic());
            });
            strings(node.putArray("warnings"), e.warnings());
            node.set("provenance", provenance(e.provenance()));
        } else if (outcome instanceof NotEstimable n) {
            node.put("method", n.method());
            strings(node.putArray("lists"), n.lists());
            error(node, "not_estimable_" + n.status().name().toLowerCase(Locale.ROOT), n.reason()
                    + (n.offendingTerms().isEmpty() ? "" : " (terms " + String.join(", ", n.offendingTerms()) + ")"));
        } else {
            DidNotConverge d = (DidNotConverge) outcome;
            node.put("method", d.method());
            strings(node.putArray("lists"), d.lists());
            error(node, "did_not_converge", String.format(Locale.ROOT,
                    "the fit did not converge in %d iterations (last deviance %.6g)", d.iterations(),
                    d.lastDeviance()));
        }
        return node;
    }

    private ObjectNode shareNode(ShareEstimate estimate) {
        ObjectNode node = Jackson.mapper().createObjectNode();
        if (!(estimate instanceof Share s)) {
            node.put("defined", false);
            node.putNull("estimate");
            return node;
        }
        node.put("defined", true);
        if (roundingBase() > 0) {
            // under controlled rounding: the share of the rounded counts, by the same method and level
            ShareEstimate rounded = roundedShare(s, policy);
            if (!(rounded instanceof Share r)) {
                node.putNull("estimate");
                node.put("withheld", "the rounded denominator is 0");
                return node;
            }
            s = r;
        } else if (!passes(s.successes()) || !passes(s.trials() - s.successes()) || !passes(s.unknown())) {
            node.putNull("estimate");
            node.put("withheld", String.format(Locale.ROOT, "a count between 1 and %d", policy.threshold() - 1));
            return node;
        }
        node.put("successes", s.successes());
        node.put("trials", s.trials());
        node.put("unknown", s.unknown());
        node.put("estimate", s.estimate());
        node.put("lower", s.lower());
        node.put("upper", s.upper());
        node.put("level", s.level());
        node.put("method", s.method().name().toLowerCase(Locale.ROOT));
        if (roundingBase() > 0) {
            node.put("roundingBase", roundingBase());
        }
        return node;
    }

    /**
     * The share a publication under controlled rounding to base b prints: numerator, denominator and unknowns each
     * rounded as isolated counts ({@link ControlledRounding#roundIsolated}: the nearest multiple of b, a positive count
     * never 0), and the share and its interval computed from those by the share's own interval method and level.
     * Rounding keeps x &le; n, so the result is a share; it is not defined when the rounded denominator is 0.
     *
     * @param share  the share of the true counts
     * @param policy a policy that publishes by controlled rounding
     * @return the share of the rounded counts
     * @throws NullPointerException     if share or policy is null
     * @throws IllegalArgumentException if the policy does not publish by controlled rounding
     */
    public static ShareEstimate roundedShare(Share share, DisclosurePolicy policy) {
        ControlledRounding rounding = policy.controlledRounding().orElseThrow(() -> new IllegalArgumentException(
                "roundedShare needs a policy that publishes by controlled rounding; this one is " + policy));
        boolean zeros = policy.isSensitive(0);
        return ShareEstimator.withDefaults().withMethod(share.method()).withConfidenceLevel(share.level())
                .withProvenance(share.provenance().withDefinition("disclosure.roundingBase",
                        Long.toString(rounding.base())))
                .estimate(rounding.roundIsolated(share.successes(), zeros),
                        rounding.roundIsolated(share.trials(), zeros), rounding.roundIsolated(share.unknown(), zeros));
    }

    /** A count printed under the policy's controlled rounding ({@link ControlledRounding#roundIsolated}). */
    private long rounded(long n) {
        return policy.controlledRounding().orElseThrow().roundIsolated(n, policy.isSensitive(0));
    }

    /** The base of the policy's controlled rounding, or 0. */
    private long roundingBase() {
        return policy == null ? 0 : policy.controlledRounding().map(ControlledRounding::base).orElse(0L);
    }

    private interface Cells<T> {
        T at(int[] coords);
    }

    private static ObjectNode tableNode(String name, String title, String unit, boolean isProtected,
            List<Dimension> dims, Cells<OptionalLong> values, Cells<CellStatus> statuses) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        ObjectNode node = Jackson.mapper().createObjectNode();
        node.put("name", name);
        node.put("title", title);
        node.put("unit", unit.toLowerCase(Locale.ROOT));
        node.put("protected", isProtected);
        ArrayNode columns = node.putArray("columns");
        List<String> names = new ArrayList<>();
        for (Dimension d : dims) {
            if (d.name().equals("count") || d.name().equals("status") || names.contains(d.name())) {
                throw new IllegalArgumentException("A table's dimension cannot be named " + d.name()
                        + " (the columns are the dimensions, count and status): " + name);
            }
            names.add(d.name());
            columns.addObject().put("name", d.name()).put("type", "string");
        }
        columns.addObject().put("name", "count").put("type", "integer");
        columns.addObject().put("name", "status").put("type", "string");
        ArrayNode rows = node.putArray("rows");
        int[] sizes = dims.stream().mapToInt(d -> d.size() + 1).toArray();
        int cells = 1;
        for (int size : sizes) {
            cells = Math.multiplyExact(cells, size);
        }
        for (int i = 0; i < cells; i++) {
            int[] coords = new int[dims.size()];
            int rest = i;
            for (int d = dims.size() - 1; d >= 0; d--) {
                int c = rest % sizes[d];
                rest /= sizes[d];
                coords[d] = c == dims.get(d).size() ? CountTable.ALL : c;
            }
            ObjectNode row = rows.addObject();
            for (int d = 0; d < dims.size(); d++) {
                row.put(names.get(d), coords[d] == CountTable.ALL ? TOTAL : dims.get(d).labels().get(coords[d]));
            }
            CellStatus status = statuses.at(coords);
            OptionalLong value = values.at(coords);
            if (status.isSuppressed() || value.isEmpty()) {
                row.putNull("count");
                row.put("status", "withheld");
            } else {
                row.put("count", value.getAsLong());
                row.put("status", status == CellStatus.ROUNDED ? "rounded" : "published");
            }
        }
        return node;
    }

    private ObjectNode trendNode(TrendEstimate trend) {
        ObjectNode node = Jackson.mapper().createObjectNode();
        if (trend instanceof PoissonTrendFit fit) {
            node.put("method", fit.provenance().method());
            node.set("annualChange", change(fit.annualChange()));
            node.set("quasiAnnualChange", change(fit.quasiAnnualChange()));
            limit(node, "dispersion", fit.dispersion());
        } else {
            TrendNotEstimable n = (TrendNotEstimable) trend;
            node.put("method", n.provenance().method());
            error(node, "not_estimable", n.reason());
        }
        return node;
    }

    private static ObjectNode change(AnnualRateChange change) {
        ObjectNode node = Jackson.mapper().createObjectNode();
        node.put("estimate", change.estimate());
        limit(node, "lower", change.lower());
        limit(node, "upper", change.upper());
        node.put("level", change.level());
        return node;
    }

    private ObjectNode chainNode(ChainCrossSection s) {
        long dismissed = 0;
        for (Map.Entry<ProsecutorDecisionType, Long> e : s.decisions().entrySet()) {
            if (e.getKey().isDismissal()) {
                dismissed += e.getValue();
            }
        }
        ObjectNode row = Jackson.mapper().createObjectNode();
        row.put("year", s.year());
        count(row, "registered", s.registered());
        count(row, "summons", s.decisions(ProsecutorDecisionType.SUMMONS));
        count(row, "dismissed", dismissed);
        count(row, "convicted", s.verdicts(VerdictOutcome.CONVICTED));
        row.set("dismissalShare", shareNode(s.dismissalShare()));
        row.set("convictionShare", shareNode(s.convictionShare()));
        s.custodyMonths().ifPresent(m -> row.put("custodyMonthsMedian", m.median()));
        return row;
    }

    private boolean passes(long n) {
        return policy == null || roundingBase() > 0 || !policy.isSensitive(n);
    }

    private void count(ObjectNode node, String field, long n) {
        if (roundingBase() > 0) {
            node.put(field, rounded(n));
        } else if (passes(n)) {
            node.put(field, n);
        } else {
            node.putNull(field);
        }
    }

    /** A number that is null, with a reason beside it, when it is not finite. */
    private static void limit(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
            boolean limit = field.equals("lower") || field.equals("upper");
            node.put(field + "Missing", !limit || Double.isNaN(value) ? "not a finite number"
                    : value > 0 ? "the interval has no finite upper limit at this level"
                    : "the interval has no finite limit at this level");
        }
    }

    /** The model's terms (main effects, then interactions), when the formula is a log-linear model's. */
    private static void terms(ObjectNode model, List<String> lists, String formula) {
        LogLinearModel parsed;
        try {
            parsed = LogLinearModel.parse(lists, formula);
        } catch (IndicatorException e) {
            return; // a closed-population model's label (M0, Mt, ...) names no terms
        }
        ArrayNode terms = model.putArray("terms");
        for (int mask : parsed.termMasks()) {
            terms.add(LogLinearModel.termName(mask, parsed.lists()));
        }
    }

    private static void error(ObjectNode node, String code, String message) {
        node.putObject("error").put("code", code).put("message", message);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode node = Jackson.mapper().createObjectNode();
        node.put("method", p.method());
        node.put("datasetId", p.datasetId());
        node.put("period", p.period());
        ObjectNode definitions = node.putObject("definitions");
        p.definitions().forEach(definitions::put);
        node.put("libraryVersion", p.libraryVersion());
        return node;
    }
}
