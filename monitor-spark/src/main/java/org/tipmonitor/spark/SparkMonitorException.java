package org.tipmonitor.spark;

import java.util.Objects;

/**
 * The one unchecked exception of monitor-spark. Its message starts with a stable code listed in {@link SparkRule}
 * and names the source and column; it never repeats a key, an identifier or another value of a row.
 */
public final class SparkMonitorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SparkRule rule;

    /**
     * An exception for a broken rule.
     *
     * @param rule    the rule
     * @param message the message after the code, naming the source and column where known
     */
    public SparkMonitorException(SparkRule rule, String message) {
        this(rule, message, null);
    }

    /**
     * An exception for a broken rule with its cause.
     *
     * @param rule    the rule
     * @param message the message after the code
     * @param cause   the cause
     */
    public SparkMonitorException(SparkRule rule, String message, Throwable cause) {
        super(Objects.requireNonNull(rule, "rule").code() + ": " + message, cause);
        this.rule = rule;
    }

    /**
     * The broken rule.
     *
     * @return the rule
     */
    public SparkRule rule() {
        return rule;
    }
}
