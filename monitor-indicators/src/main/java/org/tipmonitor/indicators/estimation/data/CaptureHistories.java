package org.tipmonitor.indicators.estimation.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.tables.internal.TextGrid;

/**
 * An immutable capture-history table: K lists (2 &le; K &le; 12) and the number of cases observed with each
 * 0/1 pattern of list membership.
 *
 * <p>A pattern h = (h<sub>1</sub>, ..., h<sub>K</sub>) is also addressed by its <em>mask</em>
 * m(h) = &Sigma;<sub>i</sub> h<sub>i</sub> 2<sup>i&minus;1</sup> (list 1 is bit 0, in the order of
 * {@link #listNames()}). The all-zero pattern (mask 0) is the structural unknown, the cases seen on no list; its
 * count is always 0 here and is what the estimators predict. Patterns never observed have count 0; giving them
 * explicitly changes nothing. The observed total is n = &Sigma;<sub>h &ne; 0</sub> y<sub>h</sub>, and for a
 * set S of lists the overlap N*(S) = &Sigma;<sub>h &supe; S</sub> y<sub>h</sub> is the number of cases seen on
 * every list of S (notation of Chan, Silverman &amp; Vincent 2021).
 *
 * <p>Three ways to build one:
 * <ul>
 *   <li>{@link #fromCsv(Reader)}: the counts CSV R users write (one 0/1 column per list, a final {@code count}
 *       or {@code Freq} column, zero-count rows optional);</li>
 *   <li>{@link #builder(List)}: patterns and counts added programmatically;</li>
 *   <li>{@link #linker(List)}: linked records, one membership (person key, list) at a time, so that any
 *       record type can be mapped to lists by the caller; or {@link #fromMemberships(List, Map)}.</li>
 * </ul>
 */
public final class CaptureHistories {

    /** The smallest number of lists. */
    public static final int MIN_LISTS = 2;
    /** The largest number of lists. */
    public static final int MAX_LISTS = 12;

    private final List<String> listNames;
    private final long[] counts;
    private final long observed;
    private final int[] rows;

    private CaptureHistories(List<String> listNames, long[] counts) {
        this(listNames, counts, null);
    }

    /**
     * @param supplied the masks in the order they were supplied (CSV lines, builder additions), or null for
     *                 ascending mask order
     */
    private CaptureHistories(List<String> listNames, long[] counts, int[] supplied) {
        this.listNames = listNames;
        this.counts = counts;
        long sum = 0;
        for (long c : counts) {
            sum += c;
            if (sum < 0) {
                throw IndicatorException.of(IndicatorRule.TOTAL_OVERFLOW, listNames);
            }
        }
        this.observed = sum;
        int[] order = supplied;
        if (order == null) {
            order = new int[counts.length];
            for (int h = 0; h < counts.length; h++) {
                order[h] = h;
            }
        }
        this.rows = Arrays.stream(order).filter(h -> h != 0 && counts[h] > 0).toArray();
    }

    /**
     * The observed patterns (masks with a positive count) in the order they were supplied: the lines of a counts
     * CSV, or the first addition of each pattern to a {@link Builder}; ascending mask order for tables made
     * otherwise (linked records, {@link #withoutList}, {@link #withMergedLists}). R's bootstraps draw over the
     * rows of the data as supplied, so {@link org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator}'s R-compatible random numbers need it.
     *
     * @return the masks (a copy)
     */
    public int[] rowOrder() {
        return rows.clone();
    }

    /**
     * Reads a counts CSV: a header with one column per list and a final {@code count} (or {@code Freq}) column,
     * then one line per observed pattern. Names may be double-quoted; blank lines and a leading byte-order mark
     * are skipped; fields are comma-separated.
     *
     * @param reader the CSV text (not closed by this method)
     * @return the table
     * @throws IndicatorException naming the line number, if the header has fewer than two list columns or more
     *                            than 12, lacks the count column, or repeats a list name; if a line has the wrong
     *                            number of columns, a list value other than 0 or 1, a count that is not a
     *                            non-negative integer, a pattern already given, the all-zero pattern with a
     *                            positive count, or a count that makes the total exceed {@link Long#MAX_VALUE};
     *                            or if the reader fails
     */
    public static CaptureHistories fromCsv(Reader reader) {
        return parseCsv(reader, null).values().iterator().next();
    }

