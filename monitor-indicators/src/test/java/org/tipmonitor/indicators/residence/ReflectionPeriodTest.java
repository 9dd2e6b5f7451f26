package org.tipmonitor.indicators.residence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.followup.KaplanMeierCurve;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.YesNoUnknown;

/** Time in the reflection period (issue 16). */
class ReflectionPeriodTest {

    private static final YearRange YEARS = YearRange.of(2017, 2018);
    private static final LocalDate END = LocalDate.of(2019, 1, 31);
    private static final ReflectionPeriod INDICATOR = ReflectionPeriod.of(YEARS, END).withDatasetId("test");
    private static final DublinStatus D = DublinStatus.DUBLIN;
    private static final DublinStatus N = DublinStatus.NOT_DUBLIN;

    private static ReflectionSpell spell(String entered, DublinStatus dublin, ResidenceSchemeStage next,
                                         String left) {
        return new ReflectionSpell(LocalDate.parse(entered), dublin, next == null ? Optional.empty()
                : Optional.of(new ResidenceStageChange(next, LocalDate.parse(left))));
    }

    /**
     * Seven reflection periods entered in 2018, observed until 2019-01-31. Days in the reflection period: A 5, B 10
     * (Dublin), C no end recorded (Dublin: censored at 395), D 30, E 90 (Dublin), F 20, G ends after the end of
     * observation (censored at 47). By hand: at risk 7, 6, 5, 4, 2 at 5, 10, 20, 30, 90 with one event each: S =
     * 6/7, 5/7, 4/7, 3/7, 3/14; median 30 (first S below 1/2), first quartile 10, third 90. Intervals: statsmodels
     * 0.15.0 {@code SurvfuncRight(t, e).quantile_ci(p, method="cloglog")}: (5, 30), (5, inf), (20, inf). Left within
     * three months: F and G were entered less than three months before the end (not yet observable); of the other
     * five, all but C left within three months: 4 of 5, Wilson (statsmodels {@code proportion_confint(4, 5,
     * method="wilson")}) 0.3755346297625252 to 0.9637758913675698.
     */
    private static final List<ReflectionSpell> SPELLS = List.of(
            spell("2018-01-01", N, ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM, "2018-01-06"),
            spell("2018-01-01", D, ResidenceSchemeStage.NONE, "2018-01-11"),
            spell("2018-01-01", D, null, null),
            spell("2018-03-01", N, ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM, "2018-03-31"),
            spell("2018-06-01", D, ResidenceSchemeStage.UNKNOWN, "2018-08-30"),
            spell("2018-12-01", N, ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM, "2018-12-21"),
            spell("2018-12-15", N, ResidenceSchemeStage.TEMPORARY_PERMIT_WITNESS, "2019-02-10"),
            spell("2016-12-31", N, ResidenceSchemeStage.NONE, "2017-01-05"));

    @Test
    void timeInTheReflectionPeriodAgainstAHandComputation() {
        ReflectionTime all = INDICATOR.time(SPELLS, 2018, null);
        assertEquals(7, all.periods());
        assertEquals(5, all.ended());
        assertEquals(2, all.censored());
        assertEquals(new KaplanMeierCurve.Quantile(0.5, OptionalInt.of(30), OptionalInt.of(5), OptionalInt.empty(),
                0.95), all.median());
        assertEquals(new KaplanMeierCurve.Quantile(0.25, OptionalInt.of(10), OptionalInt.of(5), OptionalInt.of(30),
                0.95), all.firstQuartile());
        assertEquals(new KaplanMeierCurve.Quantile(0.75, OptionalInt.of(90), OptionalInt.of(20), OptionalInt.empty(),
                0.95), all.thirdQuartile());
        assertEquals(3.0 / 14, all.curve().survivalAt(90), 1e-15);
        assertEquals(2, all.notYetObservable());
        Share share = (Share) all.leftWithin3Months();
        assertEquals(4, share.successes());
        assertEquals(5, share.trials());
        assertEquals(0.3755346297625252, share.lower(), 1e-12);
        assertEquals(0.9637758913675698, share.upper(), 1e-12);
        assertEquals("all", all.groupLabel());
        // Dublin claimants: 10 (event), 395 (censored), 90 (event): S = 2/3, 1/3; median 90 (statsmodels: 90, CI
        // (10, inf)); the third quartile is not reached (statsmodels: nan).
        ReflectionTime dublin = INDICATOR.time(SPELLS, 2018, D);
        assertEquals(3, dublin.periods());
        assertEquals(OptionalInt.of(90), dublin.median().estimate());
        assertEquals(OptionalInt.of(10), dublin.median().lower());
        assertEquals(OptionalInt.empty(), dublin.thirdQuartile().estimate());
        assertEquals("dublin", dublin.groupLabel());
    }

    @Test
    void outcomesPerYearOfEntry() {
        CountTable table = INDICATOR.outcomes(SPELLS);
        assertEquals(List.of("temporary_permit_victim", "temporary_permit_witness", "continued_residence", "none",
                "unknown", "still_in_reflection"), table.dimensions().get(1).labels());
        assertEquals(3, table.count(1, 0));
        assertEquals(0, table.count(1, 1));
        assertEquals(1, table.count(1, 3));
        assertEquals(1, table.count(1, 4));
        assertEquals(2, table.count(1, 5));
        assertEquals(0, table.count(0, CountTable.ALL), "the spell entered in 2016 is outside the years");
        assertEquals(7, table.count(1, CountTable.ALL));
    }

