package org.tipmonitor.indicators;

import java.util.Optional;
import org.tipmonitor.model.Rule;

/**
 * The rules of monitor-indicators, each with a stable code: this enum is the one place where the codes and their
 * message templates are listed. Every {@link IndicatorException} carries one ({@link IndicatorException#rule()}).
 *
 * <p>Codes: {@code TM-IN-nnnn} for the descriptive indicators (00nn several packages, 01nn shares, 02nn trends, 03nn
 * tables, 04nn victims, 05nn offenders, 06nn police signals, 07nn residence, 08nn follow-up), {@code TM-DC-nnnn} for
 * disclosure control (00nn parameters, 001n linked tables, 002n stated facts and consistency, 003n rounding, 004n
 * magnitude tables) and {@code TM-MSE-nnn} for population-size estimation (0nn counts CSV with a line number, 1nn
 * arguments, 2nn model formulas with a character position, 4nn list definitions, 5nn covariate models). The
 * {@code TM-MSE} and {@code TM-DC} codes are those published before this enum existed. Templates use
 * {@link String#format} syntax; messages never repeat a value that could identify a person.
 */
public enum IndicatorRule implements Rule {

    // Rules of several packages and of YearRange (TM-IN-00nn).

    /** Template: {@code Number of years exceeds %d: %d}. */
    YEAR_RANGE_TOO_LONG("TM-IN-0001", "Number of years exceeds %d: %d"),
    /** Template: {@code Last year is before first year: %d < %d}. */
    YEAR_RANGE_NOT_ORDERED("TM-IN-0002", "Last year is before first year: %d < %d"),
    /** Template: {@code Confidence level is not in (0, 1): %s}. */
    CONFIDENCE_LEVEL("TM-IN-0003", "Confidence level is not in (0, 1): %s"),
    /** Template: {@code Year %d is outside the period %s}. */
    YEAR_OUTSIDE_PERIOD("TM-IN-0004", "Year %d is outside the period %s"),
    /** Template: {@code %s is negative: %d}. */
    NEGATIVE_QUANTITY("TM-IN-0005", "%s is negative: %d"),
    /** Template: {@code Cut date does not leave a day of the period %s on each side: %s}. */
    CUT_DATE_OUTSIDE_PERIOD("TM-IN-0006", "Cut date does not leave a day of the period %s on each side: %s"),
    /** Template: {@code Contribution is negative or not finite: %s}. */
    BAD_CONTRIBUTION("TM-IN-0007", "Contribution is negative or not finite: %s"),
    /** Template: {@code Count is negative: %d}. */
    NEGATIVE_COUNT("TM-IN-0008", "Count is negative: %d"),
    /** Template: {@code Dimension is repeated: %s}. */
    REPEATED_DIMENSION("TM-IN-0009", "Dimension is repeated: %s"),

    // Shares, differences and rate ratios (TM-IN-01nn).

    /** Template: {@code Difference bounds are not ordered -1 <= lower <= difference <= upper <= 1: %s, %s, %s}. */
    SHARE_DIFFERENCE_BOUNDS("TM-IN-0101",
            "Difference bounds are not ordered -1 <= lower <= difference <= upper <= 1: %s, "
                    + "%s, %s"),
    /** Template: {@code Trials is less than 1: %d}. */
    SHARE_NO_TRIALS("TM-IN-0102", "Trials is less than 1: %d"),
    /** Template: {@code Share bounds are not ordered 0 <= lower <= estimate <= upper <= 1: %s, %s, %s}. */
    SHARE_BOUNDS("TM-IN-0103", "Share bounds are not ordered 0 <= lower <= estimate <= upper <= 1: %s, %s, %s"),
    /** Template: {@code Successes exceed trials: %d > %d}. */
    SHARE_SUCCESSES_ABOVE_TRIALS("TM-IN-0104", "Successes exceed trials: %d > %d"),
    /** Template: {@code Rate ratio bounds are not ordered 0 <= lower <= estimate <= upper: %s, %s, %s}. */
    RATE_RATIO_BOUNDS("TM-IN-0105", "Rate ratio bounds are not ordered 0 <= lower <= estimate <= upper: %s, %s, %s"),
    /** Template: {@code Exposure is not positive and finite: %s}. */
    RATE_RATIO_EXPOSURE("TM-IN-0106", "Exposure is not positive and finite: %s"),

    // Annual series and trends (TM-IN-02nn).

