package org.tipmonitor.indicators.shares;

import org.tipmonitor.indicators.internal.Arguments;

/**
 * Methods for a two-sided confidence interval of the difference d = p&#8321; &minus; p&#8322; of two independent
 * binomial proportions, with estimates p&#770;&#7522; = x&#7522;/n&#7522; and z = &Phi;<sup>-1</sup>(1 &minus; &alpha;/2).
 *
 * <p>Both return bounds in [&minus;1, 1] that bracket d&#770; = p&#770;&#8321; &minus; p&#770;&#8322;.
 *
 * <p>Reference: Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions:
 * comparison of eleven methods. <i>Statistics in Medicine</i> 17(8), 873&ndash;890.
 */
public enum DifferenceMethod {

    /**
     * Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the Wilson score limits
     * [l&#7522;, u&#7522;] of each proportion at the same level:
     * <pre>
     *   lower = d&#770; &minus; &radic;( (p&#770;&#8321; &minus; l&#8321;)&sup2; + (u&#8322; &minus; p&#770;&#8322;)&sup2; )
     *   upper = d&#770; + &radic;( (u&#8321; &minus; p&#770;&#8321;)&sup2; + (p&#770;&#8322; &minus; l&#8322;)&sup2; )
     * </pre>
     * Recommended by Newcombe for its coverage close to nominal; defined for x = 0 and x = n.
     */
    NEWCOMBE("newcombe-hybrid-score") {
        @Override
        double[] bounds(long x1, long n1, long x2, long n2, double level) {
            double p1 = (double) x1 / n1;
            double p2 = (double) x2 / n2;
            double[] w1 = BinomialInterval.WILSON.interval(x1, n1, level);
            double[] w2 = BinomialInterval.WILSON.interval(x2, n2, level);
            double d = p1 - p2;
            double lower = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
            double upper = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
            return new double[] {lower, upper};
        }
    },

    /**
     * Wald interval,
     * <pre>
     *   d&#770; &plusmn; z &radic;( p&#770;&#8321;(1 &minus; p&#770;&#8321;)/n&#8321; + p&#770;&#8322;(1 &minus; p&#770;&#8322;)/n&#8322; ),
     * </pre>
     * truncated to [&minus;1, 1].
     * Newcombe (1998) finds its coverage poor for small n or extreme p; it degenerates to the single point d&#770;
     * when both shares are 0 or 1. Offered for comparison with published figures that used it.
     */
    WALD("wald") {
        @Override
        double[] bounds(long x1, long n1, long x2, long n2, double level) {
            double p1 = (double) x1 / n1;
            double p2 = (double) x2 / n2;
            double z = BinomialInterval.z(1 - level);
            double half = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
            return new double[] {p1 - p2 - half, p1 - p2 + half};
        }
    };

    private final String id;

    DifferenceMethod(String id) {
        this.id = id;
    }

    /**
     * The method's name as recorded in a result's provenance.
     *
     * @return e.g. {@code "newcombe-hybrid-score"}
     */
    public String id() {
        return id;
    }

    /**
     * Computes the interval for p&#8321; &minus; p&#8322;.
     *
     * @param x1    successes in the first group, in [0, n1]
     * @param n1    trials in the first group, &ge; 1
     * @param x2    successes in the second group, in [0, n2]
     * @param n2    trials in the second group, &ge; 1
     * @param level the confidence level, in (0, 1)
     * @return {lower, upper} in [&minus;1, 1]
     * @throws org.tipmonitor.indicators.IndicatorException if a trials count is less than 1, a successes count is
     *         not in [0, trials], or the level is not in (0, 1)
     */
    public double[] interval(long x1, long n1, long x2, long n2, double level) {
        Arguments.checkTrials(x1, n1);
        Arguments.checkTrials(x2, n2);
        Arguments.checkConfidenceLevel(level);
        double d = (double) x1 / n1 - (double) x2 / n2;
        double[] b = bounds(x1, n1, x2, n2, level);
        return new double[] {Math.max(-1, Math.min(b[0], d)), Math.min(1, Math.max(b[1], d))};
    }

    abstract double[] bounds(long x1, long n1, long x2, long n2, double level);

    private static double square(double v) {
        return v * v;
    }
}
