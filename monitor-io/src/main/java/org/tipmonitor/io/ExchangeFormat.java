package org.tipmonitor.io;

import java.io.InputStream;
import java.util.List;
import org.tipmonitor.io.internal.SchemaResources;

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
 * <p><b>Version 1.1</b> ({@value #FORMAT_VERSION_1_1}) adds the optional arrays {@code policeReports} (a victim's
 * police report, aangifte, with the offender cases it led to: {@link org.tipmonitor.model.PoliceReport}) and
 * {@code programmeMeasures} ({@link org.tipmonitor.model.ProgrammeMeasure}) after {@code policeSignals}. It changes
 * nothing else, so every 1.0 file is a valid 1.1 file that has neither; the reader accepts both versions, and either
 * array in a file that declares 1.0 is rejected ({@link IoRule#LATER_VERSION_PROPERTY}). The writer declares 1.0
 * unless the file holds one of them, so that readers of 1.0 keep reading every file they could read before.
 *
 * <p>Version 1.1 also adds the optional array {@code residenceStages} after {@code programmeMeasures}: the dated
 * stages of the B8/3 residence scheme of a registration's victim ({@link org.tipmonitor.model.ResidenceHistory}),
 * from which the time in the reflection period is computed. A file without it reads as having no stage history.
 *
 * <p>The JSON Schema (draft 2020-12) ships in this jar as the resource {@value #SCHEMA_RESOURCE}; its
 * {@code $id} is {@value #SCHEMA_ID}. Other systems validate a file against it before sending; the rules the
 * schema cannot express are checked by {@link ExchangeReader} only (see the README).
 */
public final class ExchangeFormat {

    /** Format version 1.0, the version the writer declares for a file without police reports or measures. */
    public static final String FORMAT_VERSION = "1.0";
    /**
     * Format version 1.1: 1.0 plus the optional arrays {@code policeReports}, {@code programmeMeasures} and
     * {@code residenceStages}.
     */
    public static final String FORMAT_VERSION_1_1 = "1.1";
    /** The versions this library reads and writes, oldest first. */
    public static final List<String> SUPPORTED_VERSIONS = List.of(FORMAT_VERSION, FORMAT_VERSION_1_1);
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
        return SchemaResources.open(SCHEMA_RESOURCE);
    }

    /**
     * The schema's text.
     *
     * @return the JSON Schema document
     * @throws ExchangeException if the resource cannot be read
     */
    public static String schema() {
        return SchemaResources.text(SCHEMA_RESOURCE);
    }
}
