package org.tipmonitor.indicators.offenders;

import java.util.Arrays;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * A five-number summary and mean of sentence lengths, such as the months of unconditional custody
 * (onvoorwaardelijke vrijheidsstraf) of the offenders convicted in a year.
 *
 * <p>Quantiles are Hyndman &amp; Fan's (1996) type 7, the default of R {@code quantile(x)} and numpy
 * {@code percentile(x, q)}: for the sorted values x<sub>(1)</sub> &le; ... &le; x<sub>(n)</sub> and p in [0, 1],
 * <pre>
 *   h = (n &minus; 1)p + 1,   Q(p) = x_(&lfloor;h&rfloor;) + (h &minus; &lfloor;h&rfloor;)(x_(&lfloor;h&rfloor;+1) &minus; x_(&lfloor;h&rfloor;)).
 * </pre>
 * Reference: Hyndman, R. J. &amp; Fan, Y. (1996). Sample quantiles in statistical packages. <i>The American
 * Statistician</i> 50(4), 361&ndash;365.
 *
 * @param n             the number of sentences, &ge; 1
 * @param mean          the arithmetic mean
 * @param minimum       the smallest value
 * @param firstQuartile Q(0.25)
 * @param median        Q(0.5)
 * @param thirdQuartile Q(0.75)
 * @param maximum       the largest value
 */
public record SentenceLengthSummary(
        long n, double mean, double minimum, double firstQuartile, double median, double thirdQuartile,
        double maximum) {


    /**
     * Validates the summary.
     *
     * @throws IndicatorException if n &lt; 1 or the statistics are not ordered (NaN is rejected)
     */
    public SentenceLengthSummary {
        if (n < 1) {
            throw IndicatorException.of(IndicatorRule.SENTENCE_NO_VALUES, n);
        }
        if (!(minimum <= firstQuartile && firstQuartile <= median && median <= thirdQuartile
                && thirdQuartile <= maximum && minimum <= mean && mean <= maximum)) {
            throw IndicatorException.of(IndicatorRule.SENTENCE_SUMMARY_NOT_ORDERED, minimum, firstQuartile, median, thirdQuartile, maximum, mean);
        }
    }

    /**
     * The summary of some lengths.
     *
     * @param values the lengths (e.g. months), each &ge; 0; not modified
     * @return the summary, or empty when there are no values
     * @throws IndicatorException if a value is negative
     */
    public static Optional<SentenceLengthSummary> of(int... values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw IndicatorException.of(IndicatorRule.SENTENCE_LENGTH_NEGATIVE, sorted[0]);
        }
        double sum = 0;
        for (int v : sorted) {
            sum += v;
        }
        double mean = Math.min(sorted[sorted.length - 1], Math.max(sorted[0], sum / sorted.length));
        return Optional.of(new SentenceLengthSummary(sorted.length, mean, sorted[0], quantile(sorted, 0.25),
                quantile(sorted, 0.5), quantile(sorted, 0.75), sorted[sorted.length - 1]));
    }

    /**
     * The type-7 quantile of sorted values.
     *
     * @param sorted the values in increasing order, at least one
     * @param p      the probability, in [0, 1]
     * @return Q(p)
     */
    static double quantile(int[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
