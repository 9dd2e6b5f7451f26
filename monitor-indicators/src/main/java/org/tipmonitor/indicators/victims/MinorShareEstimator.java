package org.tipmonitor.indicators.victims;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.AgeGroup;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;

/**
 * Estimates the share of minors (under {@value AgeGroup#MAJORITY_AGE}, minderjarig) among the presumed victims of
 * one form of exploitation registered in a period, e.g. "almost half of the victims of domestic sexual exploitation
 * (binnenlandse seksuele uitbuiting) are minors" (Nationaal Rapporteur, letter to parliament, 28 November 2019).
 *
 * <p>Each unit is classified as a minor (x), an adult (k) or of unknown age (u, unknown birth date); the share is
 * x / (x + k) with the unknowns reported beside it, or x / (x + k + u) if the {@link ShareEstimator} is told to
 * put unknowns in the denominator. The interval is the estimator's (Wilson score by default; Wilson 1927, see
 * {@link org.tipmonitor.indicators.shares.BinomialInterval} and Brown, Cai &amp; DasGupta 2001 for the choice).
 *
 * <p>Counting unit and age rule:
 * <ul>
 *   <li>{@link CountingUnit#PERSONS} (default): each victim with a registration of the form in the period counts
 *       once, with the age group at the earliest report date of such a registration (age rule
 *       {@value #PERSON_AGE_RULE}).</li>
 *   <li>{@link CountingUnit#REGISTRATIONS}: each registration of the form in the period counts, with the age group
 *       at its report date (age rule {@value #REGISTRATION_AGE_RULE}).</li>
 * </ul>
 * The age group is that of the point age ({@link org.tipmonitor.model.Age#group()}) for birth dates known only to
 * the month or year.
 *
 * <p>Shares of two forms or two periods are compared with
 * {@link org.tipmonitor.indicators.shares.ShareDifferenceEstimator} (Newcombe 1998).
 *
 * <p>Immutable and thread-safe.
 */
public final class MinorShareEstimator {

    /** The age rule for persons: the age at the first report of the form in the period. */
    public static final String PERSON_AGE_RULE = "age-at-first-report-of-form";
    /** The age rule for registrations: the age at each report. */
    public static final String REGISTRATION_AGE_RULE = "age-at-report";


    private final YearRange period;
    private final CountingUnit unit;
    private final ShareEstimator estimator;
    private final String datasetId;

    private MinorShareEstimator(YearRange period, CountingUnit unit, ShareEstimator estimator, String datasetId) {
        this.period = period;
        this.unit = unit;
        this.estimator = estimator;
        this.datasetId = datasetId;
    }

    /**
     * An estimator over a period counting persons, with the default share estimator (Wilson, 95%, unknowns
     * excluded from the denominator).
     *
     * @param period the period of registration
     * @return the estimator
     * @throws NullPointerException if period is null
     */
    public static MinorShareEstimator of(YearRange period) {
        return new MinorShareEstimator(Objects.requireNonNull(period, "period"), CountingUnit.PERSONS,
                ShareEstimator.withDefaults(), Provenance.UNSPECIFIED);
    }

    /**
     * Returns a copy counting persons or registrations.
     *
     * @param newUnit {@link CountingUnit#PERSONS} or {@link CountingUnit#REGISTRATIONS}
     * @return the new estimator
     * @throws IndicatorException if the unit is another one
     * @throws NullPointerException if newUnit is null
     */
    public MinorShareEstimator withCountingUnit(CountingUnit newUnit) {
        Objects.requireNonNull(newUnit, "unit");
        if (newUnit != CountingUnit.PERSONS && newUnit != CountingUnit.REGISTRATIONS) {
            throw IndicatorException.of(IndicatorRule.VICTIM_UNIT_NOT_ACCEPTED, newUnit);
        }
        return new MinorShareEstimator(period, newUnit, estimator, datasetId);
    }

    /**
     * Returns a copy with another share estimator (interval method, level, unknowns in the denominator).
     *
     * @param newEstimator the share estimator; its provenance is replaced by this estimator's
     * @return the new estimator
     * @throws NullPointerException if newEstimator is null
     */
    public MinorShareEstimator withShareEstimator(ShareEstimator newEstimator) {
        return new MinorShareEstimator(period, unit, Objects.requireNonNull(newEstimator, "estimator"), datasetId);
    }

    /**
     * Returns a copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the new estimator
     * @throws NullPointerException if newDatasetId is null
     */
    public MinorShareEstimator withDatasetId(String newDatasetId) {
        return new MinorShareEstimator(period, unit, estimator, Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * Estimates the share of minors among the victims (or registrations) of a form in the period.
     *
     * @param histories the victims with their registrations (validated records)
     * @param form      the form of exploitation
     * @return a share with its interval and the unknown count, or an undefined share when no unit has a known age
     *         (and unknowns are excluded)
     * @throws NullPointerException if an argument or element is null
     */
    public ShareEstimate estimate(Collection<VictimHistory> histories, ExploitationForm form) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(form, "form");
        long minors = 0;
        long known = 0;
        long unknown = 0;
        Map<PersonKey, Registration> firstOfForm = new HashMap<>();
        Map<PersonKey, AgeGroup> firstAge = new HashMap<>();
        for (VictimHistory h : histories) {
            Objects.requireNonNull(h, "history");
            for (Registration r : h.registrations()) {
                if (r.form() != form || !period.contains(r.reportDate())) {
                    continue;
                }
                AgeGroup group = h.victim().ageGroupAt(r.reportDate());
                if (unit == CountingUnit.REGISTRATIONS) {
                    minors += group.isMinor() ? 1 : 0;
                    known += group == AgeGroup.UNKNOWN ? 0 : 1;
                    unknown += group == AgeGroup.UNKNOWN ? 1 : 0;
                    continue;
                }
                PersonKey key = h.victim().key();
                Registration first = firstOfForm.get(key);
                if (first == null || r.reportDate().isBefore(first.reportDate())) {
                    firstOfForm.put(key, r);
                    firstAge.put(key, group);
                }
            }
        }
        for (AgeGroup group : firstAge.values()) {
            minors += group.isMinor() ? 1 : 0;
            known += group == AgeGroup.UNKNOWN ? 0 : 1;
            unknown += group == AgeGroup.UNKNOWN ? 1 : 0;
        }
        Provenance base = new Provenance(datasetId, period.toString(), "share", Map.of(),
                Provenance.currentLibraryVersion())
                .withDefinition(Provenance.COUNTING_UNIT, unit.name().toLowerCase(Locale.ROOT))
                .withDefinition(Provenance.AGE_RULE,
                        unit == CountingUnit.PERSONS ? PERSON_AGE_RULE : REGISTRATION_AGE_RULE)
                .withDefinition(Provenance.EXPLOITATION_FORM, form.code())
                .withDefinition("attribute", "minor (age < " + AgeGroup.MAJORITY_AGE + ")");
        return estimator.withProvenance(base).estimate(minors, known, unknown);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MinorShareEstimator[%s, %s, %s, dataset=%s]", period,
                unit.name().toLowerCase(Locale.ROOT), estimator, datasetId);
    }
}
