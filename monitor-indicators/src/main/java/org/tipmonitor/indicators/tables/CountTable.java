package org.tipmonitor.indicators.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;
import org.tipmonitor.indicators.tables.internal.TextGrid;

/**
 * A count table with named dimensions (rank 0 to 3 and beyond), its cells, all its margins and its grand total, for
 * example registrations by year &times; exploitation form &times; reporter type. Immutable.
 *
 * <p>A count table is <b>unprotected</b>: it holds the exact counts for internal use and is not fit for
 * publication as it is. Pass it to {@code org.tipmonitor.indicators.disclosure.DisclosurePolicy#protect} to obtain a
 * {@code ProtectedTable}, the only table type meant for publication.
 *
 * <p>Cells are addressed by one coordinate per dimension: a category index, or {@link #ALL} for the margin over that
 * dimension. So in a 2-d table {@code count(i, ALL)} is the total of row i and {@code count(ALL, ALL)} the grand
 * total. Margins are stored, not recomputed: a table built from interior cells or by counting registrations is
 * additive (every margin is the sum of its cells); a table counting distinct persons is generally not (a person in
 * two categories counts once in their margin), see {@link #isAdditive()} and {@link CountingUnit}.
 */
public final class CountTable {

    /** The coordinate that stands for all categories of a dimension (the margin). */
    public static final int ALL = ExtendedIndex.ALL;

    private final CountingUnit unit;
    private final List<Dimension> dimensions;
    private final ExtendedIndex index;
    private final long[] extended;
    private final boolean additive;
    private final Provenance provenance;

    private CountTable(CountingUnit unit, List<Dimension> dimensions, ExtendedIndex index, long[] extended,
            Provenance provenance) {
        this.unit = unit;
        this.dimensions = dimensions;
        this.index = index;
        this.extended = extended;
        this.provenance = provenance;
        this.additive = checkAdditive(index, extended);
    }

    /**
     * A table from its interior cells in row-major order (last dimension fastest); margins are their sums.
     *
     * @param unit       what the cells count
     * @param dimensions the dimensions, with distinct names (may be empty for a single count)
     * @param cells      &Pi; k<sub>i</sub> counts, each &ge; 0
     * @return the table
     * @throws IndicatorException if dimension names repeat, the number of cells is not &Pi; k<sub>i</sub>, or a
     *         count is negative
     */
    public static CountTable of(CountingUnit unit, List<Dimension> dimensions, long... cells) {
        List<Dimension> dims = checkDimensions(dimensions);
        ExtendedIndex index = new ExtendedIndex(sizes(dims));
        int interior = 1;
        for (Dimension d : dims) {
            interior = Math.multiplyExact(interior, d.size());
        }
        if (cells.length != interior) {
            throw IndicatorException.of(IndicatorRule.TABLE_CELL_COUNT, interior, cells.length);
        }
        long[] extended = new long[index.size()];
        int[] c = new int[dims.size()];
        for (int i = 0; i < cells.length; i++) {
            Arguments.checkCount(cells[i]);
            addToAllMargins(index, extended, c, cells[i]);
            increment(c, dims);
        }
        return new CountTable(Objects.requireNonNull(unit, "unit"), dims, index, extended, provenance(unit));
    }

    /**
     * A one-dimensional table.
     *
     * @param unit   what the cells count
     * @param name   the dimension's name
     * @param labels the category labels
     * @param counts one count per label
     * @return the table
     * @throws IndicatorException as {@link #of(CountingUnit, List, long...)} and {@link Dimension}
     */
    public static CountTable oneWay(CountingUnit unit, String name, List<String> labels, long... counts) {
        return of(unit, List.of(new Dimension(name, labels)), counts);
    }

    /**
     * A builder that adds counts cell by cell (each registration or case counts once; the table is additive).
     *
     * @param unit       what is counted, typically {@link CountingUnit#REGISTRATIONS} or {@link CountingUnit#CASES}
     * @param dimensions the dimensions
     * @return the builder
     */
    public static Builder builder(CountingUnit unit, Dimension... dimensions) {
        return new Builder(unit, List.of(dimensions));
    }

    /**
     * A builder that counts distinct keys (e.g. person keys) in every cell and every margin.
     *
     * @param <K>        the key type, with value equality
     * @param unit       what is counted, typically {@link CountingUnit#PERSONS}
     * @param dimensions the dimensions
     * @return the builder
     */
    public static <K> DistinctBuilder<K> distinctBuilder(CountingUnit unit, Dimension... dimensions) {
        return new DistinctBuilder<>(unit, List.of(dimensions));
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
     * The dimensions in order.
     *
     * @return the dimensions (unmodifiable)
     */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * The number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return dimensions.size();
    }

