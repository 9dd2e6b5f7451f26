package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Optional;
import org.tipmonitor.model.constraints.ConsistentBirthDate;

/**
 * A birth date with its precision. A date known to the month is stored as the first of the month, a date known
 * to the year as 1 January; an unknown birth date has no date (rules {@link ModelRule#BIRTH_DATE_PRECISION},
 * {@link ModelRule#BIRTH_DATE_TOO_EARLY}, {@link ModelRule#NOT_IN_FUTURE}).
 *
 * @param date      the date, or {@code null} exactly when the precision is {@link DatePrecision#UNKNOWN}
 * @param precision how precisely the date is known
 */
@ConsistentBirthDate
public record BirthDate(
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate date,
        @NotNull(message = ModelRule.Messages.REQUIRED) DatePrecision precision) {

    /** The earliest accepted birth date. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** An unknown birth date. */
    public static final BirthDate UNKNOWN = new BirthDate(null, DatePrecision.UNKNOWN);

    /**
     * A birth date known to the day.
     *
     * @param date the date
     * @return the birth date
     */
    public static BirthDate ofDay(LocalDate date) {
        return new BirthDate(date, DatePrecision.DAY);
    }

    /**
     * A birth date known to the month.
     *
     * @param month the month
     * @return the birth date, stored as the first of the month
     */
    public static BirthDate ofMonth(YearMonth month) {
        return new BirthDate(month.atDay(1), DatePrecision.MONTH);
    }

    /**
     * A birth date known to the year.
     *
     * @param year the year
     * @return the birth date, stored as 1 January
     */
    public static BirthDate ofYear(int year) {
        return new BirthDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR);
    }

    /**
     * Whether the birth date is known at any precision.
     *
     * @return false for an unknown birth date
     */
    public boolean isKnown() {
        return precision != DatePrecision.UNKNOWN && date != null;
    }

    /**
     * The first possible birth day.
     *
     * @return the first day of the period, or empty if unknown
     */
    public Optional<LocalDate> earliest() {
        return isKnown() ? Optional.of(date) : Optional.empty();
    }

    /**
     * The last possible birth day.
     *
     * @return the last day of the day, month or year, or empty if unknown
     */
    public Optional<LocalDate> latest() {
        if (!isKnown()) {
            return Optional.empty();
        }
        switch (precision) {
            case MONTH:
                return Optional.of(YearMonth.from(date).atEndOfMonth());
            case YEAR:
                return Optional.of(LocalDate.of(date.getYear(), 12, 31));
            default:
                return Optional.of(date);
        }
    }

    /**
     * The age at an event, with bounds that reflect the precision (see {@link Age}).
     *
     * @param event the date of the event (report, offence, registration at the public prosecutor)
     * @return the age, or empty if the birth date is unknown
     * @throws ModelException if the event lies before the earliest possible birth day
     */
    public Optional<Age> ageAt(LocalDate event) {
        if (!isKnown()) {
            return Optional.empty();
        }
        if (event.isBefore(date)) {
            throw new ModelException(ModelRule.EVENT_BEFORE_BIRTH, "Event date " + event + " is before the birth date " + date
                    + " (precision " + precision.code() + ")");
        }
        LocalDate middle;
        switch (precision) {
            case MONTH:
                middle = date.withDayOfMonth(15);
                break;
            case YEAR:
                middle = LocalDate.of(date.getYear(), 7, 1);
                break;
            default:
                middle = date;
        }
        int maximum = completedYears(date, event);
        int minimum = completedYears(latest().orElseThrow(), event);
        int years = Math.min(maximum, Math.max(minimum, completedYears(middle, event)));
        return Optional.of(new Age(years, minimum, maximum, precision));
    }

    /**
     * The age group at an event.
     *
     * @param event the date of the event
     * @return the group of the point age, or {@link AgeGroup#UNKNOWN} if the birth date is unknown
     * @throws ModelException if the event lies before the earliest possible birth day
     */
    public AgeGroup ageGroupAt(LocalDate event) {
        return ageAt(event).map(Age::group).orElse(AgeGroup.UNKNOWN);
    }

    private static int completedYears(LocalDate birth, LocalDate event) {
        return event.isBefore(birth) ? 0 : Period.between(birth, event).getYears();
    }
}
