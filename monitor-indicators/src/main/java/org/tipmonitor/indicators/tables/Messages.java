package org.tipmonitor.indicators.tables;

/**
 * The message templates of this package's {@link org.tipmonitor.indicators.IndicatorException}s ({@link String#format}
 * syntax), each stating the rule broken and then the offending value.
 */
final class Messages {

    /** Template: {@code Contribution is negative or not finite: %s}. */
    static final String BAD_CONTRIBUTION = "Contribution is negative or not finite: %s";

    /** Template: {@code Category label of dimension %s is blank: '%s'}. */
    static final String BLANK_CATEGORY = "Category label of dimension %s is blank: '%s'";

    /** Template: {@code Dimension name is blank: '%s'}. */
    static final String BLANK_DIMENSION_NAME = "Dimension name is blank: '%s'";

    /** Template: {@code Number of cells is not the product of the category counts %d: %d}. */
    static final String CELL_COUNT = "Number of cells is not the product of the category counts %d: %d";

    /** Template: {@code Number of labels is not the table's rank %d: %d}. */
    static final String LABELS_NOT_RANK = "Number of labels is not the table's rank %d: %d";

    /** Template: {@code Count is negative: %d}. */
    static final String NEGATIVE_COUNT = "Count is negative: %d";

    /** Template: {@code Number of categories of dimension %s is less than 1: 0}. */
    static final String NO_CATEGORIES = "Number of categories of dimension %s is less than 1: 0";

    /** Template: {@code Category is not in dimension %s: %s}. */
    static final String NO_SUCH_CATEGORY = "Category is not in dimension %s: %s";

    /** Template: {@code Dimension is not in the table: %s}. */
    static final String NO_SUCH_DIMENSION = "Dimension is not in the table: %s";

    /** Template: {@code Category label of dimension %s is repeated: %s}. */
    static final String REPEATED_CATEGORY = "Category label of dimension %s is repeated: %s";

    /** Template: {@code Dimension is repeated: %s}. */
    static final String REPEATED_DIMENSION = "Dimension is repeated: %s";

    private Messages() {
    }
}
