package org.tipmonitor.indicators.offenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.SentenceMeasure;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.testing.ModelGenerator;
import org.tipmonitor.model.testing.ModelValidators;

class OffenderChainTest {

    private static final YearRange PERIOD = YearRange.of(2018, 2019);
    private static final PersonKey KEY = PersonKey.of("offender-chain-test");

    private static OffenderCase c(String id, LocalDate registered, ProsecutorDecisionType type, LocalDate decided,
            VerdictOutcome outcome, LocalDate judged, int custodyMonths) {
        Sentence sentence = outcome != VerdictOutcome.CONVICTED ? Sentence.NONE
                : custodyMonths > 0 ? new Sentence(custodyMonths, 0, 0, 0, SentenceMeasure.NONE)
                : new Sentence(0, 3, 100, 0, SentenceMeasure.NONE);
        return new OffenderCase(CaseId.of(id), KEY, registered.minusMonths(6), registered,
                id.equals("c12") ? ExploitationForm.LABOUR : ExploitationForm.DOMESTIC_SEXUAL,
                Article273fSubsection.UNKNOWN, new ProsecutionDecision(type, decided), new Verdict(outcome, judged),
                sentence);
    }

    /**
     * Eleven domestic sexual cases (and one labour case), chosen so that every count below follows by hand:
     * registered 2018: c1-c7; registered 2019: c8-c10; registered 2017 and convicted in 2018: c11.
     */
    static List<OffenderCase> cases() {
        return List.of(
                c("c1", LocalDate.of(2018, 1, 10), ProsecutorDecisionType.SUMMONS, LocalDate.of(2018, 3, 1),
                        VerdictOutcome.CONVICTED, LocalDate.of(2018, 10, 1), 24),
                c("c2", LocalDate.of(2018, 1, 10), ProsecutorDecisionType.SUMMONS, LocalDate.of(2018, 4, 1),
                        VerdictOutcome.CONVICTED, LocalDate.of(2019, 2, 1), 6),
                c("c3", LocalDate.of(2018, 1, 10), ProsecutorDecisionType.SUMMONS, LocalDate.of(2018, 5, 1),
                        VerdictOutcome.ACQUITTED, LocalDate.of(2019, 3, 1), 0),
                c("c4", LocalDate.of(2018, 2, 10), ProsecutorDecisionType.POLICY_DISMISSAL, LocalDate.of(2018, 6, 1),
                        VerdictOutcome.NOT_APPLICABLE, null, 0),
                c("c5", LocalDate.of(2018, 2, 10), ProsecutorDecisionType.TECHNICAL_DISMISSAL,
                        LocalDate.of(2019, 1, 10), VerdictOutcome.NOT_APPLICABLE, null, 0),
                c("c6", LocalDate.of(2018, 3, 10), ProsecutorDecisionType.PENDING, null,
                        VerdictOutcome.NOT_APPLICABLE, null, 0),
                c("c7", LocalDate.of(2018, 3, 10), ProsecutorDecisionType.UNKNOWN, null, VerdictOutcome.UNKNOWN,
                        null, 0),
                c("c8", LocalDate.of(2019, 2, 1), ProsecutorDecisionType.SUMMONS, LocalDate.of(2019, 5, 1),
                        VerdictOutcome.CONVICTED, LocalDate.of(2019, 11, 1), 0),
                c("c9", LocalDate.of(2019, 2, 1), ProsecutorDecisionType.SUMMONS, LocalDate.of(2019, 6, 1),
                        VerdictOutcome.PENDING, null, 0),
                c("c10", LocalDate.of(2019, 2, 1), ProsecutorDecisionType.PENALTY_ORDER, LocalDate.of(2019, 7, 1),
                        VerdictOutcome.NOT_APPLICABLE, null, 0),
                c("c11", LocalDate.of(2017, 9, 1), ProsecutorDecisionType.SUMMONS, LocalDate.of(2017, 11, 1),
                        VerdictOutcome.CONVICTED, LocalDate.of(2018, 1, 15), 36),
                c("c12", LocalDate.of(2018, 1, 10), ProsecutorDecisionType.SUMMONS, LocalDate.of(2018, 3, 1),
                        VerdictOutcome.CONVICTED, LocalDate.of(2018, 10, 1), 12));
    }

