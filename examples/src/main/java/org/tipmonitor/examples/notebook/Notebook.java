package org.tipmonitor.examples.notebook;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tipmonitor.cli.report.MonitorData;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;

/**
 * The helpers of the JShell notebook ({@code examples/jshell/monitor.jsh} imports them statically): the bundled data,
 * printing, and the checks that make a chapter fail. They are compiled with the library rather than declared in
 * {@code monitor.jsh}, so that JShell has only the imports to compile before its prompt; and the bundled sample is
 * read (and validated) on the first call of {@link #data()}, not at every start.
 *
 * <p>The class also keeps Hibernate Validator's start-up announcement (an INFO line on standard error) out of the
 * notebook: loading it sets the level of the logger {@code org.hibernate.validator} to WARNING.
 */
public final class Notebook {

    /** The classpath location of the Dutch six-list table. */
    static final String NED = "/org/tipmonitor/cli/data/ned-2010-2015.csv";

    /** Held so that java.util.logging, which keeps loggers only weakly, keeps the level. */
    private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

    static {
        VALIDATOR_LOG.setLevel(Level.WARNING);
    }

    private static MonitorData sample;
    private static int checkCount;
    private static int checkFailures;

    private Notebook() {
    }

    /**
     * Starts a session: forgets the checks of an earlier one (chapters that share a virtual machine count their own)
     * and returns the line the notebook greets with.
     *
     * @return the greeting
     */
    public static synchronized String start() {
        checkCount = 0;
        checkFailures = 0;
        return "tipmonitor " + Provenance.currentLibraryVersion() + ": data() is the bundled synthetic sample (read"
                + " and validated on first use); ned() the Dutch six-list table; show(x) prints a result whole.";
    }

    /**
     * The bundled synthetic sample (no real person): victims 2014-2018, offender cases 2013-2017, read and validated
     * by {@link MonitorData#sample()} on the first call and kept for the later ones.
     *
     * @return the data
     */
    public static synchronized MonitorData data() {
        if (sample == null) {
            sample = MonitorData.sample();
        }
        return sample;
    }

    /**
     * The Dutch six-list table 2010-2015 (Silverman 2020, Table 2; SparseMSE's {@code Ned}), bundled on the class
     * path.
     *
     * @return the table
     */
    public static CaptureHistories ned() {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(Notebook.class.getResourceAsStream(NED),
                "the bundled table is missing"), StandardCharsets.UTF_8)) {
            return CaptureHistories.fromCsv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints a heading, underlined.
     *
     * @param title the heading
     */
    public static void heading(String title) {
        System.out.println();
        System.out.println(title);
        System.out.println("-".repeat(title.length()));
    }

    /**
     * Prints values, one after the other (their toString: result types print as tables).
     *
     * @param values the values
     */
    public static void show(Object... values) {
        for (Object value : values) {
            System.out.println(value);
        }
    }

    /**
     * Prints rows as an aligned table: the first column left-aligned, the others right-aligned; a {@code Double}
     * with one decimal and thousands separators.
     *
     * @param header the column names
     * @param rows   the rows, each as long as the header
     */
    public static void table(List<String> header, List<List<?>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        rows.forEach(row -> cells.add(row.stream().map(v -> v instanceof Double d
                ? String.format(Locale.ROOT, "%,.1f", d) : String.valueOf(v)).toList()));
        int[] widths = new int[header.size()];
        cells.forEach(row -> {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        });
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.size(); c++) {
                line.append(c == 0 ? String.format("%-" + widths[c] + "s", row.get(c))
                        : String.format("  %" + widths[c] + "s", row.get(c)));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    /**
     * A share as a percentage with one decimal, e.g. "26.5%".
     *
     * @param share the share, 0 to 1
     * @return the percentage
     */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /**
     * Checks a key result: prints "ok" or "FAILED" and, when it fails, throws so that the chapter fails.
     *
     * @param what what is checked
     * @param ok   whether it holds
     * @throws AssertionError if it does not hold
     */
    public static synchronized void check(String what, boolean ok) {
        checkCount++;
        System.out.println((ok ? "  ok      " : "  FAILED  ") + what);
        if (!ok) {
            checkFailures++;
            throw new AssertionError("check failed: " + what);
        }
    }

    /**
     * Checks a number against a reference value within a relative tolerance: |actual - expected| <= |expected| *
     * relativeTolerance.
     *
     * @param what              what is checked
     * @param expected          the reference value
     * @param actual            the value found
     * @param relativeTolerance the tolerance relative to the reference
     * @throws AssertionError if the value is outside the tolerance
     */
    public static void checkClose(String what, double expected, double actual, double relativeTolerance) {
        check(String.format(Locale.ROOT, "%s: %,.6f (reference %,.6f, rel. tol. %.0e)", what, actual, expected,
                relativeTolerance), Math.abs(actual - expected) <= Math.abs(expected) * relativeTolerance);
    }

    /**
     * Checks a count against an independent count.
     *
     * @param what     what is checked
     * @param expected the independent count
     * @param actual   the count found
     * @throws AssertionError if they differ
     */
    public static void checkEquals(String what, long expected, long actual) {
        check(String.format(Locale.ROOT, "%s: %,d (expected %,d)", what, actual, expected), expected == actual);
    }

    /**
     * The number of failed checks since {@link #start()}: a chapter ends with {@code /exit failures()}, so that its
     * exit status tells.
     *
     * @return the number of failed checks
     */
    public static synchronized int failures() {
        return checkFailures;
    }

    /**
     * Ends a chapter: prints its closing line "CHAPTER PASSED: name (n checks)".
     *
     * @param chapter the chapter's name
     * @throws AssertionError if a check failed since {@link #start()}
     */
    public static synchronized void finish(String chapter) {
        if (checkFailures > 0) {
            throw new AssertionError("CHAPTER FAILED: " + chapter + ", " + checkFailures + " of " + checkCount
                    + " checks failed");
        }
        System.out.println();
        System.out.println("CHAPTER PASSED: " + chapter + " (" + checkCount + " checks)");
    }
}
