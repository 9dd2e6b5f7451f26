package org.tipmonitor.indicators.offenders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.VerdictOutcome;

/**
 * The prosecution chain of trafficking suspects per year (offender monitor, dadermonitor): registered at the public
 * prosecutor (ingeschreven bij het OM) &rarr; the prosecutor's decision (summons, dismissal by type, penalty order,
 * ...) &rarr; the first-instance verdict &rarr; the sentence.
 *
 * <p>Two views, because the stages of a calendar year concern different cases (domain notes section 5.2):
 * <ul>
 *   <li>{@link #crossSections}: per year, each stage counted by its own date ({@link ChainCrossSection}); this is
 *       what "per year" tables of the chain show. Decisions and verdicts without a date fall in no year.</li>
 *   <li>{@link #cohorts}: per year of registration, the same cases followed through the chain
 *       ({@link ChainCohort}), which gives conversion rates with confidence intervals.</li>
 * </ul>
 * Counting unit: cases (one suspect in one case), as {@link OffenderCase} records; an offender with two cases counts
 * twice. Sentence lengths are the months of unconditional custody ({@link
 * org.tipmonitor.model.Sentence#unconditionalCustodialMonths()}), summarised over the sentences that include some
 * ({@link SentenceLengthSummary}). Shares use the configured {@link ShareEstimator} (default Wilson, 95%).
 *
 * <p>Immutable and thread-safe.
 */
public final class OffenderChain {

    /** The method recorded in the provenance of cross-sections. */
    public static final String CROSS_SECTION_METHOD = "prosecution-chain-cross-section";
    /** The method recorded in the provenance of cohorts. */
    public static final String COHORT_METHOD = "prosecution-chain-cohort";


    private final YearRange period;
    private final Set<ExploitationForm> forms;
    private final ShareEstimator estimator;
    private final String datasetId;

    private OffenderChain(YearRange period, Set<ExploitationForm> forms, ShareEstimator estimator,
            String datasetId) {
        this.period = period;
        this.forms = forms;
        this.estimator = estimator;
        this.datasetId = datasetId;
    }

    /**
     * The chain over a period, for every form of exploitation, with the default share estimator.
     *
     * @param period the years
     * @return the chain
     * @throws NullPointerException if period is null
     */
    public static OffenderChain of(YearRange period) {
        return new OffenderChain(Objects.requireNonNull(period, "period"), EnumSet.allOf(ExploitationForm.class),
                ShareEstimator.withDefaults(), Provenance.UNSPECIFIED);
    }

    /**
     * Returns a copy restricted to cases of some forms of exploitation.
     *
     * @param newForms the forms, at least one
     * @return the new chain
     * @throws IndicatorException if no form is given
     * @throws NullPointerException if a form is null
     */
    public OffenderChain withForms(ExploitationForm... newForms) {
        if (newForms.length == 0) {
            throw IndicatorException.of(IndicatorRule.OFFENDER_NO_FORMS, 0);
        }
        Set<ExploitationForm> set = EnumSet.noneOf(ExploitationForm.class);
        for (ExploitationForm f : newForms) {
            set.add(Objects.requireNonNull(f, "form"));
        }
        return new OffenderChain(period, set, estimator, datasetId);
    }

    /**
     * Returns a copy with another share estimator.
     *
     * @param newEstimator the estimator; its provenance is replaced by the chain's
     * @return the new chain
     * @throws NullPointerException if newEstimator is null
     */
    public OffenderChain withShareEstimator(ShareEstimator newEstimator) {
        return new OffenderChain(period, forms, Objects.requireNonNull(newEstimator, "estimator"), datasetId);
    }

