package org.tipmonitor.indicators.trends;

import java.util.OptionalDouble;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * The change of an annual count between two years: absolute change c&#8322; &minus; c&#8321;, relative change
 * c&#8322;/c&#8321; &minus; 1, ratio c&#8322;/c&#8321;, and the average annual relative change over the window,
 * (c&#8322;/c&#8321;)<sup>1/(y&#8322; &minus; y&#8321;)</sup> &minus; 1.
 *
 * <p>Example: registered presumed victims fell from 1,255 in 2014 to 668 in 2018 (Slachtoffermonitor mensenhandel
 * 2014-2018): ratio 0.532, relative change &minus;46.8%, "almost halved" (bijna gehalveerd).
 *
 * @param fromYear the earlier year
 * @param toYear   the later year, &gt; fromYear
 * @param from     the count in fromYear, &ge; 0
 * @param to       the count in toYear, &ge; 0
 */
public record Change(int fromYear, int toYear, long from, long to) {

    /**
     * Validates the change.
     *
     * @throws IndicatorException if toYear &le; fromYear or a count is negative
     */
    public Change {
        if (toYear <= fromYear) {
            throw IndicatorException.of(IndicatorRule.TREND_YEARS_OUT_OF_ORDER, toYear, fromYear);
        }
        Arguments.checkCount(Math.min(from, to));
    }

    /**
     * The absolute change c&#8322; &minus; c&#8321;.
     *
     * @return the change
     */
    public long absolute() {
        return to - from;
    }

    /**
     * The direction of the change.
     *
     * @return INCREASE, DECREASE or UNCHANGED
     */
    public Direction direction() {
        return Direction.of(absolute());
    }

    /**
     * The ratio c&#8322;/c&#8321;; empty when c&#8321; = 0.
     *
     * @return the ratio, or empty
     */
    public OptionalDouble ratio() {
        return from == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) to / from);
    }

    /**
     * The relative change c&#8322;/c&#8321; &minus; 1; empty when c&#8321; = 0.
     *
     * @return the relative change (&minus;0.5 is a halving), or empty
     */
    public OptionalDouble relative() {
        return from == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (to - from) / from);
    }

    /**
     * The average annual relative change over the window, (c&#8322;/c&#8321;)<sup>1/(y&#8322; &minus; y&#8321;)</sup>
     * &minus; 1; empty when c&#8321; = 0.
     *
     * @return the geometric mean annual change, or empty
     */
    public OptionalDouble annualisedRelative() {
        if (from == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.pow((double) to / from, 1.0 / (toYear - fromYear)) - 1);
    }

    /**
     * The number of years spanned, y&#8322; &minus; y&#8321;.
     *
     * @return the span &ge; 1
     */
    public int years() {
        return toYear - fromYear;
    }
}
