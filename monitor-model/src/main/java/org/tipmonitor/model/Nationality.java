package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import org.tipmonitor.model.constraints.NationalityCode;

/**
 * A nationality: the ISO 3166-1 alpha-2 code of the country (upper case; XK for Kosovo is accepted), or
 * explicitly {@code stateless} or {@code unknown} (rule {@link ModelRule#NATIONALITY_CODE}).
 *
 * @param code the alpha-2 code, {@code "stateless"} or {@code "unknown"}
 */
public record Nationality(
        @NotNull(message = ModelRule.Messages.REQUIRED) @NationalityCode String code) {

    /** The code of an unknown nationality. */
    public static final String UNKNOWN_CODE = "unknown";
    /** The code of a stateless person. */
    public static final String STATELESS_CODE = "stateless";
    /** Unknown nationality. */
    public static final Nationality UNKNOWN = new Nationality(UNKNOWN_CODE);
    /** Stateless (staatloos). */
    public static final Nationality STATELESS = new Nationality(STATELESS_CODE);
    /** Dutch nationality. */
    public static final Nationality DUTCH = new Nationality("NL");

    /**
     * A nationality by code; the code is checked by validation, not here.
     *
     * @param code an alpha-2 code, {@code "stateless"} or {@code "unknown"}
     * @return the nationality
     */
    public static Nationality of(String code) {
        return new Nationality(code);
    }

    /**
     * The country of the nationality.
     *
     * @return the country, or empty if stateless or unknown
     */
    public Optional<Country> country() {
        if (UNKNOWN_CODE.equals(code) || STATELESS_CODE.equals(code)) {
            return Optional.empty();
        }
        return Optional.of(new Country(code));
    }

    /**
     * The region of the nationality.
     *
     * @return {@link NationalityRegion#STATELESS} for stateless persons, the country's region otherwise, and
     *         {@link NationalityRegion#UNKNOWN} for an unknown or invalid code
     */
    public NationalityRegion region() {
        if (STATELESS_CODE.equals(code)) {
            return NationalityRegion.STATELESS;
        }
        return country().map(Country::region).orElse(NationalityRegion.UNKNOWN);
    }

    @Override
    public String toString() {
        return code;
    }
}
