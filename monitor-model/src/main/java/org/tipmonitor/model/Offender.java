package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A suspect or offender of trafficking at person level (offender monitor, dadermonitor). The key is a pseudonym
 * that stays stable across years so that cases and reoffending can be linked; no raw identifier is held.
 *
 * @param key            the pseudonymous key
 * @param sex            sex as registered
 * @param birthDate      birth date with its precision
 * @param countryOfBirth country of birth
 * @param nationality    nationality
 */
public record Offender(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid PersonKey key,
        @NotNull(message = ModelRule.Messages.REQUIRED) Sex sex,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid BirthDate birthDate,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Country countryOfBirth,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Nationality nationality) {

    /**
     * The age at an event, e.g. the offence or the registration at the public prosecutor.
     *
     * @param event the date of the event
     * @return the age with its precision, or empty if the birth date is unknown
     * @throws ModelException if the event lies before the earliest possible birth day
     */
    public Optional<Age> ageAt(LocalDate event) {
        return birthDate.ageAt(event);
    }

    /**
     * The age group at an event.
     *
     * @param event the date of the event
     * @return the group, {@link AgeGroup#UNKNOWN} if the birth date is unknown
     */
    public AgeGroup ageGroupAt(LocalDate event) {
        return birthDate.ageGroupAt(event);
    }

    /**
     * The region of the nationality.
     *
     * @return the region
     */
    public NationalityRegion nationalityRegion() {
        return nationality.region();
    }
}