    /** Template: {@code Year is not in the series %d-%d: %d}. */
    TREND_YEAR_OUTSIDE_SERIES("TM-IN-0201", "Year is not in the series %d-%d: %d"),
    /** Template: {@code Group counts do not sum to the total: %d -> %d, total %d -> %d}. */
    TREND_GROUPS_DO_NOT_SUM("TM-IN-0202", "Group counts do not sum to the total: %d -> %d, total %d -> %d"),
    /** Template: {@code Group is not in the series of %s: %s}. */
    TREND_GROUP_NOT_IN_SERIES("TM-IN-0203", "Group is not in the series of %s: %s"),
    /** Template: {@code Series of group %s cover %d-%d, not %d-%d}. */
    TREND_GROUP_SERIES_DIFFERENT_YEARS("TM-IN-0204", "Series of group %s cover %d-%d, not %d-%d"),
    /** Template: {@code Number of groups is less than 1: %d}. */
    TREND_NO_GROUPS("TM-IN-0205", "Number of groups is less than 1: %d"),
    /** Template: {@code Residual degrees of freedom is less than 1: %d}. */
    TREND_NO_RESIDUAL_DEGREES_OF_FREEDOM("TM-IN-0206", "Residual degrees of freedom is less than 1: %d"),
    /** Template: {@code Number of series is less than 1: %d}. */
    TREND_NO_SERIES("TM-IN-0207", "Number of series is less than 1: %d"),
    /** Template: {@code Group is not in the decomposition: %s}. */
    TREND_NO_SUCH_GROUP("TM-IN-0208", "Group is not in the decomposition: %s"),
    /** Template: {@code Number of years is less than 1: %d}. */
    TREND_NO_YEARS("TM-IN-0209", "Number of years is less than 1: %d"),
    /** Template: {@code Rate change bounds are not ordered -1 <= lower <= estimate <= upper: %s, %s, %s}. */
    TREND_RATE_CHANGE_BOUNDS("TM-IN-0210",
            "Rate change bounds are not ordered -1 <= lower <= estimate <= upper: %s, %s, %s"),
    /** Template: {@code Series cover different years: %d-%d and %d-%d}. */
    TREND_SERIES_DIFFERENT_YEARS("TM-IN-0211", "Series cover different years: %d-%d and %d-%d"),
    /** Template: {@code Significance level is not in (0, 1): %s}. */
    TREND_SIGNIFICANCE("TM-IN-0212", "Significance level is not in (0, 1): %s"),
    /** Template: {@code Trend statistic is not finite: %s}. */
    TREND_STATISTIC_NOT_FINITE("TM-IN-0213", "Trend statistic is not finite: %s"),
    /** Template: {@code Number of years is less than 3: %d}. */
    TREND_TOO_FEW_YEARS("TM-IN-0214", "Number of years is less than 3: %d"),
    /** Template: {@code Years are not consecutive: %d follows %d}. */
    TREND_YEARS_NOT_CONSECUTIVE("TM-IN-0215", "Years are not consecutive: %d follows %d"),
    /** Template: {@code Later year is not after earlier year: %d <= %d}. */
    TREND_YEARS_OUT_OF_ORDER("TM-IN-0216", "Later year is not after earlier year: %d <= %d"),
    /** Template: {@code Years are not consecutive: %s follows %s}. */
    TREND_YEAR_LABELS_NOT_CONSECUTIVE("TM-IN-0217", "Years are not consecutive: %s follows %s"),
    /** Template: {@code Year label is not an integer in dimension %s: %s}. */
    TREND_YEAR_LABEL_NOT_INTEGER("TM-IN-0218", "Year label is not an integer in dimension %s: %s"),

    // Count and magnitude tables (TM-IN-03nn).

    /** Template: {@code Number of coordinates is not the table's rank %d: %d}. */
    TABLE_COORDINATES_NOT_RANK("TM-IN-0301", "Number of coordinates is not the table's rank %d: %d"),
    /** Template: {@code Coordinate %d is not in [0, %d) or -1 (all): %d}. */
    TABLE_COORDINATE_OUT_OF_RANGE("TM-IN-0302", "Coordinate %d is not in [0, %d) or -1 (all): %d"),
    /** Template: {@code Category label of dimension %s is blank: '%s'}. */
    TABLE_BLANK_CATEGORY("TM-IN-0303", "Category label of dimension %s is blank: '%s'"),
    /** Template: {@code Dimension name is blank: '%s'}. */
    TABLE_BLANK_DIMENSION_NAME("TM-IN-0304", "Dimension name is blank: '%s'"),
    /** Template: {@code Number of cells is not the product of the category counts %d: %d}. */
    TABLE_CELL_COUNT("TM-IN-0305", "Number of cells is not the product of the category counts %d: %d"),
    /** Template: {@code Number of labels is not the table's rank %d: %d}. */
    TABLE_LABELS_NOT_RANK("TM-IN-0306", "Number of labels is not the table's rank %d: %d"),
    /** Template: {@code Number of categories of dimension %s is less than 1: 0}. */
    TABLE_NO_CATEGORIES("TM-IN-0307", "Number of categories of dimension %s is less than 1: 0"),
    /** Template: {@code Category is not in dimension %s: %s}. */
    TABLE_NO_SUCH_CATEGORY("TM-IN-0308", "Category is not in dimension %s: %s"),
    /** Template: {@code Dimension is not in the table: %s}. */
    TABLE_NO_SUCH_DIMENSION("TM-IN-0309", "Dimension is not in the table: %s"),
    /** Template: {@code Category label of dimension %s is repeated: %s}. */
    TABLE_REPEATED_CATEGORY("TM-IN-0310", "Category label of dimension %s is repeated: %s"),

    // Victim indicators (TM-IN-04nn).

    /** Template: {@code %s is less than 1: %d}. */
    VICTIM_NO_DAYS("TM-IN-0401", "%s is less than 1: %d"),
    /** Template: {@code Counting unit is not registrations or persons: %s}. */
    VICTIM_UNIT_NOT_ACCEPTED("TM-IN-0402", "Counting unit is not registrations or persons: %s"),

    // Offender indicators (TM-IN-05nn).

