package org.tipmonitor.indicators.disclosure;

import java.util.Locale;
import org.tipmonitor.indicators.IndicatorException;

/**
 * The rules disclosure control enforces on its input, each with a stable code ({@code TM-DC-nnnn}) that starts the
 * message of the {@link IndicatorException} it raises. Messages name tables, cells and facts, never a value of a
 * withheld cell.
 */
public enum DisclosureRule {

    /** The suppression threshold t is below 1. */
    THRESHOLD_BELOW_ONE("TM-DC-0001", "Suppression threshold is less than 1: %d"),
    /** The protection margin p is below 1. */
    MARGIN_BELOW_ONE("TM-DC-0002", "Protection margin is less than 1: %d"),
    /** The clean-up limit of secondary suppression is negative. */
    CLEAN_UP_LIMIT("TM-DC-0003", "Clean-up limit is negative: %d"),
    /** A table name is used twice in a linked set, or is blank. */
    TABLE_NAME("TM-DC-0010", "Table name is blank or used twice in the linked set: '%s'"),
    /** A cell reference names no table of the set. */
    UNKNOWN_TABLE("TM-DC-0011", "%s names no table of the linked set: '%s'"),
    /** Tables linked by a shared dimension lack it or disagree on its categories. */
    DIMENSION_MISMATCH("TM-DC-0012", "Tables '%s' and '%s' do not share dimension '%s' with the same categories"),
    /** The cells of a link disagree in the source tables. */
    LINK_DISAGREES("TM-DC-0013", "Linked tables disagree: %s is not the sum of %s"),
    /** A stated fact has a negative or fractional count, or an empty or inverted range. */
    FACT_VALUE("TM-DC-0020", "Stated fact '%s' has an invalid value: %s"),
    /** A stated fact is not true of the published values, or the published values admit no table. */
    INCONSISTENT("TM-DC-0021", "Published values and stated facts admit no nonnegative table: %s"),
    /** The base of controlled rounding is below 2. */
    ROUNDING_BASE("TM-DC-0030", "Controlled rounding base is less than 2: %d"),
    /** Controlled rounding was asked of a table it does not apply to (rank above 2, or not additive). */
    ROUNDING_TABLE("TM-DC-0031", "Controlled rounding needs an additive table of rank 1 or 2: %s"),
    /** The solver returned a fractional vertex, so no controlled rounding was found (not expected: see the class). */
    ROUNDING_FRACTIONAL("TM-DC-0032", "Controlled rounding solver returned a fractional solution: %s");

    private final String code;
    private final String template;

    DisclosureRule(String code, String template) {
        this.code = code;
        this.template = template;
    }

    /**
     * The stable code.
     *
     * @return e.g. {@code "TM-DC-0013"}
     */
    public String code() {
        return code;
    }

    /** The exception for this rule: "code: message". */
    IndicatorException exception(Object... args) {
        return new IndicatorException(code + ": " + String.format(Locale.ROOT, template, args));
    }
}
