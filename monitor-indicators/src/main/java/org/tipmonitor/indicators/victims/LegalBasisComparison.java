package org.tipmonitor.indicators.victims;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.tables.internal.TextGrid;
import org.tipmonitor.indicators.trends.AnnualSeries;

/**
 * Registrations by non-investigative organisations (niet-opsporingsinstanties) before and after a cut date, by
 * default the day the GDPR (AVG) applied, 2018-05-25; see {@link LegalBasisEffect}.
 *
 * <p>Rates are per year of 365.25 days: rate = count &middot; 365.25 / days. The rate ratio compares after with
 * before ({@link RateRatio}).
 *
 * @param cutDate                 the first day of the "after" part
 * @param before                  non-investigative registrations reported in the period before the cut date
 * @param after                   non-investigative registrations reported in the period on or after the cut date
 * @param daysBefore              days of the period before the cut date, &ge; 1
 * @param daysAfter               days of the period from the cut date on, &ge; 1
 * @param unknownReporter         registrations in the period whose reporter type is unknown, left out of both parts
 * @param nonInvestigativeByYear  non-investigative registrations per year of the period
 * @param consentBefore           share with explicit consent among the registrations before (unknown legal basis
 *                                as unknowns)
 * @param consentAfter            share with explicit consent among the registrations after
 * @param rateRatio               the rate after over the rate before, empty when there were none before
 * @param provenance              how the comparison was computed
 */
public record LegalBasisComparison(
        LocalDate cutDate,
        long before,
        long after,
        long daysBefore,
        long daysAfter,
        long unknownReporter,
        AnnualSeries nonInvestigativeByYear,
        ShareEstimate consentBefore,
        ShareEstimate consentAfter,
        Optional<RateRatio> rateRatio,
        Provenance provenance) {

    /** Days per year used to annualise rates. */
    public static final double DAYS_PER_YEAR = 365.25;


    /**
     * Validates the comparison.
     *
     * @throws IndicatorException if a count is negative or a number of days is less than 1
     * @throws NullPointerException if a component is null
     */
    public LegalBasisComparison {
        Objects.requireNonNull(cutDate, "cutDate");
        Objects.requireNonNull(nonInvestigativeByYear, "nonInvestigativeByYear");
        Objects.requireNonNull(consentBefore, "consentBefore");
        Objects.requireNonNull(consentAfter, "consentAfter");
        Objects.requireNonNull(rateRatio, "rateRatio");
        Objects.requireNonNull(provenance, "provenance");
        Arguments.checkNonNegative("Registrations before", before);
        Arguments.checkNonNegative("Registrations after", after);
        Arguments.checkNonNegative("Registrations by an unknown reporter", unknownReporter);
        if (daysBefore < 1) {
            throw IndicatorException.of(IndicatorRule.VICTIM_NO_DAYS, "Days before", daysBefore);
        }
        if (daysAfter < 1) {
            throw IndicatorException.of(IndicatorRule.VICTIM_NO_DAYS, "Days after", daysAfter);
        }
    }

    /**
     * Non-investigative registrations per year before the cut date, before &middot; 365.25 / daysBefore.
     *
     * @return the annual rate
     */
    public double annualRateBefore() {
        return before * DAYS_PER_YEAR / daysBefore;
    }

    /**
     * Non-investigative registrations per year from the cut date on, after &middot; 365.25 / daysAfter.
     *
     * @return the annual rate
     */
    public double annualRateAfter() {
        return after * DAYS_PER_YEAR / daysAfter;
    }

    /**
     * The comparison as an aligned table: registrations, days, annual rate and the share with explicit consent
     * before and from the cut date, then the rate ratio and the registrations by an unknown reporter.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextGrid grid = TextGrid.withHeader("", "registrations", "days", "a year", "explicit consent")
                .row("before " + cutDate, before, daysBefore, TextGrid.number(annualRateBefore(), 1), consentBefore)
                .row("from " + cutDate, after, daysAfter, TextGrid.number(annualRateAfter(), 1), consentAfter);
        String ratio = rateRatio.map(r -> String.format(Locale.ROOT,
                "%.3f (%.0f%% CI %.3f to %.3f, from the %s interval of the conditional binomial)", r.estimate(),
                100 * r.level(), r.lower(), r.upper(), r.method().name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .orElse("not defined (no registration before)");
        return "LegalBasisComparison of non-investigative registrations at " + cutDate + "\n" + grid.render()
                + "  rate ratio after/before: " + ratio + "\n  registrations by an unknown reporter, left out: "
                + unknownReporter + "\n";
    }
}
