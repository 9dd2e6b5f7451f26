package org.tipmonitor.indicators.programme;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The progress of one responsible organisation's measures: the number of measures per category.
 *
 * @param organisation the responsible organisation
 * @param counts       measures per category, every category present (0 when none); copied
 */
public record OrganisationProgress(String organisation, Map<ProgressCategory, Long> counts) {

    /**
     * Copies the counts and fills in missing categories with 0.
     *
     * @throws NullPointerException if an argument is null
     */
    public OrganisationProgress {
        Objects.requireNonNull(organisation, "organisation");
        EnumMap<ProgressCategory, Long> all = new EnumMap<>(ProgressCategory.class);
        for (ProgressCategory category : ProgressCategory.values()) {
            all.put(category, counts.getOrDefault(category, 0L));
        }
        counts = Map.copyOf(all);
    }

    /**
     * The number of the organisation's measures.
     *
     * @return the sum over the categories
     */
    public long measures() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The number of measures in a category.
     *
     * @param category the category
     * @return the count
     */
    public long count(ProgressCategory category) {
        return counts.get(category);
    }
}
