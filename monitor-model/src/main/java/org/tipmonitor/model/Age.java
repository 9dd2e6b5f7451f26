package org.tipmonitor.model;

/**
 * Age at an event in completed years, computed from a birth date of some precision.
 *
 * <p>When the birth date is known only to the month or year, the age lies between {@code minimumYears} (born on
 * the last day of that month or year) and {@code maximumYears} (born on the first day). The point value
 * {@code years} assumes birth in the middle of the period: on the 15th of the month, or on 1 July of the year.
 * All three are clamped at 0 for events in the birth period itself.
 *
 * @param years        the point value used for grouping
 * @param minimumYears the lowest possible age
 * @param maximumYears the highest possible age
 * @param precision    the precision of the birth date the age was computed from
 */
public record Age(int years, int minimumYears, int maximumYears, DatePrecision precision) {

    /**
     * Checks the bounds.
     *
     * @throws ModelException if the ages are negative, out of order, or the precision is unknown or null
     */
    public Age {
        if (precision == null || precision == DatePrecision.UNKNOWN) {
            throw new ModelException(ModelRule.AGE_BOUNDS, "Age needs a known birth-date precision: " + precision);
        }
        if (minimumYears < 0 || minimumYears > years || years > maximumYears) {
            throw new ModelException(ModelRule.AGE_BOUNDS, "Age bounds are not ordered 0 <= minimum <= years <= maximum: "
                    + minimumYears + ", " + years + ", " + maximumYears);
        }
    }

    /**
     * Whether the age is exact (the bounds agree).
     *
     * @return true when minimum and maximum are equal
     */
    public boolean isExact() {
        return minimumYears == maximumYears;
    }

    /**
     * The age group of the point value.
     *
     * @return the group
     */
    public AgeGroup group() {
        return AgeGroup.of(years);
    }
}
