package org.tipmonitor.io;

import java.util.Optional;
import org.tipmonitor.model.Rule;

/**
 * The rules of the exchange format and the readers and writers, each with a stable code ({@code TM-IO-nnnn}).
 * This enum is the one place where the codes are listed. A {@link Problem} carries either one of these codes or
 * the code of a broken {@link org.tipmonitor.model.ModelRule} ({@code TM-M-nnn}); an {@link ExchangeException}
 * carries one of these codes.
 *
 * <p>Codes {@code 0001}–{@code 0009} are about the bytes and the JSON syntax, {@code 0010}–{@code 0029} about the
 * structure the JSON Schema describes, {@code 0030}–{@code 0039} and {@code 0060}–{@code 0069} about rules across
 * records of one file that only the library checks, {@code 0040}–{@code 0049} about CSV and {@code 0050}–{@code 0059}
 * about the use of the API.
 * Messages never repeat a rejected string value, a person key or a record identifier.
 */
public enum IoRule implements Rule {

    /** The input is not well-formed JSON (or, for CSV input, not well-formed CSV). */
    MALFORMED_INPUT("TM-IO-0001", "Input is not well-formed JSON or CSV"),
    /** The input ends before the JSON document is complete. */
    TRUNCATED("TM-IO-0002", "Input ends before the document is complete"),
    /** The input is empty or holds only white space. */
    EMPTY_INPUT("TM-IO-0003", "Input is empty"),
    /** The input starts with a byte-order mark; JSON exchange files are UTF-8 without one (RFC 8259, 8.1). */
    BYTE_ORDER_MARK("TM-IO-0004", "Input starts with a byte-order mark"),
    /** The input is not valid UTF-8. */
    INVALID_ENCODING("TM-IO-0005", "Input is not valid UTF-8"),
    /** A string, number, name, nesting depth or document exceeds a read limit. */
    LIMIT_EXCEEDED("TM-IO-0006", "Input exceeds a read limit"),
    /** Reading or writing the underlying stream failed. */
    IO_FAILURE("TM-IO-0007", "Reading or writing the stream failed"),
    /** Content follows the end of the JSON document. */
    TRAILING_CONTENT("TM-IO-0008", "Content after the end of the document"),

    /** The document is not a JSON object. */
    NOT_AN_OBJECT("TM-IO-0010", "Document is not a JSON object"),
    /** The format version is missing or not supported by this reader. */
    UNSUPPORTED_VERSION("TM-IO-0011", "Format version is missing or not supported"),
    /** An object has a property the format does not define. */
    UNKNOWN_PROPERTY("TM-IO-0012", "Unknown property"),
    /** An object has the same property twice. */
    DUPLICATE_PROPERTY("TM-IO-0013", "Duplicate property"),
    /** A value has the wrong JSON type (for example a number where a string is expected). */
    WRONG_TYPE("TM-IO-0014", "Value has the wrong JSON type"),
    /** A string is not a code of the code list of its property. */
    UNKNOWN_CODE("TM-IO-0015", "Value is not a code of the code list"),
    /** A date or timestamp is not in the ISO-8601 form the format requires, or is not a calendar date. */
    INVALID_DATE("TM-IO-0016", "Date or timestamp is not valid ISO-8601"),
    /** A number is not an integer in the range of its property. */
    NUMBER_OUT_OF_RANGE("TM-IO-0017", "Number is not an integer in range"),
    /** A required property is missing. */
    MISSING_PROPERTY("TM-IO-0018", "Required property is missing"),
    /** The dataset metadata does not precede the record arrays. */
    DATASET_FIRST("TM-IO-0019", "Dataset metadata does not precede the records"),
    /** A dataset metadata value does not have the accepted shape (identifier, text length). */
    DATASET_VALUE("TM-IO-0020", "Dataset metadata value does not have the accepted shape"),
    /** The dataset period ends before it starts. */
    DATASET_PERIOD("TM-IO-0021", "Dataset period ends before it starts"),
    /**
     * A property that a later minor version of the format added (such as {@code policeReports}, format 1.1) occurs
     * in a file that declares an earlier version; the property is skipped.
     */
    LATER_VERSION_PROPERTY("TM-IO-0022", "Property requires a later format version"),

