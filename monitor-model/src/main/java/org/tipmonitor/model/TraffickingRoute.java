package org.tipmonitor.model;

/**
 * Whether recruitment and exploitation took place within the Netherlands or across a border. This is a
 * dimension of its own: it is not derived from nationality.
 */
public enum TraffickingRoute implements CodeList {

    /** Recruited and exploited within the Netherlands (binnenlands). */
    DOMESTIC("domestic", "Domestic", "binnenlands"),
    /** Recruited or moved across a border (grensoverschrijdend). */
    CROSS_BORDER("cross_border", "Cross-border", "grensoverschrijdend"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    TraffickingRoute(String code, String label, String dutchTerm) {
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
}
