package org.tipmonitor.examples.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known truth behind a synthetic dataset: the size of the true victim population per year and the
 * probability that a victim was found by at least one list.
 *
 * @param seed             the seed of the data
 * @param scale            the scale relative to the published counts
 * @param truePopulation   true number of victims per registration year
 * @param probabilityInView probability per year that a true victim appears in the data
 */
public record SyntheticTruth(long seed, double scale, Map<Integer, Long> truePopulation,
                             Map<Integer, Double> probabilityInView) {

    /** Copies the maps, keeping the year order. */
    public SyntheticTruth {
        truePopulation = Collections.unmodifiableMap(new LinkedHashMap<>(truePopulation));
        probabilityInView = Collections.unmodifiableMap(new LinkedHashMap<>(probabilityInView));
    }

    /**
     * The true population over all years.
     *
     * @return the total
     */
    public long totalPopulation() {
        return truePopulation.values().stream().mapToLong(Long::longValue).sum();
    }
}
