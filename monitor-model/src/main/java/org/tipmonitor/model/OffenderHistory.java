package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.model.constraints.ConsistentHistory;

/**
 * An offender with all their cases. Rules across the records ({@link ConsistentHistory}): every case carries the
 * offender's key, no offence or registration predates the offender's earliest possible birth day, and case ids
 * are unique.
 *
 * @param offender the offender
 * @param cases    the cases, in the order given (copied, unmodifiable)
 */
@ConsistentHistory
public record OffenderHistory(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Offender offender,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        List<@NotNull(message = ModelRule.Messages.REQUIRED) @Valid OffenderCase> cases) {

    /** Copies the cases; {@code null} elements are kept for validation to report. */
    public OffenderHistory {
        cases = cases == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(cases));
    }
}
