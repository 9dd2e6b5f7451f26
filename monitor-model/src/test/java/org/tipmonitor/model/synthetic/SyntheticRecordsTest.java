package org.tipmonitor.model.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.DatePrecision;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;
import org.tipmonitor.model.testing.ModelValidators;

/** The record mode of the synthetic generator, and the draws both modes share (issue 15: one generator). */
class SyntheticRecordsTest {

    @Test
    void seed42GivesTheRecordsOfTheFormerModelGenerator() {
        // The values printed by monitor-model's former test generator, new ModelGenerator(42) at commit c3b4abc
        // (before the merge): a key, then a victim history, an offender history and a police-signal cell.
        SyntheticRecords records = SyntheticRecords.of(42);
        assertEquals("kxbvbj6iwvc4olmiwoyz75enox", records.personKey().value());
        VictimHistory victim = records.victimHistory();
        assertEquals("k5mzfetkgi2lffsiyuscscyzbk", victim.victim().key().value());
        assertEquals(Sex.MALE, victim.victim().sex());
        assertEquals(BirthDate.ofDay(LocalDate.of(1965, 12, 13)), victim.victim().birthDate());
        assertEquals(2, victim.registrations().size());
        Registration first = victim.registrations().get(0);
        assertEquals("r1", first.id().value());
        assertEquals(LocalDate.of(2025, 8, 21), first.reportDate());
        assertEquals(ReporterType.SELF, first.reporterType());
        assertEquals(ExploitationForm.DOMESTIC_SEXUAL, first.form());
        assertEquals(LegalBasis.EXPLICIT_CONSENT, first.legalBasis());
        Registration second = victim.registrations().get(1);
        assertEquals(List.of("r2", "2023-06-27", "LAWYER", "CRIMINAL", "OTHER_BASIS"), List.of(second.id().value(),
                second.reportDate().toString(), second.reporterType().name(), second.form().name(),
                second.legalBasis().name()));
        OffenderHistory offender = records.offenderHistory();
        assertEquals("k6pr2beb2zoyiuglf63pprnauy", offender.offender().key().value());
        assertEquals(1, offender.cases().size());
        assertEquals("c3", offender.cases().get(0).id().value());
        assertEquals(LocalDate.of(2023, 6, 23), offender.cases().get(0).prosecutorRegistrationDate());
        assertEquals(new ProsecutionDecision(ProsecutorDecisionType.JOINED, LocalDate.of(2023, 10, 13)),
                offender.cases().get(0).decision());
        PoliceSignalCount cell = records.policeSignalCount();
        assertEquals(2014, cell.year());
        assertEquals(33, cell.count());
    }

    static Stream<Named<Long>> seeds() {
        return Stream.of(1L, 42L, 20191018L).map(s -> Named.of("seed " + s, s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theTestsNameForItGivesTheSameRecords(long seed) {
        SyntheticRecords records = SyntheticRecords.of(seed);
        ModelGenerator generator = new ModelGenerator(seed);
        for (int i = 0; i < 50; i++) {
            assertEquals(records.victimHistory(), generator.victimHistory());
            assertEquals(records.offenderHistory(), generator.offenderHistory());
            assertEquals(records.policeSignalCount(), generator.policeSignalCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void recordsAreValidAndDrawEveryCode(long seed) {
        SyntheticRecords records = SyntheticRecords.of(seed);
        Set<ReporterType> reporters = EnumSet.noneOf(ReporterType.class);
        Set<ExploitationForm> forms = EnumSet.noneOf(ExploitationForm.class);
        Set<DatePrecision> precisions = EnumSet.noneOf(DatePrecision.class);
        Set<ProsecutorDecisionType> decisions = EnumSet.noneOf(ProsecutorDecisionType.class);
        for (int i = 0; i < 1000; i++) {
            VictimHistory victim = records.victimHistory();
            assertEquals(Set.of(), ModelValidators.validator().validate(victim), victim.victim().key().value());
            precisions.add(victim.victim().birthDate().precision());
            victim.registrations().forEach(r -> {
                reporters.add(r.reporterType());
                forms.add(r.form());
                assertTrue(!r.reportDate().isAfter(SyntheticRecords.LATEST_DATE), r.reportDate().toString());
            });
            OffenderHistory offender = records.offenderHistory();
            assertEquals(Set.of(), ModelValidators.validator().validate(offender), offender.offender().key().value());
            offender.cases().forEach(c -> decisions.add(c.decision().type()));
        }
        assertEquals(EnumSet.allOf(ReporterType.class), reporters);
        assertEquals(EnumSet.allOf(ExploitationForm.class), forms);
        assertEquals(EnumSet.allOf(DatePrecision.class), precisions);
        assertEquals(EnumSet.allOf(ProsecutorDecisionType.class), decisions);
    }

    @Test
    void keysAreTheLetterOfTheModeAndTwentyFiveOfTheAlphabet() {
        assertEquals("s" + "a".repeat(25), Draws.personKey('s', bound -> 0).value());
        assertEquals("k" + "7".repeat(25), Draws.personKey('k', bound -> bound - 1).value());
        // The population mode's keys start with s, the record mode's with k.
        assertTrue(SyntheticMonitorData.of(7).victimHistories().iterator().next().victim().key().value()
                .startsWith("s"));
        assertTrue(SyntheticRecords.of(7).personKey().value().startsWith("k"));
    }

    @Test
    void pickFollowsTheCumulativeShares() {
        double[] shares = {1, 1, 2};
        // u x 4 against the cumulative shares 1, 2, 4: the first index whose cumulative share exceeds it.
        assertEquals(0, Draws.pick(() -> 0.0, shares));
        assertEquals(0, Draws.pick(() -> 0.2499, shares));
        assertEquals(1, Draws.pick(() -> 0.25, shares));
        assertEquals(1, Draws.pick(() -> 0.49, shares));
        assertEquals(2, Draws.pick(() -> 0.5, shares));
        assertEquals(2, Draws.pick(() -> 0.999999, shares));
    }
}
