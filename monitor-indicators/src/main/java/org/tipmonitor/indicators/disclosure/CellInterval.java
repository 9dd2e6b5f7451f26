package org.tipmonitor.indicators.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * The feasible interval of a withheld cell: the smallest and largest values an intruder can infer from the published
 * cells, tightened to integers. An audit that knows the source tables
 * ({@link DisclosureAudit#audit(ProtectedLinkedTables, List, LinkedTables)}) may prove a cell protected by feasible
 * tables alone; its interval is then an inner one (exact = false): the intruder's interval contains it, so the cell is
 * at least this uncertain. The verdict {@code exposed} is exact either way.
 *
 * @param coordinates the cell's coordinates ({@link org.tipmonitor.indicators.tables.CountTable#ALL} for margins)
 * @param status      PRIMARY or SECONDARY
 * @param lower       &lceil;min&rceil; &ge; 0
 * @param upper       &lfloor;max&rfloor;, or {@link Double#POSITIVE_INFINITY} when unbounded
 * @param exposed     whether upper &minus; lower is below the audit's protection margin
 * @param exact       whether lower and upper are the intruder's bounds (true), or an inner interval that they contain
 *                    (false, only for protected cells)
 */
public record CellInterval(List<Integer> coordinates, CellStatus status, double lower, double upper,
        boolean exposed, boolean exact) {

    /**
     * An exact interval.
     *
     * @param coordinates the cell's coordinates
     * @param status      PRIMARY or SECONDARY
     * @param lower       &lceil;min&rceil;
     * @param upper       &lfloor;max&rfloor;
     * @param exposed     whether the width is below the margin
     */
    public CellInterval(List<Integer> coordinates, CellStatus status, double lower, double upper, boolean exposed) {
        this(coordinates, status, lower, upper, exposed, true);
    }

    /**
     * Copies the coordinates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if an exposed cell's interval is not exact
     */
    public CellInterval {
        coordinates = List.copyOf(coordinates);
        Objects.requireNonNull(status, "status");
        if (!exact && exposed) {
            throw new IllegalArgumentException("An exposed cell's interval is exact");
        }
    }

    /**
     * The integer width upper &minus; lower (+&infin; when unbounded); for an inner interval, a lower bound of the
     * intruder's width.
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
