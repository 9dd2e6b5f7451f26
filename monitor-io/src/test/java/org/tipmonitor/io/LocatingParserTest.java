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
