package org.tipmonitor.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on standard error for long work, shown only when standard error is a terminal (a console is
 * attached), at most four times a second, and erased when the work ends.
 */
final class Progress implements AutoCloseable {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintStream err;
    private final String what;
    private final boolean shown;
    private long last;
    private boolean printed;

    private Progress(PrintStream err, String what, boolean shown) {
        this.err = err;
        this.what = what;
        this.shown = shown;
    }

    /**
     * Progress of some work, shown if standard error is a terminal.
     *
     * @param err  standard error
     * @param what what is counted, e.g. {@code "victims written"}
     * @return the progress
     */
    static Progress of(PrintStream err, String what) {
        return new Progress(err, what, System.console() != null);
    }

    /**
     * Reports the count done so far, and the total if known (non-positive when not).
     *
     * @param done  the count done
     * @param total the total, or 0
     */
    void update(long done, long total) {
        if (!shown) {
            return;
        }
        long now = System.nanoTime();
        if (printed && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        printed = true;
        err.print(total > 0
                ? String.format(Locale.ROOT, "\r%s: %,d of %,d (%.0f%%)   ", what, done, total, 100.0 * done / total)
                : String.format(Locale.ROOT, "\r%s: %,d   ", what, done));
        err.flush();
    }

    @Override
    public void close() {
        if (printed) {
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }
    }
}
