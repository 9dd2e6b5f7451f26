package org.tipmonitor.io.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Jackson's UTF-8 parser, which also tells where the current token starts as numbers: its line, its column and its
 * byte offset, the values of {@link #currentTokenLocation()} without building a
 * {@link com.fasterxml.jackson.core.JsonLocation} (issue 14, item 2: the exchange reader keeps the line and column
 * of every value, for messages about it; a location object per value was a tenth of the parsing thread's time and
 * a sixth of its allocations under the client compiler). Jackson offers no public accessor for these numbers, so
 * this subclass reads the parser's protected fields, exactly as {@code currentTokenLocation()} does (jackson-core
 * 2.23; {@code LocatingParserTest} compares the two on every token of the golden files, so that a Jackson release
 * that changed them fails the build, not the reports).
 *
 * <p>Only for UTF-8 input: {@link #create} skips Jackson's encoding detection, which the exchange reader does
 * before (a byte-order mark or a zero byte among the first two bytes is a located problem there; every other input
 * is UTF-8 by RFC 8259 and by Jackson's own detection). Not part of the API.
 */
public final class LocatingParser extends UTF8StreamJsonParser {

    /** Makes locating parsers; the settings of {@link Jackson#JSON}. */
    private static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory(JsonFactoryBuilder builder) {
            super(builder);
        }

        LocatingParser open(InputStream in) throws IOException {
            IOContext context = _createContext(_createContentReference(in), false);
            context.setEncoding(JsonEncoding.UTF8);
            return new LocatingParser(context, _parserFeatures, _decorate(in, context),
                    _byteSymbolCanonicalizer.makeChild(_factoryFeatures), context.allocReadIOBuffer());
        }
    }

    private static final Factory FACTORY = new Factory(Jackson.builder());

    private LocatingParser(IOContext context, int features, InputStream in,
                           com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer symbols, byte[] buffer) {
        super(context, features, in, null, symbols, buffer, 0, 0, 0, true);
    }

    /**
     * A parser of UTF-8 input with the settings of {@link Jackson#JSON}.
     *
     * @param in the input, UTF-8 without a byte-order mark; not closed by the parser
     * @return the parser
     * @throws IOException if the input cannot be read
     */
    public static LocatingParser create(InputStream in) throws IOException {
        return FACTORY.open(in);
    }

    /**
     * The line of the current token's start, from 1: {@code currentTokenLocation().getLineNr()}.
     *
     * @return the line
     */
    public int tokenLine() {
        return _currToken == JsonToken.FIELD_NAME ? _nameStartRow : _tokenInputRow;
    }

    /**
     * The column of the current token's start in bytes, from 1: {@code currentTokenLocation().getColumnNr()}.
     *
     * @return the column
     */
    public int tokenColumn() {
        return _currToken == JsonToken.FIELD_NAME ? _nameStartCol : _tokenInputCol;
    }

    /**
     * Where the current string ends in {@link #inputBuffer()} (its closing quote), if it is a string value that has
     * not been read yet, lies whole in the parser's input buffer and is plain: ASCII without escapes or control
     * characters, so that its bytes are its characters. Otherwise -1, and the string is read as Jackson reads it.
     * Issue 14, item 2: Jackson decodes every string into its text buffer first; the exchange format's codes,
     * dates, keys and ids are plain, and are taken from the input's bytes here (the string is then skipped exactly
     * as Jackson skips a string it was not asked for; {@code LocatingParserTest} compares the two readings on every
     * string of the golden files and of strings with escapes, multi-byte characters and buffer boundaries).
     *
     * @return the index of the closing quote, or -1
     */
    public int plainStringEnd() {
        if (_currToken != JsonToken.VALUE_STRING || !_tokenIncomplete) {
            return -1;
        }
        byte[] buffer = _inputBuffer;
        for (int i = _inputPtr, end = _inputEnd; i < end; i++) {
            int b = buffer[i];
            if (b == '"') {
                return i;
            }
            // A control character, a byte of a multi-byte character (negative) or an escape.
            if (b < 0x20 || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Where the current plain string's characters start in {@link #inputBuffer()}.
     *
     * @return the index after the opening quote
     */
    public int plainStringStart() {
        return _inputPtr;
    }

    /**
     * The parser's input buffer; read only, and only between {@link #plainStringStart()} and
     * {@link #plainStringEnd()}.
     *
     * @return the buffer
     */
    public byte[] inputBuffer() {
        return _inputBuffer;
    }

    /**
     * The current plain string, made from its bytes, and skipped.
     *
     * @param end its {@link #plainStringEnd()}
     * @return the string
     */
    public String plainString(int end) {
        String text = new String(_inputBuffer, _inputPtr, end - _inputPtr, StandardCharsets.ISO_8859_1);
        skipPlainString(end);
        return text;
    }

    /**
     * Skips the current plain string, as Jackson's own skipping of a string not read does: the next token is read
     * after its closing quote. Its text is not available after this.
     *
     * @param end its {@link #plainStringEnd()}
     */
    public void skipPlainString(int end) {
        _tokenIncomplete = false;
        _inputPtr = end + 1;
    }

    /**
     * The byte offset of the current token's start, from 0: {@code currentTokenLocation().getByteOffset()}.
     *
     * @return the offset
     */
    public long tokenOffset() {
        return _currToken == JsonToken.FIELD_NAME ? _currInputProcessed + _nameStartOffset - 1 : _tokenInputTotal - 1;
    }
}
