package org.tipmonitor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Exchange format v1: its version, the identifier and location of its JSON Schema, and the schema itself.
 *
 * <p>An exchange file is one UTF-8 JSON document (no byte-order mark) with the properties {@code formatVersion}
 * ({@value #FORMAT_VERSION}), {@code dataset} (the {@link Dataset} metadata) and the optional arrays
 * {@code victims}, {@code registrations}, {@code offenders}, {@code offenderCases} and {@code policeSignals}, in that
 * canonical order. The array {@code policeSignals} was added to v1 later; being optional, it leaves every earlier
 * v1 file valid, and the {@link ExchangeWriter} leaves it out when it is empty.
 * Names are camelCase, code values are the model's lower_snake_case codes, dates are ISO-8601
 * ({@code yyyy-mm-dd}), timestamps RFC 3339 with seconds and an offset. Unknown properties, duplicate keys and
 * {@code null} values are rejected; an optional value is left out.
 *
 * <p>The JSON Schema (draft 2020-12) ships in this jar as the resource {@value #SCHEMA_RESOURCE}; its
 * {@code $id} is {@value #SCHEMA_ID}. Other systems validate a file against it before sending; the rules the
 * schema cannot express are checked by {@link ExchangeReader} only (see the README).
 */
public final class ExchangeFormat {

    /** The format version this library reads and writes. */
    public static final String FORMAT_VERSION = "1.0";
    /** The absolute {@code $id} of the schema; the path carries the major version. */
    public static final String SCHEMA_ID = "https://schemas.tipmonitor.org/exchange/v1/exchange.schema.json";
    /** The class-path resource of the schema. */
    public static final String SCHEMA_RESOURCE = "/org/tipmonitor/io/schema/exchange-v1.schema.json";
    /** The media type of exchange files. */
    public static final String MEDIA_TYPE = "application/json";

    private ExchangeFormat() {
    }

    /**
     * Opens the schema resource.
     *
     * @return a stream over the schema's UTF-8 bytes; the caller closes it
     * @throws ExchangeException if the resource is missing from the class path
     */
    public static InputStream openSchema() {
        InputStream in = ExchangeFormat.class.getResourceAsStream(SCHEMA_RESOURCE);
        if (in == null) {
            throw new ExchangeException(IoRule.IO_FAILURE, "schema resource " + SCHEMA_RESOURCE + " is missing");
        }
        return in;
    }

    /**
     * The schema's text.
     *
     * @return the JSON Schema document
     * @throws ExchangeException if the resource cannot be read
     */
    public static String schema() {
        try (InputStream in = openSchema()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot read schema resource " + SCHEMA_RESOURCE, e);
        }
    }
}
