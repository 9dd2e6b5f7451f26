package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.model.constraints.ConsistentHistory;

/**
 * A victim with all their registrations: the person-level unit that multiple systems estimation and counts of
 * persons need. Rules across the records ({@link ConsistentHistory}): every registration carries the victim's
 * key, none is reported before the victim's earliest possible birth day, and registration ids are unique.
 *
 * @param victim        the victim
 * @param registrations the registrations, in the order given (copied, unmodifiable)
 */
@ConsistentHistory
public record VictimHistory(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Victim victim,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        List<@NotNull(message = ModelRule.Messages.REQUIRED) @Valid Registration> registrations) {

    /** Copies the registrations; {@code null} elements are kept for validation to report. */
    public VictimHistory {
        registrations = registrations == null ? null : java.util.Collections.unmodifiableList(
                new ArrayList<>(registrations));
    }
}
