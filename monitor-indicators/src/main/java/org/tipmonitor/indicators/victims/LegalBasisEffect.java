package org.tipmonitor.indicators.victims;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The effect of the legal basis for reporting on registrations: how many registrations non-investigative
 * organisations made before and after the GDPR (AVG) applied on {@link Registration#GDPR_DATE 2018-05-25}, and how
 * many of them rested on the victim's explicit consent. Investigative authorities report under a statutory duty;
 * other organisations need a legal basis, in practice consent, and after the GDPR their reports fell from about 550
 * a year (2014-2017) to about 150 in 2018 (Slachtoffermonitor mensenhandel 2014-2018; letter to parliament of
 * 28 November 2019).
 *
 * <p>Counting unit: registrations (the reports themselves), non-investigative on the report date
 * ({@link Registration#reporterInvestigative()} = no). Registrations by an unknown reporter are counted apart.
 * The cut date splits the period into "before" (first day of the period up to the day before the cut date) and
 * "after" (cut date to the last day of the period); both must contain at least one day. The comparison gives the
 * counts, the annualised rates, their ratio with a confidence interval ({@link RateRatio}, conditional binomial
 * method on the share estimator's interval method) and the share with {@link LegalBasis#EXPLICIT_CONSENT} on
 * either side, with registrations of unknown legal basis as unknowns (excluded from the denominator unless the
 * share estimator says otherwise).
 *
 * <p>Immutable and thread-safe.
 */
public final class LegalBasisEffect {

    /** The method recorded in the provenance. */
    public static final String METHOD = "legal-basis-before-after";


    private final YearRange period;
    private final LocalDate cutDate;
    private final ShareEstimator estimator;
    private final String datasetId;

    private LegalBasisEffect(YearRange period, LocalDate cutDate, ShareEstimator estimator, String datasetId) {
        this.period = period;
        this.cutDate = cutDate;
        this.estimator = estimator;
        this.datasetId = datasetId;
    }

    /**
     * A comparison over a period around the GDPR date, with the default share estimator.
     *
     * @param period the period; must contain 2018-05-24 and 2018-05-25
     * @return the comparison
     * @throws IndicatorException if the GDPR date does not leave a day of the period on each side
     * @throws NullPointerException if period is null
     */
    public static LegalBasisEffect of(YearRange period) {
        Objects.requireNonNull(period, "period");
        return new LegalBasisEffect(period, checkCut(period, Registration.GDPR_DATE), ShareEstimator.withDefaults(),
                Provenance.UNSPECIFIED);
    }

    /**
     * Returns a copy with another cut date.
     *
     * @param newCutDate the first day of the "after" part
     * @return the new comparison
     * @throws IndicatorException if the date does not leave a day of the period on each side
     * @throws NullPointerException if newCutDate is null
     */
    public LegalBasisEffect withCutDate(LocalDate newCutDate) {
        return new LegalBasisEffect(period, checkCut(period, Objects.requireNonNull(newCutDate, "cutDate")),
                estimator, datasetId);
    }

    /**
     * Returns a copy with another share estimator (interval method and level, also used for the rate ratio).
     *
     * @param newEstimator the estimator
     * @return the new comparison
     * @throws NullPointerException if newEstimator is null
     */
    public LegalBasisEffect withShareEstimator(ShareEstimator newEstimator) {
        return new LegalBasisEffect(period, cutDate, Objects.requireNonNull(newEstimator, "estimator"), datasetId);
    }

    /**
     * Returns a copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the new comparison
     * @throws NullPointerException if newDatasetId is null
     */
    public LegalBasisEffect withDatasetId(String newDatasetId) {
        return new LegalBasisEffect(period, cutDate, estimator, Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * Compares the non-investigative registrations before and after the cut date.
     *
     * @param histories the victims with their registrations (validated records)
     * @return the comparison
     * @throws NullPointerException if histories or an element is null
     */
    public LegalBasisComparison compare(Collection<VictimHistory> histories) {
        Objects.requireNonNull(histories, "histories");
        long[] byYear = new long[period.size()];
        long[] consent = new long[2];
        long[] known = new long[2];
        long[] unknownBasis = new long[2];
        long[] count = new long[2];
        long unknownReporter = 0;
        for (VictimHistory h : histories) {
            Objects.requireNonNull(h, "history");
            for (Registration r : h.registrations()) {
                if (!period.contains(r.reportDate())) {
                    continue;
                }
                YesNoUnknown investigative = r.reporterInvestigative();
                if (investigative == YesNoUnknown.UNKNOWN) {
                    unknownReporter++;
                    continue;
                }
                if (investigative == YesNoUnknown.YES) {
                    continue;
                }
                int side = r.reportDate().isBefore(cutDate) ? 0 : 1;
                count[side]++;
                byYear[r.reportYear() - period.firstYear()]++;
                if (r.legalBasis() == LegalBasis.UNKNOWN) {
                    unknownBasis[side]++;
                } else {
                    known[side]++;
                    consent[side] += r.legalBasis() == LegalBasis.EXPLICIT_CONSENT ? 1 : 0;
                }
            }
        }
        long daysBefore = cutDate.toEpochDay() - period.firstDay().toEpochDay();
        long daysAfter = period.lastDay().toEpochDay() - cutDate.toEpochDay() + 1;
        Provenance base = new Provenance(datasetId, period.toString(), METHOD, Map.of(),
                Provenance.currentLibraryVersion())
                .withDefinition(Provenance.COUNTING_UNIT, "registrations")
                .withDefinition("reporters", "non-investigative on the report date")
                .withDefinition("cutDate", cutDate.toString())
                .withDefinition("attribute", "legal basis " + LegalBasis.EXPLICIT_CONSENT.code());
        ShareEstimate consentBefore = estimator.withProvenance(base.withDefinition("side", "before"))
                .estimate(consent[0], known[0], unknownBasis[0]);
        ShareEstimate consentAfter = estimator.withProvenance(base.withDefinition("side", "after"))
                .estimate(consent[1], known[1], unknownBasis[1]);
        Optional<RateRatio> ratio = RateRatio.estimate(count[1], daysAfter, count[0], daysBefore,
                estimator.method(), estimator.confidenceLevel());
        Provenance provenance = base
                .withDefinition("rateRatio", "conditional-binomial-" + estimator.method().id())
                .withDefinition(ShareEstimator.CONFIDENCE_LEVEL, Double.toString(estimator.confidenceLevel()));
        return new LegalBasisComparison(cutDate, count[0], count[1], daysBefore, daysAfter, unknownReporter,
                AnnualSeries.of(period.firstYear(), byYear), consentBefore, consentAfter, ratio, provenance);
    }

    private static LocalDate checkCut(YearRange period, LocalDate cut) {
        if (!cut.isAfter(period.firstDay()) || cut.isAfter(period.lastDay())) {
            throw IndicatorException.of(IndicatorRule.CUT_DATE_OUTSIDE_PERIOD, period, cut);
        }
        return cut;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LegalBasisEffect[%s, cut=%s, %s, dataset=%s]", period, cutDate,
                estimator, datasetId);
    }
}
