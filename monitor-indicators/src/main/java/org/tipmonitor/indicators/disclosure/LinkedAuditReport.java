package org.tipmonitor.indicators.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of auditing a {@link ProtectedLinkedTables} set with stated facts: one {@link AuditReport} per table, each
 * interval computed from every table, link and fact together.
 *
 * @param tables           the audit of each table, by name
 * @param facts            the descriptions of the facts the intruder was given
 * @param protectionMargin the margin p the widths were judged against
 */
public record LinkedAuditReport(Map<String, AuditReport> tables, List<String> facts, long protectionMargin) {

    /**
     * Copies the collections.
     *
     * @throws NullPointerException if a component is null
     */
    public LinkedAuditReport {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(tables, "tables")));
        facts = List.copyOf(facts);
    }

    /**
     * Whether no withheld cell of any table is exposed.
     *
     * @return true if every table passes
     */
    public boolean passed() {
        return tables.values().stream().allMatch(AuditReport::passed);
    }

    /**
     * The number of withheld cells audited.
     *
     * @return the count over all tables
     */
    public int auditedCells() {
        return tables.values().stream().mapToInt(r -> r.intervals().size()).sum();
    }

    /**
     * The number of exposed cells.
     *
     * @return the count over all tables
     */
    public int exposedCells() {
        return tables.values().stream().mapToInt(r -> r.exposed().size()).sum();
    }

    /**
     * The names of the tables with an exposed cell.
     *
     * @return the names, in the order of the set
     */
    public List<String> failedTables() {
        return tables.entrySet().stream().filter(e -> !e.getValue().passed()).map(Map.Entry::getKey).toList();
    }
}
