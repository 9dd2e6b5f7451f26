package org.tipmonitor.indicators.tables.internal;

import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * Index arithmetic of a table extended with its margins: dimension i has k<sub>i</sub> categories and one more
 * position, k<sub>i</sub>, for "all categories" (the margin). Offsets are row-major over the extended shape
 * (k<sub>0</sub> + 1) &times; ... &times; (k<sub>r-1</sub> + 1). In coordinates, {@link #ALL} (&minus;1) stands for the
 * margin position. Not part of the API.
 */
public final class ExtendedIndex {


    /** The coordinate that denotes the margin over a dimension. */
    public static final int ALL = -1;

    private final int[] sizes;
    private final int[] strides;
    private final int size;

    /**
     * An index for the given category counts.
     *
     * @param sizes k<sub>i</sub> per dimension, each &ge; 1 (copied)
     */
    public ExtendedIndex(int[] sizes) {
        this.sizes = sizes.clone();
        this.strides = new int[sizes.length];
        int s = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            strides[i] = s;
            s = Math.multiplyExact(s, sizes[i] + 1);
        }
        this.size = s;
    }

    /**
     * The number of extended cells, &Pi;(k<sub>i</sub> + 1).
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return sizes.length;
    }

    /**
     * The category count of a dimension.
     *
     * @param dimension the dimension's position
     * @return k<sub>i</sub>
     */
    public int categories(int dimension) {
        return sizes[dimension];
    }

    /**
     * The offset of a cell given by coordinates (category index, or {@link #ALL}).
     *
     * @param coords one coordinate per dimension
     * @return the offset
     * @throws IndicatorException if the number of coordinates is not the rank or a coordinate is out of range
     */
    public int offset(int... coords) {
        if (coords.length != sizes.length) {
            throw IndicatorException.of(IndicatorRule.TABLE_COORDINATES_NOT_RANK, sizes.length,
                    coords.length);
        }
        int o = 0;
        for (int i = 0; i < coords.length; i++) {
            int c = coords[i];
            if (c == ALL) {
                c = sizes[i];
            } else if (c < 0 || c >= sizes[i]) {
                throw IndicatorException.of(IndicatorRule.TABLE_COORDINATE_OUT_OF_RANGE, i, sizes[i],
                        coords[i]);
            }
            o += c * strides[i];
        }
        return o;
    }

    /**
     * The coordinates of an offset, with {@link #ALL} for margins.
     *
     * @param offset an offset in [0, size)
     * @return the coordinates
     */
    public int[] coords(int offset) {
        int[] c = new int[sizes.length];
        int rest = offset;
        for (int i = 0; i < sizes.length; i++) {
            int v = rest / strides[i];
            rest -= v * strides[i];
            c[i] = v == sizes[i] ? ALL : v;
        }
        return c;
    }

    /**
     * The number of margin coordinates of a cell (0 for an interior cell, the rank for the grand total).
     *
     * @param offset an offset
     * @return the number of {@link #ALL} coordinates
     */
    public int marginOrder(int offset) {
        int n = 0;
        for (int c : coords(offset)) {
            if (c == ALL) {
                n++;
            }
        }
        return n;
    }

    /**
     * Every line of the extended table: for a dimension d and a fixing of the other coordinates (categories or
     * margins), the margin cell (coordinate d = ALL) and its k<sub>d</sub> children (d = 0 .. k<sub>d</sub> &minus; 1).
     * In an additive table each margin equals the sum of its children on every line.
     *
     * @return the lines
     */
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (int o = 0; o < size; o++) {
            int[] c = coords(o);
            for (int d = 0; d < c.length; d++) {
                if (c[d] == ALL) {
                    int[] children = new int[sizes[d]];
                    for (int j = 0; j < sizes[d]; j++) {
                        children[j] = o - (sizes[d] - j) * strides[d];
                    }
                    lines.add(new Line(d, o, children));
                }
            }
        }
        return List.copyOf(lines);
    }

    /**
     * The offsets of all cells on lines through a cell: those that differ from it in exactly one coordinate.
     *
     * @param offset a cell
     * @return the neighbours
     */
    public List<Integer> neighbours(int offset) {
        List<Integer> result = new ArrayList<>();
        int[] c = coords(offset);
        for (int d = 0; d < c.length; d++) {
            int own = c[d] == ALL ? sizes[d] : c[d];
            for (int v = 0; v <= sizes[d]; v++) {
                if (v != own) {
                    result.add(offset + (v - own) * strides[d]);
                }
            }
        }
        return result;
    }

    /**
     * A line of the extended table.
     *
     * @param dimension the dimension summed over
     * @param margin    the offset of the margin cell
     * @param children  the offsets of its children (not copied; do not modify)
     */
    public record Line(int dimension, int margin, int[] children) {
    }
}
