package org.tipmonitor.indicators.disclosure;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * Deterministic rounding of published counts to a multiple of a base, the alternative to suppression: each cell
 * and each margin is rounded on its own to the nearest multiple of b, halves upwards,
 * <pre>
 *   r(v) = b &middot; &lfloor;(v + &lfloor;b/2&rfloor;) / b&rfloor;   for v &ge; 0.
 * </pre>
 * Rounded margins are generally not the sums of the rounded cells; that is the price of publishing every cell.
 * Hundepool et al., <i>Statistical Disclosure Control</i>, Wiley 2012, section 5.4 (deterministic rounding). Every
 * published value is a multiple of the base and lies within b/2 of the true count.
 */
public enum Rounding {

    /** Round to a multiple of 5: 0-2 &rarr; 0, 3-7 &rarr; 5, 8-12 &rarr; 10, ... */
    BASE_5(5),
    /** Round to a multiple of 10: 0-4 &rarr; 0, 5-14 &rarr; 10, ... */
    BASE_10(10),
    /**
     * Statistics Netherlands' (CBS) rounding to hundreds, as in its income statistics: 0-49 &rarr; 0, 50-149 &rarr; 100,
     * ... (CBS, "Aanvullende onderzoeksbeschrijving inkomensstatistiek", 2021, section 5).
     */
    CBS_HUNDREDS(100);

    private final long base;

    Rounding(long base) {
        this.base = base;
    }

    /**
     * The base b.
     *
     * @return the base
     */
    public long base() {
        return base;
    }

    /**
     * Rounds a count to the nearest multiple of the base, halves upwards.
     *
     * @param count the count, &ge; 0
     * @return the rounded count, a multiple of the base
     * @throws IndicatorException if the count is negative
     */
    public long round(long count) {
        return nearest(count, base);
    }

    /**
     * Rounds a count to the nearest multiple of any base b, halves upwards, r = b&middot;&lfloor;(v + &lfloor;b/2&rfloor;)/b&rfloor;:
     * the rule of the constants above for a base of the caller's choice (for example an isolated count printed beside
     * tables published by {@link ControlledRounding} with base b). The true count lies in [r &minus; &lfloor;b/2&rfloor;,
     * r + &lceil;b/2&rceil; &minus; 1].
     *
     * @param count the count, &ge; 0
     * @param base  b &ge; 2
     * @return the rounded count, a multiple of b
     * @throws IndicatorException if the count is negative; ({@link IndicatorRule#ROUNDING_BASE}) if b &lt; 2
     */
    public static long nearest(long count, long base) {
        Arguments.checkCount(count);
        if (base < 2) {
            throw IndicatorException.of(IndicatorRule.ROUNDING_BASE, base);
        }
        return Math.multiplyExact(count / base + (count % base >= base - base / 2 ? 1 : 0), base);
    }
}
