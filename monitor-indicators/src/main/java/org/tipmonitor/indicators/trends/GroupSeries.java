package org.tipmonitor.indicators.trends;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * One annual series per category of a group dimension, over the same years, with the provenance of the table they
 * were read from: e.g. police reports per year by victim origin, or registrations per year by exploitation form.
 * It answers the per-group questions of a monitor: the change of every group over a window ("almost halved"),
 * the decomposition of the total change into group contributions ("due to one group only") and a trend per group.
 *
 * <p>The groups are the categories of one dimension, "unknown" included, so they are exhaustive. For a table of
 * registrations, cases or source counts they are also mutually exclusive and {@link #total()} is the table's year
 * margin; for a table of distinct persons a person may fall in several groups, and the total of the groups may then
 * exceed the number of persons.
 *
 * @param dimension  the name of the group dimension
 * @param groups     group label &rarr; series, in the dimension's order (copied, unmodifiable), at least one, all
 *                   over the same years
 * @param provenance the provenance of the source table, with the group dimension recorded
 */
public record GroupSeries(String dimension, Map<String, AnnualSeries> groups, Provenance provenance) {

    /** Definition name recorded in the provenance for the group dimension. */
    public static final String GROUP_DIMENSION = "groupDimension";
    /** Definition name recorded in the provenance of a single group's result. */
    public static final String GROUP = "group";

    /**
     * Validates and copies the groups.
     *
     * @throws IndicatorException if there are no groups or their series cover different years
     * @throws NullPointerException if a component, a label or a series is null
     */
    public GroupSeries {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(provenance, "provenance");
        Map<String, AnnualSeries> copy = new LinkedHashMap<>();
        for (Map.Entry<String, AnnualSeries> e : groups.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "group"), Objects.requireNonNull(e.getValue(), "series"));
        }
        if (copy.isEmpty()) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_GROUPS, 0);
        }
        AnnualSeries first = copy.values().iterator().next();
        for (Map.Entry<String, AnnualSeries> e : copy.entrySet()) {
            AnnualSeries s = e.getValue();
            if (s.firstYear() != first.firstYear() || s.lastYear() != first.lastYear()) {
                throw IndicatorException.of(IndicatorRule.TREND_GROUP_SERIES_DIFFERENT_YEARS, e.getKey(), s.firstYear(),
                        s.lastYear(), first.firstYear(), first.lastYear());
            }
        }
        groups = Collections.unmodifiableMap(copy);
    }

    /**
     * The series of every category of a group dimension of a table, over its year dimension (other dimensions
     * summed over, or deduplicated over for persons); see {@link AnnualSeries#byGroup}.
     *
     * @param table          the table
     * @param yearDimension  the name of the year dimension (labels consecutive years)
     * @param groupDimension the name of the group dimension
     * @return the group series, carrying the table's provenance
     * @throws IndicatorException if a dimension is missing or repeated, or the year labels are not consecutive
     */
    public static GroupSeries fromTable(CountTable table, String yearDimension, String groupDimension) {
        Map<String, AnnualSeries> groups = AnnualSeries.byGroup(table, yearDimension, groupDimension);
        return new GroupSeries(groupDimension, groups,
                table.provenance().withDefinition(GROUP_DIMENSION, groupDimension));
    }

    /**
     * The series of one group.
     *
     * @param label the group's label
     * @return its series
     * @throws IndicatorException if there is no such group
     */
    public AnnualSeries group(String label) {
        AnnualSeries s = groups.get(label);
        if (s == null) {
            throw IndicatorException.of(IndicatorRule.TREND_GROUP_NOT_IN_SERIES, dimension, label);
        }
        return s;
    }

    /**
     * The sum of the groups' series (the table's year margin when the groups are mutually exclusive).
     *
     * @return the total series
     */
    public AnnualSeries total() {
        return AnnualSeries.sum(groups.values());
    }

    /**
     * The first year of every series.
     *
     * @return the first year
     */
    public int firstYear() {
        return groups.values().iterator().next().firstYear();
    }

    /**
     * The last year of every series.
     *
     * @return the last year
     */
    public int lastYear() {
        return groups.values().iterator().next().lastYear();
    }

    /**
     * The change of every group between two years, e.g. each exploitation form from 2014 to 2018.
     *
     * @param fromYear the earlier year
     * @param toYear   the later year
     * @return group label &rarr; change, in group order (unmodifiable)
     * @throws IndicatorException if a year is outside the series or toYear &le; fromYear
     */
    public Map<String, Change> changes(int fromYear, int toYear) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, AnnualSeries> e : groups.entrySet()) {
            changes.put(e.getKey(), e.getValue().change(fromYear, toYear));
        }
        return Collections.unmodifiableMap(changes);
    }

    /**
     * The additive decomposition of the change of {@link #total()} between two years into the groups'
     * contributions (see {@link ChangeDecomposition}), carrying this provenance's dataset, period and definitions.
     *
     * @param fromYear the earlier year
     * @param toYear   the later year
     * @return the decomposition
     * @throws IndicatorException if a year is outside the series or toYear &le; fromYear
     */
    public ChangeDecomposition decompose(int fromYear, int toYear) {
        ChangeDecomposition plain = ChangeDecomposition.of(groups, fromYear, toYear);
        Provenance merged = new Provenance(provenance.datasetId(), provenance.period(),
                plain.provenance().method(), provenance.definitions(), provenance.libraryVersion());
        for (Map.Entry<String, String> d : plain.provenance().definitions().entrySet()) {
            merged = merged.withDefinition(d.getKey(), d.getValue());
        }
        return new ChangeDecomposition(plain.fromYear(), plain.toYear(), plain.total(), plain.contributions(),
                merged);
    }

    /**
     * A Poisson log-linear trend of every group's series, each result carrying this provenance and the group's
     * label (definition {@value #GROUP}).
     *
     * @param fitter the trend fitter (confidence level, reference year)
     * @return group label &rarr; trend, in group order (unmodifiable)
     * @throws IndicatorException if the series have fewer than 3 years
     * @throws NullPointerException if fitter is null
     */
    public Map<String, TrendEstimate> trends(PoissonTrend fitter) {
        Objects.requireNonNull(fitter, "fitter");
        Map<String, TrendEstimate> trends = new LinkedHashMap<>();
        for (Map.Entry<String, AnnualSeries> e : groups.entrySet()) {
            trends.put(e.getKey(), fitter.withProvenance(provenance.withDefinition(GROUP, e.getKey()))
                    .fit(e.getValue()));
        }
        return Collections.unmodifiableMap(trends);
    }
}
