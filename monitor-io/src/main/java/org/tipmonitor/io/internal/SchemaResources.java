package org.tipmonitor.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;

/**
 * The published JSON Schemas, resources of this module (the exchange schema and the result schema), read the same
 * way on the module path and the class path: through a class of this module, never through a class loader. Not part
 * of the API.
 */
public final class SchemaResources {

    private SchemaResources() {
    }

    /**
     * Opens a schema resource.
     *
     * @param resource the resource's absolute name, e.g. {@code /org/tipmonitor/io/schema/exchange-v1.schema.json}
     * @return a stream over the schema's UTF-8 bytes; the caller closes it
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the resource is missing
     */
    public static InputStream open(String resource) {
        InputStream in = SchemaResources.class.getResourceAsStream(resource);
        if (in == null) {
            throw new ExchangeException(IoRule.IO_FAILURE, "schema resource " + resource + " is missing");
        }
        return in;
    }

    /**
     * A schema resource's text.
     *
     * @param resource the resource's absolute name
     * @return the JSON Schema document
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the resource is missing or cannot be read
     */
    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot read schema resource " + resource, e);
        }
    }
}
