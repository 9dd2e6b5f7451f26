package org.tipmonitor.indicators.disclosure;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.tables.MagnitudeTable;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * A magnitude table made safe to publish by a {@link DisclosurePolicy}: every cell and margin sum is published or
 * withheld; the withheld sums and all contributions are not kept. Cells are addressed as in
 * {@link org.tipmonitor.indicators.tables.CountTable}.
 */
public final class ProtectedMagnitudeTable {

    private final List<Dimension> dimensions;
    private final ExtendedIndex index;
    private final double[] published;
    private final CellStatus[] status;
    private final Provenance provenance;

    ProtectedMagnitudeTable(MagnitudeTable source, double[] sums, CellStatus[] status, Provenance provenance) {
        this.dimensions = source.dimensions();
        this.index = new ExtendedIndex(source.shape());
        this.published = sums.clone();
        this.status = status.clone();
        for (int i = 0; i < status.length; i++) {
            if (status[i].isSuppressed()) {
                this.published[i] = 0;
            }
        }
        this.provenance = Objects.requireNonNull(provenance, "provenance");
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
     * The published sum of a cell or margin.
     *
     * @param coords one coordinate per dimension: a category index or
     *               {@link org.tipmonitor.indicators.tables.CountTable#ALL}
     * @return the sum, or empty if withheld
     * @throws org.tipmonitor.indicators.IndicatorException if the coordinates do not fit the table
     */
    public OptionalDouble value(int... coords) {
        int o = index.offset(coords);
        return status[o].isSuppressed() ? OptionalDouble.empty() : OptionalDouble.of(published[o]);
    }

    /**
     * The status of a cell or margin.
     *
     * @param coords one coordinate per dimension
     * @return the status
     * @throws org.tipmonitor.indicators.IndicatorException if the coordinates do not fit the table
     */
    public CellStatus status(int... coords) {
        return status[index.offset(coords)];
    }

    /**
     * The coordinates of every cell and margin with the given status.
     *
     * @param wanted the status
     * @return the coordinates
     */
    public List<List<Integer>> cellsWith(CellStatus wanted) {
        return CellStatuses.cellsWith(index, status, wanted);
    }

    /**
     * The number of withheld cells and margins.
     *
     * @return the count
     */
    public int suppressedCount() {
        return CellStatuses.suppressedCount(status);
    }

    /**
     * Where the table comes from and how it was protected.
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return provenance;
    }

    ExtendedIndex index() {
        return index;
    }

    double[] publishedValues() {
        return published;
    }

    CellStatus[] statuses() {
        return status;
    }

    @Override
    public String toString() {
        return "ProtectedMagnitudeTable[dimensions=" + dimensions.stream().map(Dimension::name).toList()
                + ", suppressed=" + suppressedCount() + "]";
    }
}
