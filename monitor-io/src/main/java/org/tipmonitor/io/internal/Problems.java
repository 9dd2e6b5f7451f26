package org.tipmonitor.io.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.io.Problem;
import org.tipmonitor.io.RecordCounts;
import org.tipmonitor.io.RecordKind;
import org.tipmonitor.io.ValidationReport;

/**
 * Collects the problems and counts of one read: keeps the first {@code limit} problems, counts the rest, and in
 * fail-fast mode stops the read at the first problem. Not thread-safe; one per read. Not part of the API.
 */
public final class Problems {

    /** Thrown to stop a fail-fast read at its first problem; caught by the reader that owns the collector. */
    public static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("fail-fast stop", null, false, false);
        }
    }

    private final int limit;
    private final boolean failFast;
    private final List<Problem> kept = new ArrayList<>();
    private long omitted;
    private final long[] accepted = new long[RecordKind.values().length];
    private final long[] rejected = new long[RecordKind.values().length];

    /**
     * A collector.
     *
     * @param limit    the number of problems kept
     * @param failFast whether the first problem stops the read
     */
    public Problems(int limit, boolean failFast) {
        this.limit = limit;
        this.failFast = failFast;
    }

    /**
     * Adds a problem.
     *
     * @param problem the problem
     * @throws Stop in fail-fast mode
     */
    public void add(Problem problem) {
        if (kept.size() < limit) {
            kept.add(problem);
        } else {
            omitted++;
        }
        if (failFast) {
            throw new Stop();
        }
    }

    /**
     * Adds a problem of an io rule.
     *
     * @param kind    what it is about
     * @param index   the record index or -1
     * @param pointer the JSON Pointer
     * @param line    the line or -1
     * @param column  the column or -1
     * @param rule    the rule
     * @param message the message after the code
     */
    public void add(RecordKind kind, long index, String pointer, long line, long column, IoRule rule,
                    String message) {
        add(new Problem(kind, index, pointer, line, column, rule.code(), rule.code() + ": " + message));
    }

    /**
     * A collector that keeps every problem, in order, and never stops, for {@link #takeKept()}: the pipelined read's
     * parsing thread records its problems in one, and the checking thread adds them to the read's collector in file
     * order.
     *
     * @return the collector
     */
    static Problems recording() {
        return new Problems(Integer.MAX_VALUE, false);
    }

    /**
     * The problems kept since the last call, in order, which this collector then forgets.
     *
     * @return the problems, or null if none
     */
    List<Problem> takeKept() {
        if (kept.isEmpty()) {
            return null;
        }
        List<Problem> taken = new ArrayList<>(kept);
        kept.clear();
        return taken;
    }

    /**
     * Adds another collector's counts of accepted and rejected records to this one's.
     *
     * @param other the other collector
     */
    void addCounts(Problems other) {
        for (int i = 0; i < accepted.length; i++) {
            accepted[i] += other.accepted[i];
            rejected[i] += other.rejected[i];
        }
    }

    /**
     * Counts a record as accepted.
     *
     * @param kind the kind
     */
    public void accepted(RecordKind kind) {
        accepted[kind.ordinal()]++;
    }

    /**
     * Counts a record as rejected.
     *
     * @param kind the kind
     */
    public void rejected(RecordKind kind) {
        rejected[kind.ordinal()]++;
    }

    /**
     * The number of problems found so far.
     *
     * @return kept plus omitted
     */
    public long count() {
        return kept.size() + omitted;
    }

    /**
     * The report of the read so far.
     *
     * @param complete whether the whole input was read
     * @return the report
     */
    public ValidationReport report(boolean complete) {
        Map<RecordKind, RecordCounts> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            if (kind.isRecord()) {
                long a = accepted[kind.ordinal()];
                long r = rejected[kind.ordinal()];
                counts.put(kind, new RecordCounts(a + r, a, r));
            }
        }
        return ValidationReport.of(kept, counts, omitted, complete);
    }
}
