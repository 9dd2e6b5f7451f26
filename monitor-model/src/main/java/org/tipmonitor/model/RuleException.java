package org.tipmonitor.model;

/**
 * The one exception shape of the library: {@link ModelException}, {@code org.tipmonitor.io.ExchangeException} and
 * {@code org.tipmonitor.indicators.IndicatorException} each implement it and carry the {@link Rule} they broke. A
 * caller handles all three alike:
 *
 * <pre>{@code
 * try {
 *     run();
 * } catch (RuntimeException e) {
 *     if (e instanceof RuleException coded) {
 *         report(coded.code(), coded.rule().description());
 *     }
 *     throw e;
 * }
 * }</pre>
 *
 * <p>The message of such an exception starts with the code and a colon, then states the rule broken and the
 * offending value (never a value that could identify a person).
 */
public interface RuleException {

    /**
     * The rule broken.
     *
     * @return the rule
     */
    Rule rule();

    /**
     * The rule's stable code.
     *
     * @return e.g. {@code "TM-IN-0003"}
     */
    default String code() {
        return rule().code();
    }
}
