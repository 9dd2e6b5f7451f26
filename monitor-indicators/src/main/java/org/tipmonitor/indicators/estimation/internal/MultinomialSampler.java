package org.tipmonitor.indicators.estimation.internal;

import java.util.SplittableRandom;

/**
 * Draws multinomial tables by sampling each of the `size` units independently from the category probabilities
 * with Walker's alias method (Vose 1991 construction): O(K) set-up, O(1) per unit, exact.
 */
public final class MultinomialSampler {

    private final double[] probability;
    private final int[] alias;

    /**
     * Prepares the sampler.
     *
     * @param weights non-negative category weights, not all 0 (normalised here)
     */
    public MultinomialSampler(double[] weights) {
        int k = weights.length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        probability = new double[k];
        alias = new int[k];
        double[] scaled = new double[k];
        int[] small = new int[k];
        int[] large = new int[k];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < k; i++) {
            scaled[i] = weights[i] * k / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            probability[large[--nl]] = 1;
        }
        while (ns > 0) {
            probability[small[--ns]] = 1; // round-off leftovers
        }
    }

    /**
     * One multinomial table.
     *
     * @param size the number of units
     * @param rng  the random source
     * @return the counts per category
     */
    public long[] sample(long size, SplittableRandom rng) {
        int k = probability.length;
        long[] counts = new long[k];
        for (long u = 0; u < size; u++) {
            int i = rng.nextInt(k);
            counts[rng.nextDouble() < probability[i] ? i : alias[i]]++;
        }
        return counts;
    }
}
