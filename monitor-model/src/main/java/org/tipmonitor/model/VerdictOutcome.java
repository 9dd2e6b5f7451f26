package org.tipmonitor.model;

/**
 * Outcome of the first-instance trial of a summoned suspect.
 */
public enum VerdictOutcome implements CodeList {

    /** Convicted (veroordeeld). */
    CONVICTED("convicted", "Convicted", "veroordeeld"),
    /** Acquitted (vrijgesproken). */
    ACQUITTED("acquitted", "Acquitted", "vrijspraak"),
    /** Discharged from further prosecution (ontslag van alle rechtsvervolging). */
    DISCHARGED("discharged", "Discharged", "ontslag van alle rechtsvervolging"),
    /** Summoned, no verdict yet (nog geen uitspraak). */
    PENDING("pending", "Pending", "nog geen uitspraak"),
    /** No trial, because the suspect was not summoned (niet van toepassing). */
    NOT_APPLICABLE("not_applicable", "Not applicable", "niet van toepassing"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    VerdictOutcome(String code, String label, String dutchTerm) {
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
     * Whether a court has ruled (convicted, acquitted or discharged).
     *
     * @return true for a verdict
     */
    public boolean isVerdict() {
        return this == CONVICTED || this == ACQUITTED || this == DISCHARGED;
    }
}
