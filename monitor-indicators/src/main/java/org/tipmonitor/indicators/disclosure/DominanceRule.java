package org.tipmonitor.indicators.disclosure;

import java.util.Arrays;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * The (n, k) dominance rule for a cell of a magnitude table (e.g. the sum of sentence lengths of the offenders in a
 * cell): the cell is sensitive if its n largest contributions make up more than k percent of its total,
 * <pre>
 *   x_{(1)} + ... + x_{(n)} &gt; (k / 100) &middot; &Sigma;_i x_i,
 * </pre>
 * with contributions x<sub>i</sub> &ge; 0 sorted in decreasing order. Hundepool et al., <i>Statistical Disclosure
 * Control</i>, Wiley 2012, section 4.2.2. CBS's rule for income statistics, "the largest value is at most 30% of the
 * sum", is (1, 30); the Bundesbank research centre uses (2, 85).
 *
 * @param n the number of largest contributions, &ge; 1
 * @param k the percentage, in (0, 100]
 */
public record DominanceRule(int n, double k) {

    /**
     * Validates the rule.
     *
     * @throws IndicatorException if n &lt; 1 or k is not in (0, 100]
     */
    public DominanceRule {
        if (n < 1) {
            throw IndicatorException.of(IndicatorRule.DOMINANCE_CONTRIBUTIONS, n);
        }
        if (!(k > 0 && k <= 100)) {
            throw IndicatorException.of(IndicatorRule.DOMINANCE_PERCENTAGE, k);
        }
    }

    /**
     * Whether a cell with these contributions is sensitive. A cell with fewer than n + 1 positive contributions is
     * always sensitive when its total is positive (its n largest are the whole total, unless k = 100); an empty or
     * all-zero cell is not.
     *
     * @param contributions the contributions of the cell's units, each finite and &ge; 0
     * @return true if the n largest exceed k% of the total
     * @throws IndicatorException if a contribution is negative or not finite
     */
    public boolean isDominated(double... contributions) {
        double[] sorted = contributions.clone();
        double total = 0;
        for (double x : sorted) {
            if (!(x >= 0 && Double.isFinite(x))) {
                throw IndicatorException.of(IndicatorRule.BAD_CONTRIBUTION, x);
            }
            total += x;
        }
        if (total == 0) {
            return false;
        }
        Arrays.sort(sorted);
        double largest = 0;
        for (int i = 0; i < n && i < sorted.length; i++) {
            largest += sorted[sorted.length - 1 - i];
        }
        return largest > k / 100 * total;
    }
}
