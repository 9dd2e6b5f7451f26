package org.tipmonitor.io.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tipmonitor.model.CodeList;

/** Parsing of the format's scalar values from strings, shared by the JSON and CSV readers. Not part of the API. */
public final class Values {

    /** A calendar date: {@code yyyy-mm-dd}. */
    public static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    /** A timestamp with seconds and an offset (RFC 3339). */
    public static final Pattern TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$");

    private Values() {
    }

    /**
     * A date, strictly: the pattern and a real calendar day.
     *
     * @param text the text
     * @return the date, or empty
     */
    public static Optional<LocalDate> date(String text) {
        return Optional.ofNullable(date(text.toCharArray(), 0, text.length()));
    }

    /**
     * {@link #date(byte[], int, int)} of characters (the JSON parser's text buffer, without a string).
     *
     * @param text   the characters
     * @param offset where the date starts
     * @param length its length
     * @return the date, or null
     */
    public static LocalDate date(char[] text, int offset, int length) {
        byte[] bytes = ascii(text, offset, length);
        return bytes == null ? null : date(bytes, 0, length);
    }

    /**
     * The bytes of ASCII characters, or null if one is not ASCII: the format's codes and dates are ASCII, so their
     * lookups work on bytes (the parser's input) and take characters through this.
     *
     * @param text   the characters
     * @param offset where they start
     * @param length how many
     * @return their bytes, or null
     */
    static byte[] ascii(char[] text, int offset, int length) {
        byte[] bytes = new byte[length];
        for (int j = 0; j < length; j++) {
            char c = text[offset + j];
            if (c >= 0x80) {
                return null;
            }
            bytes[j] = (byte) c;
        }
        return bytes;
    }

    /**
     * A date, strictly, from ASCII bytes (a plain string of the JSON parser's input, without a string): the pattern
     * and a real calendar day.
     *
     * @param text   the bytes
     * @param offset where the date starts
     * @param length its length in bytes
     * @return the date, or null
     */
    public static LocalDate date(byte[] text, int offset, int length) {
        // The pattern and ISO_LOCAL_DATE's strict resolution, without the regular expression and the parser's
        // field map (issue 14: they were a tenth of the time of a read): ten characters, ASCII digits and two
        // hyphens in place, a month of the year and a day of that month.
        if (length != 10 || text[offset + 4] != '-' || text[offset + 7] != '-') {
            return null;
        }
        int year = digits(text, offset, offset + 4);
        int month = digits(text, offset + 5, offset + 7);
        int day = digits(text, offset + 8, offset + 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The days of a month of the proleptic Gregorian calendar, as {@link LocalDate} counts them. */
    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The value of the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(byte[] text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            byte c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A timestamp with an offset, as an instant.
     *
     * @param text the text
     * @return the instant, or empty
     */
    public static Optional<Instant> timestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A constant of a code list by its code.
     *
     * @param type the code list
     * @param text the code
     * @param <E>  the code list type
     * @return the constant, or empty
     */
    public static <E extends Enum<E> & CodeList> Optional<E> code(Class<E> type, String text) {
        return CodeList.fromCode(type, text);
    }

    /**
     * The codes of a code list, comma-separated, for messages.
     *
     * @param type the code list
     * @return the codes
     */
    public static String codes(Class<? extends Enum<?>> type) {
        return String.join(", ", CodeList.codes((CodeList[]) type.getEnumConstants()));
    }

    /**
     * What a message says in place of a name the input chose (an unknown property, an unknown CSV column): the name
     * is withheld, since it may be anything, a person's name or number included, and only its length is given.
     *
     * @param name the name from the input
     * @return e.g. {@code " (name withheld, 23 characters)"}
     */
    public static String withheldName(String name) {
        return " (name withheld, " + name.length() + (name.length() == 1 ? " character)" : " characters)");
    }

    /**
     * Escapes a name for a JSON Pointer segment (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}).
     *
     * @param name the name
     * @return the segment
     */
    public static String pointerSegment(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The reason of an I/O failure for a message: the exception's type and the operating system's reason
     * ("No space left on device"), escaped.
     *
     * @param e the failure
     * @return e.g. {@code "IOException: No space left on device"}
     */
    public static String reason(java.io.IOException e) {
        String why = e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : e.getMessage();
        return e.getClass().getSimpleName() + (why == null ? "" : ": " + org.tipmonitor.io.SafeText.escape(why));
    }
}
