// tipmonitor's JShell notebook: imports, the bundled data and a few helpers.
// Open it with   bash examples/jshell.sh            (interactive, this file loaded)
// or run chapters bash examples/jshell.sh --all      (01-records, 02-indicators, 03-estimates)
//
// Results print as aligned tables: type a variable's name to see it (e.g. `ned()`). JShell cuts a value longer
// than 1,000 characters in its feedback; show(value) prints it whole.

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.stream.*;
import org.tipmonitor.model.*;
import org.tipmonitor.io.*;
import org.tipmonitor.indicators.*;
import org.tipmonitor.indicators.tables.*;
import org.tipmonitor.indicators.disclosure.*;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.trends.*;
import org.tipmonitor.indicators.victims.*;
import org.tipmonitor.indicators.offenders.*;
import org.tipmonitor.indicators.police.*;
import org.tipmonitor.indicators.estimation.*;
import org.tipmonitor.indicators.estimation.data.*;
import org.tipmonitor.indicators.estimation.model.*;
import org.tipmonitor.indicators.estimation.fit.*;
import org.tipmonitor.indicators.estimation.selection.*;
import org.tipmonitor.indicators.estimation.bootstrap.*;
import org.tipmonitor.examples.report.*;
import org.tipmonitor.examples.synthetic.*;

/** The bundled synthetic sample (no real person): victims 2014-2018, offender cases 2013-2017. */
MonitorData data = MonitorData.sample();

/** The registration years of the victim data. */
YearRange years = YearRange.of(SyntheticMonitorData.FIRST_YEAR, SyntheticMonitorData.LAST_YEAR);

/** The Dutch six-list table 2010-2015 (Silverman 2020, Table 2; SparseMSE's Ned), bundled on the class path. */
CaptureHistories ned() {
    try (Reader in = new InputStreamReader(MonitorData.class.getResourceAsStream(
            "/org/tipmonitor/examples/data/ned-2010-2015.csv"), StandardCharsets.UTF_8)) {
        return CaptureHistories.fromCsv(in);
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
}

/** Prints a heading. */
void heading(String title) {
    System.out.println();
    System.out.println(title);
    System.out.println("-".repeat(title.length()));
}

/** Prints values, one after the other (their toString: result types print as tables). */
void show(Object... values) {
    for (Object value : values) {
        System.out.println(value);
    }
}

/** Prints rows as an aligned table: the first column left-aligned, the others right-aligned. */
void table(List<String> header, List<List<?>> rows) {
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

/** A share as a percentage, e.g. "26.5%". */
String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
}

/** The number of checks in this session, and of failed ones. */
int checkCount = 0;
int checkFailures = 0;

/** Checks a key result: prints "ok" or "FAILED" and, when it fails, throws so that the chapter fails. */
void check(String what, boolean ok) {
    checkCount++;
    System.out.println((ok ? "  ok      " : "  FAILED  ") + what);
    if (!ok) {
        checkFailures++;
        throw new AssertionError("check failed: " + what);
    }
}

/** Checks a number against a reference value within a relative tolerance. */
void checkClose(String what, double expected, double actual, double relativeTolerance) {
    check(String.format(Locale.ROOT, "%s: %,.6f (reference %,.6f, rel. tol. %.0e)", what, actual, expected,
            relativeTolerance), Math.abs(actual - expected) <= Math.abs(expected) * relativeTolerance);
}

/** Checks a count against an independent count. */
void checkEquals(String what, long expected, long actual) {
    check(String.format(Locale.ROOT, "%s: %,d (expected %,d)", what, actual, expected), expected == actual);
}

/** The number of failed checks: a chapter ends with /exit failures(), so that its exit status tells. */
int failures() {
    return checkFailures;
}

/** Ends a chapter: prints its closing line, or throws when a check failed. */
void finish(String chapter) {
    if (checkFailures > 0) {
        throw new AssertionError("CHAPTER FAILED: " + chapter + ", " + checkFailures + " of " + checkCount
                + " checks failed");
    }
    System.out.println();
    System.out.println("CHAPTER PASSED: " + chapter + " (" + checkCount + " checks)");
}

System.out.printf(Locale.ROOT, "tipmonitor %s: `data` holds the bundled synthetic sample (%,d victims,"
        + " %,d registrations, %,d offenders); `ned()` the Dutch six-list table; show(x) prints a result whole.%n",
        Provenance.currentLibraryVersion(), data.victims().size(), data.registrations().size(),
        data.offenders().size());
