package org.tipmonitor.indicators.offenders;

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
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.UndefinedShare;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.testing.ModelGenerator;

class YoungOffenderShareEstimatorTest {

    private static final YearRange PERIOD = YearRange.of(2015, 2019);

    private static OffenderHistory offender(String key, BirthDate birth, LocalDate offence, LocalDate registered) {
        PersonKey k = PersonKey.of(key);
        return new OffenderHistory(new Offender(k, Sex.FEMALE, birth, Country.NETHERLANDS, Nationality.DUTCH),
                List.of(new OffenderCase(CaseId.of(key + "-case"), k, offence, registered,
                        ExploitationForm.LABOUR, Article273fSubsection.UNKNOWN, ProsecutionDecision.PENDING,
                        Verdict.NOT_APPLICABLE, Sentence.NONE)));
    }

    @Test
    void theAgeCutIsAParameterAndAMissingOffenceDateIsUnknown() {
        List<OffenderHistory> three = List.of(
                offender("offender-aged-twenty", BirthDate.ofDay(LocalDate.of(1998, 1, 1)),
                        LocalDate.of(2018, 6, 1), LocalDate.of(2019, 1, 1)),
                offender("offender-aged-thirty", BirthDate.ofDay(LocalDate.of(1988, 1, 1)),
                        LocalDate.of(2018, 6, 1), LocalDate.of(2019, 1, 1)),
                offender("offender-no-offence-date", BirthDate.ofDay(LocalDate.of(1999, 1, 1)), null,
                        LocalDate.of(2019, 1, 1)));
        Share at23 = assertInstanceOf(Share.class,
                YoungOffenderShareEstimator.of(PERIOD).estimate(three, ExploitationForm.LABOUR));
        assertEquals(1, at23.successes());
        assertEquals(2, at23.trials());
        assertEquals(1, at23.unknown());
        Share at31 = assertInstanceOf(Share.class, YoungOffenderShareEstimator.of(PERIOD).withAgeCut(31)
                .estimate(three, ExploitationForm.LABOUR));
        assertEquals(2, at31.successes());
        assertEquals("31", at31.provenance().definitions().get("ageCut"));
        Share atRegistration = assertInstanceOf(Share.class, YoungOffenderShareEstimator.of(PERIOD)
                .withAgeRule(OffenderAgeRule.AT_PROSECUTOR_REGISTRATION).estimate(three, ExploitationForm.LABOUR));
        assertEquals(2, atRegistration.successes());
        assertEquals(3, atRegistration.trials());
        assertEquals(0, atRegistration.unknown());
        assertInstanceOf(UndefinedShare.class,
                YoungOffenderShareEstimator.of(PERIOD).estimate(three, ExploitationForm.CRIMINAL));
    }

    @Test
    void rejectsInvalidParameters() {
        assertEquals("TM-IN-0505: Age cut is not in [1, 150]: 0", assertThrows(IndicatorException.class,
                () -> YoungOffenderShareEstimator.of(PERIOD).withAgeCut(0)).getMessage());
        assertEquals("TM-IN-0506: Counting unit is not persons or cases: REGISTRATIONS", assertThrows(IndicatorException.class,
                () -> YoungOffenderShareEstimator.of(PERIOD).withCountingUnit(CountingUnit.REGISTRATIONS))
                .getMessage());
    }

    static Stream<Arguments> offenders() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("edge empty", List.of()));
        for (long seed = 1; seed <= 10; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<OffenderHistory> histories = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                histories.add(generator.offenderHistory());
            }
            cases.add(Arguments.of("seed=" + seed, histories));
        }
        return cases.stream();
    }

    /**
     * Shares lie in [0, 1] around their interval; persons never outnumber cases; the age at registration is never
     * below the age at offence, so fewer or as many are young by it among offenders with both ages known.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("offenders")
    void sharesAreBoundedAndPersonsDoNotExceedCases(String name, List<OffenderHistory> histories) {
        YearRange period = YearRange.of(2012, 2024);
        for (ExploitationForm form : ExploitationForm.values()) {
            ShareEstimate persons = YoungOffenderShareEstimator.of(period).estimate(histories, form);
            ShareEstimate cases = YoungOffenderShareEstimator.of(period).withCountingUnit(CountingUnit.CASES)
                    .estimate(histories, form);
            assertTrue(persons.trials() + persons.unknown() <= cases.trials() + cases.unknown());
            assertTrue(persons.successes() <= cases.successes());
            for (ShareEstimate e : List.of(persons, cases)) {
                if (e instanceof Share s) {
                    assertTrue(0 <= s.lower() && s.lower() <= s.estimate() && s.estimate() <= s.upper()
                            && s.upper() <= 1, s::toString);
                }
            }
            ShareEstimate atRegistration = YoungOffenderShareEstimator.of(period)
                    .withAgeRule(OffenderAgeRule.AT_PROSECUTOR_REGISTRATION).withCountingUnit(CountingUnit.CASES)
                    .estimate(histories, form);
            assertTrue(atRegistration.successes() <= cases.successes() + cases.unknown());
        }
    }
}
