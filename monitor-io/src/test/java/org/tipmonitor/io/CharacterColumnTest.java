package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, "columns are byte offsets (233 where the character column is 214)": a problem's column counts
 * characters (Unicode code points) from the start of its line, not bytes. The expected columns are computed here
 * from the Java string the test encodes ({@link String#codePointCount} from the line's start to the value), not
 * from the reader's arithmetic.
 */
class CharacterColumnTest {

    private static final String HEAD = "{\"formatVersion\": \"1.0\", \"dataset\": {\"id\": \"columns-1\","
            + " \"producer\": \"unknown\", \"periodFrom\": \"2024-01-01\", \"periodTo\": \"2024-12-31\","
            + " \"created\": \"2025-01-02T08:00:00Z\", \"sourcePublication\": \"";

    /** The character column of the first occurrence of a marker, as a person counts it in an editor. */
    private static long expectedColumn(String json, String marker) {
        int at = json.indexOf(marker);
        int lineStart = Math.max(json.lastIndexOf('\n', at), json.lastIndexOf('\r', at)) + 1;
        return json.codePointCount(lineStart, at) + 1;
    }

    private static Problem only(ValidationReport report, String code) {
        List<Problem> found = report.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, found.size(), report::toText);
        return found.get(0);
    }

    @Test
    void columnsAreCountedInCharactersNotBytes() {
        // 19 two-byte, 1 three-byte and 1 four-byte character (a surrogate pair in Java) before the problem.
        String publication = "Slachtoffermonitor mensenhandel — ééééééééééééééééééé 😀";
        String json = HEAD + publication + "\"}, \"victims\": [{\"key\": \"k7vd2m4xq9ht3bw6rn5pc8yz1a\","
                + " \"sex\": \"zz\", \"birthDate\": {\"precision\": \"unknown\"}, \"nationality\": \"NL\"}]}";
        ValidationReport report = Fixtures.validate(json);
        Problem sex = only(report, IoRule.UNKNOWN_CODE.code());
        assertEquals("/victims/0/sex", sex.pointer());
        assertEquals(1, sex.line());
        int bytesBefore = json.substring(0, json.indexOf("\"zz\"")).getBytes(StandardCharsets.UTF_8).length;
        // The byte column (what was reported before) is 19 + 2 + 3 = 24 greater than the character column.
        assertEquals(bytesBefore + 1 - 24, sex.column(), report::toText);
        assertEquals(expectedColumn(json, "\"zz\""), sex.column());
    }

    /**
     * The reader skips ASCII eight bytes at a time until the first multi-byte character (issue 14): the first
     * continuation byte at every position of an eight-byte group, and after one to two groups, still gives the
     * character column.
     */
    @ParameterizedTest(name = "{0} ASCII bytes before the first multi-byte character")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17})
    void theFirstMultiByteCharacterAtAnyAlignmentGivesCharacterColumns(int padding) {
        String publication = "x".repeat(padding) + "\u00e9\u20ac";
        String json = HEAD + publication + "\"}, \"victims\": [{\"key\": \"k7vd2m4xq9ht3bw6rn5pc8yz1a\","
                + " \"sex\": \"zz\", \"birthDate\": {\"precision\": \"unknown\"}, \"nationality\": \"NL\"}]}";
        Problem sex = only(Fixtures.validate(json), IoRule.UNKNOWN_CODE.code());
        assertEquals(expectedColumn(json, "\"zz\""), sex.column());
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(8);
    }

    /**
     * Property: whatever the characters (one to four bytes each) and the line breaks (LF, CRLF, CR) before a
     * problem, and lines longer than the window of bytes the reader keeps counts for, the column is the
     * character column. Problems at a property name (an unknown property) and at a value (an unknown code).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyProblemColumnIsTheCharacterColumn(long seed) {
        Random random = new Random(seed);
        String[] alphabet = {"a", "Z", " ", "é", "ß", "€", "中", "😀", "ŉ"};
        String[] breaks = {"\n", "\r\n", "\r", " "};
        StringBuilder json = new StringBuilder(HEAD).append("ë\"},").append(breaks[random.nextInt(3)])
                .append("\"victims\": [{\"key\": \"k7vd2m4xq9ht3bw6rn5pc8yz1a\",");
        int pads = 1 + random.nextInt(6);
        for (int i = 0; i < pads; i++) {
            // Up to 10,000 characters a string (the read limit); several make a line longer than 64 KB.
            int length = random.nextInt(4) == 0 ? 9_000 + random.nextInt(1_000) : random.nextInt(40);
            StringBuilder pad = new StringBuilder();
            for (int c = 0; c < length; c++) {
                pad.append(alphabet[random.nextInt(alphabet.length)]);
            }
            json.append(breaks[random.nextInt(breaks.length)]).append("\"pad").append(i).append("\": \"")
                    .append(pad).append("\",");
        }
        json.append(breaks[random.nextInt(breaks.length)]).append("\"sex\": \"zz\", \"birthDate\":")
                .append(" {\"precision\": \"unknown\"}, \"nationality\": \"NL\"}]}");
        String text = json.toString();
        ValidationReport report = Fixtures.validate(text);
        String context = "seed " + seed + ": " + report.toText();
        Problem sex = only(report, IoRule.UNKNOWN_CODE.code());
        assertEquals(expectedColumn(text, "\"zz\""), sex.column(), context);
        List<Problem> unknown = report.problems().stream()
                .filter(p -> p.code().equals(IoRule.UNKNOWN_PROPERTY.code())).toList();
        assertEquals(pads, unknown.size(), context);
        for (int i = 0; i < pads; i++) {
            assertEquals(expectedColumn(text, "\"pad" + i + "\""), unknown.get(i).column(), context);
        }
    }
}
