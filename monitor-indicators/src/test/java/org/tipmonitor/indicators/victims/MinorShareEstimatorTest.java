package org.tipmonitor.indicators.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.BinomialInterval;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.shares.UndefinedShare;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

class MinorShareEstimatorTest {

    private static final YearRange PERIOD = YearRange.of(2017, 2018);

    @Test
    void personsAreAgedAtTheirFirstReportRegistrationsAtEach() {
        // victim A: 16 at the 2017 reports, 17 at the 2018 report (all domestic sexual); victim B: adult
        List<VictimHistory> small = VictimTabulationTest.small();
        Share persons = assertInstanceOf(Share.class,
                MinorShareEstimator.of(PERIOD).estimate(small, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(1, persons.successes());
        assertEquals(2, persons.trials());
        Share registrations = assertInstanceOf(Share.class, MinorShareEstimator.of(PERIOD)
                .withCountingUnit(CountingUnit.REGISTRATIONS).estimate(small, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(3, registrations.successes());
        assertEquals(4, registrations.trials());
        assertEquals("age-at-report", registrations.provenance().definitions().get("ageRule"));
    }

    @Test
    void unknownAgesAreCountedApartUnlessAskedOtherwise() {
        // three victims of domestic sexual exploitation reported in 2018: aged 14, aged 40, birth date unknown
        List<VictimHistory> three = new ArrayList<>();
        BirthDate[] births = {BirthDate.ofDay(LocalDate.of(2004, 1, 1)), BirthDate.ofYear(1978), BirthDate.UNKNOWN};
        for (int i = 0; i < births.length; i++) {
            PersonKey key = PersonKey.of("person-unknown-age-" + i);
            three.add(new VictimHistory(new Victim(key, Sex.FEMALE, births[i], Nationality.DUTCH),
                    List.of(VictimTabulationTest.registration("u" + i, key, LocalDate.of(2018, 6, 1),
                            ReporterType.POLICE, LegalBasis.STATUTORY_DUTY))));
        }
        Share excluded = assertInstanceOf(Share.class,
                MinorShareEstimator.of(PERIOD).estimate(three, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(1, excluded.successes());
        assertEquals(2, excluded.trials());
        assertEquals(1, excluded.unknown());
        assertEquals("excluded", excluded.provenance().definitions().get(ShareEstimator.UNKNOWNS));
        Share included = assertInstanceOf(Share.class, MinorShareEstimator.of(PERIOD)
                .withShareEstimator(ShareEstimator.withDefaults().withUnknownsInDenominator(true))
                .estimate(three, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(3, included.trials());
        assertEquals(1, included.unknown());
        assertEquals(1.0 / 3, included.estimate(), 1e-15);
        ShareEstimate onlyUnknown = MinorShareEstimator.of(PERIOD).estimate(three.subList(2, 3),
                ExploitationForm.DOMESTIC_SEXUAL);
        assertEquals(1, assertInstanceOf(UndefinedShare.class, onlyUnknown).unknown());
    }

    @Test
    void aFormWithoutVictimsGivesAnUndefinedShare() {
        ShareEstimate none = MinorShareEstimator.of(PERIOD).estimate(VictimTabulationTest.small(),
                ExploitationForm.ORGAN_REMOVAL);
        assertInstanceOf(UndefinedShare.class, none);
        assertEquals(0, none.unknown());
    }

    @Test
    void rejectsCases() {
        assertEquals("TM-IN-0402: Counting unit is not registrations or persons: CASES", assertThrows(IndicatorException.class,
                () -> MinorShareEstimator.of(PERIOD).withCountingUnit(CountingUnit.CASES)).getMessage());
    }

    static Stream<Arguments> registers() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<VictimHistory> histories = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                histories.add(generator.victimHistory());
            }
            cases.add(Arguments.of("seed=" + seed, histories));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void sharesLieInTheUnitIntervalAndPersonsDoNotExceedRegistrations(String name, List<VictimHistory> histories) {
        YearRange period = YearRange.of(2012, 2025);
        for (ExploitationForm form : ExploitationForm.values()) {
            for (BinomialInterval method : BinomialInterval.values()) {
                for (boolean unknownsIn : new boolean[] {false, true}) {
                    ShareEstimator estimator = ShareEstimator.withDefaults().withMethod(method)
                            .withUnknownsInDenominator(unknownsIn);
                    ShareEstimate persons = MinorShareEstimator.of(period).withShareEstimator(estimator)
                            .estimate(histories, form);
                    ShareEstimate registrations = MinorShareEstimator.of(period).withShareEstimator(estimator)
                            .withCountingUnit(CountingUnit.REGISTRATIONS).estimate(histories, form);
                    assertTrue(units(persons, unknownsIn) <= units(registrations, unknownsIn));
                    assertTrue(persons.successes() <= registrations.successes());
                    if (persons instanceof Share s) {
                        assertTrue(0 <= s.lower() && s.lower() <= s.estimate() && s.estimate() <= s.upper()
                                && s.upper() <= 1, s::toString);
                    }
                }
            }
        }
    }

    private static long units(ShareEstimate e, boolean unknownsInDenominator) {
        return unknownsInDenominator ? e.trials() : e.trials() + e.unknown();
    }
}
