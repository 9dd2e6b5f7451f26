package org.tipmonitor.indicators.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareDifference;
import org.tipmonitor.indicators.shares.ShareDifferenceEstimator;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.VictimHistory;

/**
 * Indicators of the residence scheme for victims of trafficking (B8/3) by Dublin status and year, from the stage
 * recorded at each registration ({@link Registration#residenceStage()}).
 *
 * <ul>
 *   <li>{@link #stages}: registrations of one Dublin-status group by year and stage.</li>
 *   <li>{@link #entries}: persons entering the reflection period (bedenktijd), counted once, in the year of their
 *       first registration at that stage in the period, by Dublin status of that registration.</li>
 *   <li>{@link #transitions}: from-stage &times; to-stage over consecutive registrations of one person in the period
 *       (ordered by report date, then identifier); the diagonal holds the pairs without a change. A transition is
 *       seen only when a person is registered again, so these are observed changes, not all changes.</li>
 *   <li>{@link #compare}: the registrations of a Dublin-status group before and after a change of the scheme,
 *       with the same interval machinery as the GDPR comparison
 *       ({@link org.tipmonitor.indicators.victims.LegalBasisEffect}): the rate ratio after/before of the
 *       annualised counts ({@link RateRatio}, conditional binomial on the share estimator's interval method), and
 *       the share in the reflection period on either side ({@link ShareEstimator}, Wilson by default) with their
 *       difference (Newcombe's hybrid score interval, {@link ShareDifferenceEstimator}).</li>
 * </ul>
 *
 * <p>The time spent in the reflection period cannot be computed from the stage a registration records on its report
 * date; it comes from dated stages ({@link org.tipmonitor.model.ResidenceHistory}, format 1.1) through
 * {@link ReflectionPeriod}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResidenceScheme {

    /** The method recorded in the provenance of a comparison. */
    public static final String METHOD = "residence-scheme-before-after";


    private static final List<String> STAGES = codes(ResidenceSchemeStage.values());
    private static final List<String> DUBLIN = codes(DublinStatus.values());

    private final YearRange period;
    private final ShareEstimator estimator;
    private final String datasetId;

    private ResidenceScheme(YearRange period, ShareEstimator estimator, String datasetId) {
        this.period = period;
        this.estimator = estimator;
        this.datasetId = datasetId;
    }

    /**
     * The indicators over a period of registration, with the default share estimator (Wilson, 95%).
     *
     * @param period the years of registration
     * @return the indicators
     * @throws NullPointerException if period is null
     */
    public static ResidenceScheme of(YearRange period) {
        return new ResidenceScheme(Objects.requireNonNull(period, "period"), ShareEstimator.withDefaults(),
                Provenance.UNSPECIFIED);
    }

    /**
     * A copy with another share estimator (interval method and level, also for the rate ratio and difference).
     *
     * @param newEstimator the estimator
     * @return the copy
     * @throws NullPointerException if newEstimator is null
     */
    public ResidenceScheme withShareEstimator(ShareEstimator newEstimator) {
        return new ResidenceScheme(period, Objects.requireNonNull(newEstimator, "estimator"), datasetId);
    }

    /**
     * A copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the copy
     * @throws NullPointerException if newDatasetId is null
     */
    public ResidenceScheme withDatasetId(String newDatasetId) {
        return new ResidenceScheme(period, estimator, Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * Registrations of one Dublin-status group by year and stage.
     *
     * @param histories the victims with their registrations
     * @param group     the Dublin-status group
     * @return the table (year &times; residenceStage), counting unit registrations
     * @throws NullPointerException if an argument is null
     */
    public CountTable stages(Collection<VictimHistory> histories, DublinStatus group) {
        Objects.requireNonNull(group, "group");
        CountTable.Builder builder = CountTable.builder(CountingUnit.REGISTRATIONS, period.dimension("year"),
                new Dimension("residenceStage", STAGES));
        for (Registration r : registrations(histories)) {
            if (r.dublinStatus() == group) {
                builder.add(Integer.toString(r.reportYear()), r.residenceStage().code());
            }
        }
        return builder.build().withProvenance(provenance("stages").withDefinition("dublinStatus", group.code()));
    }

    /**
     * Persons entering the reflection period, by year and Dublin status of their first registration at that
     * stage in the period.
     *
     * @param histories the victims with their registrations
     * @return the table (year &times; dublinStatus), counting unit persons
     * @throws NullPointerException if histories is null
     */
    public CountTable entries(Collection<VictimHistory> histories) {
        CountTable.DistinctBuilder<PersonKey> builder = CountTable.distinctBuilder(CountingUnit.PERSONS,
                period.dimension("year"), new Dimension("dublinStatus", DUBLIN));
        for (VictimHistory history : histories) {
            ordered(history).stream().filter(r -> r.residenceStage() == ResidenceSchemeStage.REFLECTION_PERIOD)
                    .findFirst().ifPresent(r -> builder.add(history.victim().key(), Integer.toString(r.reportYear()),
                            r.dublinStatus().code()));
        }
        return builder.build().withProvenance(provenance("entries"));
    }

    /**
     * The stage transitions over consecutive registrations of a person in the period.
     *
     * @param histories the victims with their registrations
     * @return the table (fromStage &times; toStage), counting unit registrations (the later of each pair)
     * @throws NullPointerException if histories is null
     */
    public CountTable transitions(Collection<VictimHistory> histories) {
        CountTable.Builder builder = CountTable.builder(CountingUnit.REGISTRATIONS,
                new Dimension("fromStage", STAGES), new Dimension("toStage", STAGES));
        for (VictimHistory history : histories) {
            List<Registration> ordered = ordered(history);
            for (int i = 1; i < ordered.size(); i++) {
                builder.add(ordered.get(i - 1).residenceStage().code(), ordered.get(i).residenceStage().code());
            }
        }
        return builder.build().withProvenance(provenance("transitions"));
    }

    /**
     * Compares the registrations of a Dublin-status group before and after a change of the scheme. "Before" is
     * the first day of the period up to the day before the cut date, "after" the cut date to the last day of the
     * period; the share in the reflection period counts registrations of unknown stage as unknowns (excluded from
     * the denominator unless the share estimator says otherwise).
     *
     * @param histories the victims with their registrations
     * @param cutDate   the first day under the changed scheme
     * @param group     the Dublin-status group
     * @return the comparison
     * @throws IndicatorException if the cut date does not leave a day of the period on each side
     * @throws NullPointerException if an argument is null
     */
    public ResidenceSchemeChange compare(Collection<VictimHistory> histories, LocalDate cutDate,
                                         DublinStatus group) {
        Objects.requireNonNull(cutDate, "cutDate");
        Objects.requireNonNull(group, "group");
        if (!cutDate.isAfter(period.firstDay()) || cutDate.isAfter(period.lastDay())) {
            throw IndicatorException.of(IndicatorRule.CUT_DATE_OUTSIDE_PERIOD, period, cutDate);
        }
        long[] count = new long[2];
        long[] reflection = new long[2];
        long[] known = new long[2];
        long[] unknown = new long[2];
        for (Registration r : registrations(histories)) {
            if (r.dublinStatus() != group) {
                continue;
            }
            int side = r.reportDate().isBefore(cutDate) ? 0 : 1;
            count[side]++;
            if (r.residenceStage() == ResidenceSchemeStage.UNKNOWN) {
                unknown[side]++;
            } else {
                known[side]++;
                reflection[side] += r.residenceStage() == ResidenceSchemeStage.REFLECTION_PERIOD ? 1 : 0;
            }
        }
        long daysBefore = cutDate.toEpochDay() - period.firstDay().toEpochDay();
        long daysAfter = period.lastDay().toEpochDay() - cutDate.toEpochDay() + 1;
        Provenance base = provenance(METHOD).withDefinition("cutDate", cutDate.toString())
                .withDefinition("dublinStatus", group.code())
                .withDefinition("attribute", "stage " + ResidenceSchemeStage.REFLECTION_PERIOD.code());
        ShareEstimate shareBefore = estimator.withProvenance(base.withDefinition("side", "before"))
                .estimate(reflection[0], known[0], unknown[0]);
        ShareEstimate shareAfter = estimator.withProvenance(base.withDefinition("side", "after"))
                .estimate(reflection[1], known[1], unknown[1]);
        Optional<ShareDifference> difference = shareBefore instanceof Share b && shareAfter instanceof Share a
                ? Optional.of(ShareDifferenceEstimator.withDefaults()
                        .withConfidenceLevel(estimator.confidenceLevel()).estimate(a, b))
                : Optional.empty();
        Optional<RateRatio> ratio = RateRatio.estimate(count[1], daysAfter, count[0], daysBefore,
                estimator.method(), estimator.confidenceLevel());
        return new ResidenceSchemeChange(cutDate, group, count[0], count[1], daysBefore, daysAfter, ratio,
                shareBefore, shareAfter, difference, base.withDefinition("rateRatio", "conditional-binomial-"
                        + estimator.method().id()));
    }

    private List<Registration> registrations(Collection<VictimHistory> histories) {
        List<Registration> all = new ArrayList<>();
        for (VictimHistory history : histories) {
            for (Registration r : history.registrations()) {
                if (period.contains(r.reportDate())) {
                    all.add(r);
                }
            }
        }
        return all;
    }

    private List<Registration> ordered(VictimHistory history) {
        List<Registration> ordered = new ArrayList<>();
        for (Registration r : history.registrations()) {
            if (period.contains(r.reportDate())) {
                ordered.add(r);
            }
        }
        ordered.sort(Comparator.comparing(Registration::reportDate).thenComparing(r -> r.id().value()));
        return ordered;
    }

    private Provenance provenance(String method) {
        return new Provenance(datasetId, period.toString(), method, Map.of(), Provenance.currentLibraryVersion());
    }

    private static List<String> codes(CodeList[] values) {
        List<String> codes = new ArrayList<>();
        for (CodeList value : values) {
            codes.add(value.code());
        }
        return List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "ResidenceScheme[" + period + ", " + estimator + ", dataset=" + datasetId + "]";
    }
}
