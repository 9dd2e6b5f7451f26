package org.tipmonitor.model;

/**
 * The police series of the signal view. Police-identified presumed victims (gesignaleerde slachtoffers) and police
 * reports filed (aangiften) are distinct series with different totals and must not be mixed.
 */
public enum PoliceSeries implements CodeList {

    /** Presumed victims identified by the police (gesignaleerde mogelijke slachtoffers). */
    IDENTIFIED_VICTIMS("identified_victims", "Presumed victims identified by the police",
            "door de politie gesignaleerde mogelijke slachtoffers"),
    /** Police reports filed by victims (aangiften). */
    REPORTS_FILED("reports_filed", "Police reports filed", "aangiften");

    private final String code;
    private final String label;
    private final String dutchTerm;

    PoliceSeries(String code, String label, String dutchTerm) {
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
