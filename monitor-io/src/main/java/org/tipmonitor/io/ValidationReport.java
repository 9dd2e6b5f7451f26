package org.tipmonitor.io;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.io.internal.Jackson;

/**
 * The outcome of reading or validating an input: the problems found, in the order found, and per kind of record
 * how many were read, accepted and rejected.
 *
 * <p>The counts always reconcile ({@code read == accepted + rejected} for every kind). Only the first
 * {@linkplain ExchangeReader#withErrorLimit(int) error limit} problems are kept; {@link #omittedProblems()}
 * counts the rest, and reading goes on so that the counts stay complete. A read that stopped early (a fatal
 * syntax error, or the first problem of a fail-fast read) is not {@linkplain #isComplete() complete}: its counts
 * cover the records read until then.
 *
 * <p>Renderings: {@link #toText()} for people, {@link #toJson()} for other systems. Neither repeats a person key,
 * a record identifier or a rejected string value.
 */
public final class ValidationReport {

    private final List<Problem> problems;
    private final Map<RecordKind, RecordCounts> counts;
    private final long omittedProblems;
    private final boolean complete;

    private ValidationReport(List<Problem> problems, Map<RecordKind, RecordCounts> counts, long omittedProblems,
                             boolean complete) {
        this.problems = problems;
        this.counts = counts;
        this.omittedProblems = omittedProblems;
        this.complete = complete;
    }

    /**
     * A report.
     *
     * @param problems        the problems kept, in the order found
     * @param counts          the counts of the record kinds; kinds not given count zero
     * @param omittedProblems problems found beyond the error limit
     * @param complete        whether the whole input was read
     * @return the report
     * @throws NullPointerException if a list, map, element or value is null
     * @throws ExchangeException    if counts are given for {@link RecordKind#FILE} or {@link RecordKind#DATASET},
     *                              or {@code omittedProblems} is negative
     */
    public static ValidationReport of(List<Problem> problems, Map<RecordKind, RecordCounts> counts,
                                      long omittedProblems, boolean complete) {
        List<Problem> copy = List.copyOf(problems);
        EnumMap<RecordKind, RecordCounts> all = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            if (kind.isRecord()) {
                all.put(kind, RecordCounts.NONE);
            }
        }
        for (Map.Entry<RecordKind, RecordCounts> entry : counts.entrySet()) {
            if (!Objects.requireNonNull(entry.getKey(), "kind").isRecord()) {
                throw new ExchangeException(IoRule.INVALID_ARGUMENT, "only records are counted, not " + entry.getKey());
            }
            all.put(entry.getKey(), Objects.requireNonNull(entry.getValue(), "counts"));
        }
        if (omittedProblems < 0) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "omitted problems must not be negative: "
                    + omittedProblems);
        }
        return new ValidationReport(copy, java.util.Collections.unmodifiableMap(all), omittedProblems, complete);
    }

    /**
     * The problems kept, in the order found.
     *
     * @return the problems (unmodifiable)
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The counts of one kind of record.
     *
     * @param kind a record kind ({@link RecordKind#isRecord()})
     * @return the counts; {@link RecordCounts#NONE} for the file and the dataset
     */
    public RecordCounts counts(RecordKind kind) {
        return counts.getOrDefault(Objects.requireNonNull(kind, "kind"), RecordCounts.NONE);
    }

    /**
     * The counts of every record kind, in the order of the file.
     *
     * @return the counts (unmodifiable)
     */
    public Map<RecordKind, RecordCounts> counts() {
        return counts;
    }

    /**
     * The number of problems found beyond the error limit, which are counted but not kept.
     *
     * @return the number omitted
     */
    public long omittedProblems() {
        return omittedProblems;
    }

    /**
     * The number of problems found, kept or omitted.
     *
     * @return the total
     */
    public long problemCount() {
        return problems.size() + omittedProblems;
    }

    /**
     * Whether the whole input was read.
     *
     * @return false when reading stopped at a fatal error or at the first problem of a fail-fast read
     */
    public boolean isComplete() {
        return complete;
    }

    /**
     * Whether the input passed every check.
     *
     * @return true when it was read completely and no problem was found
     */
    public boolean isValid() {
        return complete && problemCount() == 0;
    }

    /**
     * The rule codes of the problems kept, in the order found.
     *
     * @return the codes
     */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(problems.size());
        for (Problem problem : problems) {
            codes.add(problem.code());
        }
        return codes;
    }

    /**
     * The report for people: a summary line, one line per kind with its counts, and one line per problem.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(isValid() ? "valid" : "invalid").append(": ").append(problemCount()).append(" problem")
                .append(problemCount() == 1 ? "" : "s");
        if (omittedProblems > 0) {
            text.append(" (").append(omittedProblems).append(" beyond the error limit not shown)");
        }
        if (!complete) {
            text.append("; reading stopped early");
        }
        text.append('\n');
        for (Map.Entry<RecordKind, RecordCounts> entry : counts.entrySet()) {
            RecordCounts c = entry.getValue();
            text.append(String.format("%-14s read %d, accepted %d, rejected %d%n", entry.getKey().property(),
                    c.read(), c.accepted(), c.rejected()).replace(System.lineSeparator(), "\n"));
        }
        for (Problem problem : problems) {
            text.append(problem).append('\n');
        }
        return text.toString();
    }

    /**
     * The report for other systems, as a JSON object with {@code valid}, {@code complete}, {@code counts} (per
     * kind: {@code read}, {@code accepted}, {@code rejected}), {@code problems} (each with {@code kind},
     * {@code index}, {@code pointer}, {@code line}, {@code column}, {@code code}, {@code message}) and
     * {@code omittedProblems}.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("valid", isValid());
        root.put("complete", complete);
        Map<String, Object> countsJson = new LinkedHashMap<>();
        for (Map.Entry<RecordKind, RecordCounts> entry : counts.entrySet()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("read", entry.getValue().read());
            c.put("accepted", entry.getValue().accepted());
            c.put("rejected", entry.getValue().rejected());
            countsJson.put(entry.getKey().property(), c);
        }
        root.put("counts", countsJson);
        List<Object> problemsJson = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", problem.kind().code());
            p.put("index", problem.index());
            p.put("pointer", problem.pointer());
            p.put("line", problem.line());
            p.put("column", problem.column());
            p.put("code", problem.code());
            p.put("message", problem.message());
            problemsJson.add(p);
        }
        root.put("problems", problemsJson);
        root.put("omittedProblems", omittedProblems);
        StringWriter out = new StringWriter();
        try {
            Jackson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, root);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot render the report as JSON", e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "ValidationReport[" + (isValid() ? "valid" : "invalid") + ", " + problemCount() + " problems, "
                + counts + "]";
    }
}