    /**
     * Returns a copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the new chain
     * @throws NullPointerException if newDatasetId is null
     */
    public OffenderChain withDatasetId(String newDatasetId) {
        return new OffenderChain(period, forms, estimator, Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * The chain per calendar year of the period, each stage by its own date.
     *
     * @param cases the cases (validated records)
     * @return one cross-section per year, in year order
     * @throws NullPointerException if cases or an element is null
     */
    public List<ChainCrossSection> crossSections(Collection<OffenderCase> cases) {
        Objects.requireNonNull(cases, "cases");
        List<OffenderCase> chosen = selected(cases);
        List<ChainCrossSection> result = new ArrayList<>(period.size());
        for (int year = period.firstYear(); year <= period.lastYear(); year++) {
            long registered = 0;
            Map<ProsecutorDecisionType, Long> decisions = new EnumMap<>(ProsecutorDecisionType.class);
            for (ProsecutorDecisionType t : ProsecutorDecisionType.values()) {
                if (t.isDecided()) {
                    decisions.put(t, 0L);
                }
            }
            Map<VerdictOutcome, Long> verdicts = new EnumMap<>(VerdictOutcome.class);
            for (VerdictOutcome o : VerdictOutcome.values()) {
                if (o.isVerdict()) {
                    verdicts.put(o, 0L);
                }
            }
            List<Integer> custody = new ArrayList<>();
            for (OffenderCase c : chosen) {
                if (c.prosecutorRegistrationYear() == year) {
                    registered++;
                }
                if (c.decision().type().isDecided() && inYear(c.decision().date(), year)) {
                    decisions.merge(c.decision().type(), 1L, Long::sum);
                }
                if (c.verdict().outcome().isVerdict() && inYear(c.verdict().date(), year)) {
                    verdicts.merge(c.verdict().outcome(), 1L, Long::sum);
                    if (c.isConvicted() && c.sentence().hasUnconditionalCustody()) {
                        custody.add(c.sentence().unconditionalCustodialMonths());
                    }
                }
            }
            long decided = decisions.values().stream().mapToLong(Long::longValue).sum();
            long dismissed = decisions.get(ProsecutorDecisionType.POLICY_DISMISSAL)
                    + decisions.get(ProsecutorDecisionType.TECHNICAL_DISMISSAL);
            long judged = verdicts.values().stream().mapToLong(Long::longValue).sum();
            long convicted = verdicts.get(VerdictOutcome.CONVICTED);
            Provenance base = base(CROSS_SECTION_METHOD, Integer.toString(year))
                    .withDefinition(Provenance.YEAR_OF, "each stage's own date");
            result.add(new ChainCrossSection(year, registered, decisions, verdicts,
                    share(base, "dismissal among decisions of the year", dismissed, decided, 0),
                    share(base, "conviction among verdicts of the year", convicted, judged, 0),
                    share(base, "unconditional custody among convictions of the year", custody.size(), convicted, 0),
                    SentenceLengthSummary.of(toArray(custody)), base));
        }
        return List.copyOf(result);
    }

    /**
     * The chain per year of registration at the public prosecutor: the cases registered in each year of the period,
     * followed through their stages.
     *
     * @param cases the cases (validated records)
     * @return one cohort per year, in year order
     * @throws NullPointerException if cases or an element is null
     */
    public List<ChainCohort> cohorts(Collection<OffenderCase> cases) {
        Objects.requireNonNull(cases, "cases");
        Map<Integer, List<OffenderCase>> byYear = selected(cases).stream()
                .filter(c -> period.contains(c.prosecutorRegistrationYear()))
                .collect(Collectors.groupingBy(OffenderCase::prosecutorRegistrationYear));
        List<ChainCohort> result = new ArrayList<>(period.size());
        for (int year = period.firstYear(); year <= period.lastYear(); year++) {
            List<OffenderCase> cohort = byYear.getOrDefault(year, List.of());
            Map<ProsecutorDecisionType, Long> decisions = new EnumMap<>(ProsecutorDecisionType.class);
            for (ProsecutorDecisionType t : ProsecutorDecisionType.values()) {
                decisions.put(t, 0L);
            }
            Map<VerdictOutcome, Long> verdicts = new EnumMap<>(VerdictOutcome.class);
            for (VerdictOutcome o : VerdictOutcome.values()) {
                verdicts.put(o, 0L);
            }
            long summonedUnknownOutcome = 0;
            List<Integer> custody = new ArrayList<>();
            for (OffenderCase c : cohort) {
                decisions.merge(c.decision().type(), 1L, Long::sum);
                verdicts.merge(c.verdict().outcome(), 1L, Long::sum);
                if (c.isSummoned() && c.verdict().outcome() == VerdictOutcome.UNKNOWN) {
                    summonedUnknownOutcome++;
                }
                if (c.isConvicted() && c.sentence().hasUnconditionalCustody()) {
                    custody.add(c.sentence().unconditionalCustodialMonths());
                }
            }
            long decided = 0;
            for (Map.Entry<ProsecutorDecisionType, Long> e : decisions.entrySet()) {
                decided += e.getKey().isDecided() ? e.getValue() : 0;
            }
            long unknownDecision = decisions.get(ProsecutorDecisionType.UNKNOWN);
            long dismissed = decisions.get(ProsecutorDecisionType.POLICY_DISMISSAL)
                    + decisions.get(ProsecutorDecisionType.TECHNICAL_DISMISSAL);
            long judged = verdicts.get(VerdictOutcome.CONVICTED) + verdicts.get(VerdictOutcome.ACQUITTED)
                    + verdicts.get(VerdictOutcome.DISCHARGED);
            long convicted = verdicts.get(VerdictOutcome.CONVICTED);
            Provenance base = base(COHORT_METHOD, Integer.toString(year))
                    .withDefinition(Provenance.YEAR_OF, "registration at the public prosecutor");
            result.add(new ChainCohort(year, cohort.size(), decisions, verdicts,
                    share(base, "summons among decided", decisions.get(ProsecutorDecisionType.SUMMONS), decided,
                            unknownDecision),
                    share(base, "dismissal among decided", dismissed, decided, unknownDecision),
                    share(base, "conviction among judged", convicted, judged, summonedUnknownOutcome),
                    share(base, "unconditional custody among convicted", custody.size(), convicted, 0),
                    SentenceLengthSummary.of(toArray(custody)), base));
        }
        return List.copyOf(result);
    }

    private List<OffenderCase> selected(Collection<OffenderCase> cases) {
        List<OffenderCase> selected = new ArrayList<>(cases.size());
        for (OffenderCase c : cases) {
            if (forms.contains(Objects.requireNonNull(c, "case").form())) {
                selected.add(c);
            }
        }
        return selected;
    }

    private Provenance base(String method, String year) {
        return new Provenance(datasetId, period.toString(), method, Map.of(), Provenance.currentLibraryVersion())
                .withDefinition(Provenance.COUNTING_UNIT, "cases")
                .withDefinition("year", year)
                .withDefinition(Provenance.EXPLOITATION_FORM, forms.stream().map(ExploitationForm::code)
                        .collect(Collectors.joining("|")));
    }

    private ShareEstimate share(Provenance base, String stage, long successes, long known, long unknown) {
        return estimator.withProvenance(base.withDefinition("share", stage)).estimate(successes, known, unknown);
    }

    private static boolean inYear(LocalDate date, int year) {
        return date != null && date.getYear() == year;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OffenderChain[%s, forms=%s, %s, dataset=%s]", period, forms, estimator,
                datasetId);
    }
}
