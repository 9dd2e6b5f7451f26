package org.tipmonitor.io;

/**
 * What a {@link Problem} is about: one of the kinds of record in an exchange file, the dataset metadata, or
 * the file as a whole (its bytes, its syntax, its top-level structure).
 */
public enum RecordKind {

    /** The file as a whole. */
    FILE("file", ""),
    /** The dataset metadata ({@code /dataset}). */
    DATASET("dataset", "dataset"),
    /** A {@link org.tipmonitor.model.Victim} ({@code /victims/n}). */
    VICTIM("victim", "victims"),
    /** A {@link org.tipmonitor.model.Registration} ({@code /registrations/n}). */
    REGISTRATION("registration", "registrations"),
    /** An {@link org.tipmonitor.model.Offender} ({@code /offenders/n}). */
    OFFENDER("offender", "offenders"),
    /** An {@link org.tipmonitor.model.OffenderCase} ({@code /offenderCases/n}). */
    OFFENDER_CASE("offender_case", "offenderCases"),
    /**
     * A {@link org.tipmonitor.model.PoliceSignalCount}, one cell of the police-signal view
     * ({@code /policeSignals/n}).
     */
    POLICE_SIGNAL("police_signal", "policeSignals"),
    /**
     * A {@link org.tipmonitor.model.PoliceReport}: a victim's police report and the cases it led to
     * ({@code /policeReports/n}, format 1.1).
     */
    POLICE_REPORT("police_report", "policeReports"),
    /** A {@link org.tipmonitor.model.ProgrammeMeasure} ({@code /programmeMeasures/n}, format 1.1). */
    PROGRAMME_MEASURE("programme_measure", "programmeMeasures"),
    /**
     * A {@link org.tipmonitor.model.ResidenceHistory}: the dated residence-scheme stages of a registration's victim
     * ({@code /residenceStages/n}, format 1.1).
     */
    RESIDENCE_HISTORY("residence_history", "residenceStages");

    private final String code;
    private final String property;

    RecordKind(String code, String property) {
        this.code = code;
        this.property = property;
    }

    /**
     * The kind's name in reports, in lower_snake_case.
     *
     * @return the code, e.g. {@code "offender_case"}
     */
    public String code() {
        return code;
    }

    /**
     * The top-level property of the exchange file that holds this kind.
     *
     * @return the property, e.g. {@code "offenderCases"}; empty for {@link #FILE}
     */
    public String property() {
        return property;
    }

    /**
     * Whether this is one of the kinds of record that are counted.
     *
     * @return true for every kind but the file and the dataset
     */
    public boolean isRecord() {
        return this != FILE && this != DATASET;
    }
}
