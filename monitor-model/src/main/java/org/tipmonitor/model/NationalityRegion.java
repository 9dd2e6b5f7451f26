package org.tipmonitor.model;

/**
 * Region of a nationality or country, as the monitors tabulate them: the Netherlands, the other EU/EEA states,
 * the rest of Europe, and the continents (UN M49). Stateless persons form a group of their own.
 */
public enum NationalityRegion implements CodeList {

    /** The Netherlands (Nederland). */
    NETHERLANDS("netherlands", "Netherlands", "Nederland"),
    /** Another EU or EEA member state (EU/EER). */
    EU_EEA("eu_eea", "EU/EEA", "EU/EER"),
    /** Europe outside the EU/EEA, e.g. the United Kingdom, Ukraine (overig Europa). */
    OTHER_EUROPE("other_europe", "Other Europe", "overig Europa"),
    /** Africa (Afrika). */
    AFRICA("africa", "Africa", "Afrika"),
    /** Asia, including the Middle East and Turkey (Azië). */
    ASIA("asia", "Asia", "Azië"),
    /** North, Central and South America and the Caribbean (Amerika). */
    AMERICAS("americas", "Americas", "Amerika"),
    /** Oceania (Oceanië). */
    OCEANIA("oceania", "Oceania", "Oceanië"),
    /** Stateless (staatloos). */
    STATELESS("stateless", "Stateless", "staatloos"),
    /** Not known, or a territory without a region (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    NationalityRegion(String code, String label, String dutchTerm) {
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
