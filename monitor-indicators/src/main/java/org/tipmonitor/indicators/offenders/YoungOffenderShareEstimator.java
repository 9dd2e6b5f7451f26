package org.tipmonitor.indicators.offenders;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.Age;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;

/**
 * Estimates the share of offenders younger than an age cut among the suspects of one form of exploitation registered
 * at the public prosecutor in a period, e.g. "almost four in ten offenders of domestic sexual exploitation are younger
 * than 23" (Nationaal Rapporteur, letter to parliament of 28 November 2019, after the Dadermonitor mensenhandel
 * 2013-2017).
 *
 * <p>Each unit is classified as under the cut (x: point age &lt; cut, {@link Age#years()}), at or over it (k), or of
 * unknown age (u: unknown birth date, or no offence date under {@link OffenderAgeRule#AT_OFFENCE}); the share is
 * x / (x + k) with u reported beside it, or x / (x + k + u) if the {@link ShareEstimator} puts unknowns in the
 * denominator. Interval: the estimator's method, Wilson score by default (Wilson 1927; Brown, Cai &amp; DasGupta
 * 2001).
 *
 * <p>Parameters, each recorded in the provenance: the age cut (default {@value #DEFAULT_AGE_CUT}); the age rule
 * (default {@link OffenderAgeRule#AT_OFFENCE}); the counting unit, {@link CountingUnit#PERSONS} (default: each
 * offender with a case of the form registered in the period counts once, aged at their earliest such case) or
 * {@link CountingUnit#CASES} (each such case counts). A case belongs to the period by the year of its registration at
 * the public prosecutor, the offender monitor's counting year.
 *
 * <p>Two such shares (e.g. domestic sexual against criminal exploitation, or two periods) are compared with
 * {@link org.tipmonitor.indicators.shares.ShareDifferenceEstimator}, by default Newcombe's (1998) hybrid score
 * interval for p&#8321; &minus; p&#8322;.
 *
 * <p>Immutable and thread-safe.
 */
public final class YoungOffenderShareEstimator {

    /** The offender monitor's age cut. */
    public static final int DEFAULT_AGE_CUT = 23;


    private final YearRange period;
    private final int ageCut;
    private final OffenderAgeRule ageRule;
    private final CountingUnit unit;
    private final ShareEstimator estimator;
    private final String datasetId;

    private YoungOffenderShareEstimator(YearRange period, int ageCut, OffenderAgeRule ageRule, CountingUnit unit,
            ShareEstimator estimator, String datasetId) {
        this.period = period;
        this.ageCut = ageCut;
        this.ageRule = ageRule;
        this.unit = unit;
        this.estimator = estimator;
        this.datasetId = datasetId;
    }

    /**
     * An estimator over a period with the defaults: cut 23, age at offence, persons, Wilson 95%, unknowns excluded.
     *
     * @param period the years of registration at the public prosecutor
     * @return the estimator
     * @throws NullPointerException if period is null
     */
    public static YoungOffenderShareEstimator of(YearRange period) {
        return new YoungOffenderShareEstimator(Objects.requireNonNull(period, "period"), DEFAULT_AGE_CUT,
                OffenderAgeRule.AT_OFFENCE, CountingUnit.PERSONS, ShareEstimator.withDefaults(),
                Provenance.UNSPECIFIED);
    }

    /**
     * Returns a copy with another age cut: offenders whose point age is below it count as young.
     *
     * @param newAgeCut the cut in completed years, in [1, 150]
     * @return the new estimator
     * @throws IndicatorException if the cut is outside [1, 150]
     */
    public YoungOffenderShareEstimator withAgeCut(int newAgeCut) {
        if (newAgeCut < 1 || newAgeCut > 150) {
            throw IndicatorException.of(IndicatorRule.OFFENDER_AGE_CUT_OUT_OF_RANGE, newAgeCut);
        }
        return new YoungOffenderShareEstimator(period, newAgeCut, ageRule, unit, estimator, datasetId);
    }

    /**
     * Returns a copy with another age rule.
     *
     * @param newRule the rule
     * @return the new estimator
     * @throws NullPointerException if newRule is null
     */
    public YoungOffenderShareEstimator withAgeRule(OffenderAgeRule newRule) {
        return new YoungOffenderShareEstimator(period, ageCut, Objects.requireNonNull(newRule, "ageRule"), unit,
                estimator, datasetId);
    }