    /** Template: {@code Number of exploitation forms is less than 1: %d}. */
    OFFENDER_NO_FORMS("TM-IN-0501", "Number of exploitation forms is less than 1: %d"),
    /** Template: {@code Sentence length is negative: %d}. */
    SENTENCE_LENGTH_NEGATIVE("TM-IN-0502", "Sentence length is negative: %d"),
    /**
     * Template: {@code Summary is not ordered min <= Q1 <= median <= Q3 <= max with min <= mean <= max: %s, %s,
     * %s, %s, %s, mean %s}.
     */
    SENTENCE_SUMMARY_NOT_ORDERED("TM-IN-0503",
            "Summary is not ordered min <= Q1 <= median <= Q3 <= max with min <= mean <= max: "
                    + "%s, %s, %s, %s, %s, mean %s"),
    /** Template: {@code Number of values is less than 1: %d}. */
    SENTENCE_NO_VALUES("TM-IN-0504", "Number of values is less than 1: %d"),
    /** Template: {@code Age cut is not in [1, 150]: %d}. */
    OFFENDER_AGE_CUT_OUT_OF_RANGE("TM-IN-0505", "Age cut is not in [1, 150]: %d"),
    /** Template: {@code Counting unit is not persons or cases: %s}. */
    OFFENDER_UNIT_NOT_ACCEPTED("TM-IN-0506", "Counting unit is not persons or cases: %s"),

    // Police signals (TM-IN-06nn).

    /** Template: {@code Number of prior changes is negative: %d}. */
    POLICE_NEGATIVE_PRIOR("TM-IN-0601", "Number of prior changes is negative: %d"),
    /** Template: {@code Number of years is less than 1: %d}. */
    POLICE_NO_YEARS("TM-IN-0602", "Number of years is less than 1: %d"),
    /** Template: {@code Category is not in dimension %s: %s}. */
    POLICE_NOT_A_CATEGORY("TM-IN-0603", "Category is not in dimension %s: %s"),
    /** Template: {@code Number of categories of a restriction is less than 1: %d}. */
    POLICE_NO_CATEGORIES("TM-IN-0604", "Number of categories of a restriction is less than 1: %d"),
    /** Template: {@code Year has no previous year in the period %s: %d}. */
    POLICE_NO_PRIOR_YEAR("TM-IN-0605", "Year has no previous year in the period %s: %d"),

    // Residence scheme (TM-IN-07nn).

    /** Template: {@code Entry span %s to %s is empty or outside the period %s}. */
    RESIDENCE_SPAN("TM-IN-0701", "Entry span %s to %s is empty or outside the period %s"),
    /**
     * Template: {@code Residence-stage history %d refers to a registration not among the victims' registrations
     * (id withheld)}.
     */
    RESIDENCE_UNKNOWN_REGISTRATION("TM-IN-0702",
            "Residence-stage history %d refers to a registration not among the victims' "
                    + "registrations (id withheld)"),

    // Follow-up of police reports (TM-IN-08nn).

    /** Template: {@code Follow-up counts are not ordered 0 <= followed <= filed - notYetObservable: %d, %d, %d}. */
    FOLLOW_UP_COUNTS("TM-IN-0801",
            "Follow-up counts are not ordered 0 <= followed <= filed - notYetObservable: %d, "
                    + "%d, %d"),
    /** Template: {@code Police report %d links to a case not among the cases (id withheld)}. */
    FOLLOW_UP_UNKNOWN_CASE("TM-IN-0802", "Police report %d links to a case not among the cases (id withheld)"),
    /**
     * Template: {@code Police report %d refers to a registration not among the victims' registrations (id
     * withheld)}.
     */
    FOLLOW_UP_UNKNOWN_REGISTRATION("TM-IN-0803",
            "Police report %d refers to a registration not among the victims' registrations "
                    + "(id withheld)"),
    /** Template: {@code Times and event flags differ in length: %d and %d}. */
    FOLLOW_UP_LENGTHS("TM-IN-0804", "Times and event flags differ in length: %d and %d"),
    /** Template: {@code Time %d is negative: %d}. */
    FOLLOW_UP_NEGATIVE_TIME("TM-IN-0805", "Time %d is negative: %d"),
    /** Template: {@code Quantile probability is not in (0, 1): %s}. */
    FOLLOW_UP_QUANTILE("TM-IN-0806", "Quantile probability is not in (0, 1): %s"),
    /** Template: {@code Window is not 1 to 120 months: %d}. */
    FOLLOW_UP_WINDOW("TM-IN-0807", "Window is not 1 to 120 months: %d"),

    // Disclosure control (TM-DC-nnnn).

