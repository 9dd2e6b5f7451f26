package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A presumed victim of trafficking (mogelijk slachtoffer) at person level. A person may have several
 * {@link Registration}s, by several organisations and in several years; the person is linked across them by the
 * pseudonymous {@link PersonKey}. No name, citizen service number, address or free text is held.
 *
 * @param key         the pseudonymous key
 * @param sex         sex as registered
 * @param birthDate   birth date with its precision
 * @param nationality nationality (ISO 3166-1 alpha-2, stateless or unknown)
 */
public record Victim(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid PersonKey key,
        @NotNull(message = ModelRule.Messages.REQUIRED) Sex sex,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid BirthDate birthDate,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Nationality nationality) {

    /**
     * The age at an event, e.g. at a registration's report date.
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