    private static OffenderChain chain() {
        return OffenderChain.of(PERIOD).withForms(ExploitationForm.DOMESTIC_SEXUAL).withDatasetId("chain-test");
    }

    @Test
    void theCasesAreValid() {
        for (OffenderCase c : cases()) {
            assertEquals(Set.of(), ModelValidators.ruleCodes(c), c.id()::toString);
        }
    }

    @Test
    void crossSectionsCountEachStageByItsOwnDate() {
        List<ChainCrossSection> years = chain().crossSections(cases());
        assertEquals(2, years.size());
        ChainCrossSection y2018 = years.get(0);
        assertEquals(2018, y2018.year());
        assertEquals(7, y2018.registered());
        assertEquals(3, y2018.decisions(ProsecutorDecisionType.SUMMONS));
        assertEquals(1, y2018.decisions(ProsecutorDecisionType.POLICY_DISMISSAL));
        assertEquals(0, y2018.decisions(ProsecutorDecisionType.TECHNICAL_DISMISSAL));
        assertEquals(0, y2018.decisions(ProsecutorDecisionType.PENDING));
        assertShare(1, 4, 0, y2018.dismissalShare());
        assertEquals(2, y2018.verdicts(VerdictOutcome.CONVICTED));
        assertShare(2, 2, 0, y2018.convictionShare());
        assertShare(2, 2, 0, y2018.custodyShare());
        SentenceLengthSummary custody2018 = y2018.custodyMonths().orElseThrow();
        assertEquals(2, custody2018.n());
        assertEquals(30, custody2018.mean(), 1e-12);
        assertEquals(27, custody2018.firstQuartile(), 1e-12);
        assertEquals(33, custody2018.thirdQuartile(), 1e-12);

        ChainCrossSection y2019 = years.get(1);
        assertEquals(3, y2019.registered());
        assertEquals(1, y2019.decisions(ProsecutorDecisionType.TECHNICAL_DISMISSAL));
        assertEquals(2, y2019.decisions(ProsecutorDecisionType.SUMMONS));
        assertEquals(1, y2019.decisions(ProsecutorDecisionType.PENALTY_ORDER));
        assertShare(1, 4, 0, y2019.dismissalShare());
        assertEquals(1, y2019.verdicts(VerdictOutcome.ACQUITTED));
        assertShare(2, 3, 0, y2019.convictionShare());
        assertShare(1, 2, 0, y2019.custodyShare());
        assertEquals(6, y2019.custodyMonths().orElseThrow().median());
        assertEquals(OffenderChain.CROSS_SECTION_METHOD, y2019.provenance().method());
        assertEquals("2019", y2019.provenance().definitions().get("year"));
        assertEquals("cases", y2019.provenance().definitions().get("countingUnit"));
        assertEquals("domestic_sexual", y2019.provenance().definitions().get(Provenance.EXPLOITATION_FORM));
        assertEquals("chain-test", y2019.dismissalShare().provenance().datasetId());
    }

    @Test
    void cohortsFollowTheCasesOfARegistrationYear() {
        List<ChainCohort> cohorts = chain().cohorts(cases());
        ChainCohort c2018 = cohorts.get(0);
        assertEquals(2018, c2018.registrationYear());
        assertEquals(7, c2018.registered());
        assertEquals(1, c2018.decisions(ProsecutorDecisionType.PENDING));
        assertEquals(1, c2018.decisions(ProsecutorDecisionType.UNKNOWN));
        assertShare(3, 5, 1, c2018.summonsShare());
        assertShare(2, 5, 1, c2018.dismissalShare());
        assertShare(2, 3, 0, c2018.convictionShare());
        assertShare(2, 2, 0, c2018.custodyShare());
        SentenceLengthSummary months = c2018.custodyMonths().orElseThrow();
        assertEquals(15, months.mean(), 1e-12);
        assertEquals(10.5, months.firstQuartile(), 1e-12);
        assertEquals(19.5, months.thirdQuartile(), 1e-12);
        ChainCohort c2019 = cohorts.get(1);
        assertEquals(3, c2019.registered());
        assertShare(2, 3, 0, c2019.summonsShare());
        assertShare(0, 3, 0, c2019.dismissalShare());
        assertEquals(1, c2019.verdicts(VerdictOutcome.PENDING));
        assertShare(1, 1, 0, c2019.convictionShare());
        assertShare(0, 1, 0, c2019.custodyShare());
        assertTrue(c2019.custodyMonths().isEmpty());
        assertEquals(OffenderChain.COHORT_METHOD, c2019.provenance().method());
    }

