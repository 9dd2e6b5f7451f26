package org.tipmonitor.indicators.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.tipmonitor.model.MeasureStatus;
import org.tipmonitor.model.ProgrammeMeasure;

/**
 * The progress of a programme's measures on a day. A measure's category ({@link ProgressCategory}) is decided from
 * its status on the day (the last status change effective on or before it), its implementation date (the first
 * change to implemented) and its planned end: implemented on time if implemented by the planned end, late if after
 * it; delayed if not implemented and the planned end has passed; otherwise not started (still planned) or under way.
 * Counts of measures describe organisations, not persons, so no disclosure policy applies to them.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProgrammeProgress {

    private final LocalDate asOf;

    private ProgrammeProgress(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * The progress on a day.
     *
     * @param asOf the day
     * @return the indicator
     * @throws NullPointerException if asOf is null
     */
    public static ProgrammeProgress asOf(LocalDate asOf) {
        return new ProgrammeProgress(Objects.requireNonNull(asOf, "asOf"));
    }

    /**
     * The day.
     *
     * @return the day
     */
    public LocalDate day() {
        return asOf;
    }

    /**
     * One measure's progress.
     *
     * @param measure a validated measure (status history in date order)
     * @return the progress
     * @throws NullPointerException if measure is null
     */
    public MeasureProgress assess(ProgrammeMeasure measure) {
        Objects.requireNonNull(measure, "measure");
        Optional<MeasureStatus> status = measure.statusOn(asOf);
        LocalDate plannedEnd = measure.plannedEnd();
        Optional<LocalDate> implemented = measure.actualImplementation().filter(d -> !d.isAfter(asOf));
        ProgressCategory category;
        if (status.isEmpty()) {
            category = ProgressCategory.NOT_ANNOUNCED;
        } else if (status.get() == MeasureStatus.DROPPED) {
            category = ProgressCategory.DROPPED;
        } else if (implemented.isPresent()) {
            category = plannedEnd == null ? ProgressCategory.IMPLEMENTED_WITHOUT_PLAN
                    : implemented.get().isAfter(plannedEnd) ? ProgressCategory.IMPLEMENTED_LATE
                    : ProgressCategory.IMPLEMENTED_ON_TIME;
        } else if (plannedEnd != null && plannedEnd.isBefore(asOf)) {
            category = ProgressCategory.DELAYED;
        } else {
            category = status.get() == MeasureStatus.PLANNED ? ProgressCategory.NOT_STARTED
                    : ProgressCategory.UNDER_WAY;
        }
        return new MeasureProgress(measure, asOf, status, category);
    }

    /**
     * Every measure's progress, in the given order.
     *
     * @param measures the measures
     * @return the progress of each
     * @throws NullPointerException if measures or an element is null
     */
    public List<MeasureProgress> assess(Collection<ProgrammeMeasure> measures) {
        List<MeasureProgress> progress = new ArrayList<>(measures.size());
        measures.forEach(m -> progress.add(assess(m)));
        return progress;
    }

    /**
     * The progress per responsible organisation, organisations in alphabetical order.
     *
     * @param measures the measures
     * @return one entry per organisation
     * @throws NullPointerException if measures or an element is null
     */
    public List<OrganisationProgress> byOrganisation(Collection<ProgrammeMeasure> measures) {
        Map<String, Map<ProgressCategory, Long>> counts = new TreeMap<>();
        for (MeasureProgress progress : assess(measures)) {
            counts.computeIfAbsent(progress.measure().responsibleOrganisation(),
                    o -> new EnumMap<>(ProgressCategory.class)).merge(progress.category(), 1L, Long::sum);
        }
        List<OrganisationProgress> result = new ArrayList<>();
        counts.forEach((organisation, byCategory) -> result.add(new OrganisationProgress(organisation, byCategory)));
        return result;
    }

    @Override
    public String toString() {
        return "ProgrammeProgress[asOf=" + asOf + "]";
    }
}
