package org.tipmonitor.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place where Jackson is configured. Every factory and mapper here is built once, immutable after
 * construction and thread-safe; no Jackson type leaves the internal package. Not part of the API.
 *
 * <p>Read limits ({@link StreamReadConstraints}) bound what a hostile or broken file can make the parser do:
 * the format nests four levels deep, so 32 is generous; no string in the format is longer than a few hundred
 * characters; no number longer than 20 digits.
 */
public final class Jackson {

    /** Maximum nesting depth of arrays and objects. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Maximum length of a string value, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Maximum length of a number token, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Maximum length of a property name, in characters. */
    public static final int MAX_NAME_LENGTH = 1_000;

    /** The read limits of every JSON and CSV parser of this module. */
    public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    /**
     * The streaming JSON factory: the readers and writers use its parsers and generators directly. Neither
     * parsers nor generators close the caller's streams, and a closed generator does not complete open arrays
     * and objects: a writer that failed half-way leaves visibly truncated JSON.
     */
    public static final JsonFactory JSON = builder().build();

    /**
     * The settings of {@link #JSON}, for the factories that must share them (the exchange reader's
     * {@link LocatingParser}).
     *
     * @return a new builder with the settings
     */
    static JsonFactoryBuilder builder() {
        return new JsonFactoryBuilder()
                .streamReadConstraints(READ_CONSTRAINTS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT);
    }

    /**
     * The object mapper for the report renderings and small documents: strict (unknown properties and
     * duplicate keys fail), ISO-8601 dates through the Java time module. It has a factory of its own, so that
     * its settings never reach {@link #JSON}, whose reader detects duplicate keys itself and goes on reading.
     * Built on first use (issue 14: building it with the streaming factory loaded some 500 classes of Jackson's
     * data binding into every {@code monitor validate}, which needs none).
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /**
     * The CSV factory, with the same read limits; built on first use.
     *
     * @return the factory
     */
    public static CsvFactory csvFactory() {
        return CsvHolder.CSV_FACTORY;
    }

    /** Holds the mapper, so that it is built when first asked for. */
    private static final class MapperHolder {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(READ_CONSTRAINTS)
                        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                        .build())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Holds the CSV factory, so that it is built when first asked for. */
    private static final class CsvHolder {
        static final CsvFactory CSV_FACTORY = CsvFactory.builder()
                .streamReadConstraints(READ_CONSTRAINTS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    private Jackson() {
    }
}
