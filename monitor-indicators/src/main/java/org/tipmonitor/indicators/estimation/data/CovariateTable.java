package org.tipmonitor.indicators.estimation.data;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A lists &times; covariates table: for every combination of covariate levels (a <em>covariate cell</em>, e.g.
 * year 2015 &times; minor &times; domestic sexual exploitation) the number of persons with each 0/1 pattern of
 * list membership. It is the input of the log-linear models with covariates of {@link org.tipmonitor.indicators.estimation.fit.JointEstimator} (van der
 * Heijden, Whittaker, Cruyff, Bakker &amp; van der Vliet 2012; van Dijk, Cruyff, van der Heijden &amp;
 * Kragten-Heerdink 2017 for the Dutch monitor).
 *
 * <p>The covariates are crossed completely: a combination of levels that no observed person has is a cell whose
 * counts are all 0 (a sampling zero), as R's {@code table()} builds it. Levels are sorted (numerically when every
 * level of a covariate is an integer, otherwise by text); the order never changes a result. Persons whose value of
 * some covariate is unknown are kept apart, as <em>partially classified</em> rows (see {@link #partialRows()}),
 * never dropped silently: {@link org.tipmonitor.indicators.estimation.fit.JointEstimator} refuses a table with such rows unless told how to treat them
 * ({@link org.tipmonitor.indicators.estimation.fit.UnknownValues}).
 *
 * <p>A counts CSV is in R's data-frame layout: one 0/1 column per list, the covariate columns, and a last column
 * {@code count} (or {@code Freq}); a covariate value {@code NA} or empty is unknown. Instances are immutable.
 */
public final class CovariateTable {

    /** Longest line of a counts CSV, in characters. */
    public static final int MAX_LINE_LENGTH = CsvLines.MAX_LINE_LENGTH;
    /** Most covariates in one table. */
    public static final int MAX_COVARIATES = 8;
    /** Most levels of one covariate. */
    public static final int MAX_LEVELS = 1_000;
    /** The written value of an unknown covariate value. */
    public static final String UNKNOWN = "NA";

    private final List<String> lists;
    private final List<String> covariates;
    private final List<List<String>> levels;
    private final int[] radix;
    private final long[][] counts; // [covariate cell][mask], mask 0 unused
    private final List<PartialRow> partial;

    /**
     * Persons with the same list pattern and the same covariate values, some of them unknown.
     *
     * @param mask   the list pattern (list i is bit i)
     * @param values the covariate values in covariate order, {@code null} where unknown
     * @param count  the number of persons
     */
    public record PartialRow(int mask, List<String> values, long count) {

        /**
         * Copies the values.
         *
         * @throws NullPointerException if values is null
         */
        public PartialRow {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private CovariateTable(List<String> lists, List<String> covariates, List<List<String>> levels, long[][] counts,
                           List<PartialRow> partial) {
        this.lists = lists;
        this.covariates = covariates;
        this.levels = levels;
        this.radix = levels.stream().mapToInt(List::size).toArray();
        this.counts = counts;
        this.partial = partial;
    }

    /**
     * A builder over the given lists and covariates.
     *
     * @param lists      the list names, 2 to 12
     * @param covariates the covariate names, 1 to {@value #MAX_COVARIATES}, none a list name
     * @return the builder
     * @throws IndicatorException if a name is empty, repeated or not a plain name
     */
    public static Builder builder(List<String> lists, List<String> covariates) {
        return new Builder(lists, covariates);
    }

    /**
     * Reads a counts CSV file (UTF-8) in R's data-frame layout, as {@link #fromCsv(Reader, List)} reads its text.
     *
     * @param file       the file
     * @param covariates the names of the covariate columns
     * @return the table
     * @throws IndicatorException   as {@link #fromCsv(Reader, List)}
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static CovariateTable fromCsv(java.nio.file.Path file, List<String> covariates) {
        Objects.requireNonNull(covariates, "covariates");
        return CsvLines.read(file, reader -> fromCsv(reader, covariates));
    }

    /**
     * Reads a counts CSV in R's data-frame layout: the list columns (0/1), the named covariate columns, and a last
     * column {@code count} or {@code Freq}. Every column that is neither a named covariate nor the count is a list.
     * Rows of the same pattern and values may not repeat; the all-zero pattern may appear only with count 0.
     *
     * @param reader     the CSV (comma-separated, optionally quoted; closed by the caller)
     * @param covariates the names of the covariate columns
     * @return the table
     * @throws IndicatorException with the line (and column) for every malformed header, row or value, a line over
     *                            {@value #MAX_LINE_LENGTH} characters, or a covariate with a single level
     */
    public static CovariateTable fromCsv(Reader reader, List<String> covariates) {
        Objects.requireNonNull(reader, "reader");
        List<String> names = List.copyOf(covariates);
        try (CSVParser parser = CSVParser.parse(new CsvLines.LineLimit(reader), CsvLines.FORMAT)) {
            Builder builder = null;
            int[] covariateColumn = null;
            int countColumn = -1;
            List<Integer> listColumns = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            int columns = 0;
            for (CSVRecord record : parser) {
                long line = CsvLines.lineOf(parser);
                if (builder == null) {
                    columns = record.size();
                    List<String> header = record.toList();
                    String last = header.get(columns - 1);
                    if (!last.equals("count") && !last.equals("Freq")) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_HEADER, line, "the last column is '"
                                + CovariateMessages.echo(last) + "'");
                    }
                    countColumn = columns - 1;
                    covariateColumn = new int[names.size()];
                    for (int j = 0; j < names.size(); j++) {
                        covariateColumn[j] = header.subList(0, countColumn).indexOf(names.get(j));
                        if (covariateColumn[j] < 0) {
                            throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_UNKNOWN_COVARIATE, line,
                                    CovariateMessages.echo(names.get(j)));
                        }
                    }
                    List<String> listNames = new ArrayList<>();
                    for (int c = 0; c < countColumn; c++) {
                        if (!names.contains(header.get(c))) {
                            listColumns.add(c);
                            listNames.add(header.get(c));
                        }
                    }
                    if (listNames.size() < 2) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_HEADER, line, "found " + listNames.size()
                                + " list column(s)");
                    }
                    try {
                        builder = builder(listNames, names);
                    } catch (IndicatorException e) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_HEADER, line, e.getMessage());
                    }
                    continue;
                }
                if (record.size() != columns) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_COLUMN_COUNT, line, columns, record.size());
                }
                int mask = 0;
                for (int i = 0; i < listColumns.size(); i++) {
                    String v = record.get(listColumns.get(i));
                    if (v.equals("1")) {
                        mask |= 1 << i;
                    } else if (!v.equals("0")) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_NOT_BINARY, line, listColumns.get(i) + 1,
                                builder.lists.get(i), CovariateMessages.echo(v));
                    }
                }
                String countText = record.get(countColumn);
                long count;
                try {
                    count = Long.parseLong(countText);
                } catch (NumberFormatException e) {
                    count = -1;
                }
                if (count < 0) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_BAD_COUNT, line, countColumn + 1,
                            CovariateMessages.echo(countText));
                }
                List<String> values = new ArrayList<>(names.size());
                for (int j = 0; j < names.size(); j++) {
                    String v = record.get(covariateColumn[j]);
                    values.add(v.isEmpty() || v.equals(UNKNOWN) ? null : v);
                }
                if (mask == 0) {
                    if (count != 0) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_ZERO_PATTERN, line, count);
                    }
                    continue;
                }
                String key = mask + "|" + values;
                Long before = seen.putIfAbsent(key, line);
                if (before != null) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_DUPLICATE_ROW, line, pattern(mask,
                            listColumns.size()), CovariateMessages.echo(values.toString()), before);
                }
                try {
                    builder.add(mask, values, count);
                } catch (IndicatorException e) {
                    throw e.at("Line " + line);
                }
            }
            if (builder == null) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_CSV_EMPTY);
            }
            return builder.build();
        } catch (UncheckedIOException e) {
            throw CsvLines.failure(e.getCause(), IndicatorRule.COVARIATE_CSV_LINE_TOO_LONG, IndicatorRule.COVARIATE_CSV_READ_FAILED);
        } catch (IOException e) {
            throw CsvLines.failure(e, IndicatorRule.COVARIATE_CSV_LINE_TOO_LONG, IndicatorRule.COVARIATE_CSV_READ_FAILED);
        }
    }

    private static String pattern(int mask, int k) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < k; i++) {
            b.append((mask >> i & 1) == 1 ? '1' : '0');
        }
        return b.toString();
    }

    /**
     * Writes the table as a counts CSV in R's layout (one row per observed pattern and covariate cell with a
     * positive count, then the partially classified rows with {@value #UNKNOWN}), so that
     * {@link #fromCsv(Reader, List)} reads it back equal. Values that a spreadsheet would read as a formula
     * ({@code = + - @}, tab, carriage return) are prefixed with an apostrophe (OWASP's rule).
     *
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public void toCsv(Appendable out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CsvLines.WRITE_FORMAT);
            List<String> header = new ArrayList<>(lists);
            header.addAll(covariates);
            header.add("count");
            printer.printRecord(CsvLines.neutralised(header));
            for (int c = 0; c < counts.length; c++) {
                List<String> values = levelsOfCell(c);
                for (int h = 1; h < counts[c].length; h++) {
                    if (counts[c][h] > 0) {
                        printer.printRecord(CsvLines.neutralised(row(h, values, counts[c][h])));
                    }
                }
            }
            for (PartialRow p : partial) {
                List<String> values = new ArrayList<>();
                for (String v : p.values()) {
                    values.add(v == null ? UNKNOWN : v);
                }
                printer.printRecord(CsvLines.neutralised(row(p.mask(), values, p.count())));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the table as a counts CSV file (UTF-8, created or replaced), as {@link #toCsv(Appendable)} writes it.
     *
     * @param file the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public void toCsv(java.nio.file.Path file) {
        CsvLines.write(file, this::toCsv);
    }

    private List<String> row(int mask, List<String> values, long count) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            row.add((mask >> i & 1) == 1 ? "1" : "0");
        }
        row.addAll(values);
        row.add(Long.toString(count));
        return row;
    }

    /** @return the list names, in column order */
    public List<String> lists() {
        return lists;
    }

    /** @return the covariate names, in column order */
    public List<String> covariates() {
        return covariates;
    }

    /**
     * The levels of a covariate, sorted.
     *
     * @param covariate its name
     * @return the levels
     * @throws IndicatorException if there is no such covariate
     */
    public List<String> levels(String covariate) {
        return levels.get(covariateIndex(covariate));
    }

    /** @return the levels of every covariate, in covariate order */
    public List<List<String>> levels() {
        return levels;
    }

    public int covariateIndex(String covariate) {
        int j = covariates.indexOf(covariate);
        if (j < 0) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_COVARIATE, CovariateMessages.echo(String.valueOf(covariate)),
                    covariates);
        }
        return j;
    }

    /** @return the number of covariate cells, the product of the numbers of levels */
    public int cellCount() {
        return counts.length;
    }

    /**
     * The level index of covariate j in covariate cell c (cells are numbered with the first covariate varying
     * slowest).
     *
     * @param cell      the cell
     * @param covariate the covariate's index
     * @return the level index
     */
    public int levelIndex(int cell, int covariate) {
        int c = cell;
        for (int j = radix.length - 1; j > covariate; j--) {
            c /= radix[j];
        }
        return c % radix[covariate];
    }

    /**
     * The covariate values of a cell.
     *
     * @param cell the cell index
     * @return one level per covariate
     */
    public List<String> levelsOfCell(int cell) {
        List<String> out = new ArrayList<>(radix.length);
        for (int j = 0; j < radix.length; j++) {
            out.add(levels.get(j).get(levelIndex(cell, j)));
        }
        return out;
    }

    /**
     * The number of persons with a list pattern in a covariate cell.
     *
     * @param cell the cell index
     * @param mask the pattern (list i is bit i), 1 to 2<sup>K</sup> &minus; 1
     * @return the count
     */
    public long count(int cell, int mask) {
        return counts[cell][mask];
    }

    /**
     * The persons observed in a covariate cell.
     *
     * @param cell the cell index
     * @return the sum over the observable patterns
     */
    public long observed(int cell) {
        long n = 0;
        for (long v : counts[cell]) {
            n += v;
        }
        return n;
    }

    /** @return every fully classified person observed */
    public long observed() {
        long n = 0;
        for (int c = 0; c < counts.length; c++) {
            n += observed(c);
        }
        return n;
    }

    /** @return the partially classified rows (persons with an unknown covariate value), unmodifiable */
    public List<PartialRow> partialRows() {
        return partial;
    }

    /** @return the number of persons with an unknown covariate value */
    public long partiallyClassified() {
        return partial.stream().mapToLong(PartialRow::count).sum();
    }

    /**
     * This table without its partially classified rows (the complete-case analysis).
     *
     * @return the table of the fully classified persons
     */
    public CovariateTable withoutUnknown() {
        return new CovariateTable(lists, covariates, levels, counts, List.of());
    }

    /**
     * This table with "unknown" as a level of its own wherever a value is unknown.
     *
     * @param level the name of that level, e.g. {@code "unknown"}
     * @return the table, with no partially classified rows
     * @throws IndicatorException if the name is already a level of a covariate that has unknown values
     */
    public CovariateTable withUnknownAsLevel(String level) {
        Builder b = builder(lists, covariates);
        for (int c = 0; c < counts.length; c++) {
            List<String> values = levelsOfCell(c);
            for (int h = 1; h < counts[c].length; h++) {
                if (counts[c][h] > 0) {
                    b.add(h, values, counts[c][h]);
                }
            }
        }
        for (PartialRow p : partial) {
            List<String> values = new ArrayList<>();
            for (int j = 0; j < p.values().size(); j++) {
                String v = p.values().get(j);
                if (v == null && levels.get(j).contains(level)) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_UNKNOWN_REFERENCE, CovariateMessages.echo(level), covariates.get(j),
                            levels.get(j));
                }
                values.add(v == null ? level : v);
            }
            b.add(p.mask(), values, p.count());
        }
        return b.build();
    }

    /**
     * This table with some levels of a covariate merged into one (for example rare forms of exploitation into
     * {@code other}, so that every level is seen by more than one list).
     *
     * @param covariate the covariate
     * @param levels    the levels to merge (each must exist)
     * @param into      the merged level's name (may be one of them, or an existing level that absorbs them)
     * @return the table
     * @throws IndicatorException if the covariate or a level does not exist, or fewer than two levels would remain
     */
    public CovariateTable mergeLevels(String covariate, List<String> levels, String into) {
        int j = covariateIndex(covariate);
        for (String level : levels) {
            if (!this.levels.get(j).contains(level)) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_UNKNOWN_LEVEL, covariate, CovariateMessages.echo(level),
                        this.levels.get(j));
            }
        }
        Builder b = builder(lists, covariates);
        for (int c = 0; c < counts.length; c++) {
            List<String> values = new ArrayList<>(levelsOfCell(c));
            if (levels.contains(values.get(j))) {
                values.set(j, into);
            }
            for (int h = 1; h < counts[c].length; h++) {
                if (counts[c][h] > 0) {
                    b.add(h, values, counts[c][h]);
                }
            }
        }
        for (PartialRow p : partial) {
            List<String> values = new ArrayList<>(p.values());
            if (values.get(j) != null && levels.contains(values.get(j))) {
                values.set(j, into);
            }
            b.add(p.mask(), values, p.count());
        }
        for (int i = 0; i < covariates.size(); i++) {
            for (String level : this.levels.get(i)) {
                b.level(covariates.get(i), i == j && levels.contains(level) ? into : level);
            }
        }
        return b.build();
    }

    /**
     * The table of the fully classified persons collapsed over some covariates.
     *
     * @param keep the covariates to keep, at least one
     * @return the collapsed table (partially classified rows of the dropped covariates become fully classified)
     * @throws IndicatorException if a name is unknown
     */
    public CovariateTable collapse(List<String> keep) {
        int[] idx = keep.stream().mapToInt(this::covariateIndex).toArray();
        Builder b = builder(lists, keep);
        for (int c = 0; c < counts.length; c++) {
            List<String> all = levelsOfCell(c);
            List<String> values = new ArrayList<>();
            for (int j : idx) {
                values.add(all.get(j));
            }
            for (int h = 1; h < counts[c].length; h++) {
                if (counts[c][h] > 0) {
                    b.add(h, values, counts[c][h]);
                }
            }
        }
        for (PartialRow p : partial) {
            List<String> values = new ArrayList<>();
            for (int j : idx) {
                values.add(p.values().get(j));
            }
            b.add(p.mask(), values, p.count());
        }
        for (int j : idx) {
            for (String level : levels.get(j)) {
                b.level(covariates.get(j), level);
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CovariateTable t && lists.equals(t.lists) && covariates.equals(t.covariates)
                && levels.equals(t.levels) && Arrays.deepEquals(counts, t.counts)
                && new HashMap<>(partialMap()).equals(t.partialMap());
    }

    private Map<List<Object>, Long> partialMap() {
        Map<List<Object>, Long> m = new HashMap<>();
        for (PartialRow p : partial) {
            m.merge(List.of(p.mask(), p.values()), p.count(), Long::sum);
        }
        return m;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lists, covariates, levels, Arrays.deepHashCode(counts));
    }

    /**
     * A summary: lists, covariates with their levels, persons observed and partially classified.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CovariateTable[lists=").append(lists);
        for (int j = 0; j < covariates.size(); j++) {
            b.append(", ").append(covariates.get(j)).append('=').append(levels.get(j));
        }
        return b.append(", observed=").append(observed()).append(", partiallyClassified=")
                .append(partiallyClassified()).append(']').toString();
    }

    /** Builds a table; levels are collected from the rows added (and from {@link #level}). */
    public static final class Builder {

        private final List<String> lists;
        private final List<String> covariates;
        private final List<TreeSet<String>> levels = new ArrayList<>();
        private final Map<List<String>, long[]> full = new LinkedHashMap<>();
        private final Map<List<Object>, Long> partial = new LinkedHashMap<>();

        private Builder(List<String> lists, List<String> covariates) {
            this.lists = List.copyOf(lists);
            this.covariates = List.copyOf(covariates);
            if (this.lists.size() < 2 || this.lists.size() > 12 || !this.lists.stream().allMatch(Builder::plain)
                    || this.lists.stream().distinct().count() != this.lists.size()) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_LISTS, CovariateMessages.echo(lists.toString()));
            }
            if (this.covariates.isEmpty() || this.covariates.size() > MAX_COVARIATES
                    || !this.covariates.stream().allMatch(Builder::plain)
                    || this.covariates.stream().distinct().count() != this.covariates.size()
                    || this.covariates.stream().anyMatch(this.lists::contains)) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_NAMES, MAX_COVARIATES,
                        CovariateMessages.echo(covariates.toString()));
            }
            for (int j = 0; j < this.covariates.size(); j++) {
                levels.add(new TreeSet<>());
            }
        }

        static boolean plain(String name) {
            return name != null && name.matches("[A-Za-z][A-Za-z0-9_.]{0,63}");
        }

        /**
         * Declares a level even if no person has it (a covariate cell of zeros).
         *
         * @param covariate the covariate
         * @param level     the level
         * @return this builder
         * @throws IndicatorException if the covariate is unknown or the level is blank
         */
        public Builder level(String covariate, String level) {
            int j = covariates.indexOf(covariate);
            if (j < 0) {
                throw IndicatorException.of(IndicatorRule.UNKNOWN_COVARIATE, CovariateMessages.echo(String.valueOf(covariate)),
                        covariates);
            }
            levels.get(j).add(checkLevel(j, level));
            return this;
        }

        private String checkLevel(int j, String level) {
            boolean invisible = level.codePoints().anyMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT);
            if (level.isBlank() || invisible || level.length() > 200 || level.equals(UNKNOWN)) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_LEVEL_VALUE, covariates.get(j));
            }
            return level;
        }

        /**
         * Adds persons; counts of the same pattern and values add up.
         *
         * @param mask   the list pattern (list i is bit i), not 0
         * @param values one value per covariate, {@code null} where unknown
         * @param count  the number of persons, &ge; 0
         * @return this builder
         * @throws IndicatorException if the pattern is out of range, the values do not match the covariates, a value
         *                            is blank, or the count is negative
         */
        public Builder add(int mask, List<String> values, long count) {
            if (mask <= 0 || mask >= 1 << lists.size()) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_PATTERN, mask, lists.size());
            }
            if (values.size() != covariates.size()) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_LEVELS_LENGTH, covariates.size(), values.size());
            }
            if (count < 0) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_NEGATIVE_COUNT, count);
            }
            boolean known = true;
            for (int j = 0; j < values.size(); j++) {
                String v = values.get(j);
                if (v == null) {
                    known = false;
                } else {
                    levels.get(j).add(checkLevel(j, v));
                }
            }
            if (known) {
                full.computeIfAbsent(List.copyOf(values), v -> new long[1 << lists.size()])[mask] += count;
            } else {
                partial.merge(List.of(mask, Collections.unmodifiableList(new ArrayList<>(values))), count,
                        Math::addExact);
            }
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws IndicatorException if a covariate has fewer than two known levels or more than
         *                            {@value #MAX_LEVELS}
         */
        @SuppressWarnings("unchecked")
        public CovariateTable build() {
            List<List<String>> sorted = new ArrayList<>();
            int cells = 1;
            for (int j = 0; j < covariates.size(); j++) {
                List<String> l = new ArrayList<>(levels.get(j));
                if (l.size() < 2 || l.size() > MAX_LEVELS) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_ONE_LEVEL, covariates.get(j), CovariateMessages.echo(l.toString()));
                }
                if (l.stream().allMatch(v -> v.matches("-?[0-9]{1,9}"))) {
                    l.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
                }
                sorted.add(List.copyOf(l));
                cells = Math.multiplyExact(cells, l.size());
            }
            CovariateTable shape = new CovariateTable(lists, covariates, List.copyOf(sorted), new long[cells][],
                    List.of());
            long[][] counts = new long[cells][];
            for (int c = 0; c < cells; c++) {
                long[] v = full.get(shape.levelsOfCell(c));
                counts[c] = v == null ? new long[1 << lists.size()] : v.clone();
            }
            List<PartialRow> rows = new ArrayList<>();
            partial.forEach((k, v) -> rows.add(new PartialRow((Integer) k.get(0), (List<String>) k.get(1), v)));
            return new CovariateTable(lists, covariates, List.copyOf(sorted), counts, List.copyOf(rows));
        }
    }
}
