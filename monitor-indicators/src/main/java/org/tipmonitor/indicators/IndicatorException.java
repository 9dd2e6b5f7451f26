package org.tipmonitor.indicators;

/**
 * The one unchecked exception of monitor-indicators: a caller passed arguments that no calculation accepts
 * (for example fewer than two lists, a confidence level outside (0, 1), a negative count).
 *
 * <p>Outcomes that depend on the data rather than on a programming error, such as an estimate that does not
 * exist for the given table, are not exceptions: they are typed results. The message states the rule broken and
 * the offending value, e.g. {@code "Number of lists is less than 2: 1"}.
 */
public final class IndicatorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that states the rule and the value.
     *
     * @param message the rule broken and the offending value
     */
    public IndicatorException(String message) {
        super(message);
    }

    /**
     * Creates an exception from a message template and its arguments ({@link String#format} syntax).
     *
     * @param template a constant template such as {@code "Number of lists is less than 2: %d"}
     * @param args     the offending values
     * @return the exception, for the caller to throw
     */
    public static IndicatorException of(String template, Object... args) {
        return new IndicatorException(String.format(java.util.Locale.ROOT, template, args));
    }
}
