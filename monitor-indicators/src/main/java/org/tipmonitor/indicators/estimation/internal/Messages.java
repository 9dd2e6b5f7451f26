package org.tipmonitor.indicators.estimation.internal;

/**
 * Every message template of the estimation package, in one place, each with its stable code.
 *
 * <p>Codes {@code TM-MSE-0xx} are input (CSV) errors that carry a line number, {@code TM-MSE-1xx} are argument
 * errors of the programmatic API, {@code TM-MSE-2xx} are model-formula errors that carry a character position.
 */
public final class Messages {

    public static final String CSV_EMPTY = "TM-MSE-001 Counts CSV has no header line";
    public static final String CSV_HEADER_TOO_SHORT =
            "TM-MSE-002 Line %d: header needs at least two list columns and a final count column: '%s'";
    public static final String CSV_NO_COUNT_COLUMN =
            "TM-MSE-003 Line %d: last header column must be 'count' or 'Freq': '%s'";
    public static final String CSV_COLUMN_COUNT =
            "TM-MSE-004 Line %d: expected %d columns as in the header, found %d";
    public static final String CSV_NOT_BINARY = "TM-MSE-005 Line %d: list column '%s' must be 0 or 1: '%s'";
    public static final String CSV_BAD_COUNT = "TM-MSE-006 Line %d: count must be a non-negative integer: '%s'";
    public static final String CSV_DUPLICATE_PATTERN =
            "TM-MSE-007 Line %d: capture pattern %s already given on line %d";
    public static final String CSV_ZERO_PATTERN_WITH_COUNT =
            "TM-MSE-008 Line %d: the all-zero pattern is the unobserved cell and cannot have a count: %d";
    public static final String CSV_BAD_LIST_NAME = "TM-MSE-009 Line %d: list name %d is empty, duplicated, or contains"
            + " ':', '+', '~', '\"' or an invisible character: '%s'";
    public static final String CSV_NO_COVARIATE_COLUMN =
            "TM-MSE-011 Line %d: no column named '%s' before the count column";
    public static final String CSV_EMPTY_LEVEL = "TM-MSE-012 Line %d: covariate '%s' has an empty value";
    public static final String CSV_TOO_MANY_LISTS = "TM-MSE-013 Line %d: more than 12 list columns: %d";
    public static final String CSV_TOTAL_OVERFLOW =
            "TM-MSE-014 Line %d: the counts add up to more than the largest count, 9223372036854775807";
    public static final String CSV_LINE_TOO_LONG = "TM-MSE-015 Line %d: longer than %d characters";
    public static final String CSV_READ_FAILED = "TM-MSE-010 Counts CSV could not be read: %s";

