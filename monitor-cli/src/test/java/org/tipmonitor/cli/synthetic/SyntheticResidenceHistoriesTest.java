package org.tipmonitor.cli.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.VictimHistory;

/** The generator's dated residence stages (issue 16). */
class SyntheticResidenceHistoriesTest {

    static Stream<Named<Long>> seeds() {
        return Stream.of(20191018L, 7L, 424242L, 31337L).map(s -> Named.of("seed " + s, s));
    }

    /**
     * Properties: every history starts on its registration's report date with the registration's stage; a
     * reflection period lasts 1 day to three months; nothing is dated after the end of observation; with an early
     * end some reflection periods are still open; Dublin claimants leave the scheme after the reflection period
     * more often than others; iterating twice gives the same histories.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void historiesFitTheirRegistrationsAndTheSchemesRules(long seed) {
        SyntheticMonitorData data = SyntheticMonitorData.of(seed).withRegisteredVictims(1500);
        Map<RegistrationId, Registration> registrations = new HashMap<>();
        for (VictimHistory history : data.victimHistories()) {
            history.registrations().forEach(r -> registrations.put(r.id(), r));
        }
        LocalDate end = LocalDate.of(2018, 11, 15);
        List<ResidenceHistory> histories = new ArrayList<>();
        data.residenceHistories(end).forEach(histories::add);
        assertFalse(histories.isEmpty());
        long open = 0;
        long[] reflections = new long[DublinStatus.values().length];
        long[] left = new long[DublinStatus.values().length];
        for (ResidenceHistory history : histories) {
            Registration registration = registrations.get(history.registrationId());
            assertTrue(registration != null, "the registration is generated");
            List<ResidenceStageChange> stages = history.stages();
            assertEquals(new ResidenceStageChange(registration.residenceStage(), registration.reportDate()),
                    stages.get(0));
            stages.forEach(s -> assertFalse(s.effectiveDate().isAfter(end), "no stage after the end"));
            if (stages.get(0).stage() == ResidenceSchemeStage.REFLECTION_PERIOD) {
                if (stages.size() == 1) {
                    open++;
                    assertTrue(registration.reportDate().plusMonths(3).isAfter(end), "only recent periods are open");
                    continue;
                }
                LocalDate exit = stages.get(1).effectiveDate();
                assertTrue(exit.isAfter(registration.reportDate()));
                assertFalse(exit.isAfter(registration.reportDate().plusMonths(3)), "at most three months");
                reflections[registration.dublinStatus().ordinal()]++;
                left[registration.dublinStatus().ordinal()] += stages.get(1).stage() == ResidenceSchemeStage.NONE
                        ? 1 : 0;
            }
        }
        assertTrue(open > 0, "reflection periods entered shortly before the end are still open");
        int d = DublinStatus.DUBLIN.ordinal();
        int n = DublinStatus.UNKNOWN.ordinal();
        assertTrue((double) left[d] / reflections[d] > (double) left[n] / reflections[n],
                "Dublin claimants leave the scheme more often");
        List<ResidenceHistory> again = new ArrayList<>();
        data.residenceHistories(end).forEach(again::add);
        assertEquals(histories, again);
    }
}
