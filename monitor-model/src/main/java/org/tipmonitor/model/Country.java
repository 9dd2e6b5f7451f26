package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import org.tipmonitor.model.constraints.CountryCode;
import org.tipmonitor.model.internal.CountryRegions;

/**
 * A country, e.g. a country of birth: an ISO 3166-1 alpha-2 code (upper case; XK for Kosovo is accepted) or
 * {@code unknown} (rule {@link ModelRule#COUNTRY_CODE}).
 *
 * @param code the alpha-2 code or {@code "unknown"}
 */
public record Country(
        @NotNull(message = ModelRule.Messages.REQUIRED) @CountryCode String code) {

    /** The code of an unknown country. */
    public static final String UNKNOWN_CODE = "unknown";
    /** An unknown country. */
    public static final Country UNKNOWN = new Country(UNKNOWN_CODE);
    /** The Netherlands. */
    public static final Country NETHERLANDS = new Country("NL");

    /**
     * A country by code; the code is checked by validation, not here.
     *
     * @param code an ISO 3166-1 alpha-2 code or {@code "unknown"}
     * @return the country
     */
    public static Country of(String code) {
        return new Country(code);
    }

    /**
     * Whether the country is known.
     *
     * @return false for {@link #UNKNOWN}
     */
    public boolean isKnown() {
        return !UNKNOWN_CODE.equals(code);
    }

    /**
     * The region of the country, from the bundled table (UN M49 continents with the Netherlands and the EU/EEA
     * split out).
     *
     * @return the region; {@link NationalityRegion#UNKNOWN} for an unknown or invalid code
     */
    public NationalityRegion region() {
        return Optional.ofNullable(code).flatMap(CountryRegions::regionOf).orElse(NationalityRegion.UNKNOWN);
    }

    @Override
    public String toString() {
        return code;
    }
}
