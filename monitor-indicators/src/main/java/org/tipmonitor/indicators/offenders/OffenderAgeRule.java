package org.tipmonitor.indicators.offenders;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.model.Age;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;

/**
 * The event at which an offender's age is taken. The offender monitor (dadermonitor) reports the age at the offence;
 * the age at the registration at the public prosecutor is known for every case, including those without an offence
 * date, and is never lower. The choice changes the share under a cut such as 23, so it is recorded in every
 * result's provenance as {@link #id()}.
 */
public enum OffenderAgeRule {

    /** The age at the (first) date of the offence; unknown when the case has no offence date. */
    AT_OFFENCE("age-at-offence") {
        @Override
        public Optional<LocalDate> eventDate(OffenderCase offenderCase) {
            return Optional.ofNullable(offenderCase.offenceDate());
        }
    },
    /** The age at the registration at the public prosecutor (inschrijving bij het OM). */
    AT_PROSECUTOR_REGISTRATION("age-at-prosecutor-registration") {
        @Override
        public Optional<LocalDate> eventDate(OffenderCase offenderCase) {
            return Optional.of(offenderCase.prosecutorRegistrationDate());
        }
    };

    private final String id;

    OffenderAgeRule(String id) {
        this.id = id;
    }

    /**
     * The rule's name as recorded in the provenance.
     *
     * @return e.g. {@code "age-at-offence"}
     */
    public String id() {
        return id;
    }

    /**
     * The date at which the age is taken for a case.
     *
     * @param offenderCase the case
     * @return the date, or empty when it is not known
     */
    public abstract Optional<LocalDate> eventDate(OffenderCase offenderCase);

    /**
     * The offender's age under this rule in a case.
     *
     * @param offender     the offender
     * @param offenderCase one of the offender's cases
     * @return the age, or empty when the birth date or the event date is unknown
     * @throws org.tipmonitor.model.ModelException if the event lies before the birth date (a record that fails
     *         validation)
     * @throws NullPointerException if an argument is null
     */
    public Optional<Age> ageAt(Offender offender, OffenderCase offenderCase) {
        Objects.requireNonNull(offender, "offender");
        return eventDate(Objects.requireNonNull(offenderCase, "offenderCase")).flatMap(offender::ageAt);
    }
}
