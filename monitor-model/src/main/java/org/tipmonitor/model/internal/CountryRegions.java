package org.tipmonitor.model.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.NationalityRegion;

/**
 * The bundled table of ISO 3166-1 alpha-2 codes and their nationality regions ({@code country-regions.csv}).
 * Not part of the API.
 */
public final class CountryRegions {

    private static final Map<String, NationalityRegion> REGIONS = load();

    private CountryRegions() {
    }

    /**
     * The region of a country code.
     *
     * @param alpha2 an upper-case ISO 3166-1 alpha-2 code
     * @return the region, or empty if the code is not in the table
     */
    public static Optional<NationalityRegion> regionOf(String alpha2) {
        return Optional.ofNullable(REGIONS.get(alpha2));
    }

    /**
     * Whether a code is in the table.
     *
     * @param alpha2 a code
     * @return true for the 249 ISO 3166-1 codes and XK
     */
    public static boolean isKnown(String alpha2) {
        return alpha2 != null && REGIONS.containsKey(alpha2);
    }

    /**
     * All codes with their regions, sorted by code.
     *
     * @return an unmodifiable map
     */
    public static Map<String, NationalityRegion> all() {
        return REGIONS;
    }

    private static Map<String, NationalityRegion> load() {
        Map<String, NationalityRegion> regions = new TreeMap<>();
        try (InputStream in = CountryRegions.class.getResourceAsStream("/org/tipmonitor/model/country-regions.csv")) {
            if (in == null) {
                throw new IllegalStateException("country-regions.csv is missing from monitor-model");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                NationalityRegion region = CodeList.fromCode(NationalityRegion.class, fields[1])
                        .orElseThrow(() -> new IllegalStateException("Unknown region in country-regions.csv: "
                                + fields[1]));
                regions.put(fields[0], region);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(regions);
    }
}
