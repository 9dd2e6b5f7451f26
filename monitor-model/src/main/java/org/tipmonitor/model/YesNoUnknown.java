package org.tipmonitor.model;

/**
 * A yes/no answer with an explicit unknown, e.g. whether a police report (aangifte) was filed.
 */
public enum YesNoUnknown implements CodeList {

    /** Yes (ja). */
    YES("yes", "Yes", "ja"),
    /** No (nee). */
    NO("no", "No", "nee"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    YesNoUnknown(String code, String label, String dutchTerm) {
        this.code = code;
        this.label = label;
        this.dutchTerm = dutchTerm;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String dutchTerm() {
        return dutchTerm;
    }

    /**
     * The answer for a known boolean.
     *
     * @param value the boolean
     * @return {@link #YES} or {@link #NO}
     */
    public static YesNoUnknown of(boolean value) {
        return value ? YES : NO;
    }
}
