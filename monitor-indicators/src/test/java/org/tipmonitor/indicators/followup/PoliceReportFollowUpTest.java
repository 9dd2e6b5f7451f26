package org.tipmonitor.indicators.followup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.VictimOriginGroup;

class PoliceReportFollowUpTest {

    private static final LocalDate E = LocalDate.of(2018, 12, 31);
    private static final YearRange YEARS = YearRange.of(2016, 2018);
    private static final PoliceReportFollowUp FOLLOW_UP = PoliceReportFollowUp.of(YEARS, E).withDatasetId("test");

    private static int caseNumber;

    private static OffenderCase offenderCase(String registered, ProsecutorDecisionType type, String decided,
                                             VerdictOutcome outcome, String judged) {
        return new OffenderCase(CaseId.of("c" + ++caseNumber), PersonKey.of("offenderkey-0000000001"), null,
                LocalDate.parse(registered), ExploitationForm.CROSS_BORDER_SEXUAL, Article273fSubsection.SUB_1,
                new ProsecutionDecision(type, decided == null ? null : LocalDate.parse(decided)),
                outcome == null ? Verdict.NOT_APPLICABLE : Verdict.of(outcome, LocalDate.parse(judged)),
                Sentence.NONE);
    }

    private static FollowedReport report(String filed, DublinStatus dublin, OffenderCase... cases) {
        return new FollowedReport(LocalDate.parse(filed), ExploitationForm.CROSS_BORDER_SEXUAL, dublin,
                VictimOriginGroup.AFRICAN, List.of(cases));
    }

    /** Six reports whose follow-up is worked out by hand in the comments. */
    private static final List<FollowedReport> REPORTS = List.of(
            // 1: registered after 184 days, summons after 10.5 months, conviction after 19 months.
            report("2016-03-01", DublinStatus.DUBLIN, offenderCase("2016-09-01", ProsecutorDecisionType.SUMMONS,
                    "2017-01-15", VerdictOutcome.CONVICTED, "2017-10-01")),
            // 2: no case; observed for 943 days.
            report("2016-06-01", DublinStatus.DUBLIN),
            // 3: registered after 405 days: after the 12-month window, within the 24-month one.
            report("2016-12-01", DublinStatus.DUBLIN, offenderCase("2018-01-10",
                    ProsecutorDecisionType.PENDING, null, null, null)),
            // 4: registered after 89 days, but the 12-month window ends 2019-02-01, after E: not yet observable.
            report("2018-02-01", DublinStatus.DUBLIN, offenderCase("2018-05-01",
                    ProsecutorDecisionType.PENDING, null, null, null)),
            // 5: no case; its 12-month window ends on E exactly: observable.
            report("2017-12-31", DublinStatus.UNKNOWN),
            // 6: two cases: the first registered after 57 days and dismissed, the second summoned and acquitted.
            report("2016-05-05", DublinStatus.NOT_DUBLIN,
                    offenderCase("2016-08-01", ProsecutorDecisionType.SUMMONS, "2016-11-01",
                            VerdictOutcome.ACQUITTED, "2017-06-01"),
                    offenderCase("2016-07-01", ProsecutorDecisionType.POLICY_DISMISSAL, "2016-09-01", null, null)));

