package org.tipmonitor.model;

/**
 * The legal basis on which an organisation reported a presumed victim to the registration centre.
 *
 * <p>Investigative authorities (police, Royal Marechaussee, labour inspectorate) are obliged to report under the
 * Police Data Decree (Besluit politiegegevens). Since the GDPR (AVG) applied on 2018-05-25, other organisations
 * need another basis, in practice the victim's explicit consent, which caused non-random under-registration.
 */
public enum LegalBasis implements CodeList {

    /** A statutory duty to report (wettelijke meldplicht), for investigative authorities. */
    STATUTORY_DUTY("statutory_duty", "Statutory duty", "wettelijke plicht"),
    /** The victim's explicit consent (uitdrukkelijke toestemming). */
    EXPLICIT_CONSENT("explicit_consent", "Explicit consent", "uitdrukkelijke toestemming"),
    /** Another legal basis, e.g. a legitimate interest (andere grondslag). */
    OTHER_BASIS("other_basis", "Other legal basis", "andere grondslag"),
    /** Not known or not recorded (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    LegalBasis(String code, String label, String dutchTerm) {
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
