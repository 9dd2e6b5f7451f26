package org.tipmonitor.model;

/**
 * Sex of a victim or offender as registered (geslacht).
 */
public enum Sex implements CodeList {

    /** Female (vrouw). */
    FEMALE("female", "Female", "vrouw"),
    /** Male (man). */
    MALE("male", "Male", "man"),
    /** Not registered or not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    Sex(String code, String label, String dutchTerm) {
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
