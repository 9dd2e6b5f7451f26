package org.tipmonitor.indicators.victims;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.GroupSeries;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;

/**
 * Cross-tabulates the registrations of presumed victims (CoMensha register), or the victims themselves, by any
 * {@link VictimDimension}s over a period, into a {@link CountTable} with all margins and the total.
 *
 * <p>The caller chooses what is counted, and the table says which ({@link CountTable#unit()}):
 * <ul>
 *   <li>{@link CountingUnit#REGISTRATIONS}: every registration reported in the period counts once in the cell of
 *       its categories; the table is additive.</li>
 *   <li>{@link CountingUnit#PERSONS}: a victim counts once in every cell (and every margin) that at least one of
 *       their registrations in the period falls in, deduplicated by {@link PersonKey}. A victim reported in 2014 and
 *       in 2016 counts once in each year and once in the total; margins are then at most the sum of their cells.
 *       For every cell and margin, persons &le; registrations.</li>
 * </ul>
 * In symbols, with R the registrations reported in the period, c(r) the cell of registration r and k(r) its
 * victim's key, a cell or margin C (a set of cells) holds
 * <pre>
 *   registrations:  n(C) = |{ r &isin; R : c(r) &isin; C }|
 *   persons:        m(C) = |{ k(r) : r &isin; R, c(r) &isin; C }|  &le;  n(C)
 * </pre>
 * Registrations reported outside the period are left out. Categories are taken at the registration (see
 * {@link VictimDimension}); in particular the age group is the age at the report date (age rule
 * {@value #AGE_RULE}).
 *
 * <p>The table's provenance records the dataset id, the period, the counting unit, the age rule, the dimensions
 * and the method {@value #METHOD}. Tables are unprotected: pass them to a
 * {@link org.tipmonitor.indicators.disclosure.DisclosurePolicy} before publication (threshold rule and secondary
 * suppression after Hundepool et al., <i>Statistical Disclosure Control</i>, Wiley 2012, chapter 5), which keeps
 * the counting unit and the provenance.
 *
 * <p>Immutable and thread-safe.
 */
public final class VictimTabulation {

    /** The method recorded in the provenance. */
    public static final String METHOD = "cross-tabulation";
    /** The age rule recorded in the provenance: the age group at the registration's report date. */
    public static final String AGE_RULE = "age-at-report";
    /** Definition name of the dimensions. */
    public static final String DIMENSIONS = "dimensions";


    private final CountingUnit unit;
    private final YearRange period;
    private final String datasetId;

    private VictimTabulation(CountingUnit unit, YearRange period, String datasetId) {
        this.unit = unit;
        this.period = period;
        this.datasetId = datasetId;
    }

