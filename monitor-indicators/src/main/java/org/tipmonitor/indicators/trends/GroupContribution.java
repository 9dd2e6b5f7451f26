package org.tipmonitor.indicators.trends;

import java.util.Objects;

/**
 * One group's part in a total change: its own change and what the total would have done without it.
 *
 * @param group          the group's label (e.g. {@code "Africa"})
 * @param change         the group's change between the two years
 * @param totalWithout   the change of the total with this group left out
 */
public record GroupContribution(String group, Change change, Change totalWithout) {

    /**
     * Validates the contribution.
     *
     * @throws NullPointerException if a component is null
     */
    public GroupContribution {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(totalWithout, "totalWithout");
    }

    /**
     * The group's absolute change, its additive contribution to the total change.
     *
     * @return c&#8322; &minus; c&#8321; of the group
     */
    public long contribution() {
        return change.absolute();
    }
}
