package org.tipmonitor.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.disclosure.CellRef;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.LinkedAuditReport;
import org.tipmonitor.indicators.disclosure.LinkedTables;
import org.tipmonitor.indicators.disclosure.ProtectedLinkedTables;
import org.tipmonitor.indicators.disclosure.StatedFact;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.data.LinkedRegistrations;
import org.tipmonitor.indicators.estimation.data.ListDefinition;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.DerivedEstimate;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.model.JointModel;
import org.tipmonitor.indicators.estimation.fit.JointNotEstimable;
import org.tipmonitor.indicators.estimation.selection.JointSelection;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;
import org.tipmonitor.indicators.offenders.ChainCrossSection;
import org.tipmonitor.indicators.offenders.OffenderChain;
import org.tipmonitor.indicators.offenders.YoungOffenderShareEstimator;
import org.tipmonitor.indicators.police.PoliceDimension;
import org.tipmonitor.indicators.police.PoliceSignalChange;
import org.tipmonitor.indicators.police.PoliceSignals;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.Change;
import org.tipmonitor.indicators.trends.Direction;
import org.tipmonitor.indicators.trends.PoissonTrendFit;
import org.tipmonitor.indicators.trends.TrendEstimate;
import org.tipmonitor.indicators.victims.LegalBasisComparison;
import org.tipmonitor.indicators.victims.LegalBasisEffect;
import org.tipmonitor.indicators.victims.MinorShareEstimator;
import org.tipmonitor.indicators.victims.VictimDimension;
import org.tipmonitor.indicators.victims.VictimTabulation;
import org.tipmonitor.io.MonitorData;
import org.tipmonitor.io.ResultJson;
import org.tipmonitor.io.SafeText;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;

/**
 * The monitor report on one dataset: registrations per year by form, reporter and legal basis with the change over
 * the period; the legal-basis effect of the GDPR; the minors' share per form; offenders under 23; the police-signal
 * trend with its decomposition; the offender chain; and the population estimate.
 *
 * <p>Unless the report is built unprotected, its count tables are one {@link LinkedTables} set (the three registration
 * tables share their year margins) protected jointly by the {@link DisclosurePolicy}; every sentence that states a
 * linear fact about the tables' cells (the police change and its decomposition) is printed only if the audit of the
 * set with every fact stated so far still passes with the policy's margin, and is otherwise withheld with the reason;
 * every other count printed (shares' numerators, denominators and unknowns, chain counts, persons per year) is printed
 * only if it passes the policy's threshold rule (0, or at least the threshold). The audit line says what was audited
 * with which margin; {@link #auditPassed()} is false if any withheld cell is exposed.
 *
 * <p>Under a policy that publishes by controlled rounding ({@link DisclosurePolicy#withControlledRounding(long)}) the
 * linked set is rounded jointly, every other count printed is rounded to the nearest multiple of the base
 * ({@code PrintedCount}), shares, rates and relative changes are computed from rounded counts, the police sentences
 * are computed from the rounded table and state facts about exact counts only if the audit of the rounded set with
 * them passes, and the audit covers every published value ({@code ControlledRounding.audit}).
 */
public final class MonitorReport {