    /**
     * A tabulation counting registrations or persons over a period, with no dataset id.
     *
     * @param unit   {@link CountingUnit#REGISTRATIONS} or {@link CountingUnit#PERSONS}
     * @param period the period: registrations reported outside it are left out
     * @return the tabulation
     * @throws IndicatorException if the unit is another one
     * @throws NullPointerException if an argument is null
     */
    public static VictimTabulation of(CountingUnit unit, YearRange period) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        if (unit != CountingUnit.REGISTRATIONS && unit != CountingUnit.PERSONS) {
            throw IndicatorException.of(IndicatorRule.VICTIM_UNIT_NOT_ACCEPTED, unit);
        }
        return new VictimTabulation(unit, period, Provenance.UNSPECIFIED);
    }

    /**
     * Returns a copy whose results name the dataset.
     *
     * @param newDatasetId the dataset identifier
     * @return the new tabulation
     * @throws NullPointerException if newDatasetId is null
     */
    public VictimTabulation withDatasetId(String newDatasetId) {
        return new VictimTabulation(unit, period, Objects.requireNonNull(newDatasetId, "datasetId"));
    }

    /**
     * What the tables count.
     *
     * @return the counting unit
     */
    public CountingUnit unit() {
        return unit;
    }

    /**
     * The period tabulated.
     *
     * @return the period
     */
    public YearRange period() {
        return period;
    }

    /**
     * The cross-tabulation of the histories' registrations in the period by the given dimensions, in that order.
     *
     * @param histories  the victims with their registrations (validated records)
     * @param dimensions the dimensions, distinct; none gives the rank-0 table of the total
     * @return the table, counting {@link #unit()}
     * @throws IndicatorException if a dimension is repeated
     * @throws NullPointerException if an argument or element is null
     */
    public CountTable table(Collection<VictimHistory> histories, VictimDimension... dimensions) {
        Objects.requireNonNull(histories, "histories");
        Dimension[] dims = new Dimension[dimensions.length];
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < dimensions.length; i++) {
            dims[i] = Objects.requireNonNull(dimensions[i], "dimension").dimension(period);
            names.append(i == 0 ? "" : "|").append(dimensions[i].tableName());
        }
        CountTable table;
        if (unit == CountingUnit.PERSONS) {
            CountTable.DistinctBuilder<PersonKey> builder = CountTable.distinctBuilder(unit, dims);
            forEachInPeriod(histories, dimensions, (h, labels) -> builder.add(h.victim().key(), labels));
            table = builder.build();
        } else {
            CountTable.Builder builder = CountTable.builder(unit, dims);
            forEachInPeriod(histories, dimensions, (h, labels) -> builder.add(labels));
            table = builder.build();
        }
        Provenance p = new Provenance(datasetId, period.toString(), METHOD, table.provenance().definitions(),
                Provenance.currentLibraryVersion())
                .withDefinition(Provenance.COUNTING_UNIT, unit.name().toLowerCase(Locale.ROOT))
                .withDefinition(Provenance.AGE_RULE, AGE_RULE)
                .withDefinition(DIMENSIONS, names.toString());
        return table.withProvenance(p);
    }

    /**
     * The annual series of the period: registrations or persons per registration year (e.g. "the number of
     * registered victims almost halved": {@code annualSeries(h).change(2014, 2018)}).
     *
     * @param histories the victims with their registrations
     * @return the series over the period's years
     * @throws NullPointerException if histories or an element is null
     */
    public AnnualSeries annualSeries(Collection<VictimHistory> histories) {
        return AnnualSeries.fromTable(table(histories, VictimDimension.YEAR), VictimDimension.YEAR.tableName());
    }

    /**
     * One annual series per category of a dimension, with the table's provenance: the change of every group over
     * a window ({@link GroupSeries#changes}), its decomposition ({@link GroupSeries#decompose}) and trends.
     *
     * @param histories the victims with their registrations
     * @param group     the group dimension, not {@link VictimDimension#YEAR}
     * @return the group series over the period's years
     * @throws IndicatorException if group is {@link VictimDimension#YEAR}
     * @throws NullPointerException if an argument or element is null
     */
    public GroupSeries seriesByGroup(Collection<VictimHistory> histories, VictimDimension group) {
        CountTable table = table(histories, VictimDimension.YEAR, group);
        return GroupSeries.fromTable(table, VictimDimension.YEAR.tableName(), group.tableName());
    }

    private void forEachInPeriod(Collection<VictimHistory> histories, VictimDimension[] dimensions,
            java.util.function.BiConsumer<VictimHistory, String[]> action) {
        for (VictimHistory h : histories) {
            Objects.requireNonNull(h, "history");
            for (Registration r : h.registrations()) {
                if (!period.contains(r.reportDate())) {
                    continue;
                }
                String[] labels = new String[dimensions.length];
                for (int i = 0; i < dimensions.length; i++) {
                    labels[i] = dimensions[i].category(h.victim(), r);
                }
                action.accept(h, labels);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VictimTabulation[%s, %s, dataset=%s]",
                unit.name().toLowerCase(Locale.ROOT), period, datasetId);
    }
}
