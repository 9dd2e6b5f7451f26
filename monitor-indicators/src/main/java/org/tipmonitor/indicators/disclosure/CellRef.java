package org.tipmonitor.indicators.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * A cell or margin of a named table of a {@link LinkedTables} set.
 *
 * @param table       the table's name in the set
 * @param coordinates one per dimension: a category index or {@link CountTable#ALL} for the margin
 */
public record CellRef(String table, List<Integer> coordinates) {

    /**
     * Copies the coordinates.
     *
     * @throws NullPointerException if a component is null
     */
    public CellRef {
        Objects.requireNonNull(table, "table");
        coordinates = List.copyOf(coordinates);
    }

    /**
     * A cell by its coordinates.
     *
     * @param table  the table's name
     * @param coords one per dimension
     * @return the reference
     */
    public static CellRef of(String table, int... coords) {
        return new CellRef(table, Arrays.stream(coords).boxed().toList());
    }

    int[] coords() {
        return coordinates.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The cell as {@code table(c1, c2)} with "Total" for margins.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return table + coordinates.stream().map(c -> c == CountTable.ALL ? "Total" : Integer.toString(c))
                .toList().toString().replace('[', '(').replace(']', ')');
    }
}