    /** The suppression threshold t is below 1. */
    THRESHOLD_BELOW_ONE("TM-DC-0001", "Suppression threshold is less than 1: %d"),
    /** The protection margin p is below 1. */
    MARGIN_BELOW_ONE("TM-DC-0002", "Protection margin is less than 1: %d"),
    /** The clean-up limit of secondary suppression is negative. */
    CLEAN_UP_LIMIT("TM-DC-0003", "Clean-up limit is negative: %d"),
    /** A table name is used twice in a linked set, or is blank. */
    TABLE_NAME("TM-DC-0010", "Table name is blank or used twice in the linked set: '%s'"),
    /** A cell reference names no table of the set. */
    UNKNOWN_TABLE("TM-DC-0011", "%s names no table of the linked set: '%s'"),
    /** Tables linked by a shared dimension lack it or disagree on its categories. */
    DIMENSION_MISMATCH("TM-DC-0012", "Tables '%s' and '%s' do not share dimension '%s' with the same categories"),
    /** The cells of a link disagree in the source tables. */
    LINK_DISAGREES("TM-DC-0013", "Linked tables disagree: %s is not the sum of %s"),
    /** A stated fact has a negative or fractional count, or an empty or inverted range. */
    FACT_VALUE("TM-DC-0020", "Stated fact '%s' has an invalid value: %s"),
    /** A stated fact is not true of the published values, or the published values admit no table. */
    INCONSISTENT("TM-DC-0021", "Published values and stated facts admit no nonnegative table: %s"),
    /** Template: {@code Published values are inconsistent with the table's constraints: %s}. */
    INFEASIBLE("TM-DC-0022", "Published values are inconsistent with the table's constraints: %s"),
    /** The base of controlled rounding is below 2. */
    ROUNDING_BASE("TM-DC-0030", "Controlled rounding base is less than 2: %d"),
    /** Controlled rounding was asked of a table it does not apply to (rank above 2, or not additive). */
    ROUNDING_TABLE("TM-DC-0031", "Controlled rounding needs an additive table of rank 1 or 2: %s"),
    /** The solver returned a fractional vertex, so no controlled rounding was found (not expected: see the class). */
    ROUNDING_FRACTIONAL("TM-DC-0032", "Controlled rounding solver returned a fractional solution: %s"),
    /** Template: {@code Rounding does not apply to magnitude tables: %s}. */
    ROUNDING_MAGNITUDE("TM-DC-0033", "Rounding does not apply to magnitude tables: %s"),
    /**
     * No controlled rounding of a linked set keeps every table additive (or, for a distinct-count table, consistent)
     * and every link exact; names the tables.
     */
    ROUNDING_LINKED("TM-DC-0034", "No controlled rounding to base %d keeps the linked tables %s additive with every"
            + " link exact: %s"),
    /** Template: {@code Relative magnitude protection is negative or not finite: %s}. */
    MAGNITUDE_PROTECTION("TM-DC-0040", "Relative magnitude protection is negative or not finite: %s"),
    /** Template: {@code Relative magnitude protection is not in [0, 10]: %s}. */
    MAGNITUDE_PROTECTION_RANGE("TM-DC-0041", "Relative magnitude protection is not in [0, 10]: %s"),
    /** Template: {@code Number of dominant contributions is less than 1: %d}. */
    DOMINANCE_CONTRIBUTIONS("TM-DC-0042", "Number of dominant contributions is less than 1: %d"),
    /** Template: {@code Dominance percentage is not in (0, 100]: %s}. */
    DOMINANCE_PERCENTAGE("TM-DC-0043", "Dominance percentage is not in (0, 100]: %s"),

    // Population-size estimation (TM-MSE-nnn): 0xx counts CSV (with a line number), 1xx arguments, 2xx model
    // formulas (with a character position), 4xx list definitions, 5xx covariate models.

