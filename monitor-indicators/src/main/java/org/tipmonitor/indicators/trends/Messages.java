package org.tipmonitor.indicators.trends;

/**
 * The message templates of this package's {@link org.tipmonitor.indicators.IndicatorException}s ({@link String#format}
 * syntax), each stating the rule broken and then the offending value.
 */
final class Messages {

    /** Template: {@code Confidence level is not in (0, 1): %s}. */
    static final String CONFIDENCE = "Confidence level is not in (0, 1): %s";

    /** Template: {@code Group counts do not sum to the total: %d -> %d, total %d -> %d}. */
    static final String GROUPS_DO_NOT_SUM = "Group counts do not sum to the total: %d -> %d, total %d -> %d";

    /** Template: {@code Count is negative: %d}. */
    static final String NEGATIVE_COUNT = "Count is negative: %d";

    /** Template: {@code Number of groups is less than 1: %d}. */
    static final String NO_GROUPS = "Number of groups is less than 1: %d";

    /** Template: {@code Residual degrees of freedom is less than 1: %d}. */
    static final String NO_RESIDUAL_DEGREES_OF_FREEDOM = "Residual degrees of freedom is less than 1: %d";

    /** Template: {@code Number of series is less than 1: %d}. */
    static final String NO_SERIES = "Number of series is less than 1: %d";

    /** Template: {@code Group is not in the decomposition: %s}. */
    static final String NO_SUCH_GROUP = "Group is not in the decomposition: %s";

    /** Template: {@code Number of years is less than 1: %d}. */
    static final String NO_YEARS = "Number of years is less than 1: %d";

    /** Template: {@code Rate change bounds are not ordered -1 &lt;= lower &lt;= estimate &lt;= upper: %s, %s, %s}. */
    static final String RATE_CHANGE_BOUNDS =
            "Rate change bounds are not ordered -1 <= lower <= estimate <= upper: %s, %s, %s";

    /** Template: {@code Dimension is repeated: %s}. */
    static final String REPEATED_DIMENSION = "Dimension is repeated: %s";

    /** Template: {@code Series cover different years: %d-%d and %d-%d}. */
    static final String SERIES_DIFFERENT_YEARS = "Series cover different years: %d-%d and %d-%d";

    /** Template: {@code Significance level is not in (0, 1): %s}. */
    static final String SIGNIFICANCE = "Significance level is not in (0, 1): %s";

    /** Template: {@code Trend statistic is not finite: %s}. */
    static final String STATISTIC_NOT_FINITE = "Trend statistic is not finite: %s";

    /** Template: {@code Number of years is less than 3: %d}. */
    static final String TOO_FEW_YEARS_FOR_TREND = "Number of years is less than 3: %d";

    /** Template: {@code Years are not consecutive: %d follows %d}. */
    static final String YEARS_NOT_CONSECUTIVE = "Years are not consecutive: %d follows %d";

    /** Template: {@code Later year is not after earlier year: %d &lt;= %d}. */
    static final String YEARS_OUT_OF_ORDER = "Later year is not after earlier year: %d <= %d";

    /** Template: {@code Years are not consecutive: %s follows %s}. */
    static final String YEAR_LABELS_NOT_CONSECUTIVE = "Years are not consecutive: %s follows %s";

    /** Template: {@code Year label is not an integer in dimension %s: %s}. */
    static final String YEAR_LABEL_NOT_INTEGER = "Year label is not an integer in dimension %s: %s";

    /** Template: {@code Series of group %s cover %d-%d, not %d-%d}. */
    static final String GROUP_SERIES_DIFFERENT_YEARS = "Series of group %s cover %d-%d, not %d-%d";

    /** Template: {@code Group is not in the series of %s: %s}. */
    static final String GROUP_NOT_IN_SERIES = "Group is not in the series of %s: %s";

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
