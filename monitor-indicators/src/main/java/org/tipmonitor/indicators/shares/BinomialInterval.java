package org.tipmonitor.indicators.shares;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * Methods for a two-sided confidence interval of a binomial proportion p, given x successes in n trials
 * (0 &le; x &le; n, n &ge; 1) and a confidence level 1 &minus; &alpha;. Below, z = &Phi;<sup>-1</sup>(1 &minus; &alpha;/2)
 * and B(q; a, b) is the q-quantile of the beta distribution with shapes a and b.
 *
 * <p>Brown, Cai &amp; DasGupta (2001) show that the Wald interval p&#770; &plusmn; z&radic;(p&#770;(1&minus;p&#770;)/n) has
 * erratic and often poor coverage even for large n, and recommend Wilson or Jeffreys for small n and Agresti&ndash;Coull
 * for n &ge; 40; Clopper&ndash;Pearson guarantees coverage at the price of width. Wilson is this library's default.
 * The Wald interval is therefore not offered for a single share.
 *
 * <p>Every method returns bounds in [0, 1] with lower &le; x/n &le; upper, lower = 0 when x = 0 and upper = 1 when
 * x = n.
 *
 * <p>References:
 * <ul>
 *   <li>Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
 *       <i>JASA</i> 22(158), 209&ndash;212.</li>
 *   <li>Clopper, C. J. &amp; Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated in the case
 *       of the binomial. <i>Biometrika</i> 26(4), 404&ndash;413.</li>
 *   <li>Agresti, A. &amp; Coull, B. A. (1998). Approximate is better than "exact" for interval estimation of binomial
 *       proportions. <i>The American Statistician</i> 52(2), 119&ndash;126.</li>
 *   <li>Brown, L. D., Cai, T. T. &amp; DasGupta, A. (2001). Interval estimation for a binomial proportion.
 *       <i>Statistical Science</i> 16(2), 101&ndash;133.</li>
 * </ul>
 */
public enum BinomialInterval {

    /**
     * Wilson score interval (Wilson 1927): the set of p for which the score test does not reject,
     * <pre>
     *   (x + z&sup2;/2) / (n + z&sup2;)  &plusmn;  z / (n + z&sup2;) &middot; &radic;( x(n &minus; x)/n + z&sup2;/4 )
     * </pre>
     */
    WILSON("wilson") {
        @Override
        double[] bounds(long x, long n, double alpha) {
            double z = z(alpha);
            double z2 = z * z;
            double centre = (x + z2 / 2) / (n + z2);
            double half = z / (n + z2) * Math.sqrt((double) x * (n - x) / n + z2 / 4);
            return new double[] {centre - half, centre + half};
        }
    },

    /**
     * Clopper&ndash;Pearson "exact" interval (Clopper &amp; Pearson 1934), the inversion of two one-sided binomial
     * tests:
     * <pre>
     *   lower = B(&alpha;/2; x, n &minus; x + 1)      (0 when x = 0)
     *   upper = B(1 &minus; &alpha;/2; x + 1, n &minus; x)  (1 when x = n)
     * </pre>
     */
    CLOPPER_PEARSON("clopper-pearson") {
        @Override
        double[] bounds(long x, long n, double alpha) {
            double lower = x == 0 ? 0 : beta(x, n - x + 1).inverseCumulativeProbability(alpha / 2);
            double upper = x == n ? 1 : beta(x + 1, n - x).inverseCumulativeProbability(1 - alpha / 2);
            return new double[] {lower, upper};
        }
    },

    /**
     * Jeffreys interval (Brown, Cai &amp; DasGupta 2001, section 4.1.2): the equal-tailed credible interval of the
     * posterior Beta(x + &frac12;, n &minus; x + &frac12;) under the Jeffreys prior Beta(&frac12;, &frac12;), with the authors'
     * modification at the boundary:
     * <pre>
     *   lower = B(&alpha;/2; x + &frac12;, n &minus; x + &frac12;)      (0 when x = 0)
     *   upper = B(1 &minus; &alpha;/2; x + &frac12;, n &minus; x + &frac12;)  (1 when x = n)
     * </pre>
     */
    JEFFREYS("jeffreys") {
        @Override
        double[] bounds(long x, long n, double alpha) {
            BetaDistribution posterior = beta(x + 0.5, n - x + 0.5);
            double lower = x == 0 ? 0 : posterior.inverseCumulativeProbability(alpha / 2);
            double upper = x == n ? 1 : posterior.inverseCumulativeProbability(1 - alpha / 2);
            return new double[] {lower, upper};
        }
    },

    /**
     * Agresti&ndash;Coull interval (Agresti &amp; Coull 1998), the Wald interval around the Wilson centre:
     * <pre>
     *   &ntilde; = n + z&sup2;,  p&#771; = (x + z&sup2;/2) / &ntilde;,  p&#771; &plusmn; z &radic;( p&#771;(1 &minus; p&#771;) / &ntilde; )
     * </pre>
     * truncated to [0, 1].
     */
    AGRESTI_COULL("agresti-coull") {
        @Override
        double[] bounds(long x, long n, double alpha) {
            double z = z(alpha);
            double nTilde = n + z * z;
            double pTilde = (x + z * z / 2) / nTilde;
            double half = z * Math.sqrt(pTilde * (1 - pTilde) / nTilde);
            return new double[] {pTilde - half, pTilde + half};
        }
    };

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final String id;

    BinomialInterval(String id) {
        this.id = id;
    }

    /**
     * The method's name as recorded in a result's provenance.
     *
     * @return e.g. {@code "wilson"}
     */
    public String id() {
        return id;
    }

    /**
     * Computes the interval for x successes in n trials.
     *
     * @param successes  x, 0 &le; x &le; n
     * @param trials     n &ge; 1
     * @param confidence the confidence level 1 &minus; &alpha;, in (0, 1)
     * @return {lower, upper}, clipped to [0, 1], with lower = 0 if x = 0 and upper = 1 if x = n
     * @throws org.tipmonitor.indicators.IndicatorException if trials &lt; 1, successes is not in [0, trials], or
     *         the confidence level is not in (0, 1)
     */
    public double[] interval(long successes, long trials, double confidence) {
        Arguments.checkTrials(successes, trials);
        Arguments.checkConfidenceLevel(confidence);
        double[] b = bounds(successes, trials, 1 - confidence);
        // Truncate to [0, 1] (Agresti-Coull) and remove rounding noise at the boundaries.
        double lower = successes == 0 ? 0 : Math.max(0, b[0]);
        double upper = successes == trials ? 1 : Math.min(1, b[1]);
        return new double[] {lower, upper};
    }

    abstract double[] bounds(long x, long n, double alpha);

    static double z(double alpha) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }

    private static BetaDistribution beta(double a, double b) {
        return new BetaDistribution(null, a, b, 1e-14);
    }
}
