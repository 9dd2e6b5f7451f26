package org.tipmonitor.indicators.trends;

/**
 * The reasons a trend is not estimable ({@link TrendNotEstimable}); the templates of this package's exceptions are in
 * {@link org.tipmonitor.indicators.IndicatorRule}.
 */
final class Messages {

    /** Reason of a {@link TrendNotEstimable}: IRLS did not converge (argument: the iteration limit). */
    static final String NOT_CONVERGED = "IRLS did not converge within %d iterations";

    /** Reason of a {@link TrendNotEstimable}: no positive count. */
    static final String ALL_ZERO = "All counts are zero";

    /** Reason of a {@link TrendNotEstimable}: the MLE of the slope is minus infinity. */
    static final String ALL_IN_FIRST_YEAR =
            "All positive counts are in the first year: the slope estimate is minus infinity";

    /** Reason of a {@link TrendNotEstimable}: the MLE of the slope is plus infinity. */
    static final String ALL_IN_LAST_YEAR =
            "All positive counts are in the last year: the slope estimate is plus infinity";

    private Messages() {
    }
}
