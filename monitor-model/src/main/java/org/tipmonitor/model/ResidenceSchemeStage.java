package org.tipmonitor.model;

/**
 * Stage of the residence scheme for victims of trafficking, chapter B8/3 of the Aliens Circular 2000
 * (Vreemdelingencirculaire; formerly B9), at the time of the registration.
 */
public enum ResidenceSchemeStage implements CodeList {

    /** Reflection period of up to three months, 30 days for Dublin claimants since 2023 (bedenktijd). */
    REFLECTION_PERIOD("reflection_period", "Reflection period", "bedenktijd"),
    /** Temporary residence permit as a victim (verblijfsvergunning als slachtoffer). */
    TEMPORARY_PERMIT_VICTIM("temporary_permit_victim", "Temporary permit as victim",
            "tijdelijke verblijfsvergunning slachtoffer"),
    /** Temporary residence permit as a witness-reporter (getuige-aangever). */
    TEMPORARY_PERMIT_WITNESS("temporary_permit_witness", "Temporary permit as witness-reporter",
            "tijdelijke verblijfsvergunning getuige-aangever"),
    /** Continued residence after the temporary permit, formerly B16/7 (voortgezet verblijf). */
    CONTINUED_RESIDENCE("continued_residence", "Continued residence", "voortgezet verblijf"),
    /** Not in the scheme, e.g. a Dutch or EU national (geen). */
    NONE("none", "None", "geen"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    ResidenceSchemeStage(String code, String label, String dutchTerm) {
        this.code = code;
        this.label = label;
        this.dutchTerm = dutchTerm;
    }

    /**
     * Whether the stage is one of the scheme's own: the reflection period, a temporary permit or continued
     * residence.
     *
     * @return true for those; false for none and unknown
     */
    public boolean isInScheme() {
        return this == REFLECTION_PERIOD || this == TEMPORARY_PERMIT_VICTIM || this == TEMPORARY_PERMIT_WITNESS
                || this == CONTINUED_RESIDENCE;
    }

    /**
     * Whether a stage history ends with this stage when it follows the given history: continued residence always
     * (the end of the B8/3 path), none (left the scheme: the reflection period ended without a permit, the permit
     * was refused or withdrawn, or the victim left) once the person has been in the scheme. None before any stage of
     * the scheme (a victim not yet offered the reflection period) and unknown never end a history.
     *
     * @param wasInScheme whether an earlier stage of the history was {@linkplain #isInScheme() in the scheme}
     * @return true if no stage may follow
     */
    public boolean isTerminalAfter(boolean wasInScheme) {
        return this == CONTINUED_RESIDENCE || this == NONE && wasInScheme;
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
