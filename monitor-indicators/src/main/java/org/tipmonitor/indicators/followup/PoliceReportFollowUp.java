package org.tipmonitor.indicators.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * The follow-up of victims' police reports (aangiften): of the reports filed in a year, the share followed within
 * a window (12 or 24 months by default) by a {@link FollowUpStage} of one of the cases they led to, and the
 * Kaplan&ndash;Meier curve of the time to it.
 *
 * <p><b>Censoring.</b> The data show the chain up to an end of observation E (the day up to which the prosecution
 * data are complete, a parameter: it is not the last day of the victim data). A report filed on day f has a window
 * ending f + w months. If f + w &gt; E the window is not fully observed: the report is counted as <i>not yet
 * observable</i> and left out of the share, whether or not a case has already reached the stage (counting the early
 * successes alone would bias the share upwards, counting the rest as failures would bias it downwards). For the
 * others the share is x / n with x the reports whose first linked case reached the stage by f + w, and a binomial
 * interval from the {@link ShareEstimator} (Wilson score by default; Wilson 1927). Events after E are not seen.
 *
 * <p>The curve ({@link #timeToStage}) uses every report filed in the period: the time from filing to the first
 * linked case's stage date if that date is at most E (an event), else E &minus; f (censored), in days
 * ({@link KaplanMeier}). Reports filed after E are left out of it.
 *
 * <p>Immutable and thread-safe.
 */
public final class PoliceReportFollowUp {

    /** The group label of all reports. */
    public static final String ALL = "all";
    /** The outcome labels of {@link #table}. */
    public static final List<String> OUTCOMES = List.of("followed", "not_followed", "not_yet_observable");
    /** Definition name recorded in the provenance: the end of observation. */
    public static final String OBSERVED_UNTIL = "observedUntil";
    /** Definition name recorded in the provenance: the window in months. */
    public static final String WINDOW_MONTHS = "windowMonths";
    /** Definition name recorded in the provenance: the stage. */
    public static final String STAGE = "stage";


    private final YearRange period;
    private final LocalDate observedUntil;
    private final ShareEstimator estimator;
    private final KaplanMeier kaplanMeier;
    private final String datasetId;

    private PoliceReportFollowUp(YearRange period, LocalDate observedUntil, ShareEstimator estimator,
                                 KaplanMeier kaplanMeier, String datasetId) {
        this.period = period;
        this.observedUntil = observedUntil;
        this.estimator = estimator;
        this.kaplanMeier = kaplanMeier;
        this.datasetId = datasetId;
    }

    /**
     * The follow-up of the reports filed in a period, observed until a day, with the default share estimator
     * (Wilson, 95%) and Kaplan&ndash;Meier estimator (95%, log&minus;log).
     *
     * @param period        the years of filing
     * @param observedUntil the end of observation E of the prosecution data
     * @return the indicator
     * @throws NullPointerException if an argument is null
     */
    public static PoliceReportFollowUp of(YearRange period, LocalDate observedUntil) {
        return new PoliceReportFollowUp(Objects.requireNonNull(period, "period"),
                Objects.requireNonNull(observedUntil, "observedUntil"), ShareEstimator.withDefaults(),
                KaplanMeier.withDefaults(), Provenance.UNSPECIFIED);
    }

    /**
     * A copy with another share estimator (interval method, level).
     *
     * @param newEstimator the estimator
     * @return the copy
     * @throws NullPointerException if newEstimator is null
     */
    public PoliceReportFollowUp withShareEstimator(ShareEstimator newEstimator) {
        return new PoliceReportFollowUp(period, observedUntil, Objects.requireNonNull(newEstimator, "estimator"),
                kaplanMeier, datasetId);
    }

    /**
     * A copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the copy
     * @throws NullPointerException if newDatasetId is null
     */
    public PoliceReportFollowUp withDatasetId(String newDatasetId) {
        return new PoliceReportFollowUp(period, observedUntil, estimator, kaplanMeier,
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
     * The follow-up of all reports filed in a year.
     *
     * @param reports      the reports
     * @param year         the year of filing, in the period
     * @param stage        the stage
     * @param windowMonths the window, 1 to 120 months
     * @return the counts and the share
     * @throws IndicatorException if the year is outside the period or the window is not 1 to 120 months
     */
    public FollowUpShare share(Collection<FollowedReport> reports, int year, FollowUpStage stage,
                               int windowMonths) {
        return share(reports, year, stage, windowMonths, null, ALL);
    }

    /**
     * The follow-up per year of the period and group of a dimension, every group of the dimension in code-list
     * order within each year.
     *
     * @param reports      the reports
     * @param stage        the stage
     * @param windowMonths the window, 1 to 120 months
     * @param dimension    the breakdown
     * @return one share per year and group
     * @throws IndicatorException if the window is not 1 to 120 months
     */
    public List<FollowUpShare> shares(Collection<FollowedReport> reports, FollowUpStage stage, int windowMonths,
                                      FollowUpDimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        List<FollowUpShare> shares = new ArrayList<>();
        for (int year = period.firstYear(); year <= period.lastYear(); year++) {
            for (String group : dimension.labels()) {
                shares.add(share(reports, year, stage, windowMonths, dimension, group));
            }
        }
        return shares;
    }

    /**
     * The counts behind the shares as a table to protect before publication: year of filing &times; outcome
     * (followed within the window, not followed within it, not yet observable). Counting unit: police reports,
     * one per registration ({@link CountingUnit#REGISTRATIONS}).
     *
     * @param reports      the reports
     * @param stage        the stage
     * @param windowMonths the window, 1 to 120 months
     * @return the table
     * @throws IndicatorException if the window is not 1 to 120 months
     */
    public CountTable table(Collection<FollowedReport> reports, FollowUpStage stage, int windowMonths) {
        CountTable.Builder builder = CountTable.builder(CountingUnit.REGISTRATIONS, period.dimension("year"),
                new Dimension("outcome", OUTCOMES));
        for (int year = period.firstYear(); year <= period.lastYear(); year++) {
            FollowUpShare share = share(reports, year, stage, windowMonths);
            String label = Integer.toString(year);
            builder.add(share.followed(), label, OUTCOMES.get(0));
            builder.add(share.observable() - share.followed(), label, OUTCOMES.get(1));
            builder.add(share.notYetObservable(), label, OUTCOMES.get(2));
        }
        return builder.build().withProvenance(provenance("count", stage, windowMonths));
    }

    /**
     * The Kaplan&ndash;Meier curve of the time from filing to the first linked case reaching the stage, over the
     * reports filed in the period up to the end of observation; censored at the end of observation.
     *
     * @param reports the reports
     * @param stage   the stage
     * @return the curve, times in days
     */
    public KaplanMeierCurve timeToStage(Collection<FollowedReport> reports, FollowUpStage stage) {
        Objects.requireNonNull(stage, "stage");
        List<int[]> subjects = new ArrayList<>();
        for (FollowedReport report : reports) {
            if (!period.contains(report.filedDate()) || report.filedDate().isAfter(observedUntil)) {
                continue;
            }
            LocalDate first = report.first(stage).orElse(null);
            boolean event = first != null && !first.isAfter(observedUntil);
            LocalDate end = event ? first : observedUntil;
            subjects.add(new int[] {(int) ChronoUnit.DAYS.between(report.filedDate(), end), event ? 1 : 0});
        }
        int[] times = new int[subjects.size()];
        boolean[] events = new boolean[subjects.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = subjects.get(i)[0];
            events[i] = subjects.get(i)[1] == 1;
        }
        return kaplanMeier.estimate(times, events, provenance("kaplan-meier", stage, 0));
    }

    private FollowUpShare share(Collection<FollowedReport> reports, int year, FollowUpStage stage,
                                int windowMonths, FollowUpDimension dimension, String group) {
        Objects.requireNonNull(stage, "stage");
        if (windowMonths < 1 || windowMonths > 120) {
            throw IndicatorException.of(IndicatorRule.FOLLOW_UP_WINDOW, windowMonths);
        }
        if (!period.contains(year)) {
            throw IndicatorException.of(IndicatorRule.YEAR_OUTSIDE_PERIOD, year, period);
        }
        long filed = 0;
        long notYet = 0;
        long followed = 0;
        for (FollowedReport report : reports) {
            if (report.filedDate().getYear() != year
                    || dimension != null && !dimension.label(report).equals(group)) {
                continue;
            }
            filed++;
            LocalDate windowEnd = report.filedDate().plusMonths(windowMonths);
            if (windowEnd.isAfter(observedUntil)) {
                notYet++;
            } else if (report.first(stage).filter(date -> !date.isAfter(windowEnd)).isPresent()) {
                followed++;
            }
        }
        Provenance provenance = provenance("share", stage, windowMonths);
        return new FollowUpShare(year, dimension, group, stage, windowMonths, filed, notYet, followed,
                estimator.withProvenance(provenance).estimate(followed, filed - notYet));
    }

    private Provenance provenance(String method, FollowUpStage stage, int windowMonths) {
        Provenance provenance = Provenance.of(method).withDataset(datasetId, period.toString())
                .withDefinition(OBSERVED_UNTIL, observedUntil.toString())
                .withDefinition(STAGE, stage.code());
        return windowMonths > 0 ? provenance.withDefinition(WINDOW_MONTHS, Integer.toString(windowMonths))
                : provenance;
    }

    @Override
    public String toString() {
        return "PoliceReportFollowUp[" + period + ", observedUntil=" + observedUntil + "]";
    }
}
