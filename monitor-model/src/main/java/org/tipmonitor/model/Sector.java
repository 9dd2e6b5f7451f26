package org.tipmonitor.model;

/**
 * Sector in which the exploitation took place. For sexual exploitation the monitors distinguish the visible
 * (window, licensed) and the less visible (escort, hotel, home) parts of the sex industry.
 */
public enum Sector implements CodeList {

    /** Visible sex industry: window prostitution, licensed clubs (zichtbare sector). */
    SEX_INDUSTRY_VISIBLE("sex_industry_visible", "Sex industry, visible", "zichtbare seksbranche"),
    /** Less visible sex industry: escort, hotel, home prostitution (minder zichtbare sector). */
    SEX_INDUSTRY_LESS_VISIBLE("sex_industry_less_visible", "Sex industry, less visible",
            "minder zichtbare seksbranche"),
    /** Agriculture and horticulture (land- en tuinbouw). */
    AGRICULTURE("agriculture", "Agriculture and horticulture", "land- en tuinbouw"),
    /** Food processing and manufacturing (productie en voedselverwerking). */
    MANUFACTURING("manufacturing", "Manufacturing and food processing", "productie en voedselverwerking"),
    /** Construction (bouw). */
    CONSTRUCTION("construction", "Construction", "bouw"),
    /** Hospitality (horeca). */
    HOSPITALITY("hospitality", "Hospitality", "horeca"),
    /** Cleaning (schoonmaak). */
    CLEANING("cleaning", "Cleaning", "schoonmaak"),
    /** Transport, logistics and shipping (transport en logistiek). */
    TRANSPORT("transport", "Transport and logistics", "transport en logistiek"),
    /** Domestic work in households (huishoudelijk werk). */
    DOMESTIC_WORK("domestic_work", "Domestic work", "huishoudelijk werk"),
    /** Retail and beauty services such as nail salons (detailhandel en schoonheidsbranche). */
    RETAIL_AND_BEAUTY("retail_and_beauty", "Retail and beauty services", "detailhandel en schoonheidsbranche"),
    /** Criminal activities such as drug dealing, theft or begging (criminele activiteiten). */
    CRIMINAL_ACTIVITIES("criminal_activities", "Criminal activities", "criminele activiteiten"),
    /** Another sector (overig). */
    OTHER("other", "Other sector", "overig"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    Sector(String code, String label, String dutchTerm) {
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
     * Whether this sector is part of the sex industry.
     *
     * @return true for the visible and the less visible sex industry
     */
    public boolean isSexIndustry() {
        return this == SEX_INDUSTRY_VISIBLE || this == SEX_INDUSTRY_LESS_VISIBLE;
    }
}
