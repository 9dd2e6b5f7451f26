package org.tipmonitor.indicators.police;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.Direction;
import org.tipmonitor.indicators.trends.GroupSeries;
import org.tipmonitor.indicators.trends.PoissonTrend;
import org.tipmonitor.indicators.trends.TrendEstimate;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;

/**
 * Indicators of one police series (victims identified by the police, or police reports filed) from the cells of the
 * police-signal view ({@link PoliceSignalCount}): tables by {@link PoliceDimension}s, the annual series and series per
 * group, the change into a year placed in its history ("the first increase in five years") and split over groups
 * ("due to one group only"), and Poisson log-linear trends ({@link PoissonTrend}).
 *
 * <p>Only cells of the chosen series and of the period's years are used; the two police series are never mixed
 * (see {@link PoliceSignalCount}). The cells are counts delivered by the police, summed as given: tables count
 * {@link CountingUnit#SOURCE_COUNTS}, and the provenance names the series. Cells repeated in the input are summed.
 * A restriction ({@link #withRestriction}) keeps only the cells of some categories of a dimension, e.g. the
 * African victims, and is recorded in the provenance.
 *
 * <p>Immutable and thread-safe.
 */
public final class PoliceSignals {

    /** The method recorded in the provenance of tables. */
    public static final String METHOD = "police-signal-tabulation";
    /** Definition name of the police series. */
    public static final String SERIES = "policeSeries";


    private final PoliceSeries series;
    private final YearRange period;
    private final Map<PoliceDimension, Set<String>> restrictions;
    private final PoissonTrend fitter;
    private final String datasetId;

    private PoliceSignals(PoliceSeries series, YearRange period, Map<PoliceDimension, Set<String>> restrictions,
            PoissonTrend fitter, String datasetId) {
        this.series = series;
        this.period = period;
        this.restrictions = restrictions;
        this.fitter = fitter;
        this.datasetId = datasetId;
    }

    /**
     * The indicators of one series over a period, with the default trend fitter and no restriction.
     *
     * @param series the police series
     * @param period the years
     * @return the indicators
     * @throws NullPointerException if an argument is null
     */
    public static PoliceSignals of(PoliceSeries series, YearRange period) {
        return new PoliceSignals(Objects.requireNonNull(series, "series"), Objects.requireNonNull(period, "period"),
                Collections.unmodifiableMap(new EnumMap<>(PoliceDimension.class)), PoissonTrend.withDefaults(),
                Provenance.UNSPECIFIED);
    }

    /**
     * Returns a copy that keeps only the cells whose category of a dimension is one of the given ones (replacing an
     * earlier restriction of that dimension).
     *
     * @param dimension  the dimension, e.g. {@link PoliceDimension#ORIGIN}
     * @param categories its categories to keep, e.g. {@code "african"}
     * @return the new indicators
     * @throws IndicatorException if no category is given or one is not a category of the dimension
     * @throws NullPointerException if an argument or category is null
     */
    public PoliceSignals withRestriction(PoliceDimension dimension, String... categories) {
        Objects.requireNonNull(dimension, "dimension");
        if (categories.length == 0) {
            throw IndicatorException.of(IndicatorRule.POLICE_NO_CATEGORIES, 0);
        }
        List<String> valid = dimension.categories(period);
        Set<String> kept = new LinkedHashSet<>();
        for (String c : categories) {
            if (!valid.contains(Objects.requireNonNull(c, "category"))) {
                throw IndicatorException.of(IndicatorRule.POLICE_NOT_A_CATEGORY, dimension.tableName(), c);
            }
            kept.add(c);
        }
        Map<PoliceDimension, Set<String>> copy = new EnumMap<>(PoliceDimension.class);
        copy.putAll(restrictions);
        copy.put(dimension, Collections.unmodifiableSet(kept));
        return new PoliceSignals(series, period, Collections.unmodifiableMap(copy), fitter, datasetId);
    }

    /**
     * Returns a copy with another trend fitter (confidence level, reference year).
     *
     * @param newFitter the fitter; its provenance is replaced by these indicators'
     * @return the new indicators
     * @throws NullPointerException if newFitter is null
     */
    public PoliceSignals withTrendFitter(PoissonTrend newFitter) {
        return new PoliceSignals(series, period, restrictions, Objects.requireNonNull(newFitter, "fitter"),
                datasetId);
    }

