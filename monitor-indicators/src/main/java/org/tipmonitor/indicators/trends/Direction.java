package org.tipmonitor.indicators.trends;

/** The direction of a change between two counts. */
public enum Direction {

    /** The later count is larger. */
    INCREASE,
    /** The later count is smaller. */
    DECREASE,
    /** The counts are equal. */
    UNCHANGED;

    /**
     * The direction of an absolute change.
     *
     * @param change later minus earlier count
     * @return INCREASE if positive, DECREASE if negative, UNCHANGED if zero
     */
    public static Direction of(long change) {
        return change > 0 ? INCREASE : change < 0 ? DECREASE : UNCHANGED;
    }
}
