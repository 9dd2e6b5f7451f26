package org.tipmonitor.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where a result comes from: the dataset it was computed on, the definitions used (counting unit, age rule,
 * list definition, seed, ...), the method, and the library version that computed it.
 *
 * <p>Every indicator and estimate carries one, so that a published figure can be traced and recomputed.
 *
 * @param datasetId      identifier of the input dataset, or {@code "unspecified"} when the caller gave none
 * @param period         the period covered, as given by the caller (e.g. {@code "2014-2018"}), or {@code "unspecified"}
 * @param method         the method that produced the result (e.g. {@code "wilson"}, {@code "poisson-loglinear"})
 * @param definitions    named definitions and parameters, sorted by name (copied, unmodifiable)
 * @param libraryVersion the tipmonitor version that computed the result
 */
public record Provenance(
        String datasetId, String period, String method, Map<String, String> definitions, String libraryVersion) {

    /** The value used for a dataset id or period that the caller did not give. */
    public static final String UNSPECIFIED = "unspecified";

    /** Definition name of what a result counts: registrations, persons, cases or source counts. */
    public static final String COUNTING_UNIT = "countingUnit";
    /** Definition name of the event at which ages are taken, e.g. {@code age-at-report}, {@code age-at-offence}. */
    public static final String AGE_RULE = "ageRule";
    /** Definition name of an age cut in completed years, e.g. {@code 23}. */
    public static final String AGE_CUT = "ageCut";
    /** Definition name of the form or forms of exploitation (codes, joined by {@code |}) a result covers. */
    public static final String EXPLOITATION_FORM = "exploitationForm";
    /** Definition name of the date whose year places a record in a year of the period. */
    public static final String YEAR_OF = "yearOf";

    private static final String VERSION = readVersion();

    /**
     * Copies the definitions and rejects missing parts.
     *
     * @throws NullPointerException if any component is null
     */
    public Provenance {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        definitions = Map.copyOf(new TreeMap<>(Objects.requireNonNull(definitions, "definitions")));
    }

    /**
     * A provenance for a method with no dataset or period given, stamped with this library's version.
     *
     * @param method the method name
     * @return the provenance
     */
    public static Provenance of(String method) {
        return new Provenance(UNSPECIFIED, UNSPECIFIED, method, Map.of(), VERSION);
    }

    /**
     * Returns a copy with the dataset id and period set.
     *
     * @param datasetId the dataset identifier
     * @param period    the period covered
     * @return the new provenance
     */
    public Provenance withDataset(String datasetId, String period) {
        return new Provenance(datasetId, period, method, definitions, libraryVersion);
    }

    /**
     * Returns a copy with one more definition (replacing a definition of the same name).
     *
     * @param name  the definition's name, e.g. {@code "countingUnit"}
     * @param value its value, e.g. {@code "persons"}
     * @return the new provenance
     */
    public Provenance withDefinition(String name, String value) {
        Map<String, String> copy = new TreeMap<>(definitions);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Provenance(datasetId, period, method, copy, libraryVersion);
    }

    /**
     * The version of this library, read from the build.
     *
     * @return the version, e.g. {@code "0.1.0-SNAPSHOT"}
     */
    public static String currentLibraryVersion() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from monitor-indicators");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
