package org.tipmonitor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of outcome indicators a {@link ProgrammeMeasure} may link to: the monitor report's indicators, each
 * with a stable identifier (the value of {@code outcomeIndicators} in an exchange file) and the headline value the
 * report's "Programme progress" section shows beside a measure that links to it. A link to an identifier outside
 * this catalogue breaks rule {@link ModelRule#UNKNOWN_OUTCOME_INDICATOR}; the exchange format's JSON Schema lists the
 * same identifiers. New indicators are added at the end; an identifier never changes once published.
 *
 * <p>Identifiers are lower case with hyphens ({@value ProgrammeMeasure#INDICATOR_PATTERN}), like the report's table
 * names, and unlike the code lists' lower_snake_case codes: they name indicators, not values of a field.
 */
public enum OutcomeIndicator {

    /** Persons registered as presumed victims; headline: persons registered in the last registration year. */
    REGISTRATIONS("registrations", "Persons registered as presumed victims",
            "persons registered in the last registration year"),
    /**
     * Registrations by reporter type; headline: registrations reported by the police in the last registration year,
     * as published in the report's table {@code registrations-by-year-reporter}.
     */
    REGISTRATIONS_BY_REPORTER("registrations-by-reporter", "Registrations by reporter type",
            "registrations reported by the police in the last registration year"),
    /**
     * The police-signal series; headline: presumed victims identified by the police in the series' last year, all
     * origin groups, as published in the report's table {@code police-signals-by-year-origin}.
     */
    POLICE_SIGNALS("police-signals", "Presumed victims identified by the police",
            "presumed victims identified by the police in the last year, all origin groups"),
    /**
     * The follow-up of police reports; headline: the share of the police reports filed in the last year with a
     * complete 12-month window that were followed within it by registration of a case at the public prosecutor.
     */
    POLICE_REPORT_FOLLOW_UP("police-report-follow-up", "Follow-up of police reports",
            "share of police reports followed within 12 months by a case at the public prosecutor, last observable"
                    + " year"),
    /**
     * The time in the reflection period (bedenktijd); headline: the Kaplan&ndash;Meier median of the days in the
     * reflection period of the periods entered in the last year of entry.
     */
    REFLECTION_PERIOD_TIME("reflection-period-time", "Time in the reflection period",
            "median days in the reflection period, periods entered in the last year of entry"),
    /** Offender cases; headline: cases registered at the public prosecutor in the last year. */
    OFFENDER_CASES("offender-cases", "Offender cases at the public prosecutor",
            "cases registered at the public prosecutor in the last year"),
    /** The population estimate; headline: the report's estimate of all victims over the registration years. */
    POPULATION_ESTIMATE("population-estimate", "Estimated number of victims",
            "estimated victims over the registration years (multiple systems estimation)");

    private final String id;
    private final String label;
    private final String headline;

    OutcomeIndicator(String id, String label, String headline) {
        this.id = id;
        this.label = label;
        this.headline = headline;
    }

    /**
     * The stable identifier.
     *
     * @return e.g. {@code "police-signals"}
     */
    public String id() {
        return id;
    }

    /**
     * The English label.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * What the headline value shown beside a linked measure is.
     *
     * @return the description
     */
    public String headline() {
        return headline;
    }

    /**
     * The indicator with an identifier.
     *
     * @param id the identifier (exact, case-sensitive)
     * @return the indicator, or empty if the catalogue has none with that identifier
     */
    public static Optional<OutcomeIndicator> fromId(String id) {
        for (OutcomeIndicator indicator : values()) {
            if (indicator.id.equals(id)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }

    /**
     * Every identifier, in catalogue order.
     *
     * @return the identifiers
     */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (OutcomeIndicator indicator : values()) {
            ids.add(indicator.id);
        }
        return List.copyOf(ids);
    }
}
