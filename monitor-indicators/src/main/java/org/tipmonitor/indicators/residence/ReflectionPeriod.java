package org.tipmonitor.indicators.residence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.followup.KaplanMeier;
import org.tipmonitor.indicators.followup.KaplanMeierCurve;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;

/**
 * The time victims spend in the reflection period (bedenktijd) of the B8/3 residence scheme, by Dublin status and
 * year of entry, from dated residence stages ({@link ReflectionSpell}), and what follows it.
 *
 * <p><b>Censoring.</b> The data show the stages up to an end of observation E (the dataset's date, a parameter). A
 * reflection period entered on day a that the data end on day b &le; E lasts b &minus; a days (an event); one with
 * no recorded end, or an end after E, is still in the reflection period at E and is censored at E &minus; a days.
 * The quartiles come from the Kaplan&ndash;Meier curve of these times ({@link KaplanMeier}, Greenwood variance,
 * log&minus;log intervals) with the Brookmeyer&ndash;Crowley interval ({@link KaplanMeierCurve#quantile}); a
 * quartile the curve does not reach is reported as not reached, never as the longest time seen. The share that left
 * within three months counts, like the follow-up of police reports, only the periods entered at least three months
 * before E (the others are <i>not yet observable</i>), with a binomial interval ({@link ShareEstimator}, Wilson by
 * default). The reflection period lasts up to three months (Aliens Circular 2000, B8/3; 30 days for Dublin claimants
 * from 2023-05-18, Stcrt. 2023, 13577), so a period with no recorded end long after that is a gap in the data: it
 * stays censored at E, which keeps it in the risk set of every time up to E.
 *
 * <p>{@link #outcomes} counts, per year of entry, what followed the reflection period by E: a temporary permit (as
 * victim or witness-reporter), continued residence, none (the scheme was left: ended without a permit, refused,
 * withdrawn, departed), unknown, or still in the reflection period.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReflectionPeriod {

    /** The group label of all reflection periods. */
    public static final String ALL = "all";
    /** The outcome label of periods still in the reflection period at the end of observation. */
    public static final String STILL_IN_REFLECTION = "still_in_reflection";
    /** The outcome labels of {@link #outcomes}: the stages that can follow, then {@value #STILL_IN_REFLECTION}. */
    public static final List<String> OUTCOMES = List.of(ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM.code(),
            ResidenceSchemeStage.TEMPORARY_PERMIT_WITNESS.code(), ResidenceSchemeStage.CONTINUED_RESIDENCE.code(),
            ResidenceSchemeStage.NONE.code(), ResidenceSchemeStage.UNKNOWN.code(), STILL_IN_REFLECTION);
    /** Definition name recorded in the provenance: the end of observation. */
    public static final String OBSERVED_UNTIL = "observedUntil";


    private final YearRange period;
    private final LocalDate observedUntil;
    private final ShareEstimator estimator;
    private final KaplanMeier kaplanMeier;
    private final String datasetId;

    private ReflectionPeriod(YearRange period, LocalDate observedUntil, ShareEstimator estimator,
                             KaplanMeier kaplanMeier, String datasetId) {
        this.period = period;
        this.observedUntil = observedUntil;
        this.estimator = estimator;
        this.kaplanMeier = kaplanMeier;
        this.datasetId = datasetId;
    }

    /**
     * The indicator over the years of entry, observed until a day, with the default share estimator (Wilson, 95%)
     * and Kaplan&ndash;Meier estimator (95%, log&minus;log).
     *
     * @param period        the years of entry into the reflection period
     * @param observedUntil the end of observation E
     * @return the indicator
     * @throws NullPointerException if an argument is null
     */
    public static ReflectionPeriod of(YearRange period, LocalDate observedUntil) {
        return new ReflectionPeriod(Objects.requireNonNull(period, "period"),
                Objects.requireNonNull(observedUntil, "observedUntil"), ShareEstimator.withDefaults(),
                KaplanMeier.withDefaults(), Provenance.UNSPECIFIED);
    }

    /**
     * A copy with another share estimator; its confidence level is also the Kaplan&ndash;Meier level.
     *
     * @param newEstimator the estimator
     * @return the copy
     * @throws NullPointerException if newEstimator is null
     */
    public ReflectionPeriod withShareEstimator(ShareEstimator newEstimator) {
        Objects.requireNonNull(newEstimator, "estimator");
        return new ReflectionPeriod(period, observedUntil, newEstimator,
                KaplanMeier.withDefaults().withConfidenceLevel(newEstimator.confidenceLevel()), datasetId);
    }

    /**
     * A copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the copy
     * @throws NullPointerException if newDatasetId is null
     */
    public ReflectionPeriod withDatasetId(String newDatasetId) {
        return new ReflectionPeriod(period, observedUntil, estimator, kaplanMeier,
                Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * The end of observation.
     *
     * @return E
     */
    public LocalDate observedUntil() {
        return observedUntil;
    }

    /**
     * The time in the reflection period of the periods entered in a year.
     *
     * @param spells the reflection periods
     * @param year   the year of entry, in the period
     * @param group  the Dublin-status group, or null for all
     * @return the result
     * @throws IndicatorException if the year is outside the period
     */
    public ReflectionTime time(Collection<ReflectionSpell> spells, int year, DublinStatus group) {
        if (!period.contains(year)) {
            throw IndicatorException.of(IndicatorRule.YEAR_OUTSIDE_PERIOD, year, period);
        }
        return time(spells, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), group);
    }

    /**
     * The time in the reflection period per year of entry and group: all periods, then each Dublin status in
     * code-list order, within each year.
     *
     * @param spells the reflection periods
     * @return the results
     */
    public List<ReflectionTime> times(Collection<ReflectionSpell> spells) {
        List<ReflectionTime> times = new ArrayList<>();
        for (int year = period.firstYear(); year <= period.lastYear(); year++) {
            times.add(time(spells, year, null));
            for (DublinStatus group : DublinStatus.values()) {
                times.add(time(spells, year, group));
            }
        }
        return times;
    }

    /**
     * The time in the reflection period of the periods entered from one day to another (for a comparison around a
     * change of the scheme).
     *
     * @param spells the reflection periods
     * @param from   the first day of entry
     * @param to     the last day of entry
     * @param group  the Dublin-status group, or null for all
     * @return the result
     * @throws IndicatorException if the span is empty or reaches outside the period
     */
    public ReflectionTime time(Collection<ReflectionSpell> spells, LocalDate from, LocalDate to, DublinStatus group) {
        if (to.isBefore(from) || from.isBefore(period.firstDay()) || to.isAfter(period.lastDay())) {
            throw IndicatorException.of(IndicatorRule.RESIDENCE_SPAN, from, to, period);
        }
        List<Integer> times = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        long ended = 0;
        long notYet = 0;
        long observable = 0;
        long within = 0;
        for (ReflectionSpell spell : spells) {
            if (spell.entered().isBefore(from) || spell.entered().isAfter(to) || spell.entered().isAfter(observedUntil)
                    || group != null && spell.dublinStatus() != group) {
                continue;
            }
            LocalDate end = spell.exit().map(ResidenceStageChange::effectiveDate)
                    .filter(d -> !d.isAfter(observedUntil)).orElse(null);
            boolean event = end != null;
            ended += event ? 1 : 0;
            times.add((int) ChronoUnit.DAYS.between(spell.entered(), event ? end : observedUntil));
            events.add(event);
            LocalDate windowEnd = spell.entered().plusMonths(3);
            if (windowEnd.isAfter(observedUntil)) {
                notYet++;
            } else {
                observable++;
                within += event && !end.isAfter(windowEnd) ? 1 : 0;
            }
        }
        int[] t = new int[times.size()];
        boolean[] e = new boolean[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
            e[i] = events.get(i);
        }
        Provenance provenance = Provenance.of("reflection-period-time").withDataset(datasetId, period.toString())
                .withDefinition(OBSERVED_UNTIL, observedUntil.toString())
                .withDefinition("entered", from + "/" + to)
                .withDefinition("dublinStatus", group == null ? ALL : group.code());
        KaplanMeierCurve curve = kaplanMeier.estimate(t, e, provenance);
        return new ReflectionTime(from, to, Optional.ofNullable(group), t.length, ended, t.length - ended,
                curve.quantile(0.25), curve.quantile(0.5), curve.quantile(0.75), notYet,
                estimator.withProvenance(provenance.withDefinition("share", "left within 3 months"))
                        .estimate(within, observable), curve);
    }

    /**
     * What followed the reflection period, per year of entry: year &times; outcome ({@link #OUTCOMES}), counting
     * unit reflection periods, one per entry in a registration's history ({@link CountingUnit#REGISTRATIONS}).
     *
     * @param spells the reflection periods
     * @return the table
     */
    public CountTable outcomes(Collection<ReflectionSpell> spells) {
        CountTable.Builder builder = CountTable.builder(CountingUnit.REGISTRATIONS, period.dimension("year"),
                new Dimension("outcome", OUTCOMES));
        for (ReflectionSpell spell : spells) {
            if (!period.contains(spell.entered()) || spell.entered().isAfter(observedUntil)) {
                continue;
            }
            String outcome = spell.exit().filter(x -> !x.effectiveDate().isAfter(observedUntil))
                    .map(x -> x.stage().code()).orElse(STILL_IN_REFLECTION);
            builder.add(Integer.toString(spell.entered().getYear()), outcome);
        }
        return builder.build().withProvenance(Provenance.of("reflection-period-outcomes")
                .withDataset(datasetId, period.toString()).withDefinition(OBSERVED_UNTIL, observedUntil.toString()));
    }

    @Override
    public String toString() {
        return "ReflectionPeriod[" + period + ", observedUntil=" + observedUntil + "]";
    }
}