    /** A record's counting date lies outside the dataset period. */
    OUTSIDE_PERIOD("TM-IO-0030", "Counting date outside the dataset period"),
    /** Two records of one kind in one file share an identifier or person key. */
    DUPLICATE_ID("TM-IO-0031", "Identifier or person key occurs twice in the file"),
    /** A registration's victim key matches no accepted victim in the file. */
    UNRESOLVED_VICTIM("TM-IO-0032", "Registration refers to a victim not in the file"),
    /** A case's offender key matches no accepted offender in the file. */
    UNRESOLVED_OFFENDER("TM-IO-0033", "Case refers to an offender not in the file"),
    /**
     * Two police-signal counts in one file are for the same cell: the same year, series, form of exploitation,
     * origin group and Dublin status. A cell holds one count; the reader keeps the first and rejects the others
     * rather than add them up.
     */
    DUPLICATE_CELL("TM-IO-0034", "Police-signal cell occurs twice in the file"),
    /** A police report's registration matches no accepted registration in the file. */
    UNRESOLVED_REGISTRATION("TM-IO-0035", "Police report refers to a registration not in the file"),
    /** A police report links to a case that matches no accepted case in the file. */
    UNRESOLVED_CASE("TM-IO-0036", "Police report links to a case not in the file"),
    /** A case a police report led to was registered at the public prosecutor before the report was filed. */
    CASE_BEFORE_REPORT("TM-IO-0037", "Linked case registered at the public prosecutor before the report was filed"),
    /** A police report belongs to a registration that does not record a police report filed ({@code yes}). */
    REPORT_NOT_RECORDED("TM-IO-0038", "Police report for a registration that records no police report filed"),
    /** A residence-stage history's registration matches no accepted registration in the file. */
    UNRESOLVED_STAGE_REGISTRATION("TM-IO-0039", "Residence-stage history refers to a registration not in the file"),

    /** A CSV header is missing, has an unknown or duplicate column, or lacks a required column. */
    CSV_HEADER("TM-IO-0040", "CSV header does not match the column mapping"),
    /** A CSV row does not have as many cells as the header. */
    CSV_ROW_LENGTH("TM-IO-0041", "CSV row length differs from the header"),
    /** A value cannot be written as a CSV cell. */
    CSV_VALUE("TM-IO-0042", "Value cannot be written as a CSV cell"),

    /** An argument to the API is not accepted (the message names the argument and the rule). */
    INVALID_ARGUMENT("TM-IO-0050", "Argument is not accepted"),
    /** Records were written out of the canonical order, or after the writer was closed. */
    WRITE_ORDER("TM-IO-0051", "Records written out of the canonical order or after close"),
    /** A record to be written lacks a required value. */
    INCOMPLETE_RECORD("TM-IO-0052", "Record to be written lacks a required value"),
    /** No Jakarta Bean Validation provider is on the class path. */
    NO_VALIDATION_PROVIDER("TM-IO-0053", "No Jakarta Bean Validation provider"),
    /** A fail-fast read stopped at the first problem; the exception carries the report. */
    REJECTED("TM-IO-0054", "Input rejected at the first problem"),

    /** A residence stage is dated before its registration's report date. */
    STAGE_BEFORE_REPORT("TM-IO-0060", "Residence stage dated before the registration's report date"),
    /**
     * A residence stage is dated after the dataset's creation: the calendar day of {@code created} at its latest
     * anywhere (UTC+14), so that no producer's local date of creation is refused.
     */
    STAGE_AFTER_CREATION("TM-IO-0061", "Residence stage dated after the dataset's creation"),
    /** A residence-stage history's change dated on the report date is not the stage the registration records. */
    STAGE_DISAGREES("TM-IO-0062", "Residence stage on the report date differs from the registration's stage");

    private final String code;
    private final String description;

    IoRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The stable code, e.g. {@code "TM-IO-0015"}.
     *
     * @return the code
     */
    @Override
    public String code() {
        return code;
    }

    /**
     * A one-line English description of the rule.
     *
     * @return the description
     */
    @Override
    public String description() {
        return description;
    }

    /**
     * Finds the rule with the given code.
     *
     * @param code a code such as {@code "TM-IO-0015"}
     * @return the rule, or empty if no rule has that code
     */
    public static Optional<IoRule> fromCode(String code) {
        for (IoRule rule : values()) {
            if (rule.code.equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
