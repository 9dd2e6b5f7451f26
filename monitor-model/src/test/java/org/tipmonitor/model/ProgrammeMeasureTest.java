package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.testing.ModelValidators;

/** Programme measures and their rules TM-M-024 to TM-M-027 (issue 16). */
class ProgrammeMeasureTest {

    private static final LocalDate ANNOUNCED = LocalDate.of(2018, 11, 1);
    private static final LocalDate LETTER = LocalDate.of(2019, 11, 28);

    private static ProgrammeMeasure measure(String organisation, LocalDate plannedStart, LocalDate plannedEnd,
                                            List<StatusChange> history) {
        return new ProgrammeMeasure("np-webcrawler", "Samen tegen mensenhandel", "Webcrawler", organisation,
                "Find online signals of trafficking", plannedStart, plannedEnd, history, List.of("police-signals"));
    }

    private static final List<StatusChange> HISTORY = List.of(new StatusChange(MeasureStatus.PLANNED, ANNOUNCED),
            new StatusChange(MeasureStatus.PARTLY_IMPLEMENTED, LETTER));

    @Test
    void aValidMeasureAndItsDerivedDates() {
        ProgrammeMeasure valid = measure("Nationale Politie", null, null, HISTORY);
        assertEquals(Set.of(), ModelValidators.ruleCodes(valid));
        assertEquals(Optional.of(MeasureStatus.PLANNED), valid.statusOn(LETTER.minusDays(1)));
        assertEquals(Optional.of(MeasureStatus.PARTLY_IMPLEMENTED), valid.statusOn(LETTER));
        assertEquals(Optional.empty(), valid.statusOn(ANNOUNCED.minusDays(1)));
        assertEquals(Optional.of(LETTER), valid.actualStart());
        assertEquals(Optional.empty(), valid.actualImplementation());
    }

    @Test
    void aStatusHistoryOutOfDateOrderIsLocatedAtTheChange() {
        ProgrammeMeasure broken = measure("Nationale Politie", null, null, List.of(
                new StatusChange(MeasureStatus.PLANNED, LETTER), new StatusChange(MeasureStatus.STARTED, ANNOUNCED)));
        var violations = ModelValidators.validator().validate(broken);
        assertEquals(1, violations.size());
        var violation = violations.iterator().next();
        assertEquals("TM-M-024", ModelRule.of(violation).code());
        assertEquals("statusHistory[1].effectiveDate", violation.getPropertyPath().toString());
        assertEquals(Set.of("TM-M-024"), ModelValidators.ruleCodes(measure("NP", null, null, List.of())));
    }

    @Test
    void otherRules() {
        assertEquals(Set.of("TM-M-001"), ModelValidators.ruleCodes(measure(null, null, null, HISTORY)));
        assertEquals(Set.of("TM-M-026"), ModelValidators.ruleCodes(measure(" ", null, null, HISTORY)));
        assertEquals(Set.of("TM-M-025"), ModelValidators.ruleCodes(measure("NP", LETTER, ANNOUNCED, HISTORY)));
        ProgrammeMeasure badIndicator = new ProgrammeMeasure("m1", "P", "T", "O", null, null, null, HISTORY,
                List.of("Police Signals"));
        assertEquals(Set.of("TM-M-026"), ModelValidators.ruleCodes(badIndicator));
        Set<String> messages = ModelValidators.validator().validate(measure(" ", null, null, HISTORY)).stream()
                .map(v -> v.getMessage()).collect(Collectors.toSet());
        assertEquals(Set.of("TM-M-026"), ModelValidators.ruleCodes(badIndicator));
        assertEquals(Set.of("TM-M-026: responsibleOrganisation must be 1 to 500 characters and not blank, got 1"
                + " characters"), messages);
    }

    @Test
    void anOutcomeIndicatorOutsideTheCatalogueIsLocatedAtItsElement() {
        ProgrammeMeasure unknown = new ProgrammeMeasure("m1", "P", "T", "O", null, null, null, HISTORY,
                List.of("police-signals", "police-signal"));
        var violations = ModelValidators.validator().validate(unknown);
        assertEquals(1, violations.size());
        var violation = violations.iterator().next();
        assertEquals("TM-M-027", ModelRule.of(violation).code());
        assertEquals("outcomeIndicators[1]", violation.getPropertyPath().toString());
        assertEquals("TM-M-027: outcome indicator 1 is not in the catalogue (value withheld); known: [registrations,"
                + " registrations-by-reporter, police-signals, police-report-follow-up, reflection-period-time,"
                + " offender-cases, population-estimate]", violation.getMessage());
        // Every catalogue id has the accepted shape and is accepted.
        ProgrammeMeasure all = new ProgrammeMeasure("m1", "P", "T", "O", null, null, null, HISTORY,
                OutcomeIndicator.ids());
        assertEquals(Set.of(), ModelValidators.ruleCodes(all));
        for (OutcomeIndicator indicator : OutcomeIndicator.values()) {
            assertEquals(Optional.of(indicator), OutcomeIndicator.fromId(indicator.id()));
        }
        assertEquals(Optional.empty(), OutcomeIndicator.fromId("Police-signals"));
    }
}