    private static final List<ExploitationForm> FORMS = List.of(ExploitationForm.DOMESTIC_SEXUAL,
            ExploitationForm.CROSS_BORDER_SEXUAL, ExploitationForm.LABOUR, ExploitationForm.CRIMINAL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The population estimate of the report.
     *
     * @param period   the registration years
     * @param observed the persons observed on at least one list
     * @param estimate the estimated population
     * @param lower    the interval's lower bound
     * @param upper    the interval's upper bound
     * @param level    the confidence level
     */
    public record PopulationEstimate(YearRange period, long observed, double estimate, double lower, double upper,
                                     double level) {
    }

    /**
     * One year's estimate of minors of domestic sexual exploitation beside the registered count.
     *
     * @param year       the registration year
     * @param registered the persons registered (with unknown values distributed by EM, so possibly fractional)
     * @param estimate   the estimated population
     * @param lower      the interval's lower bound
     * @param upper      the interval's upper bound
     */
    public record YearEstimate(int year, double registered, double estimate, double lower, double upper) {
    }

    private final MonitorData data;
    private PopulationEstimate populationEstimate;
    private List<YearEstimate> minorsByYear;
    private final DisclosurePolicy policy;
    /** The library's result codec under the report's policy: every estimate, share, table and chain year. */
    private final ResultJson results;
    private java.time.LocalDate schemeChange;
    private final List<ReportTable> tables = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final ObjectNode json = JSON.createObjectNode();
    private final Map<String, CountTable> countTables = new LinkedHashMap<>();
    private final List<StatedFact> facts = new ArrayList<>();
    private ProtectedLinkedTables published;
    private LinkedAuditReport audit;
    private FollowUpSection followUp;
    private RuntimeException followUpFailure;
    private ResidenceSection residence;
    private RuntimeException residenceFailure;
    private RuntimeException policeFailure;

    private MonitorReport(MonitorData data, DisclosurePolicy policy) {
        this.data = data;
        this.policy = policy;
        this.results = policy == null ? ResultJson.withDefaults() : ResultJson.withDefaults().withPolicy(policy);
    }

    /**
     * Computes the report.
     *
     * @param data   the records
     * @param policy the disclosure policy for every table, or null for an unprotected report (internal use)
     * @return the report
     */
    public static MonitorReport of(MonitorData data, DisclosurePolicy policy) {
        MonitorReport report = new MonitorReport(Objects.requireNonNull(data, "data"), policy);
        report.build();
        return report;
    }

    /**
     * Computes the report with a before/after comparison of the residence scheme around a change date.
     *
     * @param data         the records
     * @param policy       the disclosure policy for every table, or null for an unprotected report
     * @param schemeChange the first day under the changed residence scheme, or null for no comparison
     * @return the report
     * @throws org.tipmonitor.indicators.IndicatorException if the date does not leave a day of the registration
     *                                                      years on each side
     */
    public static MonitorReport of(MonitorData data, DisclosurePolicy policy, java.time.LocalDate schemeChange) {
        MonitorReport report = new MonitorReport(Objects.requireNonNull(data, "data"), policy);
        report.schemeChange = schemeChange;
        report.build();
        return report;
    }

    /**
     * The report as text.
     *
     * @return the text
     */
    public String toText() {
        return text.toString();
    }

    /**
     * The report as one JSON object.
     *
     * @return the JSON text
     */
    public String toJson() {
        return json.toPrettyString();
    }

    /**
     * The population estimate, if one could be made.
     *
     * @return the estimate
     */
    public java.util.Optional<PopulationEstimate> populationEstimate() {
        return java.util.Optional.ofNullable(populationEstimate);
    }

    /**
     * The estimated minors of domestic sexual exploitation per year, if the estimate with covariates could be
     * made.
     *
     * @return the estimates in year order, or an empty list
     */
    public List<YearEstimate> minorsDomesticSexualByYear() {
        return minorsByYear == null ? List.of() : List.copyOf(minorsByYear);
    }

    /**
     * Whether the final disclosure audit passed: no withheld cell of any table can be narrowed below the policy's
     * margin with every table and every stated fact of the report (true for an unprotected report, which is not
     * audited).
     *
     * @return the audit's verdict
     */
    public boolean auditPassed() {
        return audit == null || audit.passed();
    }

    /**
     * The report's count tables, for CSV output.
     *
     * @return the tables
     */
    public List<ReportTable> tables() {
        return List.copyOf(tables);
    }

    private void build() {
        String id = data.dataset().id();
        YearRange victimYears = years(data.registrationYears());
        YearRange offenderYears = years(data.offenderCaseYears());
        YearRange policeYears = years(data.policeSignalYears());
        line("Monitor report on dataset %s (%s to %s)", id, data.dataset().periodFrom(), data.dataset().periodTo());
        // The file's own text: escaped, so that it cannot move the cursor or forge a line of the report.
        data.dataset().source().ifPresent(source -> line("Source: %s", SafeText.escape(source, 1000)));
        if (rounding()) {
            // the record counts are (or bound) the tables' totals: printed there only, by the joint rounding
            line("Records accepted: counted in the tables below (rounded)%s",
                    data.report().isValid() ? "" : " (" + data.report().problemCount()
                            + " problems: run monitor validate)");
        } else {
            line("Records accepted: %d victims, %d registrations, %d offenders, %d cases, %d police-signal cells%s",
                    data.victims().size(), data.registrations().size(), data.offenders().size(),
                    data.offenderCases().size(), data.policeSignals().size(),
                    data.report().isValid() ? "" : " (" + data.report().problemCount()
                            + " problems: run monitor validate)");
        }
        if (rounding()) {
            line("Tables are protected by controlled rounding to base %d: every table is rounded jointly to multiples"
                    + " of %d (a margin two tables share is the same in both, every table adds up), and every other"
                    + " count printed is rounded to its nearest multiple of %d, a positive count never to 0; shares are"
                    + " computed from rounded counts. Protection margin %d.", base(), base(), base(), policy.protectionMargin());
        } else {
            line(policy == null ? "Tables are NOT PROTECTED: for internal use only."
                    : "Tables are protected: " + policy + "; 'x' marks a withheld cell.");
        }
        json.put("dataset", id);
        json.put("protected", policy != null);
        json.put("libraryVersion", Provenance.currentLibraryVersion());
        if (policy != null) {
            ObjectNode protection = json.putObject("protection");
            protection.put("method", rounding() ? "controlled-rounding" : "suppression");
            if (rounding()) {
                protection.put("roundingBase", base());
            }
            protection.put("protectionMargin", policy.protectionMargin());
        }
        prepareTables(victimYears, policeYears, id);
        if (victimYears != null) {
            section("registrations", "1. Registered presumed victims", () -> registrations(victimYears, id));
            section("legalBasis", "2. Reports by non-investigative organisations before and after the GDPR",
                    () -> legalBasis(victimYears, id));
            section("minorsShare", "3. Share of minors among registered victims", () -> minors(victimYears, id));
        }
        if (offenderYears != null) {
            section("offendersUnder23", "4. Offenders under 23 and 5. the offender chain",
                    () -> offenders(offenderYears, id));
        }
        if (policeYears != null) {
            section("policeSignals", "6. Presumed victims identified by the police", () -> {
                rethrow(policeFailure);
                police(policeYears, id);
            });
        }
        if (victimYears != null) {
            section("policeReportFollowUp", "6a. Follow-up of police reports", () -> policeFollowUp(id));
            section("residenceScheme", "6b. Residence scheme", () -> residenceScheme(victimYears, id));
            section("populationEstimate", "7. Population estimate", () -> estimate(victimYears));
        }
        programme();
        if (policy != null) {
            audit = DisclosureAudit.of(policy).audit(published, facts);
            line("");
            if (rounding()) {
                auditLineRounded();
                return;
            }
            line("Disclosure audit: %s (linked set of %d tables: %s; %d stated facts; %d withheld cells; protection"
                    + " margin %d: from every table and fact together, each withheld cell's feasible interval must be"
                    + " at least %d wide).", audit.passed() ? "passed" : "FAILED, " + audit.exposedCells()
                    + " withheld cells exposed in " + String.join(", ", audit.failedTables()),
                    published.tables().size(), String.join(", ", published.tables().keySet()), facts.size(),
                    audit.auditedCells(), audit.protectionMargin(), audit.protectionMargin());
            ObjectNode node = json.putObject("disclosureAudit");
            node.put("passed", audit.passed());
            node.put("protectionMargin", audit.protectionMargin());
            node.put("withheldCells", audit.auditedCells());
            node.put("exposedCells", audit.exposedCells());
            node.put("statedFacts", facts.size());
            node.putPOJO("tables", List.copyOf(published.tables().keySet()));
            node.put("method", "suppression");
            node.put("auditedValues", audit.auditedCells());
            json.put("auditPassed", audit.passed());
        }
    }

    /** The audit line of a report published by controlled rounding: every value of the set was audited. */
    private void auditLineRounded() {
        line("Disclosure audit: %s (controlled rounding to base %d of the linked set of %d tables: %s; %d stated"
                + " facts; %d published values audited; protection margin %d: from every rounded value, every table,"
                + " link and fact together and the rounding rule (each true value lies within %d of its published"
                + " value), each value's feasible interval must be at least %d wide).", audit.passed() ? "passed"
                : "FAILED, " + audit.exposedCells() + " values exposed in " + String.join(", ", audit.failedTables()),
                base(), published.tables().size(), String.join(", ", published.tables().keySet()), facts.size(),
                audit.auditedCells(), audit.protectionMargin(), base() - 1, audit.protectionMargin());
        ObjectNode node = json.putObject("disclosureAudit");
        node.put("passed", audit.passed());
        node.put("protectionMargin", audit.protectionMargin());
        node.put("withheldCells", 0);
        node.put("exposedCells", audit.exposedCells());
        node.put("statedFacts", facts.size());
        node.putPOJO("tables", List.copyOf(published.tables().keySet()));
        node.put("method", "controlled-rounding");
        node.put("roundingBase", base());
        node.put("auditedValues", audit.auditedCells());
        json.put("auditPassed", audit.passed());
    }

    /** The base of the policy's controlled rounding, or 0 when the report is not published by it. */
    private long base() {
        return PrintedCount.base(policy);
    }

    /** Whether the report is published by controlled rounding. */
    private boolean rounding() {
        return base() > 0;
    }

    /** A count as published: rounded as an isolated count under controlled rounding, else as is. */
    private long shown(long n) {
        return PrintedCount.shown(policy, n);
    }

    /**
     * Computes every count table of the report and, under a policy, protects them as one linked set: the three
     * registration tables count the same registrations by year, so their year margins are linked.
     */
    private void prepareTables(YearRange victimYears, YearRange policeYears, String id) {
        if (victimYears != null) {
            VictimTabulation registrations = VictimTabulation.of(CountingUnit.REGISTRATIONS, victimYears)
                    .withDatasetId(id);
            Collection<VictimHistory> victims = data.victims();
            countTables.put("registrations-by-year-form", byYearAndForm(victimYears));
            countTables.put("registrations-by-year-reporter",
                    registrations.table(victims, VictimDimension.YEAR, VictimDimension.REPORTER_TYPE));
            countTables.put("registrations-by-year-legal-basis",
                    registrations.table(victims, VictimDimension.YEAR, VictimDimension.LEGAL_BASIS));
        }
        if (policeYears != null) {
            try {
                countTables.put("police-signals-by-year-origin",
                        PoliceSignals.of(PoliceSeries.IDENTIFIED_VICTIMS, policeYears).withDatasetId(id)
                                .table(data.policeSignals(), PoliceDimension.YEAR, PoliceDimension.ORIGIN));
            } catch (IndicatorException | ArithmeticException e) {
                // Counts beyond a long: the police section says so (issue 13); the other tables go on.
                policeFailure = e;
            }
        }
        if (victimYears != null) {
            // The follow-up and residence-scheme tables are computed here so that they join the linked set; a
            // failure is kept and reported by its section.
            try {
                followUp = FollowUpSection.of(data, policy, id);
                followUp.table().ifPresent(t -> countTables.put(FollowUpSection.TABLE, t));
            } catch (IndicatorException | ArithmeticException e) {
                followUpFailure = e;
            }
            try {
                residence = ResidenceSection.of(data, policy, victimYears, schemeChange, id);
                countTables.putAll(residence.tables());
            } catch (IndicatorException | ArithmeticException e) {
                residenceFailure = e;
            }
        }
        if (policy == null) {
            return;
        }
        LinkedTables set = LinkedTables.of();
        for (Map.Entry<String, CountTable> e : countTables.entrySet()) {
            set = set.with(e.getKey(), e.getValue());
        }
        if (victimYears != null) {
            set = set.withSharedDimension("registrations-by-year-form", "registrations-by-year-reporter", "year")
                    .withSharedDimension("registrations-by-year-form", "registrations-by-year-legal-basis", "year");
        }
        published = policy.protect(set);
    }

    /**
     * States facts about the tables' cells if the audit of the linked set with every fact stated so far and these
     * still passes; otherwise states nothing.
     *
     * @return true if the facts may be printed
     */
    private boolean mayState(List<StatedFact> newFacts) {
        if (policy == null) {
            return true;
        }
        List<StatedFact> all = new ArrayList<>(facts);
        all.addAll(newFacts);
        if (DisclosureAudit.of(policy).audit(published, all).passed()) {
            facts.addAll(newFacts);
            return true;
        }
        return false;
    }

    private String withheldStatement() {
        return String.format(Locale.ROOT, "withheld: with the published tables it would narrow a %s interval below"
                + " the protection margin %d", rounding() ? "rounded value's" : "withheld cell's",
                policy.protectionMargin());
    }

    /**
     * A count as printed: the number, or "x" if the policy's threshold rule withholds it; under controlled rounding
     * the number rounded as an isolated count ({@code ControlledRounding.roundIsolated}).
     */
    private String count(long n) {
        return passes(n) ? String.format(Locale.ROOT, "%,d", shown(n)) : "x";
    }

    /** Whether a count may be printed (under controlled rounding every count may, rounded). */
    private boolean passes(long n) {
        return policy == null || rounding() || !policy.isSensitive(n);
    }

    private void putCount(ObjectNode node, String field, long n) {
        if (passes(n)) {
            node.put(field, shown(n));
        } else {
            node.putNull(field);
        }
    }

    /**
     * Runs one section. A section that cannot be computed on this file (too few years for a change or a trend, a
     * period that does not straddle the GDPR date, counts beyond a long integer) fails soft: what it wrote so far is
     * taken back, and the text and the JSON ({@code {"notComputed": reason}} under its name) say why. Every file
     * that validates gets a report (issue 13).
     */
    private void section(String name, String title, Runnable body) {
        int textMark = text.length();
        int tableMark = tables.size();
        ObjectNode jsonMark = json.deepCopy();
        try {
            body.run();
        } catch (IndicatorException | ArithmeticException e) {
            text.setLength(textMark);
            tables.subList(tableMark, tables.size()).clear();
            json.removeAll();
            json.setAll(jsonMark);
            String reason = e instanceof ArithmeticException
                    ? "a sum of counts exceeds the range of a 64-bit integer (" + e.getMessage() + ")"
                    : SafeText.escape(e.getMessage(), 500);
            heading(title);
            line("Not computed on this file: %s.", reason);
            json.putObject(name).put("notComputed", reason);
        }
    }

    private void registrations(YearRange years, String id) {
        heading("1. Registered presumed victims, " + years);
        VictimTabulation persons = VictimTabulation.of(CountingUnit.PERSONS, years).withDatasetId(id);
        Collection<VictimHistory> victims = data.victims();
        table("registrations-by-year-form", "Registrations by year and exploitation form (organ removal, other and"
                + " unknown forms together)");
        table("registrations-by-year-reporter", "Registrations by year and reporter type");
        table("registrations-by-year-legal-basis", "Registrations by year and legal basis");
        AnnualSeries series = persons.annualSeries(victims);
        Change change = series.change(years.firstYear(), years.lastYear());
        boolean shown = passes(change.from()) && passes(change.to());
        // under controlled rounding the relative change is that of the rounded counts
        java.util.OptionalDouble relativeChange = !rounding() ? change.relative() : shown(change.from()) > 0
                ? java.util.OptionalDouble.of((double) (shown(change.to()) - shown(change.from()))
                / shown(change.from())) : java.util.OptionalDouble.empty();
        String relative = relativeChange.isPresent() && shown
                ? String.format(Locale.ROOT, " (%+.1f%%)", 100 * relativeChange.getAsDouble()) : "";
        line("Persons registered %d: %s; %d: %s%s.", change.fromYear(), count(change.from()), change.toYear(),
                count(change.to()), relative);
        ObjectNode node = json.putObject("registrations");
        node.put("fromYear", change.fromYear());
        node.put("toYear", change.toYear());
        putCount(node, "from", change.from());
        putCount(node, "to", change.to());
        if (shown) {
            relativeChange.ifPresent(r -> node.put("relativeChange", r));
        }
    }

    /**
     * Registrations by year and form with the rare forms (organ removal, other, unknown) in one category, as the
     * monitors publish them: kept apart, their tiny cells would make secondary suppression withhold whole years.
     */
    private CountTable byYearAndForm(YearRange years) {
        List<String> forms = new ArrayList<>();
        FORMS.forEach(form -> forms.add(form.code()));
        forms.add("other_or_unknown");
        CountTable.Builder builder = CountTable.builder(CountingUnit.REGISTRATIONS, years.dimension("year"),
                new org.tipmonitor.indicators.tables.Dimension("exploitationForm", forms));
        for (Registration registration : data.registrations()) {
            if (years.contains(registration.reportYear())) {
                String form = FORMS.contains(registration.form()) ? registration.form().code() : "other_or_unknown";
                builder.add(Integer.toString(registration.reportYear()), form);
            }
        }
        return builder.build();
    }

    private void legalBasis(YearRange years, String id) {
        heading("2. Reports by non-investigative organisations before and after the GDPR (2018-05-25)");
        LegalBasisComparison comparison = LegalBasisEffect.of(years).withDatasetId(id).compare(data.victims());
        boolean counts = passes(comparison.before()) && passes(comparison.after());
        // under controlled rounding the rates are those of the rounded counts (rate = count * 365.25 / days)
        double rateBefore = rounding() ? shown(comparison.before()) * 365.25 / comparison.daysBefore()
                : comparison.annualRateBefore();
        double rateAfter = rounding() ? shown(comparison.after()) * 365.25 / comparison.daysAfter()
                : comparison.annualRateAfter();
        line("Before: %s registrations in %,d days (%s a year); after: %s in %,d days (%s a year).",
                count(comparison.before()), comparison.daysBefore(), counts ? String.format(Locale.ROOT, "%.1f",
                rateBefore) : "x", count(comparison.after()), comparison.daysAfter(),
                counts ? String.format(Locale.ROOT, "%.1f", rateAfter) : "x");
        // the rate ratio's interval comes from the exact counts: not printed under controlled rounding
        comparison.rateRatio().filter(r -> counts && !rounding()).ifPresent(ratio -> line("Rate ratio after/before: %.3f (%.0f%% CI %.3f to %.3f).",
                ratio.estimate(), 100 * ratio.level(), ratio.lower(), ratio.upper()));
        if (rounding() && comparison.rateRatio().isPresent()) {
            line("Rate ratio after/before: not printed under controlled rounding (its interval would come from the"
                    + " exact counts).");
        }
        line("Share with explicit consent: before %s; after %s.", share(comparison.consentBefore()),
                share(comparison.consentAfter()));
        ObjectNode node = json.putObject("legalBasis");
        putCount(node, "before", comparison.before());
        putCount(node, "after", comparison.after());
        if (counts) {
            node.put("annualRateBefore", rateBefore);
            node.put("annualRateAfter", rateAfter);
        }
        comparison.rateRatio().filter(r -> counts && !rounding()).ifPresent(r -> node.set("rateRatio", interval(r.estimate(), r.lower(), r.upper(),
                r.level())));
        node.set("consentBefore", shareJson(comparison.consentBefore()));
        node.set("consentAfter", shareJson(comparison.consentAfter()));
    }

    private void minors(YearRange years, String id) {
        heading("3. Share of minors among registered victims, by form (persons, age at first report in the period)");
        MinorShareEstimator estimator = MinorShareEstimator.of(years).withDatasetId(id);
        ObjectNode node = json.putObject("minorsShare");
        for (ExploitationForm form : FORMS) {
            ShareEstimate estimate = estimator.estimate(data.victims(), form);
            line("%-35s %s", form.label() + ":", share(estimate));
            node.set(form.code(), shareJson(estimate));
        }
    }

    private void offenders(YearRange years, String id) {
        heading("4. Offenders under 23 at the offence, by form, " + years);
        YoungOffenderShareEstimator young = YoungOffenderShareEstimator.of(years).withDatasetId(id);
        ObjectNode node = json.putObject("offendersUnder23");
        for (ExploitationForm form : FORMS) {
            ShareEstimate estimate = young.estimate(data.offenders(), form);
            line("%-35s %s", form.label() + ":", share(estimate));
            node.set(form.code(), shareJson(estimate));
        }
        heading("5. The offender chain per year (each stage counted in the year of its own date)");
        List<ChainCrossSection> sections = OffenderChain.of(years).withDatasetId(id)
                .crossSections(data.offenderCases());
        line("%-6s %10s %9s %9s %11s %22s %22s %14s", "year", "registered", "summons", "dismissed", "convictions",
                "dismissal share", "conviction share", "custody median");
        json.set("offenderChain", tree(results.chain(sections)));
        for (ChainCrossSection s : sections) {
            long dismissed = s.decisions().entrySet().stream().filter(e -> e.getKey().isDismissal())
                    .mapToLong(java.util.Map.Entry::getValue).sum();
            long summons = s.decisions(org.tipmonitor.model.ProsecutorDecisionType.SUMMONS);
            long convicted = s.verdicts(org.tipmonitor.model.VerdictOutcome.CONVICTED);
            String median = s.custodyMonths().map(m -> String.format(Locale.ROOT, "%.1f months", m.median()))
                    .orElse("-");
            line("%-6d %10s %9s %9s %11s %22s %22s %14s", s.year(), count(s.registered()), count(summons),
                    count(dismissed), count(convicted), compact(s.dismissalShare()), compact(s.convictionShare()),
                    median);
        }
    }

    private void police(YearRange years, String id) {
        heading("6. Presumed victims identified by the police, " + years);
        PoliceSignals signals = PoliceSignals.of(PoliceSeries.IDENTIFIED_VICTIMS, years).withDatasetId(id);
        List<PoliceSignalCount> cells = data.policeSignals();
        String name = "police-signals-by-year-origin";
        table(name, "Police-identified presumed victims by year and origin group");
        CountTable police = countTables.get(name);
        ObjectNode node = json.putObject("policeSignals");
        if (years.size() >= 2) {
            PoliceSignalChange change = signals.changeInto(cells, years.lastYear(), PoliceDimension.ORIGIN);
            Change total = change.change();
            int from = police.dimensions().get(0).indexOf(Integer.toString(total.fromYear()));
            int to = police.dimensions().get(0).indexOf(Integer.toString(total.toYear()));
            if (rounding()) {
                policeRounded(name, police, change, from, to, node);
                policeTrend(signals, cells, node);
                return;
            }
            boolean totals = mayState(List.of(
                    StatedFact.total("police total " + total.fromYear(), total.from(),
                            List.of(CellRef.of(name, from, CountTable.ALL))),
                    StatedFact.total("police total " + total.toYear(), total.to(),
                            List.of(CellRef.of(name, to, CountTable.ALL)))));
            if (!totals) {
                line("Change %d to %d: %s.", total.fromYear(), total.toYear(), withheldStatement());
                policeTrend(signals, cells, node);
                return;
            }
            line("Change %d to %d: %,d to %,d (%s).", total.fromYear(), total.toYear(), total.from(), total.to(),
                    total.direction().name().toLowerCase(Locale.ROOT));
            change.yearsSinceLast().ifPresentOrElse(
                    n -> line("The last change in the same direction was %d years earlier.", n),
                    () -> line("No earlier change in the same direction within the series."));
            change.streakBefore().ifPresent(streak -> line("Before it: %s from %d to %d.",
                    streak.direction().name().toLowerCase(Locale.ROOT), streak.firstYear(), streak.lastYear()));
            boolean driverStated = change.soleDriver().isPresent()
                    && mayState(decomposition(name, police, from, to, change.soleDriver().get().group(),
                            change.soleDriver().get().change().absolute(), change.soleDriver().get().totalWithout(),
                            total.direction().name()));
            change.soleDriver().ifPresentOrElse(driver -> line(driverStated
                    ? String.format(Locale.ROOT, "Driven by one group: %s (%+d); without it the total went from %,d"
                            + " to %,d.", driver.group(), driver.change().absolute(), driver.totalWithout().from(),
                            driver.totalWithout().to())
                    : "Driven by one group: " + withheldStatement() + "."),
                    () -> noSoleDriver(name, police, from, to, total.direction(), node));
            node.put("fromYear", total.fromYear());
            node.put("toYear", total.toYear());
            node.put("from", total.from());
            node.put("to", total.to());
            change.soleDriver().filter(d -> driverStated).ifPresent(d -> node.put("soleDriver", d.group()));
            if (change.soleDriver().isPresent() && !driverStated) {
                node.put("soleDriverWithheld", withheldStatement());
            }
            policeTrend(signals, cells, node);
        }
    }

    /**
     * The police change under controlled rounding: every number is computed from the published rounded table, so it
     * states nothing the table does not; the direction of the exact change and "no other group moved in its
     * direction" are statements about exact counts, stated (as facts) only if the audit of the rounded set with them
     * still passes. The earlier runs of changes, directions of exact counts, are not stated.
     */
    private void policeRounded(String name, CountTable police, PoliceSignalChange change, int from, int to,
            ObjectNode node) {
        Change total = change.change();
        org.tipmonitor.indicators.disclosure.ProtectedTable table = published.table(name);
        long a = table.value(from, CountTable.ALL).orElseThrow();
        long b = table.value(to, CountTable.ALL).orElseThrow();
        CellRef fromTotal = CellRef.of(name, from, CountTable.ALL);
        CellRef toTotal = CellRef.of(name, to, CountTable.ALL);
        String direction = total.direction().name().toLowerCase(Locale.ROOT);
        List<StatedFact> directionFacts = switch (total.direction()) {
            case INCREASE -> List.of(new StatedFact("police total rose", List.of(toTotal, fromTotal), List.of(1.0,
                    -1.0), 1, Double.POSITIVE_INFINITY));
            case DECREASE -> List.of(new StatedFact("police total fell", List.of(fromTotal, toTotal), List.of(1.0,
                    -1.0), 1, Double.POSITIVE_INFINITY));
            default -> List.of(StatedFact.difference("police total unchanged", 0, List.of(toTotal),
                    List.of(fromTotal)));
        };
        boolean directionStated = mayState(directionFacts);
        line("Change %d to %d (rounded counts): %,d to %,d (%s).", total.fromYear(), total.toYear(), a, b,
                directionStated ? "exact counts: " + direction : "direction " + withheldStatement());
        line("Earlier changes: not stated under controlled rounding (they would state directions of exact counts).");
        node.put("fromYear", total.fromYear());
        node.put("toYear", total.toYear());
        node.put("from", a);
        node.put("to", b);
        if (change.soleDriver().isEmpty()) {
            noSoleDriver(name, police, from, to, total.direction(), node);
            return;
        }
        String group = change.soleDriver().get().group();
        List<String> groups = police.dimensions().get(1).labels();
        int g = groups.indexOf(group);
        List<StatedFact> others = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            if (k != g) {
                List<CellRef> up = List.of(CellRef.of(name, to, k));
                List<CellRef> down = List.of(CellRef.of(name, from, k));
                others.add(total.direction() == Direction.INCREASE
                        ? StatedFact.atMost(groups.get(k) + " did not rise", 0, up, down)
                        : StatedFact.atMost(groups.get(k) + " did not fall", 0, down, up));
            }
        }
        if (directionStated && mayState(others)) {
            long ga = table.value(from, g).orElseThrow();
            long gb = table.value(to, g).orElseThrow();
            line("Driven by one group: %s (rounded counts: %+d; without it the total went from %,d to %,d).", group,
                    gb - ga, a - ga, b - gb);
            node.put("soleDriver", group);
        } else {
            line("Driven by one group: %s.", withheldStatement());
            node.put("soleDriverWithheld", withheldStatement());
        }
    }

