package org.tipmonitor.model;

/**
 * Origin group of a victim in the police-signal view: the grouping of the National Rapporteur's 2019 letter
 * (Dutch, EU, African, other).
 */
public enum VictimOriginGroup implements CodeList {

    /** Dutch nationality (Nederlands). */
    DUTCH("dutch", "Dutch", "Nederlands"),
    /** A nationality of another EU/EEA state (EU). */
    EU("eu", "EU/EEA", "EU/EER"),
    /** An African nationality (Afrikaans). */
    AFRICAN("african", "African", "Afrikaans"),
    /** Any other nationality, or stateless (overig). */
    OTHER("other", "Other", "overig"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    VictimOriginGroup(String code, String label, String dutchTerm) {
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
     * The origin group of a nationality region.
     *
     * @param region the region
     * @return the group: Netherlands to {@link #DUTCH}, EU/EEA to {@link #EU}, Africa to {@link #AFRICAN}, unknown
     *         to {@link #UNKNOWN}, every other region (and stateless) to {@link #OTHER}
     */
    public static VictimOriginGroup of(NationalityRegion region) {
        switch (region) {
            case NETHERLANDS:
                return DUTCH;
            case EU_EEA:
                return EU;
            case AFRICA:
                return AFRICAN;
            case UNKNOWN:
                return UNKNOWN;
            default:
                return OTHER;
        }
    }
}