    /** Template: {@code Counts CSV has no header line}. */
    CSV_EMPTY("TM-MSE-001", "Counts CSV has no header line"),
    /** Template: {@code Line %d: header needs at least two list columns and a final count column: '%s'}. */
    CSV_HEADER_TOO_SHORT("TM-MSE-002",
            "Line %d: header needs at least two list columns and a final count column: '%s'"),
    /** Template: {@code Line %d: last header column must be 'count' or 'Freq': '%s'}. */
    CSV_NO_COUNT_COLUMN("TM-MSE-003", "Line %d: last header column must be 'count' or 'Freq': '%s'"),
    /** Template: {@code Line %d: expected %d columns as in the header, found %d}. */
    CSV_COLUMN_COUNT("TM-MSE-004", "Line %d: expected %d columns as in the header, found %d"),
    /** Template: {@code Line %d: list column '%s' must be 0 or 1: '%s'}. */
    CSV_NOT_BINARY("TM-MSE-005", "Line %d: list column '%s' must be 0 or 1: '%s'"),
    /** Template: {@code Line %d: count must be a non-negative integer: '%s'}. */
    CSV_BAD_COUNT("TM-MSE-006", "Line %d: count must be a non-negative integer: '%s'"),
    /** Template: {@code Line %d: capture pattern %s already given on line %d}. */
    CSV_DUPLICATE_PATTERN("TM-MSE-007", "Line %d: capture pattern %s already given on line %d"),
    /** Template: {@code Line %d: the all-zero pattern is the unobserved cell and cannot have a count: %d}. */
    CSV_ZERO_PATTERN_WITH_COUNT("TM-MSE-008",
            "Line %d: the all-zero pattern is the unobserved cell and cannot have a count: %d"),
    /**
     * Template: {@code Line %d: list name %d is empty, duplicated, or contains ':', '+', '~', '"' or an invisible
     * character: '%s'}.
     */
    CSV_BAD_LIST_NAME("TM-MSE-009",
            "Line %d: list name %d is empty, duplicated, or contains ':', '+', '~', '\"' or "
                    + "an invisible character: '%s'"),
    /** Template: {@code Counts CSV could not be read: %s}. */
    CSV_READ_FAILED("TM-MSE-010", "Counts CSV could not be read: %s"),
    /** Template: {@code Line %d: no column named '%s' before the count column}. */
    CSV_NO_COVARIATE_COLUMN("TM-MSE-011", "Line %d: no column named '%s' before the count column"),
    /** Template: {@code Line %d: covariate '%s' has an empty value}. */
    CSV_EMPTY_LEVEL("TM-MSE-012", "Line %d: covariate '%s' has an empty value"),
    /** Template: {@code Line %d: more than 12 list columns: %d}. */
    CSV_TOO_MANY_LISTS("TM-MSE-013", "Line %d: more than 12 list columns: %d"),
    /** Template: {@code Line %d: the counts add up to more than the largest count, 9223372036854775807}. */
    CSV_TOTAL_OVERFLOW("TM-MSE-014", "Line %d: the counts add up to more than the largest count, 9223372036854775807"),
    /** Template: {@code Line %d: longer than %d characters}. */
    CSV_LINE_TOO_LONG("TM-MSE-015", "Line %d: longer than %d characters"),
    /** Template: {@code Number of lists is not between 2 and 12: %d}. */
    LIST_COUNT_OUT_OF_RANGE("TM-MSE-101", "Number of lists is not between 2 and 12: %d"),
    /**
     * Template: {@code List name is empty, duplicated, or contains ':', '+', '~', '"' or an invisible character:
     * '%s'}.
     */
    LIST_NAME_INVALID("TM-MSE-102",
            "List name is empty, duplicated, or contains ':', '+', '~', '\"' or an invisible "
                    + "character: '%s'"),
    /** Template: {@code Capture pattern has %d entries, the table has %d lists}. */
    PATTERN_LENGTH("TM-MSE-103", "Capture pattern has %d entries, the table has %d lists"),
    /** Template: {@code Capture pattern entry %d must be 0 or 1: %d}. */
    PATTERN_NOT_BINARY("TM-MSE-104", "Capture pattern entry %d must be 0 or 1: %d"),
    /** Template: {@code Count is negative: %d}. */
    CAPTURE_NEGATIVE_COUNT("TM-MSE-105", "Count is negative: %d"),
    /** Template: {@code The all-zero pattern is the unobserved cell and cannot have a count: %d}. */
    ZERO_PATTERN_WITH_COUNT("TM-MSE-106", "The all-zero pattern is the unobserved cell and cannot have a count: %d"),
    /** Template: {@code Capture mask has bits outside the %d lists: %d}. */
    MASK_OUT_OF_RANGE("TM-MSE-107", "Capture mask has bits outside the %d lists: %d"),
    /** Template: {@code Unknown list name: '%s' (lists are %s)}. */
    UNKNOWN_LIST("TM-MSE-108", "Unknown list name: '%s' (lists are %s)"),
    /** Template: {@code List index is outside 0..%d: %d}. */
    LIST_INDEX_OUT_OF_RANGE("TM-MSE-109", "List index is outside 0..%d: %d"),
    /** Template: {@code Total count exceeds the range of long for pattern %s}. */
    COUNT_OVERFLOW("TM-MSE-110", "Total count exceeds the range of long for pattern %s"),
    /** Template: {@code Confidence level is not in (0, 1): %s}. */
    LEVEL_OUT_OF_RANGE("TM-MSE-111", "Confidence level is not in (0, 1): %s"),
    /** Template: {@code Two-list estimators need exactly 2 lists: %d}. */
    NOT_TWO_LISTS("TM-MSE-112", "Two-list estimators need exactly 2 lists: %d"),
    /** Template: {@code Removing a list would leave fewer than 2 lists: %d}. */
    CANNOT_REMOVE_LIST("TM-MSE-113", "Removing a list would leave fewer than 2 lists: %d"),
    /** Template: {@code Model lists %s differ from the table's lists %s}. */
    MODEL_LISTS_DIFFER("TM-MSE-114", "Model lists %s differ from the table's lists %s"),
    /** Template: {@code Maximum number of iterations is less than 1: %d}. */
    MAX_ITERATIONS("TM-MSE-115", "Maximum number of iterations is less than 1: %d"),
    /** Template: {@code Convergence tolerance is not positive and finite: %s}. */
    TOLERANCE("TM-MSE-116", "Convergence tolerance is not positive and finite: %s"),
    /** Template: {@code Stepwise p-value threshold is not in [0, 1]: %s}. */
    THRESHOLD("TM-MSE-117", "Stepwise p-value threshold is not in [0, 1]: %s"),
    /** Template: {@code Number of bootstrap replicates is less than 10: %d}. */
    REPLICATES("TM-MSE-118", "Number of bootstrap replicates is less than 10: %d"),
    /** Template: {@code Maximum interaction order is not between 1 and %d: %d}. */
    MAX_ORDER("TM-MSE-119", "Maximum interaction order is not between 1 and %d: %d"),
    /** Template: {@code Exhaustive search supports at most 6 lists (2^15 two-way models for 6): %d}. */
    TOO_MANY_LISTS_FOR_SEARCH("TM-MSE-120",
            "Exhaustive search supports at most 6 lists (2^15 two-way models for 6): %d"),
    /** Template: {@code The table has no observed cases: %d}. */
    NO_OBSERVATIONS("TM-MSE-121", "The table has no observed cases: %d"),
    /** Template: {@code Number of threads is less than 1: %d}. */
    THREADS("TM-MSE-122", "Number of threads is less than 1: %d"),
    /** Template: {@code An interaction needs at least two lists: %d}. */
    INTERACTION_ORDER("TM-MSE-123", "An interaction needs at least two lists: %d"),
    /** Template: {@code Interval limits are not ordered numbers with a finite lower limit: [%s, %s]}. */
    INTERVAL_LIMITS("TM-MSE-124", "Interval limits are not ordered numbers with a finite lower limit: [%s, %s]"),
    /** Template: {@code No finite coefficient named '%s' in model %s}. */
    UNKNOWN_TERM("TM-MSE-125", "No finite coefficient named '%s' in model %s"),
    /** Template: {@code Estimate is not finite or is below the observed count %2$d: %1$s}. */
    ESTIMATE_INVALID("TM-MSE-126", "Estimate is not finite or is below the observed count %2$d: %1$s"),
    /** Template: {@code Standard error is not a finite non-negative number: %s}. */
    STANDARD_ERROR_INVALID("TM-MSE-127", "Standard error is not a finite non-negative number: %s"),
    /** Template: {@code A stratified table needs at least 2 levels: %d}. */
    STRATA_TOO_FEW("TM-MSE-128", "A stratified table needs at least 2 levels: %d"),
    /** Template: {@code Level '%s' has lists %s, the first level has %s}. */
    STRATA_LISTS_DIFFER("TM-MSE-129", "Level '%s' has lists %s, the first level has %s"),
    /** Template: {@code Level '%s' has no observed case}. */
    STRATUM_EMPTY("TM-MSE-130", "Level '%s' has no observed case"),
    /** Template: {@code Unknown level: '%s' (levels are %s)}. */
    UNKNOWN_LEVEL("TM-MSE-131", "Unknown level: '%s' (levels are %s)"),
    /** Template: {@code A person (key withheld) has two levels: '%s' and '%s'}. */
    LEVEL_CONFLICT("TM-MSE-132", "A person (key withheld) has two levels: '%s' and '%s'"),
    /** Template: {@code A person (key withheld) is on a list but has no level of '%s'}. */
    LEVEL_MISSING("TM-MSE-133", "A person (key withheld) is on a list but has no level of '%s'"),
    /** Template: {@code Cannot merge a list with itself: '%s'}. */
    MERGE_SAME_LIST("TM-MSE-135", "Cannot merge a list with itself: '%s'"),
    /** Template: {@code The counts add up to more than the largest count, 9223372036854775807: %s}. */
    TOTAL_OVERFLOW("TM-MSE-136", "The counts add up to more than the largest count, 9223372036854775807: %s"),
    /** Template: {@code R-compatible random numbers need a seed in R's integer range -2147483647..2147483647: %d}. */
    R_SEED("TM-MSE-137", "R-compatible random numbers need a seed in R's integer range -2147483647..2147483647: %d"),
    /**
     * Template: {@code R-compatible random numbers reproduce R's nonparametric bootstraps of stepwise selection
     * and of a fixed model only, not the %s bootstrap}.
     */
    R_RANDOM_UNSUPPORTED("TM-MSE-138",
            "R-compatible random numbers reproduce R's nonparametric bootstraps of stepwise "
                    + "selection and of a fixed model only, not the %s bootstrap"),
    /** Template: {@code Empty term at character %d of formula '%s'}. */
    FORMULA_EMPTY_TERM("TM-MSE-201", "Empty term at character %d of formula '%s'"),
    /** Template: {@code Unknown list name '%s' at character %d of formula '%s' (lists are %s)}. */
    FORMULA_UNKNOWN_LIST("TM-MSE-202", "Unknown list name '%s' at character %d of formula '%s' (lists are %s)"),
    /** Template: {@code List '%s' repeated within a term at character %d of formula '%s'}. */
    FORMULA_REPEATED_LIST("TM-MSE-203", "List '%s' repeated within a term at character %d of formula '%s'"),
    /** Template: {@code Term '%s' at character %d of formula '%s' is not hierarchical: its margin '%s' is missing}. */
    FORMULA_NOT_HIERARCHICAL("TM-MSE-204",
            "Term '%s' at character %d of formula '%s' is not hierarchical: its margin '%s' "
                    + "is missing"),
    /** Template: {@code Formula '%s' lacks the main effect of list '%s'; every list must enter as a main effect}. */
    FORMULA_MISSING_MAIN_EFFECT("TM-MSE-205",
            "Formula '%s' lacks the main effect of list '%s'; every list must enter as a main "
                    + "effect"),
    /** Template: {@code Unexpected character '%s' at character %d of formula '%s'}. */
    FORMULA_BAD_CHARACTER("TM-MSE-206", "Unexpected character '%s' at character %d of formula '%s'"),
    /** Template: {@code List definition entry '%s' is not NAME=code[,code...] (definition '%s')}. */
    LIST_SPEC_ENTRY("TM-MSE-401", "List definition entry '%s' is not NAME=code[,code...] (definition '%s')"),
    /** Template: {@code Unknown reporter type '%s' in list '%s' (known: %s)}. */
    LIST_SPEC_CODE("TM-MSE-402", "Unknown reporter type '%s' in list '%s' (known: %s)"),
    /** Template: {@code Reporter type '%s' is in lists '%s' and '%s'; each belongs to one list}. */
    LIST_SPEC_TWICE("TM-MSE-403", "Reporter type '%s' is in lists '%s' and '%s'; each belongs to one list"),
    /** Template: {@code List name '%s' is repeated or not a name [A-Za-z][A-Za-z0-9_]* (definition '%s')}. */
    LIST_SPEC_NAME("TM-MSE-404", "List name '%s' is repeated or not a name [A-Za-z][A-Za-z0-9_]* (definition '%s')"),
    /** Template: {@code Only one list may take the other reporters ('*'): '%s' and '%s'}. */
    LIST_SPEC_CATCH_ALL("TM-MSE-405", "Only one list may take the other reporters ('*'): '%s' and '%s'"),
    /** Template: {@code A list definition needs 2 to 12 lists: %d in '%s'}. */
    LIST_SPEC_COUNT("TM-MSE-406", "A list definition needs 2 to 12 lists: %d in '%s'"),
    /** Template: {@code Stratify by one or more different covariates: %s}. */
    STRATIFY_COVARIATES("TM-MSE-407", "Stratify by one or more different covariates: %s"),
    /** Template: {@code Counts CSV has no header line}. */
    COVARIATE_CSV_EMPTY("TM-MSE-501", "Counts CSV has no header line"),
    /**
     * Template: {@code Line %d: header needs at least two list columns, the covariate columns and a final 'count'
     * (or 'Freq') column; %s}.
     */
    COVARIATE_CSV_HEADER("TM-MSE-502",
            "Line %d: header needs at least two list columns, the covariate columns and a "
                    + "final 'count' (or 'Freq') column; %s"),
    /** Template: {@code Line %d: no column named '%s' for a covariate}. */
    COVARIATE_CSV_UNKNOWN_COVARIATE("TM-MSE-503", "Line %d: no column named '%s' for a covariate"),
    /** Template: {@code Line %d: expected %d columns as in the header, found %d}. */
    COVARIATE_CSV_COLUMN_COUNT("TM-MSE-504", "Line %d: expected %d columns as in the header, found %d"),
    /** Template: {@code Line %d, column %d: list '%s' must be 0 or 1: '%s'}. */
    COVARIATE_CSV_NOT_BINARY("TM-MSE-505", "Line %d, column %d: list '%s' must be 0 or 1: '%s'"),
    /** Template: {@code Line %d, column %d: count must be a non-negative integer: '%s'}. */
    COVARIATE_CSV_BAD_COUNT("TM-MSE-506", "Line %d, column %d: count must be a non-negative integer: '%s'"),
    /** Template: {@code Line %d: pattern %s with %s already given on line %d}. */
    COVARIATE_CSV_DUPLICATE_ROW("TM-MSE-507", "Line %d: pattern %s with %s already given on line %d"),
    /** Template: {@code Line %d: the all-zero pattern is the unobserved cell and cannot have a count: %d}. */
    COVARIATE_CSV_ZERO_PATTERN("TM-MSE-508",
            "Line %d: the all-zero pattern is the unobserved cell and cannot have a count: %d"),
    /** Template: {@code Counts CSV could not be read: %s}. */
    COVARIATE_CSV_READ_FAILED("TM-MSE-509", "Counts CSV could not be read: %s"),
    /** Template: {@code Line %d: longer than %d characters}. */
    COVARIATE_CSV_LINE_TOO_LONG("TM-MSE-510", "Line %d: longer than %d characters"),
    /**
     * Template: {@code Number of lists is not between 2 and 12, or a list name is empty, repeated or not a plain
     * name: %s}.
     */
    COVARIATE_LISTS("TM-MSE-511",
            "Number of lists is not between 2 and 12, or a list name is empty, repeated or "
                    + "not a plain name: %s"),
    /** Template: {@code Covariate names must be different plain names, none a list name, at most %d: %s}. */
    COVARIATE_NAMES("TM-MSE-512", "Covariate names must be different plain names, none a list name, at most %d: %s"),
    /** Template: {@code Covariate '%s' has only one known level (%s): it cannot be estimated with}. */
    COVARIATE_ONE_LEVEL("TM-MSE-513", "Covariate '%s' has only one known level (%s): it cannot be estimated with"),
    /**
     * Template: {@code Covariate '%s' has an empty level value, one with an invisible character, or one over 200
     * characters}.
     */
    COVARIATE_LEVEL_VALUE("TM-MSE-514",
            "Covariate '%s' has an empty level value, one with an invisible character, or one "
                    + "over 200 characters"),
    /** Template: {@code Reference level '%s' of covariate '%s' does not exist; levels: %s}. */
    COVARIATE_UNKNOWN_REFERENCE("TM-MSE-515", "Reference level '%s' of covariate '%s' does not exist; levels: %s"),
    /** Template: {@code Unknown covariate '%s'; covariates: %s}. */
    UNKNOWN_COVARIATE("TM-MSE-516", "Unknown covariate '%s'; covariates: %s"),
    /** Template: {@code Count is negative: %d}. */
    COVARIATE_NEGATIVE_COUNT("TM-MSE-517", "Count is negative: %d"),
    /** Template: {@code Capture pattern %d is not a non-empty pattern of %d lists}. */
    COVARIATE_PATTERN("TM-MSE-518", "Capture pattern %d is not a non-empty pattern of %d lists"),
    /** Template: {@code Expected %d covariate values, got %d}. */
    COVARIATE_LEVELS_LENGTH("TM-MSE-519", "Expected %d covariate values, got %d"),
    /** Template: {@code Empty term at position %d in formula '%s'}. */
    COVARIATE_FORMULA_EMPTY_TERM("TM-MSE-521", "Empty term at position %d in formula '%s'"),
    /** Template: {@code '%s' at position %d is neither a list nor a covariate; lists %s, covariates %s}. */
    COVARIATE_FORMULA_UNKNOWN_NAME("TM-MSE-522",
            "'%s' at position %d is neither a list nor a covariate; lists %s, covariates %s"),
    /** Template: {@code '%s' appears twice in the term at position %d}. */
    COVARIATE_FORMULA_REPEATED_NAME("TM-MSE-523", "'%s' appears twice in the term at position %d"),
    /**
     * Template: {@code Formula '%s' lacks the main effect of %s: every list and covariate must enter as a main
     * effect}.
     */
    COVARIATE_FORMULA_MISSING_MAIN("TM-MSE-524",
            "Formula '%s' lacks the main effect of %s: every list and covariate must enter as "
                    + "a main effect"),
    /** Template: {@code Formula '%s' is not hierarchical: term %s needs %s}. */
    COVARIATE_FORMULA_NOT_HIERARCHICAL("TM-MSE-525", "Formula '%s' is not hierarchical: term %s needs %s"),
    /**
     * Template: {@code Unsupported character '%s' at position %d in formula '%s' (terms are joined by '+', names
     * within a term by ':' or '*')}.
     */
    COVARIATE_FORMULA_BAD_CHARACTER("TM-MSE-526",
            "Unsupported character '%s' at position %d in formula '%s' (terms are joined by "
                    + "'+', names within a term by ':' or '*')"),
    /** Template: {@code Number of bootstrap replicates is not between 10 and %d: %d}. */
    COVARIATE_REPLICATES("TM-MSE-530", "Number of bootstrap replicates is not between 10 and %d: %d"),
    /** Template: {@code Confidence level is not in (0, 1): %s}. */
    COVARIATE_CONFIDENCE_LEVEL("TM-MSE-531", "Confidence level is not in (0, 1): %s"),
    /** Template: {@code Covariate '%s' has no level '%s'; levels: %s}. */
    COVARIATE_UNKNOWN_LEVEL("TM-MSE-532", "Covariate '%s' has no level '%s'; levels: %s"),
    /** Template: {@code Selection %s holds no covariate cell}. */
    COVARIATE_EMPTY_SELECTION("TM-MSE-533", "Selection %s holds no covariate cell"),
    /**
     * Template: {@code %d persons have an unknown covariate value; choose how to treat them (UnknownValues.DROP,
     * OWN_LEVEL or EM)}.
     */
    COVARIATE_UNKNOWN_REFUSED("TM-MSE-534",
            "%d persons have an unknown covariate value; choose how to treat them "
                    + "(UnknownValues.DROP, OWN_LEVEL or EM)"),
    /** Template: {@code A selection is covariate=level[|level] joined by ',': '%s'}. */
    COVARIATE_SELECTION("TM-MSE-535", "A selection is covariate=level[|level] joined by ',': '%s'"),
    /**
     * Template: {@code Exhaustive search over %d candidate terms would fit %s hierarchical models, more than the
     * limit of %,d: declare fewer candidates (withCandidates, CLI --candidates) or raise the limit up to %,d
     * (withExhaustive(limit), CLI --max-models)}.
     */
    COVARIATE_EXHAUSTIVE_TOO_MANY("TM-MSE-540",
            "Exhaustive search over %d candidate terms would fit %s hierarchical models, more "
                    + "than the limit of %,d: declare fewer candidates (withCandidates, CLI "
                    + "--candidates) or raise the limit up to %,d (withExhaustive(limit), CLI "
                    + "--max-models)"),
    /** Template: {@code Limit on the models of an exhaustive search is not between 1 and %,d: %d}. */
    COVARIATE_EXHAUSTIVE_LIMIT("TM-MSE-541",
            "Limit on the models of an exhaustive search is not between 1 and %,d: %d"),
    /** Template: {@code The model selected on the data has no estimate (%s): there is no estimate to bootstrap}. */
    COVARIATE_NOTHING_TO_BOOTSTRAP("TM-MSE-542",
            "The model selected on the data has no estimate (%s): there is no estimate to "
                    + "bootstrap");

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z]");

    private final String code;
    private final String template;

    IndicatorRule(String code, String template) {
        this.code = code;
        this.template = template;
    }

    /**
     * The stable code.
     *
     * @return e.g. {@code "TM-MSE-540"}
     */
    @Override
    public String code() {
        return code;
    }

    /**
     * The message template ({@link String#format} syntax) that the offending values fill.
     *
     * @return e.g. {@code "Confidence level is not in (0, 1): %s"}
     */
    public String template() {
        return template;
    }

    /**
     * The template with each placeholder shown as {@code …}: the rule without the offending values.
     *
     * @return e.g. {@code "Confidence level is not in (0, 1): …"}
     */
    @Override
    public String description() {
        return PLACEHOLDER.matcher(template).replaceAll("…");
    }

    /**
     * Finds the rule with the given code.
     *
     * @param code a code such as {@code "TM-MSE-540"}
     * @return the rule, or empty if no rule has that code
     */
    public static Optional<IndicatorRule> fromCode(String code) {
        for (IndicatorRule rule : values()) {
            if (rule.code.equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
