package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;
import org.tipmonitor.indicators.tables.internal.TextGrid;

/**
 * A count table made safe to publish by a {@link DisclosurePolicy}: every cell and margin is either published
 * (exactly or rounded) or withheld. This is the only table type meant for publication; its source, a
 * {@link CountTable}, stays internal. A protected table does not hold the withheld values.
 *
 * <p>Cells are addressed as in {@link CountTable}: one coordinate per dimension, a category index or
 * {@link CountTable#ALL} for the margin.
 */
public final class ProtectedTable {

    private final CountingUnit unit;
    private final List<Dimension> dimensions;
    private final ExtendedIndex index;
    private final long[] published;
    private final CellStatus[] status;
    private final boolean additive;
    private final Provenance provenance;
    private final long controlledBase;

    ProtectedTable(CountTable source, long[] published, CellStatus[] status, Provenance provenance) {
        this(source, published, status, provenance, 0);
    }

    ProtectedTable(CountTable source, long[] published, CellStatus[] status, Provenance provenance,
            long controlledBase) {
        this.controlledBase = controlledBase;
        this.unit = source.unit();
        this.dimensions = source.dimensions();
        this.index = new ExtendedIndex(source.shape());
        this.published = published.clone();
        this.status = status.clone();
        for (int i = 0; i < status.length; i++) {
            if (status[i].isSuppressed()) {
                this.published[i] = 0;
            }
        }
        this.additive = source.isAdditive();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * What the cells count.
     *
     * @return the counting unit
     */
    public CountingUnit unit() {
        return unit;
    }

    /**
     * The dimensions.
     *
     * @return the dimensions (unmodifiable)
     */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * The published value of a cell or margin.
     *
     * @param coords one coordinate per dimension: a category index or {@link CountTable#ALL}
     * @return the value, or empty if withheld
     * @throws org.tipmonitor.indicators.IndicatorException if the coordinates do not fit the table
     */
    public OptionalLong value(int... coords) {
        int o = index.offset(coords);
        return status[o].isSuppressed() ? OptionalLong.empty() : OptionalLong.of(published[o]);
    }

    /**
     * The status of a cell or margin.
     *
     * @param coords one coordinate per dimension: a category index or {@link CountTable#ALL}
     * @return the status
     * @throws org.tipmonitor.indicators.IndicatorException if the coordinates do not fit the table
     */
    public CellStatus status(int... coords) {
        return status[index.offset(coords)];
    }

    /**
     * The coordinates of every cell and margin with the given status, in row-major order of the extended table.
     *
     * @param wanted the status
     * @return the coordinates (with {@link CountTable#ALL} for margins)
     */
    public List<List<Integer>> cellsWith(CellStatus wanted) {
        return CellStatuses.cellsWith(index, status, wanted);
    }

    /**
     * The number of withheld cells and margins.
     *
     * @return the count of PRIMARY and SECONDARY cells
     */
    public int suppressedCount() {
        return CellStatuses.suppressedCount(status);
    }

    /**
     * Whether the values are rounded rather than suppressed.
     *
     * @return true if protected by {@link Rounding} or {@link ControlledRounding}
     */
    public boolean isRounded() {
        return status.length > 0 && status[0] == CellStatus.ROUNDED;
    }

    /**
     * The base of {@link ControlledRounding}, if the table was published by it (then it is additive, see
     * {@link ControlledRounding#audit(ProtectedTable, long)}).
     *
     * @return the base b, or empty for suppression and for {@link Rounding}
     */
    public OptionalLong controlledRoundingBase() {
        return controlledBase > 0 ? OptionalLong.of(controlledBase) : OptionalLong.empty();
    }

    /**
     * Whether the source table was additive; decides the constraints an intruder may use (see
     * {@link DisclosureAudit}).
     *
     * @return true if margins are sums of their cells
     */
    public boolean isAdditive() {
        return additive;
    }

    /**
     * Where the table comes from and how it was protected (threshold, margin, method).
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return provenance;
    }

    ExtendedIndex index() {
        return index;
    }

    long[] publishedValues() {
        return published;
    }

    CellStatus[] statuses() {
        return status;
    }

    /**
     * A plain-text rendering of a table of rank 0 to 2 (rows by the first dimension, columns by the second, margins
     * labelled "Total", withheld values as "x"); higher ranks are listed cell by cell.
     *
     * @return the rendering
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (dimensions.size() == 2) {
            Dimension rows = dimensions.get(0);
            Dimension cols = dimensions.get(1);
            sb.append(rows.name()).append('\\').append(cols.name());
            for (String c : cols.labels()) {
                sb.append('\t').append(c);
            }
            sb.append("\tTotal\n");
            for (int r = 0; r <= rows.size(); r++) {
                sb.append(r < rows.size() ? rows.labels().get(r) : "Total");
                for (int c = 0; c <= cols.size(); c++) {
                    sb.append('\t').append(show(r < rows.size() ? r : CountTable.ALL,
                            c < cols.size() ? c : CountTable.ALL));
                }
                sb.append('\n');
            }
            return sb.toString();
        }
        for (int o = 0; o < status.length; o++) {
            int[] c = index.coords(o);
            List<String> labels = new ArrayList<>();
            for (int d = 0; d < c.length; d++) {
                labels.add(c[d] == CountTable.ALL ? "Total" : dimensions.get(d).labels().get(c[d]));
            }
            sb.append(String.join(" | ", labels)).append('\t').append(show(c)).append('\n');
        }
        return sb.toString();
    }

    private String show(int... coords) {
        OptionalLong v = value(coords);
        return v.isPresent() ? Long.toString(v.getAsLong()) : "x";
    }

    /**
     * The table as aligned text: a first line naming the unit, the dimensions and how the table was protected,
     * then the published grid with totals ("x" for a withheld value), laid out as {@link CountTable#toString()}.
     *
     * @return e.g. {@code "ProtectedTable of registrations by year x form, 4 values withheld (x)"} and the grid
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ProtectedTable of ").append(unit.name().toLowerCase(Locale.ROOT));
        if (!dimensions.isEmpty()) {
            sb.append(" by ").append(String.join(" x ", dimensions.stream().map(Dimension::name).toList()));
        }
        sb.append(controlledBase > 0 ? ", controlled rounding to base " + controlledBase
                : isRounded() ? ", rounded" : ", " + suppressedCount() + " values withheld (x)").append('\n');
        return sb.append(TextGrid.crossTab(dimensions, this::show)).toString();
    }
}
