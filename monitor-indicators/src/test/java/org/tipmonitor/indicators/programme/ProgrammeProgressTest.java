package org.tipmonitor.indicators.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.MeasureStatus;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.StatusChange;

class ProgrammeProgressTest {

    private static final LocalDate AS_OF = LocalDate.of(2019, 11, 28);

    private static ProgrammeMeasure measure(String id, String organisation, String plannedEnd, Object... history) {
        List<StatusChange> changes = new ArrayList<>();
        for (int i = 0; i < history.length; i += 2) {
            changes.add(new StatusChange((MeasureStatus) history[i], LocalDate.parse((String) history[i + 1])));
        }
        return new ProgrammeMeasure(id, "P", "T " + id, organisation, null, null,
                plannedEnd == null ? null : LocalDate.parse(plannedEnd), changes, List.of());
    }

    private static final MeasureStatus PLANNED = MeasureStatus.PLANNED;
    private static final MeasureStatus STARTED = MeasureStatus.STARTED;
    private static final MeasureStatus DONE = MeasureStatus.IMPLEMENTED;

    /** One measure per category, each worked out by hand against 2019-11-28. */
    private static final List<ProgrammeMeasure> MEASURES = List.of(
            measure("future", "B", null, PLANNED, "2019-12-01"),
            measure("dropped", "B", "2019-06-01", PLANNED, "2018-11-01", MeasureStatus.DROPPED, "2019-03-01"),
            measure("on-time", "A", "2019-06-30", PLANNED, "2018-11-01", STARTED, "2019-01-01", DONE, "2019-06-30"),
            measure("late", "A", "2019-06-30", PLANNED, "2018-11-01", DONE, "2019-07-01"),
            measure("no-plan", "A", null, PLANNED, "2018-11-01", DONE, "2019-02-01"),
            measure("delayed", "A", "2019-10-01", PLANNED, "2018-11-01", MeasureStatus.PARTLY_IMPLEMENTED,
                    "2019-05-01"),
            measure("not-started", "B", "2020-01-01", PLANNED, "2018-11-01"),
            measure("under-way", "B", null, PLANNED, "2018-11-01", STARTED, "2019-09-01"),
            // Implemented only after the day: on the day it is under way, and its planned end has not passed.
            measure("later", "B", "2020-06-30", STARTED, "2019-01-01", DONE, "2020-01-15"));

    @Test
    void everyCategoryOfTheWorkedExample() {
        List<ProgressCategory> expected = List.of(ProgressCategory.NOT_ANNOUNCED, ProgressCategory.DROPPED,
                ProgressCategory.IMPLEMENTED_ON_TIME, ProgressCategory.IMPLEMENTED_LATE,
                ProgressCategory.IMPLEMENTED_WITHOUT_PLAN, ProgressCategory.DELAYED, ProgressCategory.NOT_STARTED,
                ProgressCategory.UNDER_WAY, ProgressCategory.UNDER_WAY);
        ProgrammeProgress progress = ProgrammeProgress.asOf(AS_OF);
        assertEquals(expected, progress.assess(MEASURES).stream().map(MeasureProgress::category).toList());
        assertEquals(Optional.empty(), progress.assess(MEASURES.get(0)).status());
        assertEquals(Optional.of(STARTED), progress.assess(MEASURES.get(8)).status());
    }

    @Test
    void perOrganisationCountsAddUp() {
        List<OrganisationProgress> byOrganisation = ProgrammeProgress.asOf(AS_OF).byOrganisation(MEASURES);
        assertEquals(List.of("A", "B"), byOrganisation.stream().map(OrganisationProgress::organisation).toList());
        OrganisationProgress a = byOrganisation.get(0);
        assertEquals(4, a.measures());
        assertEquals(1, a.count(ProgressCategory.DELAYED));
        assertEquals(0, a.count(ProgressCategory.NOT_STARTED));
        OrganisationProgress b = byOrganisation.get(1);
        assertEquals(5, b.measures());
        assertEquals(2, b.count(ProgressCategory.UNDER_WAY));
    }

    /** The letter's three police measures, planned November 2018 and partly implemented by 28 November 2019. */
    @Test
    void theLettersPoliceMeasuresAreUnderWayWithoutAPlannedEnd() {
        ProgrammeMeasure webcrawler = measure("np-webcrawler", "Nationale Politie", null, PLANNED, "2018-11-01",
                MeasureStatus.PARTLY_IMPLEMENTED, "2019-11-28");
        assertEquals(ProgressCategory.UNDER_WAY, ProgrammeProgress.asOf(AS_OF).assess(webcrawler).category());
        assertEquals(ProgressCategory.NOT_STARTED,
                ProgrammeProgress.asOf(AS_OF.minusDays(1)).assess(webcrawler).category());
    }
}
