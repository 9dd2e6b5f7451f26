package org.tipmonitor.indicators.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * An annual count series over consecutive years, such as registered presumed victims or police signals per year.
 * Immutable.
 *
 * <p>Gives year-on-year and window changes ({@link Change}), streaks of consecutive changes in one direction
 * ({@link Streak}), and "first increase in N years" ({@link #yearsSinceLast(Direction, int)}).
 */
public final class AnnualSeries {


    private final int firstYear;
    private final long[] counts;

    private AnnualSeries(int firstYear, long[] counts) {
        this.firstYear = firstYear;
        this.counts = counts;
    }

    /**
     * A series of counts for consecutive years starting at firstYear.
     *
     * @param firstYear the first year
     * @param counts    the counts, one per year, each &ge; 0
     * @return the series
     * @throws IndicatorException if there are no counts or a count is negative
     */
    public static AnnualSeries of(int firstYear, long... counts) {
        if (counts.length == 0) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_YEARS, 0);
        }
        for (long c : counts) {
            Arguments.checkCount(c);
        }
        return new AnnualSeries(firstYear, counts.clone());
    }

    /**
     * A series from a map year &rarr; count covering consecutive years.
     *
     * @param countsByYear the counts by year
     * @return the series
     * @throws IndicatorException if the map is empty, the years are not consecutive, or a count is negative
     * @throws NullPointerException if the map or a count is null
     */
    public static AnnualSeries of(Map<Integer, Long> countsByYear) {
        SortedMap<Integer, Long> sorted = new TreeMap<>(countsByYear);
        if (sorted.isEmpty()) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_YEARS, 0);
        }
        int first = sorted.firstKey();
        long[] values = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
            if (e.getKey() != first + i) {
                throw IndicatorException.of(IndicatorRule.TREND_YEARS_NOT_CONSECUTIVE, e.getKey(), first + i - 1);
            }
            values[i++] = Objects.requireNonNull(e.getValue(), "count");
        }
        return of(first, values);
    }

    /**
     * The series of a table's margin over a year dimension, e.g. registrations per year from a year &times; form
     * table. The year labels must be consecutive integers in increasing order.
     *
     * @param table         the table
     * @param yearDimension the name of the year dimension
     * @return the series
     * @throws IndicatorException if there is no such dimension or its labels are not consecutive years
     */
    public static AnnualSeries fromTable(CountTable table, String yearDimension) {
        CountTable byYear = table.margin(yearDimension);
        return of(firstYear(byYear.dimensions().get(0)), byYear.cells());
    }

    /**
     * One series per category of a group dimension, over a year dimension (other dimensions summed over), in the
     * group dimension's order: the input of {@link ChangeDecomposition#of(Map, int, int)}, e.g. police signals by
     * year &times; victim origin. For a table of distinct persons the group series add up to the total only if
     * every person falls in one group.
     *
     * @param table          the table
     * @param yearDimension  the name of the year dimension (labels consecutive years)
     * @param groupDimension the name of the group dimension
     * @return group label &rarr; series (unmodifiable, in label order)
     * @throws IndicatorException if a dimension is missing or the same, or the year labels are not consecutive
     */
    public static Map<String, AnnualSeries> byGroup(CountTable table, String yearDimension, String groupDimension) {
        if (yearDimension.equals(groupDimension)) {
            throw IndicatorException.of(IndicatorRule.REPEATED_DIMENSION, yearDimension);
        }
        CountTable two = table.margin(yearDimension, groupDimension);
        boolean yearFirst = two.dimensions().get(0).name().equals(yearDimension);
        Dimension years = two.dimensions().get(yearFirst ? 0 : 1);
        Dimension groups = two.dimensions().get(yearFirst ? 1 : 0);
        int first = firstYear(years);
        Map<String, AnnualSeries> result = new java.util.LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            long[] counts = new long[years.size()];
            for (int y = 0; y < counts.length; y++) {
                counts[y] = yearFirst ? two.count(y, g) : two.count(g, y);
            }
            result.put(groups.labels().get(g), of(first, counts));
        }
        return Collections.unmodifiableMap(result);
    }

    private static int firstYear(Dimension years) {
        int first;
        try {
            first = Integer.parseInt(years.labels().get(0));
            for (int i = 1; i < years.size(); i++) {
                if (Integer.parseInt(years.labels().get(i)) != first + i) {
                    throw IndicatorException.of(IndicatorRule.TREND_YEAR_LABELS_NOT_CONSECUTIVE, years.labels().get(i),
                            years.labels().get(i - 1));
                }
            }
        } catch (NumberFormatException e) {
            throw IndicatorException.of(IndicatorRule.TREND_YEAR_LABEL_NOT_INTEGER, years.name(),
                    e.getMessage());
        }
        return first;
    }

    /**
     * The sum of series over the same years, e.g. the total of the groups of a breakdown.
     *
     * @param series the series to add, at least one
     * @return the sum
     * @throws IndicatorException if there are no series or their years differ
     */
    public static AnnualSeries sum(Collection<AnnualSeries> series) {
        if (series.isEmpty()) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_SERIES, 0);
        }
        AnnualSeries first = series.iterator().next();
        long[] total = new long[first.counts.length];
        for (AnnualSeries s : series) {
            first.requireSameYears(s);
            for (int i = 0; i < total.length; i++) {
                total[i] = Math.addExact(total[i], s.counts[i]);
            }
        }
        return new AnnualSeries(first.firstYear, total);
    }

    /**
     * This series minus another over the same years (e.g. the total without one group).
     *
     * @param other the series to subtract
     * @return the difference
     * @throws IndicatorException if the years differ or a difference is negative
     */
    public AnnualSeries minus(AnnualSeries other) {
        requireSameYears(other);
        long[] values = new long[counts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = counts[i] - other.counts[i];
        }
        return of(firstYear, values);
    }

    /**
     * The first year.
     *
     * @return the first year
     */
    public int firstYear() {
        return firstYear;
    }

    /**
     * The last year.
     *
     * @return the last year
     */
    public int lastYear() {
        return firstYear + counts.length - 1;
    }

    /**
     * The number of years.
     *
     * @return the size &ge; 1
     */
    public int size() {
        return counts.length;
    }

    /**
     * The count in a year.
     *
     * @param year a year of the series
     * @return the count
     * @throws IndicatorException if the year is outside the series
     */
    public long count(int year) {
        return counts[index(year)];
    }

    /**
     * The counts in year order (a copy).
     *
     * @return the counts
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The counts by year (an unmodifiable sorted map).
     *
     * @return year &rarr; count
     */
    public SortedMap<Integer, Long> asMap() {
        SortedMap<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            map.put(firstYear + i, counts[i]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /**
     * The change between two years of the series.
     *
     * @param fromYear the earlier year
     * @param toYear   the later year
     * @return the change
     * @throws IndicatorException if a year is outside the series or toYear &le; fromYear
     */
    public Change change(int fromYear, int toYear) {
        return new Change(fromYear, toYear, count(fromYear), count(toYear));
    }

    /**
     * The change over the whole series, first to last year.
     *
     * @return the change
     * @throws IndicatorException if the series has a single year
     */
    public Change overall() {
        return change(firstYear, lastYear());
    }

    /**
     * Every year-on-year change, in year order.
     *
     * @return the size() &minus; 1 changes (empty for a single year)
     */
    public List<Change> yearOnYear() {
        List<Change> changes = new ArrayList<>(counts.length - 1);
        for (int i = 1; i < counts.length; i++) {
            changes.add(new Change(firstYear + i - 1, firstYear + i, counts[i - 1], counts[i]));
        }
        return List.copyOf(changes);
    }

    /**
     * The streak that contains the change into the given year: the maximal run of consecutive changes in the same
     * direction as the change from year &minus; 1 to year, ending in that year (later changes are not considered).
     *
     * @param year a year after the first year
     * @return the streak ending in year
     * @throws IndicatorException if year or year &minus; 1 is outside the series
     */
    public Streak streakEndingIn(int year) {
        int end = index(year);
        if (end == 0) {
            throw IndicatorException.of(IndicatorRule.TREND_YEAR_OUTSIDE_SERIES, firstYear, lastYear(), year - 1);
        }
        Direction direction = Direction.of(counts[end] - counts[end - 1]);
        int start = end - 1;
        while (start > 0 && Direction.of(counts[start] - counts[start - 1]) == direction) {
            start--;
        }
        return new Streak(direction, firstYear + start, year);
    }

    /**
     * The streak that ends in the year before the given one, i.e. the run that a change into year may break.
     * "The first increase after four years of decrease" is {@code change(year - 1, year)} increasing and this
     * streak being a DECREASE with 4 changes.
     *
     * @param year a year of the series
     * @return the streak ending in year &minus; 1, or empty if year &minus; 1 is the first year
     * @throws IndicatorException if year is outside the series
     */
    public Optional<Streak> streakBefore(int year) {
        int i = index(year);
        return i < 2 ? Optional.empty() : Optional.of(streakEndingIn(year - 1));
    }

    /**
     * How many years ago a change in the given direction last happened, counted from the change into year:
     * the smallest k &ge; 1 such that the change from year &minus; k &minus; 1 to year &minus; k has that direction.
     * If the count rises in year and k = 5, the rise in year is "the first increase in five years": no year-on-year
     * increase occurred in the four years before it.
     *
     * @param direction the direction looked for
     * @param year      a year of the series
     * @return k, or empty if no earlier change in the series has that direction
     * @throws IndicatorException if year is outside the series
     * @throws NullPointerException if direction is null
     */
    public OptionalInt yearsSinceLast(Direction direction, int year) {
        Objects.requireNonNull(direction, "direction");
        int i = index(year);
        for (int k = 1; i - k >= 1; k++) {
            if (Direction.of(counts[i - k] - counts[i - k - 1]) == direction) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    private int index(int year) {
        if (year < firstYear || year > lastYear()) {
            throw IndicatorException.of(IndicatorRule.TREND_YEAR_OUTSIDE_SERIES, firstYear, lastYear(), year);
        }
        return year - firstYear;
    }

    private void requireSameYears(AnnualSeries other) {
        if (other.firstYear != firstYear || other.counts.length != counts.length) {
            throw IndicatorException.of(IndicatorRule.TREND_SERIES_DIFFERENT_YEARS,
                    firstYear, lastYear(), other.firstYear, other.lastYear());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnualSeries s && s.firstYear == firstYear && Arrays.equals(s.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * firstYear + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "AnnualSeries" + asMap();
    }
}
