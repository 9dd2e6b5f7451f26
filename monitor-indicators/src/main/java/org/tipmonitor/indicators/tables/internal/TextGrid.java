package org.tipmonitor.indicators.tables.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * An aligned plain-text table for the {@code toString()} of result types, so that they read as tables in JShell
 * and in logs: every line indented by two spaces, the first column left-aligned, the others right-aligned, columns
 * two spaces apart, no trailing spaces, lines ending in {@code '\n'}. Not thread-safe; build, render, discard.
 */
public final class TextGrid {

    private final List<List<String>> rows = new ArrayList<>();

    private TextGrid() {
    }

    /**
     * A grid with a header row.
     *
     * @param header the column names
     * @return the grid
     */
    public static TextGrid withHeader(String... header) {
        return new TextGrid().row((Object[]) header);
    }

    /**
     * Adds a row; each cell is shown by {@link String#valueOf(Object)}.
     *
     * @param cells the cells
     * @return this grid
     */
    public TextGrid row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /**
     * The rendered lines.
     *
     * @return the text, one line per row
     */
    public String render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                if (c == 0) {
                    line.append(cell).append(" ".repeat(widths[c] - cell.length()));
                } else {
                    line.append("  ").append(" ".repeat(widths[c] - cell.length())).append(cell);
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /**
     * A cross-tabulation of cells addressed as in a count table: for rank 1 one row per category and a total;
     * for rank 2 rows by the first dimension and columns by the second, totals last; for higher ranks one row per
     * interior cell and a final total; for rank 0 the single value.
     *
     * @param dimensions the dimensions
     * @param cell       the text of a cell or margin, given one coordinate per dimension ({@link ExtendedIndex#ALL}
     *                   for a margin)
     * @return the rendered table
     */
    public static String crossTab(List<Dimension> dimensions, Function<int[], String> cell) {
        int all = ExtendedIndex.ALL;
        if (dimensions.isEmpty()) {
            return withHeader("total").row(cell.apply(new int[0])).render();
        }
        if (dimensions.size() == 1) {
            Dimension rows = dimensions.get(0);
            TextGrid grid = withHeader(rows.name(), "count");
            for (int r = 0; r < rows.size(); r++) {
                grid.row(rows.labels().get(r), cell.apply(new int[] {r}));
            }
            return grid.row("Total", cell.apply(new int[] {all})).render();
        }
        if (dimensions.size() == 2) {
            Dimension rows = dimensions.get(0);
            Dimension cols = dimensions.get(1);
            List<Object> header = new ArrayList<>();
            header.add(rows.name() + " \\ " + cols.name());
            header.addAll(cols.labels());
            header.add("Total");
            TextGrid grid = new TextGrid().row(header.toArray());
            for (int r = 0; r <= rows.size(); r++) {
                List<Object> line = new ArrayList<>();
                line.add(r < rows.size() ? rows.labels().get(r) : "Total");
                for (int c = 0; c <= cols.size(); c++) {
                    line.add(cell.apply(new int[] {r < rows.size() ? r : all, c < cols.size() ? c : all}));
                }
                grid.row(line.toArray());
            }
            return grid.render();
        }
        List<Object> header = new ArrayList<>();
        dimensions.forEach(d -> header.add(d.name()));
        header.add("count");
        TextGrid grid = new TextGrid().row(header.toArray());
        int[] coords = new int[dimensions.size()];
        while (true) {
            List<Object> line = new ArrayList<>();
            for (int d = 0; d < coords.length; d++) {
                line.add(dimensions.get(d).labels().get(coords[d]));
            }
            line.add(cell.apply(coords.clone()));
            grid.row(line.toArray());
            int d = coords.length - 1;
            while (d >= 0 && ++coords[d] == dimensions.get(d).size()) {
                coords[d--] = 0;
            }
            if (d < 0) {
                break;
            }
        }
        int[] total = new int[dimensions.size()];
        java.util.Arrays.fill(total, all);
        List<Object> line = new ArrayList<>();
        line.add("Total");
        for (int d = 1; d < total.length; d++) {
            line.add("");
        }
        line.add(cell.apply(total));
        return grid.row(line.toArray()).render();
    }

    /**
     * A number with thousands separators and a fixed number of decimals, in the root locale.
     *
     * @param value    the number
     * @param decimals the decimals
     * @return e.g. {@code "111,139.4"}
     */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