    /**
     * The position of a dimension by name.
     *
     * @param name the dimension's name
     * @return its position
     * @throws IndicatorException if there is no such dimension
     */
    public int dimensionIndex(String name) {
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).name().equals(name)) {
                return i;
            }
        }
        throw IndicatorException.of(IndicatorRule.TABLE_NO_SUCH_DIMENSION, name);
    }

    /**
     * The count of a cell or margin.
     *
     * @param coords one coordinate per dimension: a category index or {@link #ALL}
     * @return the count
     * @throws IndicatorException if the number of coordinates is not the rank or a coordinate is out of range
     */
    public long count(int... coords) {
        return extended[index.offset(coords)];
    }

    /**
     * The count of an interior cell by category labels.
     *
     * @param labels one label per dimension
     * @return the count
     * @throws IndicatorException if the number of labels is not the rank or a label is not a category
     */
    public long count(String... labels) {
        return count(coordinates(labels));
    }

    /**
     * The grand total.
     *
     * @return the total
     */
    public long total() {
        return extended[extended.length - 1];
    }

    /**
     * The interior cells in row-major order (a copy).
     *
     * @return &Pi; k<sub>i</sub> counts
     */
    public long[] cells() {
        List<Long> values = new ArrayList<>();
        for (int o = 0; o < extended.length; o++) {
            if (index.marginOrder(o) == 0) {
                values.add(extended[o]);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The table collapsed onto some of its dimensions (the others summed over, or deduplicated over for distinct
     * counts), keeping the table's dimension order. {@code margin()} is the rank-0 table of the grand total.
     *
     * @param keep the names of the dimensions to keep
     * @return the marginal table
     * @throws IndicatorException if a name is not a dimension or is repeated
     */
    public CountTable margin(String... keep) {
        boolean[] kept = new boolean[rank()];
        for (String name : keep) {
            int d = dimensionIndex(name);
            if (kept[d]) {
                throw IndicatorException.of(IndicatorRule.REPEATED_DIMENSION, name);
            }
            kept[d] = true;
        }
        List<Dimension> dims = new ArrayList<>();
        for (int d = 0; d < rank(); d++) {
            if (kept[d]) {
                dims.add(dimensions.get(d));
            }
        }
        ExtendedIndex target = new ExtendedIndex(sizes(dims));
        long[] values = new long[target.size()];
        for (int o = 0; o < values.length; o++) {
            int[] small = target.coords(o);
            int[] full = new int[rank()];
            for (int d = 0, j = 0; d < rank(); d++) {
                full[d] = kept[d] ? small[j++] : ALL;
            }
            values[o] = count(full);
        }
        return new CountTable(unit, List.copyOf(dims), target, values, provenance);
    }

    /**
     * Whether every margin equals the sum of its cells along every dimension. True for tables built from interior
     * cells or by counting registrations or cases.
     *
     * @return true if additive
     */
    public boolean isAdditive() {
        return additive;
    }

    /**
     * Where the table comes from.
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Returns a copy with another provenance (dataset, period, definitions such as the age rule).
     *
     * @param newProvenance the provenance
     * @return the new table
     */
    public CountTable withProvenance(Provenance newProvenance) {
        return new CountTable(unit, dimensions, index, extended, Objects.requireNonNull(newProvenance, "provenance"));
    }

    /**
     * The counts of all cells and margins in extended row-major order (a copy); for the disclosure package.
     *
     * @return the extended counts
     */
    public long[] extendedCounts() {
        return extended.clone();
    }

    /**
     * The category counts k<sub>i</sub> per dimension.
     *
     * @return the sizes
     */
    public int[] shape() {
        return sizes(dimensions);
    }

    /**
     * The coordinates of an interior cell given by labels.
     *
     * @param labels one label per dimension
     * @return the coordinates
     * @throws IndicatorException if the number of labels is not the rank or a label is not a category
     */
    public int[] coordinates(String... labels) {
        if (labels.length != rank()) {
            throw IndicatorException.of(IndicatorRule.TABLE_LABELS_NOT_RANK, rank(), labels.length);
        }
        int[] c = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            c[i] = dimensions.get(i).indexOf(labels[i]);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountTable t && t.unit == unit && t.dimensions.equals(dimensions)
                && Arrays.equals(t.extended, extended);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, dimensions, Arrays.hashCode(extended));
    }

    /**
     * The table as aligned text: a first line naming the unit, the dimensions and the total (and whether margins
     * count distinct keys), then a grid with totals as for a printed table (rows by the first dimension, columns
     * by the second; higher ranks one line per interior cell). Unprotected: for internal use only.
     *
     * @return e.g. {@code "CountTable of registrations by year x form, total 12 (unprotected)"} and the grid
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CountTable of ").append(unit.name().toLowerCase(Locale.ROOT));
        if (!dimensions.isEmpty()) {
            sb.append(" by ").append(String.join(" x ", dimensions.stream().map(Dimension::name).toList()));
        }
        sb.append(", total ").append(total()).append(" (unprotected")
                .append(additive ? "" : "; distinct counts, margins not sums of cells").append(")\n");
        return sb.append(TextGrid.crossTab(dimensions, coords -> Long.toString(count(coords)))).toString();
    }

    private static Provenance provenance(CountingUnit unit) {
        return Provenance.of("count-table").withDefinition(Provenance.COUNTING_UNIT, unit.name().toLowerCase(Locale.ROOT));
    }

    private static List<Dimension> checkDimensions(List<Dimension> dimensions) {
        List<Dimension> dims = List.copyOf(dimensions);
        Set<String> names = new HashSet<>();
        for (Dimension d : dims) {
            if (!names.add(d.name())) {
                throw IndicatorException.of(IndicatorRule.REPEATED_DIMENSION, d.name());
            }
        }
        return dims;
    }

    private static int[] sizes(List<Dimension> dims) {
        return dims.stream().mapToInt(Dimension::size).toArray();
    }

    private static void increment(int[] c, List<Dimension> dims) {
        for (int d = c.length - 1; d >= 0; d--) {
            if (++c[d] < dims.get(d).size()) {
                return;
            }
            c[d] = 0;
        }
    }

    private static void addToAllMargins(ExtendedIndex index, long[] extended, int[] coords, long value) {
        int rank = coords.length;
        int[] c = new int[rank];
        for (int mask = 0; mask < 1 << rank; mask++) {
            for (int d = 0; d < rank; d++) {
                c[d] = (mask & (1 << d)) != 0 ? ALL : coords[d];
            }
            int o = index.offset(c);
            extended[o] = Math.addExact(extended[o], value);
        }
    }

    private static boolean checkAdditive(ExtendedIndex index, long[] extended) {
        for (ExtendedIndex.Line line : index.lines()) {
            long sum = 0;
            for (int child : line.children()) {
                sum += extended[child];
            }
            if (sum != extended[line.margin()]) {
                return false;
            }
        }
        return true;
    }

    /** Adds counts to cells; builds an additive table. Not thread-safe. */
    public static final class Builder {

        private final CountingUnit unit;
        private final List<Dimension> dimensions;
        private final ExtendedIndex index;
        private final long[] extended;

        private Builder(CountingUnit unit, List<Dimension> dimensions) {
            this.unit = Objects.requireNonNull(unit, "unit");
            this.dimensions = checkDimensions(dimensions);
            this.index = new ExtendedIndex(sizes(this.dimensions));
            this.extended = new long[index.size()];
        }

        /**
         * Counts one record in the cell with these labels.
         *
         * @param labels one label per dimension
         * @return this builder
         * @throws IndicatorException if the number of labels is not the rank or a label is not a category
         */
        public Builder add(String... labels) {
            return add(1, labels);
        }

        /**
         * Adds a count to the cell with these labels.
         *
         * @param count  the count, &ge; 0
         * @param labels one label per dimension
         * @return this builder
         * @throws IndicatorException if the count is negative, the number of labels is not the rank or a label is
         *         not a category
         */
        public Builder add(long count, String... labels) {
            Arguments.checkCount(count);
            addToAllMargins(index, extended, coordinates(dimensions, labels), count);
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         */
        public CountTable build() {
            return new CountTable(unit, dimensions, index, extended.clone(), provenance(unit));
        }
    }

    /**
     * Counts distinct keys per cell and per margin; builds a possibly non-additive table. Not thread-safe.
     *
     * @param <K> the key type
     */
    public static final class DistinctBuilder<K> {

        private final CountingUnit unit;
        private final List<Dimension> dimensions;
        private final ExtendedIndex index;
        private final List<Set<K>> keys;

        private DistinctBuilder(CountingUnit unit, List<Dimension> dimensions) {
            this.unit = Objects.requireNonNull(unit, "unit");
            this.dimensions = checkDimensions(dimensions);
            this.index = new ExtendedIndex(sizes(this.dimensions));
            this.keys = new ArrayList<>(index.size());
            for (int i = 0; i < index.size(); i++) {
                keys.add(new HashSet<>());
            }
        }

        /**
         * Records that a key (e.g. a person) falls in the cell with these labels.
         *
         * @param key    the key
         * @param labels one label per dimension
         * @return this builder
         * @throws IndicatorException if the number of labels is not the rank or a label is not a category
         * @throws NullPointerException if key is null
         */
        public DistinctBuilder<K> add(K key, String... labels) {
            Objects.requireNonNull(key, "key");
            int[] coords = coordinates(dimensions, labels);
            int rank = coords.length;
            int[] c = new int[rank];
            for (int mask = 0; mask < 1 << rank; mask++) {
                for (int d = 0; d < rank; d++) {
                    c[d] = (mask & (1 << d)) != 0 ? ALL : coords[d];
                }
                keys.get(index.offset(c)).add(key);
            }
            return this;
        }

        /**
         * Builds the table of distinct counts.
         *
         * @return the table
         */
        public CountTable build() {
            long[] extended = new long[index.size()];
            for (int i = 0; i < extended.length; i++) {
                extended[i] = keys.get(i).size();
            }
            return new CountTable(unit, dimensions, index, extended, provenance(unit)
                    .withDefinition("deduplicated", "true"));
        }
    }

    private static int[] coordinates(List<Dimension> dims, String... labels) {
        if (labels.length != dims.size()) {
            throw IndicatorException.of(IndicatorRule.TABLE_LABELS_NOT_RANK, dims.size(),
                    labels.length);
        }
        int[] c = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            c[i] = dims.get(i).indexOf(labels[i]);
        }
        return c;
    }
}
