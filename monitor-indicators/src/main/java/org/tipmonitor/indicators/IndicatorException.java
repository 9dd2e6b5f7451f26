package org.tipmonitor.indicators;

import java.util.Locale;
import java.util.Objects;
import org.tipmonitor.model.RuleException;

/**
 * The one unchecked exception of monitor-indicators: a caller passed arguments that no calculation accepts
 * (for example fewer than two lists, a confidence level outside (0, 1), a negative count), or input (a counts CSV,
 * a model formula) that breaks a rule.
 *
 * <p>Every exception carries the {@link IndicatorRule} it broke ({@link #rule()}, {@link #code()}); its message is
 * the code, a colon and the rule's template filled with the offending values, e.g.
 * {@code "TM-MSE-101: Number of lists is not between 2 and 12: 1"}. A caller decides from the rule, never from
 * the message text.
 *
 * <p>Outcomes that depend on the data rather than on a programming error, such as an estimate that does not
 * exist for the given table, are not exceptions: they are typed results.
 */
public final class IndicatorException extends IllegalArgumentException implements RuleException {

    private static final long serialVersionUID = 2L;

    private final IndicatorRule rule;
    private final String detail;

    /**
     * An exception for a broken rule: the rule's template filled with the offending values.
     *
     * @param rule the rule
     * @param args the offending values, in the order of the template's placeholders
     * @throws NullPointerException if rule is null
     */
    public IndicatorException(IndicatorRule rule, Object... args) {
        this(rule, String.format(Locale.ROOT, Objects.requireNonNull(rule, "rule").template(), args), true);
    }

    private IndicatorException(IndicatorRule rule, String detail, boolean marker) {
        super(rule.code() + ": " + detail);
        this.rule = rule;
        this.detail = detail;
    }

    /**
     * The exception for a broken rule, for the caller to throw.
     *
     * @param rule the rule
     * @param args the offending values
     * @return the exception
     * @throws NullPointerException if rule is null
     */
    public static IndicatorException of(IndicatorRule rule, Object... args) {
        return new IndicatorException(rule, args);
    }

    /**
     * The same rule and detail, located: {@code "TM-MSE-517: Line 4: Count is negative: -1"}.
     *
     * @param where where the value was read, e.g. {@code "Line 4"}
     * @return a new exception with the same rule
     */
    public IndicatorException at(String where) {
        return new IndicatorException(rule, where + ": " + detail, true);
    }

    /**
     * The rule broken.
     *
     * @return the rule
     */
    @Override
    public IndicatorRule rule() {
        return rule;
    }

    /**
     * The message after the code: the rule's template filled with the offending values.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }
}
