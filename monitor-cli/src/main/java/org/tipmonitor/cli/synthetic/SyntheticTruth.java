package org.tipmonitor.cli.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.model.ExploitationForm;

/**
 * The known truth behind a synthetic dataset: the size of the true victim population per year and the
 * probability that a victim was found by at least one list. The true population per year, form and age group is
 * {@link SyntheticMonitorData#trueStrata()}.
 *
 * @param seed              the seed of the data
 * @param scale             the scale relative to the published counts
 * @param truePopulation    true number of victims per registration year
 * @param probabilityInView probability per year that a true victim appears in the data
 * @param heterogeneity     the unobserved heterogeneity of catchability, 0 for none
 *                          (see {@link SyntheticMonitorData#withHeterogeneity(double)})
 */
public record SyntheticTruth(long seed, double scale, Map<Integer, Long> truePopulation,
                             Map<Integer, Double> probabilityInView, double heterogeneity) {

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

    /**
     * The true victims of one registration year, form of exploitation and age group, seen or not.
     *
     * @param year    the registration year (the year the victim came into view)
     * @param form    the true form of exploitation
     * @param minor   whether the victim is a minor by the report's rule (under 18 at the first report)
     * @param victims the number of true victims, at least 0
     */
    public record Stratum(int year, ExploitationForm form, boolean minor, long victims) {

        /**
         * Checks the stratum.
         *
         * @throws NullPointerException     if form is null
         * @throws IllegalArgumentException if victims is negative
         */
        public Stratum {
            Objects.requireNonNull(form, "form");
            if (victims < 0) {
                throw new IllegalArgumentException("Number of victims is negative: " + victims);
            }
        }
    }
}
