package org.tipmonitor.indicators.disclosure;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.Provenance;

/**
 * The result of a {@link DisclosureAudit}: the feasible interval of every withheld cell.
 *
 * @param intervals        one per withheld cell, in row-major order of the extended table
 * @param protectionMargin the absolute margin p the widths of a count table were judged against; 0 for a magnitude
 *                         table, whose relative rule q is in the provenance ({@code magnitudeProtection})
 * @param provenance       how the audit was done
 */
public record AuditReport(List<CellInterval> intervals, long protectionMargin, Provenance provenance) {

    /**
     * Copies the intervals.
     *
     * @throws NullPointerException if a component is null
     */
    public AuditReport {
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * The exposed cells.
     *
     * @return the intervals narrower than the margin
     */
    public List<CellInterval> exposed() {
        return intervals.stream().filter(CellInterval::exposed).toList();
    }

    /**
     * Whether every withheld cell is protected.
     *
     * @return true if no cell is exposed
     */
    public boolean passed() {
        return intervals.stream().noneMatch(CellInterval::exposed);
    }
}
