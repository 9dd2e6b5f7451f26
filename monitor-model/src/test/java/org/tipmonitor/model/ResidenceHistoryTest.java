package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.testing.ModelValidators;

/** Residence-stage histories and their rules TM-M-028 and TM-M-029 (issue 16). */
class ResidenceHistoryTest {

    private static final LocalDate REPORT = LocalDate.of(2018, 3, 1);
    private static final RegistrationId ID = RegistrationId.of("r1");

    private static ResidenceStageChange at(ResidenceSchemeStage stage, int days) {
        return new ResidenceStageChange(stage, REPORT.plusDays(days));
    }

    private static ResidenceHistory history(ResidenceStageChange... stages) {
        return new ResidenceHistory(ID, List.of(stages));
    }

    @Test
    void aValidHistoryAndItsStageOnADay() {
        ResidenceHistory valid = history(at(ResidenceSchemeStage.NONE, 0),
                at(ResidenceSchemeStage.REFLECTION_PERIOD, 10), at(ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM, 50),
                at(ResidenceSchemeStage.CONTINUED_RESIDENCE, 1200));
        assertEquals(Set.of(), ModelValidators.ruleCodes(valid));
        assertEquals(Optional.empty(), valid.stageOn(REPORT.minusDays(1)));
        assertEquals(Optional.of(ResidenceSchemeStage.NONE), valid.stageOn(REPORT.plusDays(9)));
        assertEquals(Optional.of(ResidenceSchemeStage.REFLECTION_PERIOD), valid.stageOn(REPORT.plusDays(10)));
        assertEquals(Optional.of(ResidenceSchemeStage.CONTINUED_RESIDENCE), valid.stageOn(REPORT.plusDays(5000)));
        // Unknown is not terminal: the stage may become known later.
        assertEquals(Set.of(), ModelValidators.ruleCodes(history(at(ResidenceSchemeStage.REFLECTION_PERIOD, 0),
                at(ResidenceSchemeStage.UNKNOWN, 30), at(ResidenceSchemeStage.TEMPORARY_PERMIT_WITNESS, 40))));
    }

    @Test
    void outOfOrderDatesAreLocatedAtTheChange() {
        var violations = ModelValidators.validator().validate(history(at(ResidenceSchemeStage.REFLECTION_PERIOD, 5),
                at(ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM, 5)));
        assertEquals(1, violations.size());
        var violation = violations.iterator().next();
        assertEquals("TM-M-028", ModelRule.of(violation).code());
        assertEquals("stages[1].effectiveDate", violation.getPropertyPath().toString());
        assertEquals("TM-M-028: stage change 1 is effective 2018-03-06, not after the change before it (2018-03-06)",
                violation.getMessage());
    }

    @Test
    void emptyHistoriesAndRepeatedStagesBreakTheOrderRule() {
        assertEquals(Set.of("TM-M-028"), ModelValidators.ruleCodes(new ResidenceHistory(ID, List.of())));
        var violations = ModelValidators.validator().validate(history(at(ResidenceSchemeStage.REFLECTION_PERIOD, 0),
                at(ResidenceSchemeStage.REFLECTION_PERIOD, 20)));
        assertEquals("stages[1].stage", violations.iterator().next().getPropertyPath().toString());
        assertEquals(Set.of("TM-M-028"), ModelValidators.ruleCodes(history(at(ResidenceSchemeStage.REFLECTION_PERIOD,
                0), at(ResidenceSchemeStage.REFLECTION_PERIOD, 20))));
    }

    @Test
    void noStageFollowsATerminalStage() {
        var violations = ModelValidators.validator().validate(history(at(ResidenceSchemeStage.REFLECTION_PERIOD, 0),
                at(ResidenceSchemeStage.NONE, 30), at(ResidenceSchemeStage.REFLECTION_PERIOD, 400)));
        assertEquals(1, violations.size());
        var violation = violations.iterator().next();
        assertEquals("TM-M-029", ModelRule.of(violation).code());
        assertEquals("stages[2].stage", violation.getPropertyPath().toString());
        assertEquals(Set.of("TM-M-029"), ModelValidators.ruleCodes(history(
                at(ResidenceSchemeStage.CONTINUED_RESIDENCE, 0), at(ResidenceSchemeStage.UNKNOWN, 30))));
    }

    @Test
    void requiredValuesAndFutureDates() {
        assertEquals(Set.of("TM-M-001"), ModelValidators.ruleCodes(new ResidenceHistory(null,
                List.of(at(ResidenceSchemeStage.REFLECTION_PERIOD, 0)))));
        assertEquals(Set.of("TM-M-006"), ModelValidators.ruleCodes(history(new ResidenceStageChange(
                ResidenceSchemeStage.REFLECTION_PERIOD, LocalDate.now().plusDays(2)))));
    }

    @Test
    void terminalStages() {
        assertTrue(ResidenceSchemeStage.CONTINUED_RESIDENCE.isTerminalAfter(false));
        assertTrue(ResidenceSchemeStage.NONE.isTerminalAfter(true));
        assertFalse(ResidenceSchemeStage.NONE.isTerminalAfter(false));
        assertFalse(ResidenceSchemeStage.UNKNOWN.isTerminalAfter(true));
        assertFalse(ResidenceSchemeStage.REFLECTION_PERIOD.isTerminalAfter(true));
    }

    static Stream<Named<Long>> seeds() {
        return new SplittableRandom(20261202L).longs(25).mapToObj(s -> Named.of("seed " + s, s));
    }

    /**
     * Property: a history drawn as a walk through the scheme (strictly later dates, a different stage each time,
     * stopping at the first terminal stage) is valid; the same history with any later change moved onto the date
     * before it breaks TM-M-028, and any stage appended after a terminal one breaks TM-M-029.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void walksThroughTheSchemeAreValidAndTheirMutationsAreNot(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ResidenceSchemeStage[] stages = ResidenceSchemeStage.values();
        List<ResidenceStageChange> walk = new ArrayList<>();
        int day = random.nextInt(30);
        boolean inScheme = false;
        boolean ended = false;
        ResidenceSchemeStage previous = null;
        int length = 1 + random.nextInt(5);
        while (walk.size() < length && !ended) {
            ResidenceSchemeStage stage = stages[random.nextInt(stages.length)];
            if (stage == previous) {
                continue;
            }
            walk.add(at(stage, day));
            day += 1 + random.nextInt(200);
            ended = stage.isTerminalAfter(inScheme);
            inScheme |= stage.isInScheme();
            previous = stage;
        }
        assertEquals(Set.of(), ModelValidators.ruleCodes(new ResidenceHistory(ID, walk)));
        if (walk.size() > 1) {
            int i = 1 + random.nextInt(walk.size() - 1);
            List<ResidenceStageChange> moved = new ArrayList<>(walk);
            moved.set(i, new ResidenceStageChange(walk.get(i).stage(), walk.get(i - 1).effectiveDate()));
            assertTrue(ModelValidators.ruleCodes(new ResidenceHistory(ID, moved)).contains("TM-M-028"));
        }
        if (ended) {
            List<ResidenceStageChange> longer = new ArrayList<>(walk);
            ResidenceSchemeStage last = walk.get(walk.size() - 1).stage();
            longer.add(at(last == ResidenceSchemeStage.UNKNOWN ? ResidenceSchemeStage.NONE
                    : ResidenceSchemeStage.UNKNOWN, day));
            assertEquals(Set.of("TM-M-029"), ModelValidators.ruleCodes(new ResidenceHistory(ID, longer)));
        }
    }
}
