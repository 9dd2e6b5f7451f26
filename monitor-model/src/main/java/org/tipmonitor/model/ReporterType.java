package org.tipmonitor.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Type of organisation that reported a presumed victim to the national registration centre (aanmelder), with
 * effective-dated names and investigative status.
 *
 * <p>Investigative authorities (opsporingsdiensten) are the National Police, the Royal Netherlands Marechaussee
 * and the labour inspectorate. They are obliged to report under the Police Data Decree; other organisations
 * need a legal basis such as consent (see {@link LegalBasis}). The labour inspectorate was the Inspectorate SZW
 * (Inspectie SZW, ISZW) until 2021 and is the Netherlands Labour Authority (Nederlandse Arbeidsinspectie, NLA)
 * since 2022-01-01: one code, two dated designations.
 */
public enum ReporterType implements CodeList {

    /** National Police (Nationale Politie). */
    POLICE("police", designation("National Police", "Nationale Politie", true)),
    /** Royal Netherlands Marechaussee (Koninklijke Marechaussee, KMar). */
    ROYAL_MARECHAUSSEE("royal_marechaussee",
            designation("Royal Netherlands Marechaussee", "Koninklijke Marechaussee", true)),
    /** Labour inspectorate: Inspectorate SZW until 2021, Netherlands Labour Authority since 2022-01-01. */
    LABOUR_INSPECTORATE("labour_inspectorate",
            new Designation(LocalDate.MIN, LocalDate.of(2021, 12, 31), "Inspectorate SZW", "Inspectie SZW", true),
            new Designation(LocalDate.of(2022, 1, 1), LocalDate.MAX, "Netherlands Labour Authority",
                    "Nederlandse Arbeidsinspectie", true)),
    /** Regional care coordinator (zorgcoördinator). */
    CARE_COORDINATOR("care_coordinator", designation("Care coordinator", "zorgcoördinator", false)),
    /** FairWork, the NGO for victims of labour exploitation. */
    FAIRWORK("fairwork", designation("FairWork", "FairWork", false)),
    /** Shelter, including the categorical shelters for victims (opvang). */
    SHELTER("shelter", designation("Shelter", "opvang", false)),
    /** Youth care (jeugdzorg). */
    YOUTH_CARE("youth_care", designation("Youth care", "jeugdzorg", false)),
    /** Asylum reception, the COA (Centraal Orgaan opvang asielzoekers). */
    ASYLUM_RECEPTION("asylum_reception",
            designation("Asylum reception (COA)", "Centraal Orgaan opvang asielzoekers", false)),
    /** Immigration and Naturalisation Service (Immigratie- en Naturalisatiedienst, IND). */
    IMMIGRATION_SERVICE("immigration_service",
            designation("Immigration and Naturalisation Service", "Immigratie- en Naturalisatiedienst", false)),
    /** Lawyer (advocaat). */
    LAWYER("lawyer", designation("Lawyer", "advocaat", false)),
    /** The victim, reporting themself (slachtoffer zelf). */
    SELF("self", designation("The victim", "slachtoffer zelf", false)),
    /** Another organisation, e.g. ambulatory care or an NGO (overige organisatie). */
    OTHER("other", designation("Other organisation", "overige organisatie", false)),
    /** Not known (onbekend); its investigative status is unknown too. */
    UNKNOWN("unknown", designation("Unknown", "onbekend", false));

    private final String code;
    private final List<Designation> designations;

    ReporterType(String code, Designation... designations) {
        this.code = code;
        this.designations = List.of(designations);
    }

    private static Designation designation(String label, String dutchTerm, boolean investigative) {
        return new Designation(LocalDate.MIN, LocalDate.MAX, label, dutchTerm, investigative);
    }

    /**
     * The name and investigative status of a reporter type during a period.
     *
     * @param from          first day the designation applies
     * @param until         last day the designation applies
     * @param label         English name in that period
     * @param dutchTerm     Dutch name in that period
     * @param investigative whether the organisation is an investigative authority in that period
     */
    public record Designation(LocalDate from, LocalDate until, String label, String dutchTerm,
                              boolean investigative) {

        /**
         * Checks the period.
         *
         * @throws NullPointerException if a component is null
         * @throws ModelException       if the period ends before it starts
         */
        public Designation {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(dutchTerm, "dutchTerm");
            if (until.isBefore(from)) {
                throw new ModelException(ModelRule.DESIGNATION, "Designation ends before it starts: " + from + " to " + until);
            }
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(until);
        }
    }

    /**
     * The designation in force on a date.
     *
     * @param date the date, e.g. a report date
     * @return the designation that covers the date
     * @throws ModelException if no designation covers the date (the bundled designations cover every date)
     */
    public Designation designationOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (Designation designation : designations) {
            if (designation.covers(date)) {
                return designation;
            }
        }
        throw new ModelException(ModelRule.DESIGNATION, "Designations of " + code + " do not cover " + date);
    }

    /**
     * All dated designations, oldest first.
     *
     * @return the designations
     */
    public List<Designation> designations() {
        return designations;
    }

    /**
     * Whether the reporter was an investigative authority on a date.
     *
     * @param date the date, e.g. the report date
     * @return {@link YesNoUnknown#UNKNOWN} for {@link #UNKNOWN}, otherwise yes or no
     */
    public YesNoUnknown investigativeAuthorityOn(LocalDate date) {
        if (this == UNKNOWN) {
            return YesNoUnknown.UNKNOWN;
        }
        return YesNoUnknown.of(designationOn(date).investigative());
    }

    @Override
    public String code() {
        return code;
    }

    /** The current English name. */
    @Override
    public String label() {
        return designations.get(designations.size() - 1).label();
    }

    /** The current Dutch name. */
    @Override
    public String dutchTerm() {
        return designations.get(designations.size() - 1).dutchTerm();
    }
}
