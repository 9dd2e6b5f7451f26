package org.tipmonitor.model;

/**
 * How precisely a date is known: a birth date may be known to the day, the month, the year, or not at all.
 * A date of lower precision is stored as the first day of its month or year.
 */
public enum DatePrecision implements CodeList {

    /** Known to the day. */
    DAY("day", "Day", "dag"),
    /** Known to the month; stored as the first day of the month. */
    MONTH("month", "Month", "maand"),
    /** Known to the year; stored as 1 January of the year. */
    YEAR("year", "Year", "jaar"),
    /** Not known; no date is stored. */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    DatePrecision(String code, String label, String dutchTerm) {
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