    /**
     * Returns a copy counting persons or cases.
     *
     * @param newUnit {@link CountingUnit#PERSONS} or {@link CountingUnit#CASES}
     * @return the new estimator
     * @throws IndicatorException if the unit is another one
     * @throws NullPointerException if newUnit is null
     */
    public YoungOffenderShareEstimator withCountingUnit(CountingUnit newUnit) {
        Objects.requireNonNull(newUnit, "unit");
        if (newUnit != CountingUnit.PERSONS && newUnit != CountingUnit.CASES) {
            throw IndicatorException.of(IndicatorRule.OFFENDER_UNIT_NOT_ACCEPTED, newUnit);
        }
        return new YoungOffenderShareEstimator(period, ageCut, ageRule, newUnit, estimator, datasetId);
    }

    /**
     * Returns a copy with another share estimator (interval method, level, unknowns in the denominator).
     *
     * @param newEstimator the estimator; its provenance is replaced by this estimator's
     * @return the new estimator
     * @throws NullPointerException if newEstimator is null
     */
    public YoungOffenderShareEstimator withShareEstimator(ShareEstimator newEstimator) {
        return new YoungOffenderShareEstimator(period, ageCut, ageRule, unit,
                Objects.requireNonNull(newEstimator, "estimator"), datasetId);
    }

    /**
     * Returns a copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the new estimator
     * @throws NullPointerException if newDatasetId is null
     */
    public YoungOffenderShareEstimator withDatasetId(String newDatasetId) {
        return new YoungOffenderShareEstimator(period, ageCut, ageRule, unit, estimator,
                Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * Estimates the share under the cut among the offenders (or cases) of a form in the period.
     *
     * @param histories the offenders with their cases (validated records)
     * @param form      the form of exploitation of the case
     * @return a share with its interval and the unknown count, or an undefined share when no unit has a known age
     *         (and unknowns are excluded)
     * @throws NullPointerException if an argument or element is null
     */
    public ShareEstimate estimate(Collection<OffenderHistory> histories, ExploitationForm form) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(form, "form");
        long young = 0;
        long known = 0;
        long unknown = 0;
        Map<PersonKey, OffenderCase> earliest = new HashMap<>();
        Map<PersonKey, Optional<Age>> earliestAge = new HashMap<>();
        for (OffenderHistory h : histories) {
            Objects.requireNonNull(h, "history");
            for (OffenderCase c : h.cases()) {
                if (c.form() != form || !period.contains(c.prosecutorRegistrationDate())) {
                    continue;
                }
                Optional<Age> age = ageRule.ageAt(h.offender(), c);
                if (unit == CountingUnit.CASES) {
                    young += age.isPresent() && age.get().years() < ageCut ? 1 : 0;
                    known += age.isPresent() ? 1 : 0;
                    unknown += age.isPresent() ? 0 : 1;
                    continue;
                }
                PersonKey key = h.offender().key();
                OffenderCase first = earliest.get(key);
                if (first == null || c.prosecutorRegistrationDate().isBefore(first.prosecutorRegistrationDate())) {
                    earliest.put(key, c);
                    earliestAge.put(key, age);
                }
            }
        }
        for (Optional<Age> age : earliestAge.values()) {
            young += age.isPresent() && age.get().years() < ageCut ? 1 : 0;
            known += age.isPresent() ? 1 : 0;
            unknown += age.isPresent() ? 0 : 1;
        }
        Provenance base = new Provenance(datasetId, period.toString(), "share", Map.of(),
                Provenance.currentLibraryVersion())
                .withDefinition(Provenance.COUNTING_UNIT, unit.name().toLowerCase(Locale.ROOT))
                .withDefinition(Provenance.AGE_RULE, ageRule.id())
                .withDefinition(Provenance.AGE_CUT, Integer.toString(ageCut))
                .withDefinition(Provenance.EXPLOITATION_FORM, form.code())
                .withDefinition(Provenance.YEAR_OF, "registration at the public prosecutor");
        return estimator.withProvenance(base).estimate(young, known, unknown);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "YoungOffenderShareEstimator[%s, cut=%d, %s, %s, %s, dataset=%s]", period,
                ageCut, ageRule.id(), unit.name().toLowerCase(Locale.ROOT), estimator, datasetId);
    }
}