    @Test
    void allFormsByDefaultAndAtLeastOneFormWhenRestricted() {
        assertEquals(8, OffenderChain.of(PERIOD).crossSections(cases()).get(0).registered());
        assertEquals("TM-IN-0501: Number of exploitation forms is less than 1: 0",
                assertThrows(IndicatorException.class, () -> OffenderChain.of(PERIOD).withForms()).getMessage());
    }

    private static void assertShare(long successes, long trials, long unknown, ShareEstimate estimate) {
        assertEquals(successes, estimate.successes(), "successes");
        assertEquals(trials, estimate.trials(), "trials");
        assertEquals(unknown, estimate.unknown(), "unknown");
    }

    static Stream<Arguments> caseLists() {
        List<Arguments> arguments = new ArrayList<>();
        arguments.add(Arguments.of("edge empty", List.of()));
        arguments.add(Arguments.of("edge one case", List.of(cases().get(0))));
        for (long seed = 1; seed <= 10; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<OffenderCase> list = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                list.addAll(generator.offenderHistory().cases());
            }
            arguments.add(Arguments.of("seed=" + seed, list));
        }
        return arguments.stream();
    }

    /**
     * Cross-sections and cohorts account for every case: registrations per year sum to the cases registered in the
     * period, a cohort's decisions and verdicts each sum to its size, and every share is bounded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("caseLists")
    void everyCaseIsAccountedFor(String name, List<OffenderCase> cases) {
        YearRange period = YearRange.of(2012, 2025);
        OffenderChain chain = OffenderChain.of(period);
        long inPeriod = cases.stream().filter(c -> period.contains(c.prosecutorRegistrationYear())).count();
        long datedDecisions = cases.stream().filter(c -> c.decision().type().isDecided()
                && c.decision().date() != null && period.contains(c.decision().date())).count();
        List<ChainCrossSection> sections = chain.crossSections(cases);
        assertEquals(inPeriod, sections.stream().mapToLong(ChainCrossSection::registered).sum());
        assertEquals(datedDecisions, sections.stream()
                .mapToLong(s -> s.decisions().values().stream().mapToLong(Long::longValue).sum()).sum());
        List<ChainCohort> cohorts = chain.cohorts(cases);
        assertEquals(inPeriod, cohorts.stream().mapToLong(ChainCohort::registered).sum());
        for (ChainCohort c : cohorts) {
            assertEquals(c.registered(), c.decisions().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(c.registered(), c.verdicts().values().stream().mapToLong(Long::longValue).sum());
            for (ShareEstimate e : List.of(c.summonsShare(), c.dismissalShare(), c.convictionShare(),
                    c.custodyShare())) {
                if (e instanceof Share s) {
                    assertTrue(0 <= s.lower() && s.lower() <= s.estimate() && s.estimate() <= s.upper()
                            && s.upper() <= 1, s::toString);
                }
            }
            assertTrue(c.summonsShare().successes() + c.dismissalShare().successes() <= c.summonsShare().trials());
            c.custodyMonths().ifPresent(m -> assertEquals(c.custodyShare().successes(), m.n()));
        }
        for (ChainCrossSection s : sections) {
            s.custodyMonths().ifPresent(m -> assertEquals(s.custodyShare().successes(), m.n()));
            assertInstanceOf(ShareEstimate.class, s.convictionShare());
        }
    }
}
