package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.LocatingParser;

/**
 * The exchange reader's parser tells the line, column and byte offset of every token as Jackson's
 * {@code currentTokenLocation()} does (issue 14, item 2: it reads them from the parser's fields, without a location
 * object): on every token of the golden files, of generated files long enough to cross many input buffers, printed
 * compactly and with line breaks and indentation, and of a file with multi-byte characters in names and values.
 */
class LocatingParserTest {

    static Stream<Named<String>> goldenFiles() {
        return GoldenReportTest.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void aGoldenFileHasJacksonsLocations(String file) throws IOException {
        assertSameLocations(Fixtures.golden(file));
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aLongFileHasJacksonsLocationsCompactAndIndented(long seed) throws IOException {
        String compact = ExchangeWriter.withDefaults().toJson(Fixtures.generated(seed, 600, 150));
        assertTrue(compact.length() > 100_000, "the file crosses many input buffers");
        assertTrue(assertSameLocations(compact.getBytes(StandardCharsets.UTF_8)), "read to the end");
        // Breaks only where a quote follows a comma or a brace: never inside a string, where a quote is escaped.
        String indented = compact.replace(",\"", ",\n    \"").replace("{\"", "{\r\n  \"").replace("[{", "[\r  {");
        assertTrue(assertSameLocations(indented.getBytes(StandardCharsets.UTF_8)), "read to the end");
    }

    @Test
    void multiByteCharactersHaveJacksonsByteColumns() throws IOException {
        String text = "{\"d\u00e9j\u00e0\": [\"\u20ac\u20ac\", {\"\ud83d\ude00\": 1}],\n \"caf\u00e9\": \"\u00fc\"}";
        assertTrue(assertSameLocations(text.getBytes(StandardCharsets.UTF_8)), "read to the end");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void aGoldenFilesStringsReadFromTheBytesAreJacksons(String file) throws IOException {
        assertSameStrings(Fixtures.golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void stringsOfAllKindsAndAtEveryBufferBoundaryAreJacksons(long seed) throws IOException {
        java.util.Random random = new java.util.Random(seed);
        String[] pieces = {"a", "Z", "0", "-", "_", " ", "\\\"", "\\\\", "\\n", "\\u0041", "\\u00e9", "\u00e9",
            "\u20ac", "\ud83d\ude00", "\u007f", "/", "\\/"};
        StringBuilder json = new StringBuilder("[");
        for (int n = 0; n < 3000; n++) {
            boolean inObject = random.nextInt(8) == 0;
            json.append(n == 0 ? "" : ",").append(inObject ? "{\"k\": \"" : "\"");
            int length = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(12);
            for (int c = 0; c < length; c++) {
                json.append(random.nextInt(5) == 0 ? pieces[random.nextInt(pieces.length)] : "x");
            }
            json.append(inObject ? "\"}" : "\"");
        }
        String text = json.append(']').toString();
        assertTrue(assertSameStrings(text.getBytes(StandardCharsets.UTF_8)) > 2000, "strings compared");
    }

    @Test
    void aRawControlCharacterOrBrokenUtf8InAStringFailsAsJacksonFails() throws IOException {
        assertSameStrings("[\"ok\", \"tab\there\", \"x\"]".getBytes(StandardCharsets.UTF_8));
        byte[] broken = "[\"ok\", \"a?b\", \"x\"]".getBytes(StandardCharsets.UTF_8);
        broken[10] = (byte) 0xC3;
        assertSameStrings(broken);
    }

    /**
     * Reads the same bytes with two parsers in step: one takes every string value from the bytes where
     * {@link LocatingParser#plainStringEnd} allows it, the other as Jackson does; the strings, the tokens and the
     * locations after them must agree, up to the end or the first parse error (which both must meet at the same
     * token). Returns the number of strings compared.
     */
    private static int assertSameStrings(byte[] bytes) throws IOException {
        int strings = 0;
        try (LocatingParser fast = LocatingParser.create(new ByteArrayInputStream(bytes));
             LocatingParser plain = LocatingParser.create(new ByteArrayInputStream(bytes))) {
            while (true) {
                JsonToken token;
                Class<?> failure = null;
                try {
                    token = fast.nextToken();
                } catch (JsonProcessingException e) {
                    token = null;
                    failure = e.getClass();
                }
                JsonToken expected;
                Class<?> expectedFailure = null;
                try {
                    expected = plain.nextToken();
                } catch (JsonProcessingException e) {
                    expected = null;
                    expectedFailure = e.getClass();
                }
                assertEquals(expectedFailure, failure);
                assertEquals(expected, token);
                if (token == null) {
                    return strings;
                }
                assertEquals(plain.tokenLine(), fast.tokenLine());
                assertEquals(plain.tokenColumn(), fast.tokenColumn());
                assertEquals(plain.tokenOffset(), fast.tokenOffset());
                if (token == JsonToken.VALUE_STRING) {
                    // A string's own errors (its end, its encoding, its length) surface when it is read.
                    String text;
                    try {
                        int end = fast.plainStringEnd();
                        text = end >= 0 ? fast.plainString(end) : fast.getText();
                    } catch (JsonProcessingException e) {
                        text = e.getClass().getName();
                    }
                    String jacksons;
                    try {
                        jacksons = plain.getText();
                    } catch (JsonProcessingException e) {
                        jacksons = e.getClass().getName();
                    }
                    assertEquals(jacksons, text, "string " + strings);
                    if (text.startsWith("com.fasterxml")) {
                        return strings;
                    }
                    strings++;
                }
            }
        }
    }

    /**
     * Every token's numbers against {@code currentTokenLocation()}, up to the end or the first parse error, reading
     * with {@code nextToken()} and again, as the exchange reader does, trying each object's names with
     * {@code nextFieldName} (a name that matches and one that does not); returns whether the end was reached.
     */
    private static boolean assertSameLocations(byte[] bytes) throws IOException {
        boolean plain = assertSameLocations(bytes, false);
        assertEquals(plain, assertSameLocations(bytes, true));
        return plain;
    }

    private static final com.fasterxml.jackson.core.io.SerializedString[] GUESSES = {
        new com.fasterxml.jackson.core.io.SerializedString("key"),
        new com.fasterxml.jackson.core.io.SerializedString("sex"),
        new com.fasterxml.jackson.core.io.SerializedString("id"),
        new com.fasterxml.jackson.core.io.SerializedString("date")};

    private static boolean assertSameLocations(byte[] bytes, boolean guessNames) throws IOException {
        long tokens = 0;
        try (LocatingParser parser = LocatingParser.create(new ByteArrayInputStream(bytes))) {
            while (true) {
                JsonToken token;
                try {
                    if (guessNames && parser.currentToken() != JsonToken.FIELD_NAME
                            && parser.getParsingContext().inObject()) {
                        parser.nextFieldName(GUESSES[(int) (tokens % GUESSES.length)]);
                        token = parser.currentToken();
                    } else {
                        token = parser.nextToken();
                    }
                } catch (JsonProcessingException e) {
                    return false;
                }
                if (token == null) {
                    return true;
                }
                JsonLocation expected = parser.currentTokenLocation();
                String at = "token " + tokens + " (" + token + ")";
                assertEquals(expected.getLineNr(), parser.tokenLine(), at);
                assertEquals(expected.getColumnNr(), parser.tokenColumn(), at);
                assertEquals(expected.getByteOffset(), parser.tokenOffset(), at);
                tokens++;
            }
        }
    }
}
