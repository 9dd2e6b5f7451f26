package org.tipmonitor.model;

/** The implementation status of a programme measure, effective from a date ({@link StatusChange}). */
public enum MeasureStatus implements CodeList {

    /** Announced or planned, not started (gepland). */
    PLANNED("planned", "Planned", "gepland"),
    /** Implementation has started (gestart). */
    STARTED("started", "Started", "gestart"),
    /** Partly implemented, or not fully or not sustainably implemented (gedeeltelijk geïmplementeerd). */
    PARTLY_IMPLEMENTED("partly_implemented", "Partly implemented", "gedeeltelijk geïmplementeerd"),
    /** Fully implemented (geïmplementeerd). */
    IMPLEMENTED("implemented", "Implemented", "geïmplementeerd"),
    /** Dropped (vervallen). */
    DROPPED("dropped", "Dropped", "vervallen");

    private final String code;
    private final String label;
    private final String dutchTerm;

    MeasureStatus(String code, String label, String dutchTerm) {
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
     * Whether implementation has begun: started, partly implemented or implemented.
     *
     * @return true for those
     */
    public boolean isUnderway() {
        return this == STARTED || this == PARTLY_IMPLEMENTED || this == IMPLEMENTED;
    }
}
