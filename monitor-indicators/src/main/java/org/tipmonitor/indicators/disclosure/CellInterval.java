package org.tipmonitor.indicators.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * The feasible interval of a withheld cell: the smallest and largest values an intruder can infer from the published
 * cells, tightened to integers.
 *
 * @param coordinates the cell's coordinates ({@link org.tipmonitor.indicators.tables.CountTable#ALL} for margins)
 * @param status      PRIMARY or SECONDARY
 * @param lower       &lceil;min&rceil; &ge; 0
 * @param upper       &lfloor;max&rfloor;, or {@link Double#POSITIVE_INFINITY} when unbounded
 * @param exposed     whether upper &minus; lower is below the audit's protection margin
 */
public record CellInterval(List<Integer> coordinates, CellStatus status, double lower, double upper,
        boolean exposed) {

    /**
     * Copies the coordinates.
     *
     * @throws NullPointerException if a component is null
     */
    public CellInterval {
        coordinates = List.copyOf(coordinates);
        Objects.requireNonNull(status, "status");
    }

    /**
     * The integer width upper &minus; lower (+&infin; when unbounded).
     *
     * @return the width
     */
    public double width() {
        return upper - lower;
    }

    /**
     * Whether the cell's value is determined exactly by the published cells.
     *
     * @return true if lower = upper
     */
    public boolean isDetermined() {
        return lower == upper;
    }
}
