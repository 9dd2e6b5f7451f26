package org.tipmonitor.model;

/**
 * A rule of the library with a stable code, the shape shared by the rule enums of the three library modules:
 * {@link ModelRule} ({@code TM-M-nnn}), {@code org.tipmonitor.io.IoRule} ({@code TM-IO-nnnn}) and
 * {@code org.tipmonitor.indicators.IndicatorRule} ({@code TM-IN-nnnn}, {@code TM-MSE-nnn}, {@code TM-DC-nnnn}).
 *
 * <p>A code is stable: once published it keeps its meaning, and a rule that is dropped leaves its code unused. Each
 * module's exception carries the rule it broke ({@link RuleException#rule()}), so a caller decides what to do from
 * the rule, never from the text of a message.
 */
public interface Rule {

    /**
     * The stable code, e.g. {@code "TM-M-010"}, {@code "TM-IO-0054"} or {@code "TM-MSE-540"}.
     *
     * @return the code
     */
    String code();

    /**
     * A one-line English description of the rule, without the offending value.
     *
     * @return the description
     */
    String description();

    /**
     * The constant's name in its enum, e.g. {@code "LEGAL_BASIS_AFTER_GDPR"} (every implementation is an enum).
     *
     * @return the name
     */
    String name();
}