    public static final String LIST_COUNT_OUT_OF_RANGE = "TM-MSE-101 Number of lists is not between 2 and 12: %d";
    public static final String LIST_NAME_INVALID =
            "TM-MSE-102 List name is empty, duplicated, or contains ':', '+', '~', '\"' or an invisible"
            + " character: '%s'";
    public static final String PATTERN_LENGTH = "TM-MSE-103 Capture pattern has %d entries, the table has %d lists";
    public static final String PATTERN_NOT_BINARY = "TM-MSE-104 Capture pattern entry %d must be 0 or 1: %d";
    public static final String NEGATIVE_COUNT = "TM-MSE-105 Count is negative: %d";
    public static final String ZERO_PATTERN_WITH_COUNT =
            "TM-MSE-106 The all-zero pattern is the unobserved cell and cannot have a count: %d";
    public static final String MASK_OUT_OF_RANGE = "TM-MSE-107 Capture mask has bits outside the %d lists: %d";
    public static final String UNKNOWN_LIST = "TM-MSE-108 Unknown list name: '%s' (lists are %s)";
    public static final String LIST_INDEX_OUT_OF_RANGE = "TM-MSE-109 List index is outside 0..%d: %d";
    public static final String COUNT_OVERFLOW = "TM-MSE-110 Total count exceeds the range of long for pattern %s";
    public static final String LEVEL_OUT_OF_RANGE = "TM-MSE-111 Confidence level is not in (0, 1): %s";
    public static final String NOT_TWO_LISTS = "TM-MSE-112 Two-list estimators need exactly 2 lists: %d";
    public static final String CANNOT_REMOVE_LIST = "TM-MSE-113 Removing a list would leave fewer than 2 lists: %d";
    public static final String MODEL_LISTS_DIFFER = "TM-MSE-114 Model lists %s differ from the table's lists %s";
    public static final String MAX_ITERATIONS = "TM-MSE-115 Maximum number of iterations is less than 1: %d";
    public static final String TOLERANCE = "TM-MSE-116 Convergence tolerance is not positive and finite: %s";
    public static final String THRESHOLD = "TM-MSE-117 Stepwise p-value threshold is not in [0, 1]: %s";
    public static final String REPLICATES = "TM-MSE-118 Number of bootstrap replicates is less than 10: %d";
    public static final String MAX_ORDER = "TM-MSE-119 Maximum interaction order is not between 1 and %d: %d";
    public static final String TOO_MANY_LISTS_FOR_SEARCH =
            "TM-MSE-120 Exhaustive search supports at most 6 lists (2^15 two-way models for 6): %d";
    public static final String NO_OBSERVATIONS = "TM-MSE-121 The table has no observed cases: %d";
    public static final String INTERACTION_ORDER = "TM-MSE-123 An interaction needs at least two lists: %d";
    public static final String INTERVAL_LIMITS =
            "TM-MSE-124 Interval limits are not ordered numbers with a finite lower limit: [%s, %s]";
    public static final String UNKNOWN_TERM = "TM-MSE-125 No finite coefficient named '%s' in model %s";
    public static final String ESTIMATE_INVALID =
            "TM-MSE-126 Estimate is not finite or is below the observed count %2$d: %1$s";
    public static final String STANDARD_ERROR_INVALID = "TM-MSE-127 Standard error is not a finite non-negative number: %s";
    public static final String STRATA_TOO_FEW = "TM-MSE-128 A stratified table needs at least 2 levels: %d";
    public static final String STRATA_LISTS_DIFFER = "TM-MSE-129 Level '%s' has lists %s, the first level has %s";
    public static final String STRATUM_EMPTY = "TM-MSE-130 Level '%s' has no observed case";
    public static final String UNKNOWN_LEVEL = "TM-MSE-131 Unknown level: '%s' (levels are %s)";
    public static final String LEVEL_CONFLICT = "TM-MSE-132 A person (key withheld) has two levels: '%s' and '%s'";
    public static final String LEVEL_MISSING = "TM-MSE-133 A person (key withheld) is on a list but has no level of '%s'";
    public static final String MERGE_SAME_LIST = "TM-MSE-135 Cannot merge a list with itself: '%s'";
    public static final String TOTAL_OVERFLOW =
            "TM-MSE-136 The counts add up to more than the largest count, 9223372036854775807: %s";
    public static final String THREADS = "TM-MSE-122 Number of threads is less than 1: %d";
    public static final String R_SEED =
            "TM-MSE-137 R-compatible random numbers need a seed in R's integer range -2147483647..2147483647: %d";
    public static final String R_RANDOM_UNSUPPORTED =
            "TM-MSE-138 R-compatible random numbers reproduce R's nonparametric bootstraps of stepwise selection and"
                    + " of a fixed model only, not the %s bootstrap";

    public static final String FORMULA_EMPTY_TERM = "TM-MSE-201 Empty term at character %d of formula '%s'";
    public static final String FORMULA_UNKNOWN_LIST =
            "TM-MSE-202 Unknown list name '%s' at character %d of formula '%s' (lists are %s)";
    public static final String FORMULA_REPEATED_LIST =
            "TM-MSE-203 List '%s' repeated within a term at character %d of formula '%s'";
    public static final String FORMULA_NOT_HIERARCHICAL =
            "TM-MSE-204 Term '%s' at character %d of formula '%s' is not hierarchical: its margin '%s' is missing";
    public static final String FORMULA_MISSING_MAIN_EFFECT =
            "TM-MSE-205 Formula '%s' lacks the main effect of list '%s'; every list must enter as a main effect";
    public static final String FORMULA_BAD_CHARACTER =
            "TM-MSE-206 Unexpected character '%s' at character %d of formula '%s'";

    private Messages() {
    }

    /** Template: a list definition's entry without '='. */
    public static final String LIST_SPEC_ENTRY =
            "TM-MSE-401 List definition entry '%s' is not NAME=code[,code...] (definition '%s')";
    /** Template: an unknown reporter code in a list definition. */
    public static final String LIST_SPEC_CODE =
            "TM-MSE-402 Unknown reporter type '%s' in list '%s' (known: %s)";
    /** Template: a reporter type in two lists. */
    public static final String LIST_SPEC_TWICE =
            "TM-MSE-403 Reporter type '%s' is in lists '%s' and '%s'; each belongs to one list";
    /** Template: a repeated list name or a second catch-all. */
    public static final String LIST_SPEC_NAME =
            "TM-MSE-404 List name '%s' is repeated or not a name [A-Za-z][A-Za-z0-9_]* (definition '%s')";
    /** Template: more than one list takes the other reporters. */
    public static final String LIST_SPEC_CATCH_ALL =
            "TM-MSE-405 Only one list may take the other reporters ('*'): '%s' and '%s'";
    /** Template: too few or too many lists in a definition. */
    public static final String LIST_SPEC_COUNT = "TM-MSE-406 A list definition needs 2 to 12 lists: %d in '%s'";
    public static final String COVARIATES = "TM-MSE-407 Stratify by one or more different covariates: %s";
}
