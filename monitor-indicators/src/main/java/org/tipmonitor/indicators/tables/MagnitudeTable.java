package org.tipmonitor.indicators.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * A magnitude table: each cell is the sum of the nonnegative contributions of its units, for example the total
 * custodial sentence in days of the offenders convicted per year and exploitation form. It keeps the contributions,
 * which the dominance rule of disclosure control needs; margins are sums, and a margin's contributions are those of
 * its cells. Immutable and unprotected, like {@link CountTable}.
 */
public final class MagnitudeTable {

    private final List<Dimension> dimensions;
    private final ExtendedIndex index;
    private final double[][] contributions;
    private final Provenance provenance;

    private MagnitudeTable(List<Dimension> dimensions, double[][] contributions, Provenance provenance) {
        this.dimensions = dimensions;
        this.index = new ExtendedIndex(dimensions.stream().mapToInt(Dimension::size).toArray());
        this.contributions = contributions;
        this.provenance = provenance;
    }

    /**
     * A builder that adds one unit's contribution at a time.
     *
     * @param what       what the magnitude is, recorded in the provenance (e.g. {@code "custodialSentenceDays"})
     * @param dimensions the dimensions, with distinct names
     * @return the builder
     * @throws IndicatorException if dimension names repeat
     */
    public static Builder builder(String what, Dimension... dimensions) {
        return new Builder(what, List.of(dimensions));
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
     * The category counts per dimension.
     *
     * @return the shape
     */
    public int[] shape() {
        return dimensions.stream().mapToInt(Dimension::size).toArray();
    }

    /**
     * The sum of a cell or margin.
     *
     * @param coords one coordinate per dimension: a category index or {@link CountTable#ALL}
     * @return the sum of its contributions
     * @throws IndicatorException if the coordinates do not fit the table
     */
    public double sum(int... coords) {
        double s = 0;
        for (double x : contributions(coords)) {
            s += x;
        }
        return s;
    }

    /**
     * The contributions of a cell or margin (a copy; a margin's are those of its cells).
     *
     * @param coords one coordinate per dimension: a category index or {@link CountTable#ALL}
     * @return the contributions
     * @throws IndicatorException if the coordinates do not fit the table
     */
    public double[] contributions(int... coords) {
        int target = index.offset(coords);
        List<double[]> parts = new ArrayList<>();
        int total = 0;
        for (int o = 0; o < index.size(); o++) {
            if (contributions[o] != null && covers(index.coords(target), index.coords(o))) {
                parts.add(contributions[o]);
                total += contributions[o].length;
            }
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * The sums of all cells and margins in extended row-major order; for the disclosure package.
     *
     * @return the sums
     */
    public double[] extendedSums() {
        double[] sums = new double[index.size()];
        for (int o = 0; o < sums.length; o++) {
            sums[o] = sum(index.coords(o));
        }
        return sums;
    }

    /**
     * Where the table comes from.
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return provenance;
    }

    private static boolean covers(int[] margin, int[] cell) {
        for (int d = 0; d < margin.length; d++) {
            if (margin[d] != CountTable.ALL && margin[d] != cell[d]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "MagnitudeTable[" + provenance.definitions().get("magnitude") + ", dimensions="
                + dimensions.stream().map(Dimension::name).toList() + ", sum=" + sum(allMargins()) + "]";
    }

    private int[] allMargins() {
        int[] c = new int[dimensions.size()];
        Arrays.fill(c, CountTable.ALL);
        return c;
    }

    /** Adds contributions unit by unit. Not thread-safe. */
    public static final class Builder {

        private final String what;
        private final List<Dimension> dimensions;
        private final ExtendedIndex index;
        private final List<List<Double>> cells;

        private Builder(String what, List<Dimension> dimensions) {
            this.what = Objects.requireNonNull(what, "what");
            this.dimensions = List.copyOf(dimensions);
            Set<String> names = new HashSet<>();
            for (Dimension d : this.dimensions) {
                if (!names.add(d.name())) {
                    throw IndicatorException.of(IndicatorRule.REPEATED_DIMENSION, d.name());
                }
            }
            this.index = new ExtendedIndex(this.dimensions.stream().mapToInt(Dimension::size).toArray());
            this.cells = new ArrayList<>();
            for (int i = 0; i < index.size(); i++) {
                cells.add(null);
            }
        }

        /**
         * Adds one unit's contribution to the cell with these labels.
         *
         * @param value  the contribution, finite and &ge; 0
         * @param labels one label per dimension
         * @return this builder
         * @throws IndicatorException if the value is negative or not finite, the number of labels is not the rank,
         *         or a label is not a category
         */
        public Builder add(double value, String... labels) {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw IndicatorException.of(IndicatorRule.BAD_CONTRIBUTION, value);
            }
            if (labels.length != dimensions.size()) {
                throw IndicatorException.of(IndicatorRule.TABLE_LABELS_NOT_RANK, dimensions.size(),
                        labels.length);
            }
            int[] c = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                c[i] = dimensions.get(i).indexOf(labels[i]);
            }
            int o = index.offset(c);
            if (cells.get(o) == null) {
                cells.set(o, new ArrayList<>());
            }
            cells.get(o).add(value);
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         */
        public MagnitudeTable build() {
            double[][] contributions = new double[index.size()][];
            for (int o = 0; o < contributions.length; o++) {
                if (index.marginOrder(o) == 0) {
                    List<Double> values = cells.get(o);
                    contributions[o] = values == null ? new double[0]
                            : values.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
            return new MagnitudeTable(dimensions, contributions,
                    Provenance.of("magnitude-table").withDefinition("magnitude", what));
        }
    }
}