    /**
     * States "No single group drove the change." if the audit passes with it. The sentence is a disjunction (the total
     * did not move; or two groups or more moved with it; or one did, but the others moved the total that way too),
     * which a linear program cannot hold, so the audit takes the branch that is true of the exact counts, a stronger
     * statement: two groups that moved with the total, or the one that did and the others' sum. Whatever the published
     * set allows under the stronger facts it allows under the sentence, so a pass with them is a pass with the
     * sentence. If the audit fails the sentence is withheld with the reason.
     */
    private void noSoleDriver(String name, CountTable police, int from, int to, Direction direction,
            ObjectNode node) {
        List<StatedFact> branch = new ArrayList<>();
        if (direction == Direction.UNCHANGED) {
            branch.add(StatedFact.difference("police total unchanged", 0, List.of(CellRef.of(name, to, CountTable.ALL)),
                    List.of(CellRef.of(name, from, CountTable.ALL))));
        } else {
            int sign = direction == Direction.INCREASE ? 1 : -1;
            List<String> groups = police.dimensions().get(1).labels();
            List<Integer> movers = new ArrayList<>();
            List<CellRef> othersTo = new ArrayList<>();
            List<CellRef> othersFrom = new ArrayList<>();
            for (int k = 0; k < groups.size(); k++) {
                if (Long.signum(police.count(to, k) - police.count(from, k)) == sign) {
                    movers.add(k);
                } else {
                    othersTo.add(CellRef.of(name, to, k));
                    othersFrom.add(CellRef.of(name, from, k));
                }
            }
            for (int k : movers.subList(0, Math.min(2, movers.size()))) {
                branch.add(moved(groups.get(k) + " moved with the total", List.of(CellRef.of(name, to, k)),
                        List.of(CellRef.of(name, from, k)), sign));
            }
            if (movers.size() == 1 && !othersTo.isEmpty()) {
                branch.add(moved("the other groups moved the total that way too", othersTo, othersFrom, sign));
            }
        }
        if (mayState(branch)) {
            line("No single group drove the change.");
        } else {
            line("Whether a single group drove the change: %s.", withheldStatement());
            node.put("soleDriverWithheld", withheldStatement());
        }
    }

