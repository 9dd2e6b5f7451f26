package org.tipmonitor.indicators.programme;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.model.MeasureStatus;
import org.tipmonitor.model.ProgrammeMeasure;

/**
 * One measure's progress on a day.
 *
 * @param measure  the measure
 * @param asOf     the day
 * @param status   the status effective on the day, empty before the first status change
 * @param category where the measure stands against its plan
 */
public record MeasureProgress(ProgrammeMeasure measure, LocalDate asOf, Optional<MeasureStatus> status,
                              ProgressCategory category) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public MeasureProgress {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
    }
}
