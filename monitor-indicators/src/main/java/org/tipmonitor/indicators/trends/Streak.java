package org.tipmonitor.indicators.trends;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * A maximal run of consecutive year-on-year changes in one direction: every change from year y &minus; 1 to y, for
 * firstYear &lt; y &le; lastYear, has this direction, and the changes just outside the run (if the series has them)
 * do not.
 *
 * <p>Example: counts 2013-2017 falling every year form a DECREASE streak with firstYear 2013, lastYear 2017 and
 * {@link #changes()} = 4.
 *
 * @param direction the direction shared by every change in the run
 * @param firstYear the year the run starts from
 * @param lastYear  the year the run ends in, &gt; firstYear
 */
public record Streak(Direction direction, int firstYear, int lastYear) {

    /**
     * Validates the streak.
     *
     * @throws IndicatorException if lastYear &le; firstYear
     * @throws NullPointerException if direction is null
     */
    public Streak {
        Objects.requireNonNull(direction, "direction");
        if (lastYear <= firstYear) {
            throw IndicatorException.of(IndicatorRule.TREND_YEARS_OUT_OF_ORDER, lastYear, firstYear);
        }
    }

    /**
     * The number of year-on-year changes in the run, lastYear &minus; firstYear.
     *
     * @return the length &ge; 1
     */
    public int changes() {
        return lastYear - firstYear;
    }
}