    /**
     * Reads a counts CSV file (UTF-8), as {@link #fromCsv(Reader)} reads its text.
     *
     * @param file the file
     * @return the table
     * @throws IndicatorException   as {@link #fromCsv(Reader)}
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static CaptureHistories fromCsv(java.nio.file.Path file) {
        return CsvLines.read(file, CaptureHistories::fromCsv);
    }

    /**
     * Parses a counts CSV, optionally with a covariate column, into one table per level (in order of first
     * appearance; the key is "" without a covariate).
     */
    static Map<String, CaptureHistories> parseCsv(Reader reader, String covariate) {
        Objects.requireNonNull(reader, "reader");
        try (CSVParser parser = CSVParser.parse(new CsvLines.LineLimit(CsvLines.withoutByteOrderMark(reader)),
                CsvLines.FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            String[] columns = null;
            int lineNumber = 0;
            while (columns == null && records.hasNext()) {
                String[] fields = fields(records.next());
                lineNumber = (int) Math.min(Integer.MAX_VALUE, CsvLines.lineOf(parser));
                if (fields != null) {
                    columns = fields;
                }
            }
            if (columns == null) {
                throw IndicatorException.of(IndicatorRule.CSV_EMPTY);
            }
            String header = String.join(",", columns);
            int covariateColumn = -1;
            if (covariate != null) {
                covariateColumn = Arrays.asList(columns).subList(0, Math.max(columns.length - 1, 0))
                        .indexOf(covariate);
                if (covariateColumn < 0) {
                    throw IndicatorException.of(IndicatorRule.CSV_NO_COVARIATE_COLUMN, lineNumber, covariate);
                }
            }
            int extra = covariateColumn < 0 ? 1 : 2;
            if (columns.length < MIN_LISTS + extra) {
                throw IndicatorException.of(IndicatorRule.CSV_HEADER_TOO_SHORT, lineNumber, header);
            }
            String last = columns[columns.length - 1];
            if (!last.equalsIgnoreCase("count") && !last.equals("Freq")) {
                throw IndicatorException.of(IndicatorRule.CSV_NO_COUNT_COLUMN, lineNumber, last);
            }
            int k = columns.length - extra;
            if (k > MAX_LISTS) {
                throw IndicatorException.of(IndicatorRule.CSV_TOO_MANY_LISTS, lineNumber, k);
            }
            int[] listColumn = new int[k];
            String[] names = new String[k];
            Set<String> seen = new HashSet<>();
            for (int c = 0, i = 0; c < columns.length - 1; c++) {
                if (c == covariateColumn) {
                    continue;
                }
                if (!validName(columns[c]) || !seen.add(columns[c])) {
                    throw IndicatorException.of(IndicatorRule.CSV_BAD_LIST_NAME, lineNumber, c + 1, columns[c]);
                }
                listColumn[i] = c;
                names[i++] = columns[c];
            }
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Long> totals = new HashMap<>();
            Map<String, int[]> firstLine = new HashMap<>();
            if (covariateColumn < 0) {
                counts.put("", new long[1 << k]);
                firstLine.put("", new int[1 << k]);
            }
            while (records.hasNext()) {
                String[] fields = fields(records.next());
                lineNumber = (int) Math.min(Integer.MAX_VALUE, CsvLines.lineOf(parser));
                if (fields == null) {
                    continue;
                }
                if (fields.length != columns.length) {
                    throw IndicatorException.of(IndicatorRule.CSV_COLUMN_COUNT, lineNumber, columns.length,
                            fields.length);
                }
                int mask = 0;
                for (int i = 0; i < k; i++) {
                    String v = fields[listColumn[i]];
                    if (v.equals("1")) {
                        mask |= 1 << i;
                    } else if (!v.equals("0")) {
                        throw IndicatorException.of(IndicatorRule.CSV_NOT_BINARY, lineNumber, names[i], v);
                    }
                }
                long count = parseCount(fields[columns.length - 1], lineNumber);
                String level = "";
                if (covariateColumn >= 0) {
                    level = fields[covariateColumn];
                    if (level.isEmpty()) {
                        throw IndicatorException.of(IndicatorRule.CSV_EMPTY_LEVEL, lineNumber, covariate);
                    }
                }
                long[] levelCounts = counts.computeIfAbsent(level, l -> new long[1 << k]);
                int[] levelLines = firstLine.computeIfAbsent(level, l -> new int[1 << k]);
                if (mask == 0) {
                    if (count != 0) {
                        throw IndicatorException.of(IndicatorRule.CSV_ZERO_PATTERN_WITH_COUNT, lineNumber, count);
                    }
                    continue;
                }
                if (levelLines[mask] != 0) {
                    throw IndicatorException.of(IndicatorRule.CSV_DUPLICATE_PATTERN, lineNumber,
                            patternString(mask, k) + (covariateColumn < 0 ? "" : " at level '" + level + "'"),
                            levelLines[mask]);
                }
                levelLines[mask] = lineNumber;
                levelCounts[mask] = count;
                long total = totals.getOrDefault(level, 0L) + count;
                if (total < 0) {
                    throw IndicatorException.of(IndicatorRule.CSV_TOTAL_OVERFLOW, lineNumber);
                }
                totals.put(level, total);
            }
            List<String> listNames = List.of(names);
            Map<String, CaptureHistories> tables = new LinkedHashMap<>();
            counts.forEach((level, c) -> tables.put(level, new CaptureHistories(listNames, c,
                    inLineOrder(firstLine.get(level)))));
            return tables;
        } catch (UncheckedIOException e) {
            throw CsvLines.failure(e.getCause(), IndicatorRule.CSV_LINE_TOO_LONG, IndicatorRule.CSV_READ_FAILED);
        } catch (IOException e) {
            throw CsvLines.failure(e, IndicatorRule.CSV_LINE_TOO_LONG, IndicatorRule.CSV_READ_FAILED);
        }
    }

    /** The masks with a line number, in line order. */
    private static int[] inLineOrder(int[] lineOfMask) {
        return IntStream.range(1, lineOfMask.length).filter(h -> lineOfMask[h] > 0).boxed()
                .sorted(Comparator.comparingInt(h -> lineOfMask[h])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads a counts CSV from a string; see {@link #fromCsv(Reader)}.
     *
     * @param csv the CSV text
     * @return the table
     * @throws IndicatorException as {@link #fromCsv(Reader)}
     */
    public static CaptureHistories fromCsv(String csv) {
        return fromCsv(new StringReader(Objects.requireNonNull(csv, "csv")));
    }

    /**
     * A builder for a table with the given lists; counts added for the same pattern are summed.
     *
     * @param listNames the list names, 2 to 12, distinct, non-empty, without {@code ':'}, {@code '+'} or
     *                  {@code '~'} (they appear in model formulas), without {@code '"'} and without control or
     *                  format characters
     * @return a new builder
     * @throws IndicatorException if the number of lists is outside 2..12 or a name is invalid
     */
    public static Builder builder(List<String> listNames) {
        return new Builder(checkNames(listNames));
    }

    /**
     * A builder for linked records: each call to {@link Linker#addMembership} records that a person (any key
     * type with proper {@code equals}/{@code hashCode}, e.g. a pseudonymised person key) is on a list; the table
     * counts each person once, in the pattern of all lists they are on.
     *
     * @param listNames the list names, as for {@link #builder(List)}
     * @param <K>       the person-key type
     * @return a new linker
     * @throws IndicatorException if the number of lists is outside 2..12 or a name is invalid
     */
    public static <K> Linker<K> linker(List<String> listNames) {
        return new Linker<>(checkNames(listNames));
    }

    /**
     * A table from linked records given as, per person, the set of list indices (0-based, in the order of
     * {@code listNames}) the person is on. Persons with an empty set are ignored (they are not observed).
     *
     * @param listNames   the list names, as for {@link #builder(List)}
     * @param memberships per person key, the lists the person is on
     * @return the table
     * @throws IndicatorException if the names are invalid or a set contains an index outside the lists
     */
    public static CaptureHistories fromMemberships(List<String> listNames, Map<?, BitSet> memberships) {
        Builder b = builder(listNames);
        for (BitSet lists : Objects.requireNonNull(memberships, "memberships").values()) {
            if (!lists.isEmpty()) {
                b.add(lists, 1);
            }
        }
        return b.build();
    }

    /**
     * The list names, in column order.
     *
     * @return the names (unmodifiable)
     */
    public List<String> listNames() {
        return listNames;
    }

    /**
     * The number of lists K.
     *
     * @return K
     */
    public int listCount() {
        return listNames.size();
    }

    /**
     * The observed total n = &Sigma;<sub>h &ne; 0</sub> y<sub>h</sub>.
     *
     * @return n
     */
    public long observed() {
        return observed;
    }

    /**
     * The count of one pattern.
     *
     * @param pattern one 0/1 entry per list
     * @return the count (0 for the all-zero pattern)
     * @throws IndicatorException if the pattern has the wrong length or an entry other than 0 or 1
     */
    public long count(int... pattern) {
        return counts[maskOf(pattern, listCount())];
    }

    /**
     * The count of the pattern with the given mask m(h) = &Sigma; h<sub>i</sub> 2<sup>i&minus;1</sup>.
     *
     * @param mask the mask, 0 &le; mask &lt; 2<sup>K</sup>
     * @return the count (0 for mask 0)
     * @throws IndicatorException if the mask has bits outside the K lists
     */
    public long countOfMask(int mask) {
        checkMask(mask, listCount());
        return counts[mask];
    }

    /**
     * All counts indexed by mask: element m is the count of the pattern with mask m (element 0 is 0).
     *
     * @return a fresh array of length 2<sup>K</sup>
     */
    public long[] countsByMask() {
        return counts.clone();
    }

    /**
     * The overlap N*(S) = &Sigma;<sub>h &supe; S</sub> y<sub>h</sub>: the number of cases on every named list.
     *
     * @param lists one or more list names
     * @return the overlap count
     * @throws IndicatorException if a name is unknown
     */
    public long overlap(String... lists) {
        int s = 0;
        for (String name : lists) {
            s |= 1 << indexOf(name);
        }
        return overlapOfMask(s);
    }

    /**
     * The overlap N*(S) for the set S given as a mask.
     *
     * @param mask the set of lists as a mask
     * @return the number of cases on every list of S (n for the empty set)
     * @throws IndicatorException if the mask has bits outside the K lists
     */
    public long overlapOfMask(int mask) {
        checkMask(mask, listCount());
        long sum = 0;
        for (int h = 1; h < counts.length; h++) {
            if ((h & mask) == mask) {
                sum += counts[h];
            }
        }
        return sum;
    }

    /**
     * The 0-based index of a list.
     *
     * @param listName the name
     * @return its column index
     * @throws IndicatorException if the name is unknown
     */
    public int indexOf(String listName) {
        int i = listNames.indexOf(listName);
        if (i < 0) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_LIST, listName, listNames);
        }
        return i;
    }

    /**
     * The table without one list: each case keeps its memberships of the other lists, and cases that were on
     * the removed list only become unobserved.
     *
     * @param listName the list to remove
     * @return the smaller table
     * @throws IndicatorException if the name is unknown or the table has only two lists
     */
    public CaptureHistories withoutList(String listName) {
        int removed = indexOf(listName);
        int k = listCount();
        if (k - 1 < MIN_LISTS) {
            throw IndicatorException.of(IndicatorRule.CANNOT_REMOVE_LIST, k);
        }
        List<String> names = new ArrayList<>(listNames);
        names.remove(removed);
        long[] reduced = new long[1 << (k - 1)];
        int low = (1 << removed) - 1;
        for (int h = 1; h < counts.length; h++) {
            int m = (h & low) | ((h >>> (removed + 1)) << removed);
            if (m != 0) {
                reduced[m] += counts[h];
            }
        }
        return new CaptureHistories(List.copyOf(names), reduced);
    }

    /**
     * The table with two lists merged into one (a case is on the merged list when it is on either), as Silverman
     * merges small lists (SparseMSE's {@code Ned_5} is {@code Ned} with I and O merged). The merged list takes the
     * position of the first of the two in column order.
     *
     * @param first      a list
     * @param second     another list
     * @param mergedName the merged list's name (may reuse one of the two names)
     * @return the table with one list fewer
     * @throws IndicatorException if a name is unknown, the two are the same list, the table has only two lists,
     *                            or the merged name is invalid or clashes with another list
     */
    public CaptureHistories withMergedLists(String first, String second, String mergedName) {
        int a = indexOf(first);
        int b = indexOf(second);
        int k = listCount();
        if (a == b) {
            throw IndicatorException.of(IndicatorRule.MERGE_SAME_LIST, first);
        }
        if (k - 1 < MIN_LISTS) {
            throw IndicatorException.of(IndicatorRule.CANNOT_REMOVE_LIST, k);
        }
        int keep = Math.min(a, b);
        int drop = Math.max(a, b);
        List<String> names = new ArrayList<>(listNames);
        names.set(keep, mergedName);
        names.remove(drop);
        Builder builder = builder(names);
        int low = (1 << drop) - 1;
        for (int h = 1; h < counts.length; h++) {
            int mask = h;
            if ((mask & (1 << drop)) != 0) {
                mask |= 1 << keep;
            }
            int m = (mask & low) | ((mask >>> (drop + 1)) << drop);
            builder.addMask(m, counts[h]);
        }
        return builder.build();
    }

    /**
     * Writes the table as a counts CSV with Apache Commons CSV (header, then one line per pattern with a positive
     * count, in increasing mask order; names quoted where RFC 4180 needs it, and a name a spreadsheet would read as
     * a formula prefixed with an apostrophe, OWASP's rule), readable by {@link #fromCsv(Reader)} and by R's
     * {@code read.csv}.
     *
     * @return the CSV text, lines ending in {@code '\n'}
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, CsvLines.WRITE_FORMAT)) {
            List<String> header = new ArrayList<>(listNames);
            header.add("count");
            printer.printRecord(CsvLines.neutralised(header));
            for (int h = 1; h < counts.length; h++) {
                if (counts[h] > 0) {
                    List<String> row = new ArrayList<>(listCount() + 1);
                    for (int i = 0; i < listCount(); i++) {
                        row.add(Integer.toString((h >>> i) & 1));
                    }
                    row.add(Long.toString(counts[h]));
                    printer.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /**
     * Writes the table as a counts CSV file (UTF-8, created or replaced), as {@link #toCsv()} gives it.
     *
     * @param file the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public void toCsv(java.nio.file.Path file) {
        String text = toCsv();
        CsvLines.write(file, writer -> {
            try {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptureHistories other
                && listNames.equals(other.listNames) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * listNames.hashCode() + Arrays.hashCode(counts);
    }

    /**
     * The table as text: lists, observed total and number of observed patterns, then one aligned row per observed
     * pattern (a 0/1 column per list and the count) in increasing mask order, at most {@value #SHOWN_PATTERNS}
     * rows ({@link #toCsv()} gives them all).
     *
     * @return the text
     */
    @Override
    public String toString() {
        long patterns = Arrays.stream(counts).filter(c -> c > 0).count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "CaptureHistories: %d lists (%s), %,d observed in %d patterns", listCount(),
                String.join(", ", listNames), observed, patterns)).append('\n');
        List<Object> header = new ArrayList<>(listNames);
        header.add("count");
        TextGrid grid = TextGrid.withHeader(header.stream().map(String::valueOf).toArray(String[]::new));
        int shown = 0;
        for (int h = 1; h < counts.length && shown < SHOWN_PATTERNS; h++) {
            if (counts[h] > 0) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < listCount(); i++) {
                    row.add((h >>> i) & 1);
                }
                row.add(counts[h]);
                grid.row(row.toArray());
                shown++;
            }
        }
        sb.append(grid.render());
        if (patterns > shown) {
            sb.append("  ... ").append(patterns - shown).append(" more patterns (toCsv() lists them all)\n");
        }
        return sb.toString();
    }

    /** The number of patterns {@link #toString()} shows. */
    private static final int SHOWN_PATTERNS = 100;

    static String patternString(int mask, int k) {
        StringBuilder sb = new StringBuilder(k);
        for (int i = 0; i < k; i++) {
            sb.append((mask >>> i) & 1);
        }
        return sb.toString();
    }

    private static long parseCount(String field, int lineNumber) {
        String v = field;
        // R's write.csv writes integral doubles as e.g. "12"; accept a trailing ".0" as well.
        if (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2);
        }
        long count;
        try {
            count = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw IndicatorException.of(IndicatorRule.CSV_BAD_COUNT, lineNumber, field);
        }
        if (count < 0) {
            throw IndicatorException.of(IndicatorRule.CSV_BAD_COUNT, lineNumber, field);
        }
        return count;
    }

    /** Longest line of a counts CSV, in characters (issue 13: one unbounded line must not exhaust the heap). */
    public static final int MAX_LINE_LENGTH = CsvLines.MAX_LINE_LENGTH;

    /**
     * A record's fields, with the apostrophe {@link #toCsv()} put before a formula character removed; null for a
     * blank line.
     */
    private static String[] fields(CSVRecord record) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return null;
        }
        String[] parts = new String[record.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = CsvLines.restored(record.get(i).strip());
        }
        return parts;
    }

    /**
     * A list name: not blank, no edge white space, none of the formula's operators, no double quote (the counts
     * CSV quotes names) and no control or format character (a byte-order mark or zero-width character would make
     * two names look the same). Issue 7: otherwise a table's {@link #toCsv()} could read back with other names.
     */
    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.equals(name.strip())
                && name.indexOf(':') < 0 && name.indexOf('+') < 0 && name.indexOf('~') < 0 && name.indexOf('"') < 0
                && name.codePoints().noneMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT);
    }

    private static List<String> checkNames(List<String> listNames) {
        Objects.requireNonNull(listNames, "listNames");
        if (listNames.size() < MIN_LISTS || listNames.size() > MAX_LISTS) {
            throw IndicatorException.of(IndicatorRule.LIST_COUNT_OUT_OF_RANGE, listNames.size());
        }
        Set<String> seen = new HashSet<>();
        for (String name : listNames) {
            if (!validName(name) || !seen.add(name)) {
                throw IndicatorException.of(IndicatorRule.LIST_NAME_INVALID, name);
            }
        }
        return List.copyOf(listNames);
    }

    private static int maskOf(int[] pattern, int k) {
        if (pattern.length != k) {
            throw IndicatorException.of(IndicatorRule.PATTERN_LENGTH, pattern.length, k);
        }
        int mask = 0;
        for (int i = 0; i < k; i++) {
            if (pattern[i] == 1) {
                mask |= 1 << i;
            } else if (pattern[i] != 0) {
                throw IndicatorException.of(IndicatorRule.PATTERN_NOT_BINARY, i + 1, pattern[i]);
            }
        }
        return mask;
    }

    private static void checkMask(long mask, int k) {
        if (mask < 0 || mask >= (1L << k)) {
            throw IndicatorException.of(IndicatorRule.MASK_OUT_OF_RANGE, k, mask);
        }
    }

    /**
     * Accumulates counts per pattern; not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private final List<String> listNames;
        private final long[] counts;
        private final int[] supplied;
        private final boolean[] seen;
        private int distinct;

        private Builder(List<String> listNames) {
            this.listNames = listNames;
            this.counts = new long[1 << listNames.size()];
            this.supplied = new int[counts.length];
            this.seen = new boolean[counts.length];
        }

        /**
         * Adds a count to a pattern (summed with earlier counts of the same pattern).
         *
         * @param pattern one 0/1 entry per list
         * @param count   a non-negative count
         * @return this builder
         * @throws IndicatorException if the pattern has the wrong length or a non-0/1 entry, the count is
         *                            negative, or the pattern is all-zero with a positive count
         */
        public Builder add(int[] pattern, long count) {
            return addMask(maskOf(Objects.requireNonNull(pattern, "pattern"), listNames.size()), count);
        }

        /**
         * Adds a count to the pattern whose lists are the set bits (0-based list indices).
         *
         * @param lists the lists of the pattern
         * @param count a non-negative count
         * @return this builder
         * @throws IndicatorException as {@link #addMask(long, long)}
         */
        public Builder add(BitSet lists, long count) {
            long[] words = Objects.requireNonNull(lists, "lists").toLongArray();
            if (words.length > 1) {
                throw IndicatorException.of(IndicatorRule.MASK_OUT_OF_RANGE, listNames.size(), lists.length() - 1);
            }
            return addMask(words.length == 0 ? 0 : words[0], count);
        }

        /**
         * Adds a count to the pattern with mask m = &Sigma; h<sub>i</sub> 2<sup>i&minus;1</sup>.
         *
         * @param mask  the pattern's mask
         * @param count a non-negative count
         * @return this builder
         * @throws IndicatorException if the mask has bits outside the lists, the count is negative, the mask is 0
         *                            with a positive count, or the sum overflows
         */
        public Builder addMask(long mask, long count) {
            checkMask(mask, listNames.size());
            if (count < 0) {
                throw IndicatorException.of(IndicatorRule.CAPTURE_NEGATIVE_COUNT, count);
            }
            if (mask == 0) {
                if (count != 0) {
                    throw IndicatorException.of(IndicatorRule.ZERO_PATTERN_WITH_COUNT, count);
                }
                return this;
            }
            int m = (int) mask;
            if (!seen[m]) {
                seen[m] = true;
                supplied[distinct++] = m;
            }
            try {
                counts[m] = Math.addExact(counts[m], count);
            } catch (ArithmeticException e) {
                throw IndicatorException.of(IndicatorRule.COUNT_OVERFLOW, patternString(m, listNames.size()));
            }
            return this;
        }

        /**
         * The table of the counts added so far.
         *
         * @return the table
         * @throws IndicatorException if the counts add up to more than {@link Long#MAX_VALUE}
         */
        public CaptureHistories build() {
            return new CaptureHistories(listNames, counts.clone(), Arrays.copyOf(supplied, distinct));
        }
    }

    /**
     * Collects (person, list) memberships from linked records and counts each person once in the pattern of
     * all their lists. Not thread-safe; {@link #build()} may be called more than once.
     *
     * @param <K> the person-key type
     */
    public static final class Linker<K> {

        private final List<String> listNames;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<K, Integer> masks = new LinkedHashMap<>();

        private Linker(List<String> listNames) {
            this.listNames = listNames;
            for (int i = 0; i < listNames.size(); i++) {
                index.put(listNames.get(i), i);
            }
        }

        /**
         * Records that a person is on a list (repeats are harmless).
         *
         * @param person   the person key
         * @param listName the list
         * @return this linker
         * @throws IndicatorException if the list name is unknown
         */
        public Linker<K> addMembership(K person, String listName) {
            Integer i = index.get(Objects.requireNonNull(listName, "listName"));
            if (i == null) {
                throw IndicatorException.of(IndicatorRule.UNKNOWN_LIST, listName, listNames);
            }
            return addMembership(person, i);
        }

        /**
         * Records that a person is on the list with a 0-based index.
         *
         * @param person    the person key
         * @param listIndex the list's index
         * @return this linker
         * @throws IndicatorException if the index is outside the lists
         */
        public Linker<K> addMembership(K person, int listIndex) {
            Objects.requireNonNull(person, "person");
            if (listIndex < 0 || listIndex >= listNames.size()) {
                throw IndicatorException.of(IndicatorRule.LIST_INDEX_OUT_OF_RANGE, listNames.size() - 1, listIndex);
            }
            masks.merge(person, 1 << listIndex, (a, b) -> a | b);
            return this;
        }

        /**
         * The number of distinct persons seen so far.
         *
         * @return the number of persons
         */
        public int persons() {
            return masks.size();
        }

        /**
         * The table of the memberships recorded so far.
         *
         * @return the table
         */
        public CaptureHistories build() {
            long[] counts = new long[1 << listNames.size()];
            for (int m : masks.values()) {
                counts[m]++;
            }
            return new CaptureHistories(listNames, counts);
        }
    }
}
