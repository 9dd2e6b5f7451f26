package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * Tables published together whose cells are related ("linked tables", Hundepool et al. 2012, section 4.4.4; what
 * tau-ARGUS and sdcTable protect jointly): two tables of the same registrations by year and form and by year and
 * reporter share their year margins; a table by nationality group and one by nationality are linked by the
 * hierarchy (each group is the sum of its nationalities). {@link DisclosurePolicy#protect(LinkedTables)} protects
 * the set so that no withheld cell of any table can be narrowed below the protection margin using every table of
 * the set together, and {@link DisclosureAudit#audit(ProtectedLinkedTables, List)} checks it.
 *
 * <p>A link states total = &Sigma; parts over cells of any tables of the set; a link with one part states that two
 * cells are the same count, and such cells are withheld together. Immutable; each {@code with} returns a new set and
 * checks the new link against the tables' counts.
 */
public final class LinkedTables {

    /**
     * A link: the total cell equals the sum of the parts.
     *
     * @param total the cell that is the sum
     * @param parts the cells summed (one part: the same count)
     */
    public record Link(CellRef total, List<CellRef> parts) {

        /**
         * Copies the parts.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if parts is empty
         */
        public Link {
            Objects.requireNonNull(total, "total");
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("A link has no parts: " + total);
            }
        }
    }

    private static final LinkedTables EMPTY = new LinkedTables(Map.of(), List.of());

    private final Map<String, CountTable> tables;
    private final List<Link> links;

    private LinkedTables(Map<String, CountTable> tables, List<Link> links) {
        this.tables = tables;
        this.links = links;
    }

    /**
     * The empty set.
     *
     * @return a set without tables
     */
    public static LinkedTables of() {
        return EMPTY;
    }

    /**
     * Adds a table.
     *
     * @param name  its name, unique in the set
     * @param table the internal table
     * @return the new set
     * @throws NullPointerException if an argument is null
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#TABLE_NAME}) if the name is blank or
     *         taken
     */
    public LinkedTables with(String name, CountTable table) {
        Objects.requireNonNull(table, "table");
        if (Objects.requireNonNull(name, "name").isBlank() || tables.containsKey(name)) {
            throw IndicatorException.of(IndicatorRule.TABLE_NAME, name);
        }
        Map<String, CountTable> copy = new LinkedHashMap<>(tables);
        copy.put(name, table);
        return new LinkedTables(Collections.unmodifiableMap(copy), links);
    }

    /**
     * Links two tables that count the same units along a dimension they both have: every margin of a over all its
     * other dimensions equals b's (one link per category, and the grand totals).
     *
     * @param a         a table of the set
     * @param b         another table of the set
     * @param dimension the name of the shared dimension
     * @return the new set
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#UNKNOWN_TABLE}) if a name is not in
     *         the set; ({@link org.tipmonitor.indicators.IndicatorRule#DIMENSION_MISMATCH}) if a table lacks the dimension or their categories
     *         differ; ({@link org.tipmonitor.indicators.IndicatorRule#LINK_DISAGREES}) if a shared margin differs between the tables
     */
    public LinkedTables withSharedDimension(String a, String b, String dimension) {
        CountTable ta = table(a, "Shared dimension");
        CountTable tb = table(b, "Shared dimension");
        int da = dimensionOf(ta, dimension);
        int db = dimensionOf(tb, dimension);
        if (da < 0 || db < 0 || !ta.dimensions().get(da).labels().equals(tb.dimensions().get(db).labels())) {
            throw IndicatorException.of(IndicatorRule.DIMENSION_MISMATCH, a, b, dimension);
        }
        List<Link> added = new ArrayList<>();
        int size = ta.dimensions().get(da).size();
        for (int k = -1; k < size; k++) {
            int category = k < 0 ? CountTable.ALL : k;
            added.add(new Link(margin(a, ta.rank(), da, category), List.of(margin(b, tb.rank(), db, category))));
        }
        LinkedTables result = this;
        for (Link link : added) {
            result = result.withLink(link.total(), link.parts());
        }
        return result;
    }

    private static int dimensionOf(CountTable table, String name) {
        for (int d = 0; d < table.rank(); d++) {
            if (table.dimensions().get(d).name().equals(name)) {
                return d;
            }
        }
        return -1;
    }

    private static CellRef margin(String table, int rank, int dimension, int category) {
        int[] coords = new int[rank];
        Arrays.fill(coords, CountTable.ALL);
        coords[dimension] = category;
        return CellRef.of(table, coords);
    }

    /**
     * Adds a link total = &Sigma; parts (a hierarchy, or with one part a cell shared by two tables).
     *
     * @param total the cell that is the sum
     * @param parts the cells it sums
     * @return the new set
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#UNKNOWN_TABLE}) if a cell names a
     *         table not in the set or coordinates that do not fit it; ({@link org.tipmonitor.indicators.IndicatorRule#LINK_DISAGREES}) if the
     *         counts do not satisfy the link
     */
    public LinkedTables withLink(CellRef total, List<CellRef> parts) {
        Link link = new Link(total, parts);
        long sum = 0;
        for (CellRef part : link.parts()) {
            sum += count(part);
        }
        if (count(total) != sum) {
            throw IndicatorException.of(IndicatorRule.LINK_DISAGREES, total, link.parts());
        }
        List<Link> copy = new ArrayList<>(links);
        copy.add(link);
        return new LinkedTables(tables, List.copyOf(copy));
    }

    private long count(CellRef cell) {
        return table(cell.table(), "Cell " + cell).count(cell.coords());
    }

    private CountTable table(String name, String what) {
        CountTable table = tables.get(name);
        if (table == null) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_TABLE, what, name);
        }
        return table;
    }

    /**
     * The tables by name, in the order they were added.
     *
     * @return the tables (unmodifiable)
     */
    public Map<String, CountTable> tables() {
        return tables;
    }

    /**
     * The links.
     *
     * @return the links (unmodifiable)
     */
    public List<Link> links() {
        return links;
    }

    @Override
    public String toString() {
        return "LinkedTables" + tables.keySet() + " with " + links.size() + " links";
    }
}
