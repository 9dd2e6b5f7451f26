package org.tipmonitor.io;

import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.model.RuleException;

/**
 * The one unchecked exception of monitor-io. Its message starts with a stable code listed in {@link IoRule}. A
 * fail-fast read throws it at the first problem with code {@link IoRule#REJECTED}, carrying the
 * {@linkplain #report() report} that names the problem, its location and its own rule code.
 *
 * <p>Messages never repeat a person key, a record identifier, a rejected string value or a pseudonymisation key.
 */
public final class ExchangeException extends RuntimeException implements RuleException {

    private static final long serialVersionUID = 1L;

    private final IoRule rule;
    private final transient ValidationReport report;

    /**
     * An exception for a broken rule.
     *
     * @param rule    the rule
     * @param message the message after the code, naming the type, the token and the location where known
     */
    public ExchangeException(IoRule rule, String message) {
        this(rule, message, null, null);
    }

    /**
     * An exception for a broken rule with its cause.
     *
     * @param rule    the rule
     * @param message the message after the code
     * @param cause   the cause
     */
    public ExchangeException(IoRule rule, String message, Throwable cause) {
        this(rule, message, null, cause);
    }

    /**
     * The exception of a fail-fast read: the input was rejected.
     *
     * @param report the report of the read up to the first problem
     */
    public ExchangeException(ValidationReport report) {
        this(IoRule.REJECTED, firstProblem(report), report, null);
    }

    private ExchangeException(IoRule rule, String message, ValidationReport report, Throwable cause) {
        super(Objects.requireNonNull(rule, "rule").code() + ": " + message, cause);
        this.rule = rule;
        this.report = report;
    }

    /**
     * An exception that carries the report of the read it ends.
     *
     * @param rule    the rule
     * @param message the message after the code
     * @param report  the report
     * @return the exception
     */
    static ExchangeException withReport(IoRule rule, String message, ValidationReport report) {
        return new ExchangeException(rule, message, Objects.requireNonNull(report, "report"), null);
    }

    private static String firstProblem(ValidationReport report) {
        Objects.requireNonNull(report, "report");
        return report.problems().isEmpty() ? "input rejected"
                : "input rejected at the first problem: " + report.problems().get(0);
    }

    /**
     * The rule broken.
     *
     * @return the rule
     */
    @Override
    public IoRule rule() {
        return rule;
    }

    /**
     * The rule's code, e.g. {@code "TM-IO-0054"}.
     *
     * @return the code
     */
    @Override
    public String code() {
        return rule.code();
    }

    /**
     * The report of a fail-fast read, or of a read that gave no {@link MonitorData} (an input not read to its end,
     * or without valid dataset metadata).
     *
     * @return the report, or empty when the exception does not come from reading
     */
    public Optional<ValidationReport> report() {
        return Optional.ofNullable(report);
    }
}
