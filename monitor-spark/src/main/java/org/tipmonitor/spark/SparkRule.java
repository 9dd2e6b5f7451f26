package org.tipmonitor.spark;

/**
 * The rules of the Spark adapter, each with a stable code ({@code TM-SP-nnn}); this enum is the one place where the
 * codes are listed. Codes {@code 001}&ndash;{@code 009} reject a whole source (a {@link SparkMonitorException}),
 * {@code 010}&ndash;{@code 029} reject one row (counted, with source and line, in {@link ExtractRead#rejected()}),
 * {@code 030}&ndash;{@code 039} are about the use of the API. No message or rejection carries a key, an identifier
 * or any other value of the row: only the source, the line, the column and the rule.
 */
public enum SparkRule {

    /** The extract has no key column (CSV header or Parquet schema). */
    MISSING_KEY_COLUMN("TM-SP-001", "Extract has no key column"),
    /** The extract lacks a required column other than the key. */
    MISSING_COLUMN("TM-SP-002", "Extract lacks a required column"),
    /** The source holds no data row (an empty file, or a header only). */
    EMPTY_SOURCE("TM-SP-003", "Source holds no data row"),
    /** The source cannot be read (missing file, not CSV text, not Parquet). */
    UNREADABLE_SOURCE("TM-SP-004", "Source cannot be read"),
    /** An exchange file was rejected as a whole by monitor-io (malformed JSON, unsupported version, ...). */
    EXCHANGE_FILE_REJECTED("TM-SP-005", "Exchange file rejected as a whole"),

    /** The row cannot be split into the header's fields (wrong field count, unbalanced quotes). */
    MALFORMED_ROW("TM-SP-010", "Row does not have the header's fields"),
    /** The key is empty. */
    KEY_MISSING("TM-SP-011", "Key is empty"),
    /**
     * The key has 8 or 9 digits and nothing else: the shape of a citizen service number (BSN), never a pseudonym.
     * Such a row suggests the extract was not pseudonymised; check the source before linking anything.
     */
    KEY_LOOKS_LIKE_CITIZEN_SERVICE_NUMBER("TM-SP-012", "Key has the shape of a citizen service number"),
    /** The key is not a pseudonym of the model's shape ({@code TM-M-002}, {@link org.tipmonitor.model.PersonKey}). */
    KEY_NOT_A_PSEUDONYM("TM-SP-013", "Key is not a pseudonym of the accepted shape"),
    /** A required value is empty. */
    VALUE_MISSING("TM-SP-014", "Required value is empty"),
    /** A value does not have the column's type (a date as yyyy-MM-dd, an integer). */
    TYPE_MISMATCH("TM-SP-015", "Value does not have the column's type"),
    /** A date or an integer lies outside the column's range. */
    OUT_OF_RANGE("TM-SP-016", "Value lies outside the column's range"),
    /** A code is not among the column's codes. */
    UNKNOWN_CODE("TM-SP-017", "Code is not among the column's codes"),
    /** An episode ends before it starts. */
    END_BEFORE_START("TM-SP-018", "Episode ends before it starts"),

    /** An argument of the API is invalid. */
    INVALID_ARGUMENT("TM-SP-030", "Invalid argument");

    private final String code;
    private final String description;

    SparkRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The stable code.
     *
     * @return e.g. {@code "TM-SP-001"}
     */
    public String code() {
        return code;
    }

    /**
     * What the rule forbids, in one line.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
