package org.tipmonitor.model;

/**
 * A measure (maatregel) imposed beside or instead of a penalty.
 */
public enum SentenceMeasure implements CodeList {

    /** No measure (geen maatregel). */
    NONE("none", "None", "geen"),
    /** Hospital order (terbeschikkingstelling, tbs). */
    HOSPITAL_ORDER("hospital_order", "Hospital order", "terbeschikkingstelling"),
    /** Placement in an institution for persistent offenders (ISD-maatregel). */
    PERSISTENT_OFFENDER("persistent_offender", "Persistent offender order", "ISD-maatregel"),
    /** Deprivation of illegally obtained gains (ontnemingsmaatregel). */
    CONFISCATION("confiscation", "Confiscation of proceeds", "ontnemingsmaatregel"),
    /** Another measure (andere maatregel). */
    OTHER("other", "Other measure", "andere maatregel"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    SentenceMeasure(String code, String label, String dutchTerm) {
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