    /** The fact sign &middot; (&Sigma; to &minus; &Sigma; from) &ge; 1: the cells moved in the direction of sign. */
    private static StatedFact moved(String description, List<CellRef> to, List<CellRef> from, int sign) {
        List<CellRef> cells = new ArrayList<>(to);
        cells.addAll(from);
        List<Double> coefficients = new ArrayList<>();
        to.forEach(c -> coefficients.add((double) sign));
        from.forEach(c -> coefficients.add((double) -sign));
        return new StatedFact(description, cells, coefficients, 1, Double.POSITIVE_INFINITY);
    }

    /**
     * The facts the sentence "Driven by one group: g (+k); without it the total went from a to b" states: g's change
     * is k, the other groups sum to a and b, and no other group moved in the total's direction.
     */
    private static List<StatedFact> decomposition(String name, CountTable police, int from, int to, String group,
            long change, Change without, String direction) {
        List<String> groups = police.dimensions().get(1).labels();
        int g = groups.indexOf(group);
        if (g < 0 || from < 0 || to < 0) {
            throw new IllegalStateException("The decomposition's group or years are not in the police table: " + group);
        }
        List<StatedFact> result = new ArrayList<>();
        result.add(StatedFact.difference("change of " + group, change, List.of(CellRef.of(name, to, g)),
                List.of(CellRef.of(name, from, g))));
        List<CellRef> othersFrom = new ArrayList<>();
        List<CellRef> othersTo = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            if (k != g) {
                othersFrom.add(CellRef.of(name, from, k));
                othersTo.add(CellRef.of(name, to, k));
                // only one group moved in the total's direction
                List<CellRef> up = List.of(CellRef.of(name, to, k));
                List<CellRef> down = List.of(CellRef.of(name, from, k));
                result.add("INCREASE".equals(direction)
                        ? StatedFact.atMost(groups.get(k) + " did not rise", 0, up, down)
                        : StatedFact.atMost(groups.get(k) + " did not fall", 0, down, up));
            }
        }
        result.add(StatedFact.total("total without " + group + ", first year", without.from(), othersFrom));
        result.add(StatedFact.total("total without " + group + ", last year", without.to(), othersTo));
        return result;
    }

    private void policeTrend(PoliceSignals signals, List<PoliceSignalCount> cells, ObjectNode node) {
        TrendEstimate trend = signals.trend(cells);
        node.set("trend", tree(results.trend(trend)));
        if (trend instanceof PoissonTrendFit fit) {
            line("Poisson trend: %+.1f%% a year (95%% CI %+.1f%% to %+.1f%%; quasi-Poisson %+.1f%% to %+.1f%%,"
                    + " dispersion %.2f).", 100 * fit.annualChange().estimate(), 100 * fit.annualChange().lower(),
                    100 * fit.annualChange().upper(), 100 * fit.quasiAnnualChange().lower(),
                    100 * fit.quasiAnnualChange().upper(), fit.dispersion());
        } else if (trend instanceof org.tipmonitor.indicators.trends.TrendNotEstimable n) {
            line("Poisson trend: not estimable: %s.", n.reason());
        }
    }

    /** The follow-up of victims' police reports in the chain ({@link FollowUpSection}). */
    private void policeFollowUp(String id) {
        rethrow(followUpFailure);
        FollowUpSection section = followUp;
        heading(FollowUpSection.HEADING);
        section.table().ifPresent(t -> table(FollowUpSection.TABLE, FollowUpSection.TABLE_TITLE));
        section.lines().forEach(l -> text.append(l).append('\n'));
        json.set("policeReportFollowUp", section.json());
    }

    private static void rethrow(RuntimeException failure) {
        if (failure != null) {
            throw failure;
        }
    }

    /** The programme's measures and their progress ({@link ProgrammeSection}). */
    private void programme() {
        ProgrammeSection section = ProgrammeSection.of(data, Headlines.of(json));
        heading(ProgrammeSection.HEADING);
        section.lines().forEach(l -> text.append(l).append('\n'));
        json.set("programmeProgress", section.json());
    }

    /** The residence scheme by Dublin status ({@link ResidenceSection}). */
    private void residenceScheme(YearRange years, String id) {
        rethrow(residenceFailure);
        ResidenceSection section = residence;
        heading(ResidenceSection.HEADING);
        section.tables().forEach((name, t) -> table(name, section.title(name)));
        section.lines().forEach(l -> text.append(l).append('\n'));
        json.set("residenceScheme", section.json());
    }

    private void estimate(YearRange years) {
        heading("7. Population estimate, " + years + " (multiple systems estimation with covariates)");
        ListDefinition lists = ListDefinition.dutchSixLists();
        covariateEstimate(years, lists);
        pooledEstimate(years, lists);
    }

    /** The covariates of the report's estimate: year, form and minor, as the Dutch monitors publish them. */
    static final List<LinkedRegistrations.Covariate> ESTIMATE_COVARIATES = List.of(
            LinkedRegistrations.Covariate.YEAR, LinkedRegistrations.Covariate.FORM,
            LinkedRegistrations.Covariate.MINOR);

    private void covariateEstimate(YearRange years, ListDefinition lists) {
        java.util.Map<PersonKey, Victim> victims = data.victimsByKey();
        ObjectNode node = json.putObject("minorsDomesticSexual");
        CovariateTable table;
        try {
            table = LinkedRegistrations.table(data.registrations(), victims, lists, years, ESTIMATE_COVARIATES);
            List<String> rare = new ArrayList<>();
            for (ExploitationForm form : List.of(ExploitationForm.ORGAN_REMOVAL, ExploitationForm.OTHER)) {
                if (table.levels("form").contains(form.code())) {
                    rare.add(form.code());
                }
            }
            if (!rare.isEmpty() && table.levels("form").size() - rare.size() >= 1) {
                table = table.mergeLevels("form", rare, ExploitationForm.OTHER.code());
            }
        } catch (IndicatorException e) {
            line("No estimate with covariates: %s", e.getMessage());
            node.put("error", e.getMessage());
            return;
        }
        JointEstimator estimator = JointEstimator.withDefaults().withUnknownValues(UnknownValues.EM);
        JointSelection search = JointSelection.withDefaults().withCovariateTermsKept();
        line("Lists: %s; covariates year, form (organ removal merged into other) and minor, at the first"
                + " registration in the period.", lists);
        line("Persons observed on at least one list: %,d, of whom %,d with an unknown form or age (%s).",
                shown(table.observed() + table.partiallyClassified()), shown(table.partiallyClassified()),
                estimator.unknownValues().description());
        JointSelection.Result result;
        try {
            result = search.select(table, estimator);
        } catch (IndicatorException e) {
            line("No estimate with covariates: %s", e.getMessage());
            node.put("error", e.getMessage());
            return;
        }
        if (!(result.chosen() instanceof JointFit fit)) {
            String reason = result.chosen() instanceof JointNotEstimable n ? n.reason() : "the fit did not converge";
            line("No estimate with covariates: %s", reason);
            node.put("error", reason);
            return;
        }
        line("Model (%s): %s", search.description(), fit.model().formula());
        line("Reference levels: %s; intervals %.0f%%, Wald on the log of the unobserved count (for the share: on"
                + " the logit), conditional on the model.", fit.referenceLevels(), 100 * fit.confidenceLevel());
        String domestic = ExploitationForm.DOMESTIC_SEXUAL.code();
        Selection form = Selection.where("form", domestic);
        Selection minors = form.and("minor", "minor");
        line("Estimated victims per year (all forms):");
        ArrayNode perYearAll = json.putArray("populationByYear");
        List<DerivedEstimate> allYears = fit.byLevel("year");
        List<String> yearLevels = fit.table().levels("year");
        for (int i = 0; i < yearLevels.size(); i++) {
            DerivedEstimate e = allYears.get(i);
            line("  %s: %,.0f (%,.0f to %,.0f); observed %s, about 1 in %.1f seen", yearLevels.get(i), e.estimate(),
                    e.lower(), e.upper(), registered(e.observed()), e.estimate() / observedShown(e.observed()));
            perYearAll.add(derived(e).put("year", Integer.parseInt(yearLevels.get(i))));
        }
        DerivedEstimate all = fit.population(Selection.all());
        line("  total: %,.0f (%,.0f to %,.0f); observed %s", all.estimate(), all.lower(), all.upper(),
                registered(all.observed()));
        DerivedEstimate total = fit.population(minors);
        DerivedEstimate share = fit.share(minors, form);
        line("Minors among the victims of domestic sexual exploitation (binnenlandse seksuele uitbuiting), %s:",
                years);
        line("  total: %,.0f (%,.0f to %,.0f); registered %s, about 1 in %.1f seen", total.estimate(),
                total.lower(), total.upper(), registered(total.observed()),
                total.estimate() / observedShown(total.observed()));
        ArrayNode perYear = node.putArray("perYear");
        List<DerivedEstimate> years2 = fit.byLevel("year", minors);
        minorsByYear = new ArrayList<>();
        for (int i = 0; i < yearLevels.size(); i++) {
            DerivedEstimate e = years2.get(i);
            line("  %s: %,.0f (%,.0f to %,.0f); registered %s", yearLevels.get(i), e.estimate(), e.lower(),
                    e.upper(), registered(e.observed()));
            perYear.add(derived(e).put("year", Integer.parseInt(yearLevels.get(i))));
            minorsByYear.add(new YearEstimate(Integer.parseInt(yearLevels.get(i)),
                    rounding() ? shown(Math.round(e.observed())) : e.observed(), e.estimate(), e.lower(), e.upper()));
        }
        double registeredShare = rounding() ? (double) shown(Math.round(total.observed()))
                / Math.max(1, shown(Math.round(fit.population(form).observed()))) : share.observed();
        line("  share of all victims of domestic sexual exploitation: %.1f%% (%.1f%% to %.1f%%); among the"
                + " registered %.1f%%", 100 * share.estimate(), 100 * share.lower(), 100 * share.upper(),
                100 * registeredShare);
        node.set("total", derived(total));
        node.set("shareOfForm", derived(share));
        node.put("model", fit.model().formula());
        node.put("selection", search.description());
        node.put("method", JointEstimator.METHOD + "; intervals wald-log (share: wald-logit), conditional on the"
                + " model; unknown values " + fit.unknownValues().description());
        node.put("level", fit.confidenceLevel());
        ObjectNode refs = node.putObject("referenceLevels");
        fit.referenceLevels().forEach(refs::put);
        ArrayNode ranked = node.putArray("sensitivity");
        line("Sensitivity (the best models by %s, complete cases):", result.criterion().name());
        for (int i = 0; i < Math.min(5, result.ranked().size()); i++) {
            JointSelection.Candidate c = result.ranked().get(i);
            if (c.outcome() instanceof JointFit f) {
                DerivedEstimate e = f.population(minors);
                line("  %s %.1f: minors of domestic sexual exploitation %,.0f; %s",
                        result.criterion().name(), c.criterion(), e.estimate(), pairsOf(c.model()));
                ranked.addObject().put("criterion", c.criterion()).put("minorsDomesticSexual", e.estimate())
                        .put("model", c.model().formula());
            }
        }
    }

    /** The list-pair terms of a model (the part the search chose). */
    private static String pairsOf(JointModel model) {
        List<String> pairs = new ArrayList<>();
        for (int term : model.termMasks()) {
            // from the model's terms themselves, not by parsing their names (issue 15)
            if (model.covariatePart(term) == 0 && Integer.bitCount(model.listPart(term)) == 2) {
                pairs.add(JointModel.name(term, model.names()));
            }
        }
        return pairs.isEmpty() ? "lists independent" : "list pairs " + String.join(", ", pairs);
    }

    /** The observed count a ratio "about 1 in k seen" divides by: under controlled rounding the rounded count. */
    private double observedShown(double observed) {
        return rounding() ? Math.max(1, shown(Math.round(observed))) : observed;
    }

    private String registered(double observed) {
        long n = Math.round(observed);
        if (rounding()) {
            return String.format(Locale.ROOT, "%,d", shown(n));
        }
        if (policy != null && n > 0 && n < policy.threshold()) {
            return "fewer than " + policy.threshold();
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An estimate with its interval; the observed count only where the policy's threshold rule lets it out. */
    private ObjectNode derived(DerivedEstimate e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("estimate", e.estimate());
        node.put("lower", e.lower());
        node.put("upper", e.upper());
        if (rounding() && !e.quantity().startsWith("share")) {
            node.put("observed", shown(Math.round(e.observed())));
        } else if (e.quantity().startsWith("share") || passes(Math.round(e.observed()))) {
            node.put("observed", e.observed());
        } else {
            node.putNull("observed");
        }
        return node;
    }

    private void pooledEstimate(YearRange years, ListDefinition lists) {
        CaptureHistories table = LinkedRegistrations.of(data.registrations(), lists, years);
        line("Naive pooled estimate (lists only, no covariates; for comparison with the R packages, not the"
                + " monitors' method):");
        line("  Lists: %s; persons observed on at least one list: %,d.", lists, shown(table.observed()));
        if (table.observed() == 0) {
            line("  No estimate: no person on any list.");
            ObjectNode node = json.putObject("populationEstimate");
            node.put("naivePooled", true);
            node.put("period", years.toString());
            ArrayNode names = node.putArray("lists");
            table.listNames().forEach(names::add);
            node.put("observed", 0);
            node.putObject("error").put("code", "no_observations").put("message", "no person on any list");
            return;
        }
        StepwiseSelection.Result result = StepwiseSelection.withDefaults().select(table);
        EstimationOutcome outcome = result.outcome();
        // The library's estimate document, the shape of 'monitor estimate --format json', marked as the report's
        // naive pooled estimate over the period.
        ObjectNode node = JSON.createObjectNode();
        node.put("naivePooled", true);
        node.put("period", years.toString());
        node.setAll((ObjectNode) tree(results.estimate(outcome)));
        json.set("populationEstimate", node);
        if (outcome instanceof Estimate e) {
            line("  Stepwise model (SparseMSE default): %s", result.model().formula());
            line("  Estimate: %,.0f (%.0f%% CI %,.0f to %,.0f, Wald on the log of the unobserved count).",
                    e.estimate(), 100 * e.interval().level(), e.interval().lower(), e.interval().upper());
            populationEstimate = new PopulationEstimate(years, shown(table.observed()), e.estimate(), e.interval().lower(),
                    e.interval().upper(), e.interval().level());
        } else if (outcome instanceof NotEstimable n) {
            line("  No estimate: %s", n.reason());
        } else {
            line("  No estimate: the fit did not converge.");
        }
    }

    private void table(String name, String title) {
        ReportTable entry = policy == null ? new ReportTable(name, title, null, countTables.get(name))
                : new ReportTable(name, title, published.table(name), null);
        tables.add(entry);
        text.append('\n').append(entry.toText());
        json.withArray("tables").add(tree(entry.isProtected() ? results.table(name, title, entry.published())
                : results.table(name, title, entry.raw())));
    }

    /** A JSON text of the library's result codec as a tree, to place in the report's document. */
    private static com.fasterxml.jackson.databind.JsonNode tree(String resultJson) {
        try {
            return JSON.readTree(resultJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the result codec wrote what it cannot read back", e);
        }
    }

    private static YearRange years(java.util.SortedSet<Integer> years) {
        return years.isEmpty() ? null : YearRange.of(years.first(), years.last());
    }

    private void heading(String title) {
        text.append('\n').append(title).append('\n');
    }

    private void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /**
     * Whether a share may be printed: its numerator, the rest of its denominator and its unknowns each pass the
     * policy's threshold rule (a share of a small count, printed with its denominator, discloses the count).
     */
    private boolean printable(Share s) {
        return passes(s.successes()) && passes(s.trials() - s.successes()) && passes(s.unknown());
    }

    private String withheldShare() {
        return String.format(Locale.ROOT, "withheld (a count between 1 and %d)", policy.threshold() - 1);
    }

    /** The share as published: under controlled rounding, the share of the rounded counts. */
    private ShareEstimate published(ShareEstimate estimate) {
        return rounding() && estimate instanceof Share s ? ResultJson.roundedShare(s, policy) : estimate;
    }

    private String share(ShareEstimate given) {
        if (given instanceof Share && rounding() && !(published(given) instanceof Share)) {
            return "not defined (the rounded denominator is 0)";
        }
        ShareEstimate estimate = published(given);
        if (estimate instanceof Share s && !printable(s)) {
            return withheldShare();
        }
        if (estimate instanceof Share s) {
            return String.format(Locale.ROOT, "%d of %d = %.1f%% (%.0f%% %s CI %.1f%% to %.1f%%)%s", s.successes(),
                    s.trials(), 100 * s.estimate(), 100 * s.level(), s.method().name().toLowerCase(Locale.ROOT)
                            .replace('_', '-'), 100 * s.lower(), 100 * s.upper(),
                    s.unknown() > 0 ? "; " + s.unknown() + " unknown" : "");
        }
        return "not defined (no case of known age)";
    }

    private String compact(ShareEstimate given) {
        ShareEstimate estimate = published(given);
        if (estimate instanceof Share s && !printable(s)) {
            return "x";
        }
        if (estimate instanceof Share s) {
            return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", s.estimate(), s.lower(), s.upper());
        }
        return "-";
    }

    /** A share as the library's codec writes it, under the report's policy (the text's rule, {@link #printable}). */
    private com.fasterxml.jackson.databind.JsonNode shareJson(ShareEstimate estimate) {
        return tree(results.share(estimate));
    }

    /** {@code {estimate, lower, upper, level}}, the JSON of every interval in the report. */
    static ObjectNode interval(double estimate, double lower, double upper, double level) {
        ObjectNode node = JSON.createObjectNode();
        node.put("estimate", estimate);
        node.put("lower", lower);
        node.put("upper", upper);
        node.put("level", level);
        return node;
    }
}