    @Test
    void sharesOfAYearCountTheWorkedExample() {
        FollowUpShare registered = FOLLOW_UP.share(REPORTS, 2016, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
        assertEquals(List.of(4L, 0L, 2L), List.of(registered.filed(), registered.notYetObservable(),
                registered.followed()));
        // Wilson 95% for 2 of 4: statsmodels 0.15.0 proportion_confint(2, 4, alpha=0.05, method='wilson').
        Share share = (Share) registered.share();
        assertEquals(0.5, share.estimate());
        assertEquals(0.15003898915214947, share.lower(), 1e-14);
        assertEquals(0.8499610108478506, share.upper(), 1e-14);
        assertEquals("2018-12-31", share.provenance().definitions().get(PoliceReportFollowUp.OBSERVED_UNTIL));

        assertEquals(3, FOLLOW_UP.share(REPORTS, 2016, FollowUpStage.PROSECUTOR_REGISTRATION, 24).followed());
        assertEquals(2, FOLLOW_UP.share(REPORTS, 2016, FollowUpStage.SUMMONS, 12).followed());
        assertEquals(0, FOLLOW_UP.share(REPORTS, 2016, FollowUpStage.CONVICTION, 12).followed());
        FollowUpShare convicted = FOLLOW_UP.share(REPORTS, 2016, FollowUpStage.CONVICTION, 24);
        assertEquals(1, convicted.followed());
        // Wilson 95% for 1 of 4: statsmodels proportion_confint(1, 4, method='wilson').
        assertEquals(0.0455872608097006, ((Share) convicted.share()).lower(), 1e-14);
        assertEquals(0.6993581574175982, ((Share) convicted.share()).upper(), 1e-14);
    }

    /** Censoring: a report too recent for its window is not yet observable, never "not followed". */
    @Test
    void reportsTooRecentForTheWindowAreLeftOutOfTheShare() {
        FollowUpShare recent = FOLLOW_UP.share(REPORTS, 2018, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
        assertEquals(1, recent.filed());
        assertEquals(1, recent.notYetObservable());
        assertEquals(0, recent.followed());
        assertFalse(recent.share().isDefined(), "no observable report, so no share (not 0%)");
        FollowUpShare boundary = FOLLOW_UP.share(REPORTS, 2017, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
        assertEquals(List.of(1L, 0L, 0L), List.of(boundary.filed(), boundary.notYetObservable(),
                boundary.followed()));
        assertEquals(1, FOLLOW_UP.share(REPORTS, 2017, FollowUpStage.PROSECUTOR_REGISTRATION, 24)
                .notYetObservable());
    }

    @Test
    void breakdownByDublinStatusAddsUpToTheYear() {
        List<FollowUpShare> shares = FOLLOW_UP.shares(REPORTS, FollowUpStage.PROSECUTOR_REGISTRATION, 12,
                FollowUpDimension.DUBLIN_STATUS);
        assertEquals(3 * DublinStatus.values().length, shares.size());
        FollowUpShare dublin = shares.get(0);
        assertEquals(List.of(2016, "dublin", 3L, 1L), List.of(dublin.year(), dublin.group(), dublin.filed(),
                dublin.followed()));
        // Wilson 95% for 1 of 3: statsmodels proportion_confint(1, 3, method='wilson').
        assertEquals(0.06149194472039626, ((Share) dublin.share()).lower(), 1e-14);
        assertEquals(0.7923403991979523, ((Share) dublin.share()).upper(), 1e-14);
        assertEquals(List.of("not_dublin", 1L, 1L), List.of(shares.get(1).group(), shares.get(1).filed(),
                shares.get(1).followed()));
        assertFalse(shares.get(2).share().isDefined());
        for (int year = 2016; year <= 2018; year++) {
            FollowUpShare total = FOLLOW_UP.share(REPORTS, year, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
            int y = year;
            assertEquals(total.filed(), shares.stream().filter(s -> s.year() == y).mapToLong(FollowUpShare::filed)
                    .sum());
            assertEquals(total.followed(), shares.stream().filter(s -> s.year() == y)
                    .mapToLong(FollowUpShare::followed).sum());
        }
    }

    @Test
    void tableHoldsTheThreeOutcomesPerYear() {
        CountTable table = FOLLOW_UP.table(REPORTS, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
        assertEquals(2, table.count("2016", "followed"));
        assertEquals(2, table.count("2016", "not_followed"));
        assertEquals(0, table.count("2016", "not_yet_observable"));
        assertEquals(1, table.count("2017", "not_followed"));
        assertEquals(1, table.count("2018", "not_yet_observable"));
        assertEquals(REPORTS.size(), table.total());
    }

    /**
     * Kaplan-Meier of the days to registration: events at 57, 89, 184 and 405 days, censored at 365 and 943
     * (report 2 observed from 2016-06-01 to E, report 5 from 2017-12-31 to E). By hand: S = 5/6, 4/6, 3/6, then
     * 2 at risk at 405 days, so S = 1/4.
     */
    @Test
    void timeToRegistrationCensorsAtTheEndOfObservation() {
        KaplanMeierCurve curve = FOLLOW_UP.timeToStage(REPORTS, FollowUpStage.PROSECUTOR_REGISTRATION);
        assertArrayEquals(new int[] {57, 89, 184, 405}, curve.times());
        assertArrayEquals(new long[] {6, 5, 4, 2}, curve.atRisk());
        assertArrayEquals(new double[] {5.0 / 6, 4.0 / 6, 3.0 / 6, 1.0 / 4}, curve.survival(), 1e-15);
        assertEquals(2, curve.censored());
        assertEquals(0.5, curve.eventShareBy(365)[0], 1e-15);
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IndicatorException.class,
                () -> FOLLOW_UP.share(REPORTS, 2016, FollowUpStage.SUMMONS, 0));
        assertThrows(IndicatorException.class,
                () -> FOLLOW_UP.share(REPORTS, 2015, FollowUpStage.SUMMONS, 12));
        assertThrows(IndicatorException.class, () -> FollowedReport.join(List.of(), List.of(),
                List.of(org.tipmonitor.model.PoliceReport.withoutCase(
                        org.tipmonitor.model.RegistrationId.of("r1"), LocalDate.of(2016, 1, 1)))));
    }

    static Stream<Named<Long>> seeds() {
        return LongStream.rangeClosed(1, 15).mapToObj(seed -> Named.of("seed " + seed, seed));
    }

    /**
     * Properties over seeded random reports: a longer window never lowers the followed count among the reports
     * observable for both; a later stage is never reached more often than registration; moving the end of
     * observation earlier only moves reports to "not yet observable".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void windowsStagesAndCensoringAreConsistent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FollowedReport> reports = new ArrayList<>();
        int n = 1 + random.nextInt(80);
        for (int i = 0; i < n; i++) {
            LocalDate filed = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3 * 365));
            List<OffenderCase> cases = new ArrayList<>();
            if (random.nextDouble() < 0.5) {
                LocalDate registered = filed.plusDays(random.nextInt(900));
                boolean summons = random.nextBoolean();
                LocalDate decided = registered.plusDays(random.nextInt(300));
                boolean convicted = summons && random.nextBoolean();
                cases.add(offenderCase(registered.toString(), summons ? ProsecutorDecisionType.SUMMONS
                        : ProsecutorDecisionType.TECHNICAL_DISMISSAL, decided.toString(),
                        convicted ? VerdictOutcome.CONVICTED : null,
                        convicted ? decided.plusDays(random.nextInt(300)).toString() : null));
            }
            reports.add(new FollowedReport(filed, ExploitationForm.LABOUR,
                    DublinStatus.values()[random.nextInt(3)], VictimOriginGroup.EU, cases));
        }
        PoliceReportFollowUp early = PoliceReportFollowUp.of(YEARS, LocalDate.of(2018, 6, 30));
        for (int year = 2016; year <= 2018; year++) {
            FollowUpShare r12 = FOLLOW_UP.share(reports, year, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
            FollowUpShare r24 = FOLLOW_UP.share(reports, year, FollowUpStage.PROSECUTOR_REGISTRATION, 24);
            FollowUpShare s12 = FOLLOW_UP.share(reports, year, FollowUpStage.SUMMONS, 12);
            FollowUpShare c12 = FOLLOW_UP.share(reports, year, FollowUpStage.CONVICTION, 12);
            assertTrue(r24.notYetObservable() >= r12.notYetObservable());
            assertTrue(s12.followed() <= r12.followed() && c12.followed() <= s12.followed());
            FollowUpShare e12 = early.share(reports, year, FollowUpStage.PROSECUTOR_REGISTRATION, 12);
            assertEquals(r12.filed(), e12.filed());
            assertTrue(e12.notYetObservable() >= r12.notYetObservable());
            assertTrue(e12.observable() + e12.notYetObservable() == e12.filed());
        }
        KaplanMeierCurve curve = FOLLOW_UP.timeToStage(reports, FollowUpStage.PROSECUTOR_REGISTRATION);
        long events = reports.stream().filter(r -> r.first(FollowUpStage.PROSECUTOR_REGISTRATION)
                .filter(d -> !d.isAfter(E)).isPresent()).count();
        assertEquals(events, java.util.Arrays.stream(curve.events()).sum());
        assertEquals(n, curve.subjects());
    }
}
