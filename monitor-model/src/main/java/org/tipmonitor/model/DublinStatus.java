package org.tipmonitor.model;

/**
 * Whether the Dublin Regulation applies to a victim (another EU member state is responsible for the asylum
 * application). Since 2023-05-18 Dublin claimants get a 30-day reflection period instead of three months.
 */
public enum DublinStatus implements CodeList {

    /** The Dublin Regulation applies (Dublinclaimant). */
    DUBLIN("dublin", "Dublin claimant", "Dublinclaimant"),
    /** The Dublin Regulation does not apply (geen Dublinclaimant). */
    NOT_DUBLIN("not_dublin", "Not a Dublin claimant", "geen Dublinclaimant"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    DublinStatus(String code, String label, String dutchTerm) {
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
