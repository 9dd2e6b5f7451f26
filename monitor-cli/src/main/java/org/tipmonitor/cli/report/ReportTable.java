package org.tipmonitor.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * One table of the monitor report: a protected table ready for publication, or (with {@code --no-protect}) the
 * raw counts for internal use. The type of the table it wraps says which.
 *
 * @param name      a file-name-safe identifier, e.g. {@code "persons-by-year-form"}
 * @param title     the table's title
 * @param published the protected table, or null when unprotected
 * @param raw       the raw table, or null when protected
 */
public record ReportTable(String name, String title, ProtectedTable published, CountTable raw) {

    /** Exactly one of the tables. */
    public ReportTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        if ((published == null) == (raw == null)) {
            throw new IllegalArgumentException("A report table holds either a protected or a raw table");
        }
    }

    /**
     * Whether the table went through the disclosure policy.
     *
     * @return true for a protected table
     */
    public boolean isProtected() {
        return published != null;
    }

    /**
     * The dimensions.
     *
     * @return the dimensions
     */
    public List<Dimension> dimensions() {
        return isProtected() ? published.dimensions() : raw.dimensions();
    }

    /**
     * What the cells count.
     *
     * @return the counting unit
     */
    public CountingUnit unit() {
        return isProtected() ? published.unit() : raw.unit();
    }

    /**
     * A cell's published value.
     *
     * @param coords one category index per dimension, or {@link CountTable#ALL} for a margin
     * @return the value, or empty if withheld
     */
    public OptionalLong value(int... coords) {
        return isProtected() ? published.value(coords) : OptionalLong.of(raw.count(coords));
    }

    /**
     * The number of withheld cells.
     *
     * @return 0 for an unprotected table
     */
    public int suppressed() {
        return isProtected() ? published.suppressedCount() : 0;
    }

    /**
     * Every cell including margins, as rows of labels ("Total" for a margin) and the value ("x" when withheld),
     * interior cells first in row-major order.
     *
     * @return the rows
     */
    public List<List<String>> rows() {
        List<Dimension> dims = dimensions();
        List<List<String>> rows = new ArrayList<>();
        int[] sizes = dims.stream().mapToInt(d -> d.size() + 1).toArray();
        int cells = 1;
        for (int size : sizes) {
            cells *= size;
        }
        for (int i = 0; i < cells; i++) {
            int[] coords = new int[dims.size()];
            int rest = i;
            List<String> row = new ArrayList<>();
            for (int d = dims.size() - 1; d >= 0; d--) {
                int c = rest % sizes[d];
                rest /= sizes[d];
                coords[d] = c == dims.get(d).size() ? CountTable.ALL : c;
            }
            for (int d = 0; d < dims.size(); d++) {
                row.add(coords[d] == CountTable.ALL ? "Total" : dims.get(d).labels().get(coords[d]));
            }
            row.add(show(value(coords)));
            rows.add(row);
        }
        return rows;
    }

    /**
     * A text rendering: a grid for one and two dimensions (rows by the first, columns by the second, totals last),
     * withheld values as "x".
     *
     * @return the text
     */
    public String toText() {
        StringBuilder text = new StringBuilder(title).append(" (").append(unit().name().toLowerCase(Locale.ROOT))
                .append(isProtected() ? ", protected" : ", NOT PROTECTED: internal use only").append(")\n");
        List<Dimension> dims = dimensions();
        List<List<String>> grid = new ArrayList<>();
        if (dims.size() == 1) {
            Dimension rows = dims.get(0);
            grid.add(List.of(rows.name(), "count"));
            for (int r = 0; r <= rows.size(); r++) {
                grid.add(List.of(r < rows.size() ? rows.labels().get(r) : "Total",
                        show(value(r < rows.size() ? r : CountTable.ALL))));
            }
        } else if (dims.size() == 2) {
            Dimension rows = dims.get(0);
            Dimension cols = dims.get(1);
            List<String> header = new ArrayList<>();
            header.add(rows.name() + " \\ " + cols.name());
            header.addAll(cols.labels());
            header.add("Total");
            grid.add(header);
            for (int r = 0; r <= rows.size(); r++) {
                List<String> line = new ArrayList<>();
                line.add(r < rows.size() ? rows.labels().get(r) : "Total");
                for (int c = 0; c <= cols.size(); c++) {
                    line.add(show(value(r < rows.size() ? r : CountTable.ALL, c < cols.size() ? c : CountTable.ALL)));
                }
                grid.add(line);
            }
        } else {
            rows().forEach(grid::add);
        }
        int columns = grid.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> line : grid) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        for (List<String> line : grid) {
            StringBuilder out = new StringBuilder("  ");
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                out.append(c == 0 ? String.format(Locale.ROOT, "%-" + widths[c] + "s", cell)
                        : String.format(Locale.ROOT, "  %" + widths[c] + "s", cell));
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String show(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "x";
    }
}
