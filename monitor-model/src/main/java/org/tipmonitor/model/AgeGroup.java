package org.tipmonitor.model;

/**
 * Age group at an event, in the bands the monitors use: minors (under 18, split at 12 for the rates of girls aged
 * 12 to 17), young adults under 23 (the offender monitor's cut) and ten-year bands above.
 */
public enum AgeGroup implements CodeList {

    /** Under 12 (jonger dan 12). */
    UNDER_12("under_12", "Under 12", "jonger dan 12", 0, 11),
    /** 12 to 17 (12 tot en met 17). */
    AGE_12_TO_17("age_12_to_17", "12 to 17", "12 tot en met 17", 12, 17),
    /** 18 to 22 (18 tot en met 22). */
    AGE_18_TO_22("age_18_to_22", "18 to 22", "18 tot en met 22", 18, 22),
    /** 23 to 29 (23 tot en met 29). */
    AGE_23_TO_29("age_23_to_29", "23 to 29", "23 tot en met 29", 23, 29),
    /** 30 to 39 (30 tot en met 39). */
    AGE_30_TO_39("age_30_to_39", "30 to 39", "30 tot en met 39", 30, 39),
    /** 40 to 49 (40 tot en met 49). */
    AGE_40_TO_49("age_40_to_49", "40 to 49", "40 tot en met 49", 40, 49),
    /** 50 and over (50 en ouder). */
    AGE_50_AND_OVER("age_50_and_over", "50 and over", "50 en ouder", 50, Integer.MAX_VALUE),
    /** Age not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend", -1, -1);

    /** Age of majority in the Netherlands: a minor is younger than this. */
    public static final int MAJORITY_AGE = 18;

    private final String code;
    private final String label;
    private final String dutchTerm;
    private final int lowest;
    private final int highest;

    AgeGroup(String code, String label, String dutchTerm, int lowest, int highest) {
        this.code = code;
        this.label = label;
        this.dutchTerm = dutchTerm;
        this.lowest = lowest;
        this.highest = highest;
    }

    /**
     * The group of an age in completed years.
     *
     * @param years the age in completed years
     * @return the group
     * @throws ModelException if the age is negative
     */
    public static AgeGroup of(int years) {
        if (years < 0) {
            throw new ModelException(ModelRule.NEGATIVE_AGE, "Age is negative: " + years);
        }
        for (AgeGroup group : values()) {
            if (group != UNKNOWN && years >= group.lowest && years <= group.highest) {
                return group;
            }
        }
        throw new IllegalStateException("Age bands do not cover " + years);
    }

    /**
     * Whether the group lies entirely under 18 (minderjarig).
     *
     * @return true for {@link #UNDER_12} and {@link #AGE_12_TO_17}
     */
    public boolean isMinor() {
        return this != UNKNOWN && highest < MAJORITY_AGE;
    }

    /**
     * Whether the group lies entirely under 23, the cut of the offender monitor.
     *
     * @return true for the minors' groups and {@link #AGE_18_TO_22}
     */
    public boolean isUnder23() {
        return this != UNKNOWN && highest < 23;
    }

    /**
     * The lowest age in the group.
     *
     * @return the lowest age in completed years, or -1 for {@link #UNKNOWN}
     */
    public int lowestAge() {
        return lowest;
    }

    /**
     * The highest age in the group.
     *
     * @return the highest age in completed years, {@link Integer#MAX_VALUE} for the open top band, -1 for
     *         {@link #UNKNOWN}
     */
    public int highestAge() {
        return highest;
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