    @Test
    void timesCoverEveryYearAndGroup() {
        List<ReflectionTime> times = INDICATOR.times(SPELLS);
        assertEquals(2 * (1 + DublinStatus.values().length), times.size());
        assertEquals(0, times.get(0).periods());
        assertEquals(OptionalInt.empty(), times.get(0).median().estimate());
        assertFalse(times.get(0).leftWithin3Months().isDefined(), "a share of nothing is not defined");
        assertThrows(IndicatorException.class, () -> INDICATOR.time(SPELLS, 2019, null));
        assertThrows(IndicatorException.class, () -> INDICATOR.time(SPELLS, LocalDate.of(2018, 5, 1),
                LocalDate.of(2018, 4, 1), null));
    }

    @Test
    void spellsFromHistoriesAndAHistoryWithoutItsRegistration() {
        PersonKey key = PersonKey.of("victimkey-0000000001");
        Registration registration = new Registration(RegistrationId.of("r1"), key, LocalDate.of(2018, 2, 1),
                ReporterType.POLICE, ExploitationForm.CROSS_BORDER_SEXUAL, TraffickingRoute.CROSS_BORDER,
                Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.STATUTORY_DUTY, D, ResidenceSchemeStage.NONE,
                YesNoUnknown.YES);
        VictimHistory victim = new VictimHistory(new Victim(key, Sex.FEMALE, BirthDate.UNKNOWN, Nationality.of("NG")),
                List.of(registration));
        ResidenceHistory history = new ResidenceHistory(RegistrationId.of("r1"), List.of(
                new ResidenceStageChange(ResidenceSchemeStage.NONE, LocalDate.of(2018, 2, 1)),
                new ResidenceStageChange(ResidenceSchemeStage.REFLECTION_PERIOD, LocalDate.of(2018, 2, 10)),
                new ResidenceStageChange(ResidenceSchemeStage.UNKNOWN, LocalDate.of(2018, 3, 1)),
                new ResidenceStageChange(ResidenceSchemeStage.REFLECTION_PERIOD, LocalDate.of(2018, 4, 1))));
        assertEquals(List.of(spell("2018-02-10", D, ResidenceSchemeStage.UNKNOWN, "2018-03-01"),
                spell("2018-04-01", D, null, null)), ReflectionSpell.of(List.of(victim), List.of(history)));
        ResidenceHistory orphan = new ResidenceHistory(RegistrationId.of("r2"), history.stages());
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> ReflectionSpell.of(List.of(victim), List.of(history, orphan)));
        assertEquals("TM-IN-0702: Residence-stage history 1 refers to a registration not among the victims' registrations (id"
                + " withheld)", e.getMessage());
    }

    static Stream<Named<Long>> seeds() {
        return new SplittableRandom(20191128L).longs(25).mapToObj(s -> Named.of("seed " + s, s));
    }

    /**
     * Properties over seeded spells: the counts reconcile (ended + censored = periods; the groups add up to all;
     * the outcome table's row is the year's periods and its still-in-reflection cell the censored ones); without
     * censoring (every end before E) and entries at least three months before E, the share left within three
     * months equals the share of times of at most the three-month window, and the median is the order statistic.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void countsReconcileAndUncensoredResultsAreEmpirical(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean censoring = random.nextBoolean();
        List<ReflectionSpell> spells = new ArrayList<>();
        int n = 1 + random.nextInt(80);
        DublinStatus[] groups = DublinStatus.values();
        for (int i = 0; i < n; i++) {
            LocalDate entered = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(censoring ? 730 : 600));
            int days = 1 + random.nextInt(120);
            boolean recorded = !censoring || random.nextDouble() < 0.8;
            spells.add(new ReflectionSpell(entered, groups[random.nextInt(groups.length)], recorded
                    ? Optional.of(new ResidenceStageChange(ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM,
                    entered.plusDays(days))) : Optional.empty()));
        }
        CountTable outcomes = INDICATOR.outcomes(spells);
        for (int year = 2017; year <= 2018; year++) {
            ReflectionTime all = INDICATOR.time(spells, year, null);
            assertEquals(all.periods(), all.ended() + all.censored());
            long byGroup = 0;
            for (DublinStatus group : groups) {
                byGroup += INDICATOR.time(spells, year, group).periods();
            }
            assertEquals(all.periods(), byGroup);
            assertEquals(all.periods(), outcomes.count(year - 2017, CountTable.ALL));
            assertEquals(all.censored(), outcomes.count(year - 2017, 5));
            if (!censoring) {
                assertEquals(0, all.censored());
                assertEquals(0, all.notYetObservable());
                List<Integer> times = new ArrayList<>();
                long within = 0;
                for (ReflectionSpell s : spells) {
                    if (s.entered().getYear() == year) {
                        LocalDate left = s.exit().orElseThrow().effectiveDate();
                        times.add((int) java.time.temporal.ChronoUnit.DAYS.between(s.entered(), left));
                        within += left.isAfter(s.entered().plusMonths(3)) ? 0 : 1;
                    }
                }
                if (times.isEmpty()) {
                    continue;
                }
                times.sort(null);
                assertEquals(OptionalInt.of(times.get(times.size() / 2)), all.median().estimate());
                Share share = (Share) all.leftWithin3Months();
                assertEquals(within, share.successes());
                assertEquals(times.size(), share.trials());
            } else {
                assertTrue(all.notYetObservable() <= all.periods());
            }
        }
    }
}
