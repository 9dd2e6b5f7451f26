package org.tipmonitor.indicators.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * A {@link LinkedTables} set protected jointly by a {@link DisclosurePolicy}: one {@link ProtectedTable} per table and
 * the links an intruder may use between them.
 */
public final class ProtectedLinkedTables {

    private final Map<String, ProtectedTable> tables;
    private final List<LinkedTables.Link> links;
    private final long protectionMargin;

    ProtectedLinkedTables(Map<String, ProtectedTable> tables, List<LinkedTables.Link> links, long protectionMargin) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.links = List.copyOf(links);
        this.protectionMargin = protectionMargin;
    }

    /**
     * The protected tables by name, in the order of the set.
     *
     * @return the tables (unmodifiable)
     */
    public Map<String, ProtectedTable> tables() {
        return tables;
    }

    /**
     * One protected table.
     *
     * @param name its name in the set
     * @return the table
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#UNKNOWN_TABLE}) if there is none
     */
    public ProtectedTable table(String name) {
        ProtectedTable table = tables.get(Objects.requireNonNull(name, "name"));
        if (table == null) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_TABLE, "Table", name);
        }
        return table;
    }

    /**
     * The links between the tables.
     *
     * @return the links
     */
    public List<LinkedTables.Link> links() {
        return links;
    }

    /**
     * The protection margin the set was protected with (0 when rounded).
     *
     * @return p
     */
    public long protectionMargin() {
        return protectionMargin;
    }

    /**
     * The number of withheld cells and margins over all tables.
     *
     * @return the count
     */
    public int suppressedCount() {
        return tables.values().stream().mapToInt(ProtectedTable::suppressedCount).sum();
    }
}
