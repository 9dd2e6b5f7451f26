package org.tipmonitor.indicators.estimation.internal;


/**
 * Every message template of the covariate models, in one place, each with its stable code.
 *
 * <p>Codes {@code TM-MSE-50x} are counts-CSV errors that carry a line number, {@code TM-MSE-51x} argument errors of
 * the programmatic API, {@code TM-MSE-52x} model-formula errors that carry a character position, and
 * {@code TM-MSE-53x} refusals of a derived quantity, {@code TM-MSE-54x} refusals of a model search or bootstrap.
 * Values read from input are shortened to
 * {@value #ECHO_LIMIT} characters before they are echoed.
 */
public final class CovariateMessages {

    /** Longest echo of an input value in a message. */
    public static final int ECHO_LIMIT = 40;

    public static final String CSV_EMPTY = "TM-MSE-501 Counts CSV has no header line";
    public static final String CSV_HEADER = "TM-MSE-502 Line %d: header needs at least two list columns, the covariate"
            + " columns and a final 'count' (or 'Freq') column; %s";
    public static final String CSV_UNKNOWN_COVARIATE = "TM-MSE-503 Line %d: no column named '%s' for a covariate";
    public static final String CSV_COLUMN_COUNT = "TM-MSE-504 Line %d: expected %d columns as in the header, found %d";
    public static final String CSV_NOT_BINARY = "TM-MSE-505 Line %d, column %d: list '%s' must be 0 or 1: '%s'";
    public static final String CSV_BAD_COUNT = "TM-MSE-506 Line %d, column %d: count must be a non-negative integer: '%s'";
    public static final String CSV_DUPLICATE_ROW = "TM-MSE-507 Line %d: pattern %s with %s already given on line %d";
    public static final String CSV_ZERO_PATTERN = "TM-MSE-508 Line %d: the all-zero pattern is the unobserved cell and"
            + " cannot have a count: %d";
    public static final String CSV_READ_FAILED = "TM-MSE-509 Counts CSV could not be read: %s";
    public static final String CSV_LINE_TOO_LONG = "TM-MSE-510 Line %d: longer than %d characters";

    public static final String LISTS = "TM-MSE-511 Number of lists is not between 2 and 12, or a list name is empty,"
            + " repeated or not a plain name: %s";
    public static final String COVARIATES = "TM-MSE-512 Covariate names must be different plain names, none a list name,"
            + " at most %d: %s";
    public static final String ONE_LEVEL = "TM-MSE-513 Covariate '%s' has only one known level (%s): it cannot be"
            + " estimated with";
    public static final String LEVEL_VALUE = "TM-MSE-514 Covariate '%s' has an empty level value, one with an invisible character, or one over"
            + " 200 characters";
    public static final String UNKNOWN_REFERENCE = "TM-MSE-515 Reference level '%s' of covariate '%s' does not exist;"
            + " levels: %s";
    public static final String UNKNOWN_COVARIATE = "TM-MSE-516 Unknown covariate '%s'; covariates: %s";
    public static final String NEGATIVE_COUNT = "TM-MSE-517 Count is negative: %d";
    public static final String PATTERN = "TM-MSE-518 Capture pattern %d is not a non-empty pattern of %d lists";
    public static final String LEVELS_LENGTH = "TM-MSE-519 Expected %d covariate values, got %d";
    public static final String REPLICATES = "TM-MSE-530 Number of bootstrap replicates is not between 10 and %d: %d";
    public static final String LEVEL = "TM-MSE-531 Confidence level is not in (0, 1): %s";
    public static final String UNKNOWN_LEVEL = "TM-MSE-532 Covariate '%s' has no level '%s'; levels: %s";
    public static final String UNKNOWN_REFUSED = "TM-MSE-534 %d persons have an unknown covariate value; choose how to"
            + " treat them (UnknownValues.DROP, OWN_LEVEL or EM)";
    public static final String SELECTION = "TM-MSE-535 A selection is covariate=level[|level] joined by ',': '%s'";
    public static final String EXHAUSTIVE_TOO_MANY = "TM-MSE-540 Exhaustive search over %d candidate terms would fit"
            + " %s hierarchical models, more than the limit of %,d: declare fewer candidates (withCandidates, CLI"
            + " --candidates) or raise the limit up to %,d (withExhaustive(limit), CLI --max-models)";
    public static final String EXHAUSTIVE_LIMIT = "TM-MSE-541 Limit on the models of an exhaustive search is not"
            + " between 1 and %,d: %d";
    public static final String NOTHING_TO_BOOTSTRAP = "TM-MSE-542 The model selected on the data has no estimate"
            + " (%s): there is no estimate to bootstrap";
    public static final String EMPTY_SELECTION = "TM-MSE-533 Selection %s holds no covariate cell";

    public static final String FORMULA_EMPTY_TERM = "TM-MSE-521 Empty term at position %d in formula '%s'";
    public static final String FORMULA_UNKNOWN_NAME = "TM-MSE-522 '%s' at position %d is neither a list nor a covariate;"
            + " lists %s, covariates %s";
    public static final String FORMULA_REPEATED_NAME = "TM-MSE-523 '%s' appears twice in the term at position %d";
    public static final String FORMULA_MISSING_MAIN = "TM-MSE-524 Formula '%s' lacks the main effect of %s: every list and"
            + " covariate must enter as a main effect";
    public static final String FORMULA_NOT_HIERARCHICAL = "TM-MSE-525 Formula '%s' is not hierarchical: term %s needs %s";
    public static final String FORMULA_BAD_CHARACTER = "TM-MSE-526 Unsupported character '%s' at position %d in formula"
            + " '%s' (terms are joined by '+', names within a term by ':' or '*')";

    private CovariateMessages() {
    }

    /**
     * Shortens an input value for a message and escapes control and format characters.
     *
     * @param value the value read from input
     * @return at most {@value #ECHO_LIMIT} visible characters
     */
    public static String echo(String value) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < value.length() && n < ECHO_LIMIT; i++, n++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (value.length() > ECHO_LIMIT) {
            b.append("...(").append(value.length()).append(" characters)");
        }
        return b.toString();
    }
}
