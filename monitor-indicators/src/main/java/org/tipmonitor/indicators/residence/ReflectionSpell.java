package org.tipmonitor.indicators.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.VictimHistory;

/**
 * One reflection period (bedenktijd) in a registration's residence-stage history: the day it began, the Dublin
 * status of the registration, and the change that ended it, if the data record one.
 *
 * @param entered      the first day of the reflection period
 * @param dublinStatus the Dublin status of the registration
 * @param exit         the stage that followed and the day it began; empty if the data record no end
 */
public record ReflectionSpell(LocalDate entered, DublinStatus dublinStatus, Optional<ResidenceStageChange> exit) {


    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ReflectionSpell {
        Objects.requireNonNull(entered, "entered");
        Objects.requireNonNull(dublinStatus, "dublinStatus");
        Objects.requireNonNull(exit, "exit");
    }

    /**
     * The reflection periods of the histories: one per change to {@link ResidenceSchemeStage#REFLECTION_PERIOD},
     * ended by the change after it.
     *
     * @param victims   the victims with their registrations
     * @param histories the residence-stage histories
     * @return the reflection periods, in the order of the histories
     * @throws IndicatorException if a history refers to a registration that is not given (the exchange reader never
     *                            delivers such a history: rule TM-IO-0039)
     * @throws NullPointerException if an argument is null
     */
    public static List<ReflectionSpell> of(Collection<VictimHistory> victims, Collection<ResidenceHistory> histories) {
        Map<RegistrationId, Registration> registrations = new HashMap<>();
        for (VictimHistory victim : victims) {
            victim.registrations().forEach(r -> registrations.put(r.id(), r));
        }
        List<ReflectionSpell> spells = new ArrayList<>();
        int index = 0;
        for (ResidenceHistory history : histories) {
            Registration registration = registrations.get(history.registrationId());
            if (registration == null) {
                throw IndicatorException.of(IndicatorRule.RESIDENCE_UNKNOWN_REGISTRATION, index);
            }
            List<ResidenceStageChange> stages = history.stages();
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).stage() == ResidenceSchemeStage.REFLECTION_PERIOD) {
                    spells.add(new ReflectionSpell(stages.get(i).effectiveDate(), registration.dublinStatus(),
                            i + 1 < stages.size() ? Optional.of(stages.get(i + 1)) : Optional.empty()));
                }
            }
            index++;
        }
        return spells;
    }
}
