package org.tipmonitor.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * A closed range of calendar years, the period an indicator covers (e.g. the victim monitor's five-year window
 * 2014-2018). Records dated outside the range are left out of the indicators computed over it; the range is
 * recorded in every result's {@link Provenance#period()} as {@code "2014-2018"}.
 *
 * @param firstYear the first year
 * @param lastYear  the last year, &ge; firstYear
 */
public record YearRange(int firstYear, int lastYear) {


    /** The largest number of years a range may span, to keep year dimensions and series small. */
    public static final int MAX_YEARS = 200;

    /**
     * Validates the range.
     *
     * @throws IndicatorException if lastYear &lt; firstYear or the range spans more than {@value #MAX_YEARS} years
     */
    public YearRange {
        if (lastYear < firstYear) {
            throw IndicatorException.of(IndicatorRule.YEAR_RANGE_NOT_ORDERED, lastYear, firstYear);
        }
        if ((long) lastYear - firstYear + 1 > MAX_YEARS) {
            throw IndicatorException.of(IndicatorRule.YEAR_RANGE_TOO_LONG, MAX_YEARS, (long) lastYear - firstYear + 1);
        }
    }

    /**
     * The range from firstYear to lastYear.
     *
     * @param firstYear the first year
     * @param lastYear  the last year
     * @return the range
     * @throws IndicatorException as the constructor
     */
    public static YearRange of(int firstYear, int lastYear) {
        return new YearRange(firstYear, lastYear);
    }

    /**
     * Whether a year lies in the range.
     *
     * @param year the year
     * @return true if firstYear &le; year &le; lastYear
     */
    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /**
     * Whether a date's year lies in the range.
     *
     * @param date the date
     * @return true if the date's year is in the range
     */
    public boolean contains(LocalDate date) {
        return contains(date.getYear());
    }

    /**
     * The number of years.
     *
     * @return lastYear &minus; firstYear + 1
     */
    public int size() {
        return lastYear - firstYear + 1;
    }

    /**
     * The first day of the range, 1 January of the first year.
     *
     * @return the day
     */
    public LocalDate firstDay() {
        return LocalDate.of(firstYear, 1, 1);
    }

    /**
     * The last day of the range, 31 December of the last year.
     *
     * @return the day
     */
    public LocalDate lastDay() {
        return LocalDate.of(lastYear, 12, 31);
    }

    /**
     * The years as labels in increasing order, e.g. {@code "2014", ..., "2018"}.
     *
     * @return the labels
     */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(size());
        for (int y = firstYear; y <= lastYear; y++) {
            labels.add(Integer.toString(y));
        }
        return List.copyOf(labels);
    }

    /**
     * A year dimension over the range, the form {@link org.tipmonitor.indicators.trends.AnnualSeries#fromTable}
     * reads.
     *
     * @param name the dimension's name, e.g. {@code "year"}
     * @return the dimension
     */
    public Dimension dimension(String name) {
        return new Dimension(name, labels());
    }

    /** The range as {@code "2014-2018"}, or {@code "2018"} for a single year. */
    @Override
    public String toString() {
        return firstYear == lastYear ? Integer.toString(firstYear) : firstYear + "-" + lastYear;
    }
}