    /**
     * Returns a copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the new indicators
     * @throws NullPointerException if newDatasetId is null
     */
    public PoliceSignals withDatasetId(String newDatasetId) {
        return new PoliceSignals(series, period, restrictions, fitter,
                Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * The table of the series by the given dimensions, with margins and total.
     *
     * @param cells      the cells of the police-signal view (validated records)
     * @param dimensions the dimensions, distinct; none gives the rank-0 table of the total
     * @return the table, counting {@link CountingUnit#SOURCE_COUNTS}
     * @throws IndicatorException if a dimension is repeated
     * @throws NullPointerException if an argument or element is null
     */
    public CountTable table(Collection<PoliceSignalCount> cells, PoliceDimension... dimensions) {
        Objects.requireNonNull(cells, "cells");
        Dimension[] dims = new Dimension[dimensions.length];
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < dimensions.length; i++) {
            dims[i] = Objects.requireNonNull(dimensions[i], "dimension").dimension(period);
            names.append(i == 0 ? "" : "|").append(dimensions[i].tableName());
        }
        CountTable.Builder builder = CountTable.builder(CountingUnit.SOURCE_COUNTS, dims);
        for (PoliceSignalCount cell : cells) {
            if (!selected(Objects.requireNonNull(cell, "cell"))) {
                continue;
            }
            String[] labels = new String[dimensions.length];
            for (int i = 0; i < dimensions.length; i++) {
                labels[i] = dimensions[i].category(cell);
            }
            builder.add(cell.count(), labels);
        }
        CountTable table = builder.build();
        return table.withProvenance(provenance(METHOD, table.provenance().definitions())
                .withDefinition("dimensions", names.toString()));
    }

    /**
     * The annual series of the total over the period.
     *
     * @param cells the cells of the police-signal view
     * @return the series
     * @throws NullPointerException if cells or an element is null
     */
    public AnnualSeries total(Collection<PoliceSignalCount> cells) {
        return AnnualSeries.fromTable(table(cells, PoliceDimension.YEAR), PoliceDimension.YEAR.tableName());
    }

    /**
     * One annual series per category of a dimension, with the table's provenance.
     *
     * @param cells the cells of the police-signal view
     * @param group the group dimension, not {@link PoliceDimension#YEAR}
     * @return the group series
     * @throws IndicatorException if group is {@link PoliceDimension#YEAR}
     * @throws NullPointerException if an argument or element is null
     */
    public GroupSeries byGroup(Collection<PoliceSignalCount> cells, PoliceDimension group) {
        CountTable table = table(cells, PoliceDimension.YEAR, group);
        return GroupSeries.fromTable(table, PoliceDimension.YEAR.tableName(), group.tableName());
    }

    /**
     * The change of the total into a year, its place in the series (how long since the last change in the same
     * direction, the streak it ends) and its decomposition over the groups of a dimension.
     *
     * @param cells the cells of the police-signal view
     * @param year  a year of the period after its first year
     * @param group the dimension whose groups the change is split over, not {@link PoliceDimension#YEAR}
     * @return the change
     * @throws IndicatorException if year or year &minus; 1 is outside the period, or group is
     *         {@link PoliceDimension#YEAR}
     * @throws NullPointerException if an argument or element is null
     */
    public PoliceSignalChange changeInto(Collection<PoliceSignalCount> cells, int year, PoliceDimension group) {
        if (!period.contains(year) || !period.contains(year - 1)) {
            throw IndicatorException.of(IndicatorRule.POLICE_NO_PRIOR_YEAR, period, year);
        }
        GroupSeries groups = byGroup(cells, group);
        AnnualSeries total = groups.total();
        Direction direction = total.change(year - 1, year).direction();
        return new PoliceSignalChange(total.change(year - 1, year), year - 1 - period.firstYear(),
                direction == Direction.UNCHANGED ? OptionalInt.empty()
                        : total.yearsSinceLast(direction, year),
                total.streakBefore(year), groups.decompose(year - 1, year),
                groups.provenance().withDefinition("changeInto", Integer.toString(year)));
    }

    /**
     * The Poisson log-linear trend of the total over the period (see {@link PoissonTrend}), carrying these
     * indicators' provenance.
     *
     * @param cells the cells of the police-signal view
     * @return the fit, or a typed outcome when the trend is not estimable
     * @throws IndicatorException if the period has fewer than 3 years
     * @throws NullPointerException if cells or an element is null
     */
    public TrendEstimate trend(Collection<PoliceSignalCount> cells) {
        return fitter.withProvenance(provenance(METHOD, Map.of())).fit(total(cells));
    }

    /**
     * The Poisson log-linear trend of every group of a dimension over the period, e.g. of Dutch and of EU victims.
     *
     * @param cells the cells of the police-signal view
     * @param group the group dimension, not {@link PoliceDimension#YEAR}
     * @return group label &rarr; trend, in category order
     * @throws IndicatorException if the period has fewer than 3 years, or group is {@link PoliceDimension#YEAR}
     * @throws NullPointerException if an argument or element is null
     */
    public Map<String, TrendEstimate> trendByGroup(Collection<PoliceSignalCount> cells, PoliceDimension group) {
        return byGroup(cells, group).trends(fitter);
    }

    private boolean selected(PoliceSignalCount cell) {
        if (cell.series() != series || !period.contains(cell.year())) {
            return false;
        }
        for (Map.Entry<PoliceDimension, Set<String>> r : restrictions.entrySet()) {
            if (!r.getValue().contains(r.getKey().category(cell))) {
                return false;
            }
        }
        return true;
    }

    private Provenance provenance(String method, Map<String, String> definitions) {
        Provenance p = new Provenance(datasetId, period.toString(), method, definitions,
                Provenance.currentLibraryVersion())
                .withDefinition(Provenance.COUNTING_UNIT, CountingUnit.SOURCE_COUNTS.name().toLowerCase(Locale.ROOT))
                .withDefinition(SERIES, series.code());
        for (Map.Entry<PoliceDimension, Set<String>> r : restrictions.entrySet()) {
            p = p.withDefinition("restriction." + r.getKey().tableName(), String.join("|", r.getValue()));
        }
        return p;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PoliceSignals[%s, %s, restrictions=%s, dataset=%s]", series.code(),
                period, restrictions, datasetId);
    }
}
