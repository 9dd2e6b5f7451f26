package org.tipmonitor.indicators.residence;

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
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareDifference;
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
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.YesNoUnknown;

class ResidenceSchemeTest {

    private static final YearRange YEARS = YearRange.of(2016, 2018);
    private static final ResidenceScheme SCHEME = ResidenceScheme.of(YEARS).withDatasetId("test");
    private static int number;

    private static VictimHistory person(int n, Object... dateDublinStage) {
        PersonKey key = PersonKey.of("victimkey-" + String.format("%010d", n));
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < dateDublinStage.length; i += 3) {
            registrations.add(new Registration(RegistrationId.of("r" + ++number), key,
                    LocalDate.parse((String) dateDublinStage[i]), ReporterType.POLICE,
                    ExploitationForm.CROSS_BORDER_SEXUAL, TraffickingRoute.CROSS_BORDER,
                    Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.STATUTORY_DUTY,
                    (DublinStatus) dateDublinStage[i + 1], (ResidenceSchemeStage) dateDublinStage[i + 2],
                    YesNoUnknown.YES));
        }
        return new VictimHistory(new Victim(key, Sex.FEMALE, BirthDate.UNKNOWN, Nationality.of("NG")),
                registrations);
    }

    private static final DublinStatus D = DublinStatus.DUBLIN;
    private static final ResidenceSchemeStage REFLECTION = ResidenceSchemeStage.REFLECTION_PERIOD;
    private static final ResidenceSchemeStage PERMIT = ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM;

    /** Before 2018-01-01: 6 Dublin registrations, 4 of 5 known stages reflection; after: 4, 1 of 4 reflection. */
    private static final List<VictimHistory> HISTORIES = List.of(
            person(1, "2016-03-01", D, REFLECTION, "2017-06-01", D, PERMIT),
            person(2, "2016-07-01", D, REFLECTION),
            person(3, "2017-02-01", D, REFLECTION, "2017-03-01", D, REFLECTION),
            person(4, "2017-09-01", D, ResidenceSchemeStage.UNKNOWN),
            person(5, "2018-02-01", D, REFLECTION),
            person(6, "2018-03-01", D, PERMIT),
            person(7, "2018-04-01", D, PERMIT, "2018-08-01", D, ResidenceSchemeStage.CONTINUED_RESIDENCE),
            person(8, "2016-05-01", DublinStatus.NOT_DUBLIN, ResidenceSchemeStage.NONE));

    @Test
    void stagesEntriesAndTransitionsCountTheWorkedExample() {
        CountTable stages = SCHEME.stages(HISTORIES, D);
        assertEquals(2, stages.count("2016", "reflection_period"));
        assertEquals(2, stages.count("2017", "reflection_period"));
        assertEquals(1, stages.count("2017", "temporary_permit_victim"));
        assertEquals(1, stages.count("2017", "unknown"));
        assertEquals(1, stages.count("2018", "continued_residence"));
        assertEquals(10, stages.total());
        assertEquals(1, SCHEME.stages(HISTORIES, DublinStatus.NOT_DUBLIN).total());

        CountTable entries = SCHEME.entries(HISTORIES);
        assertEquals(2, entries.count("2016", "dublin"));
        assertEquals(1, entries.count("2017", "dublin"));
        assertEquals(1, entries.count("2018", "dublin"));
        assertEquals(4, entries.total());

        CountTable transitions = SCHEME.transitions(HISTORIES);
        assertEquals(1, transitions.count("reflection_period", "temporary_permit_victim"));
        assertEquals(1, transitions.count("reflection_period", "reflection_period"));
        assertEquals(1, transitions.count("temporary_permit_victim", "continued_residence"));
        assertEquals(3, transitions.total());
    }

    @Test
    void beforeAfterComparisonEqualsTheReferences() {
        ResidenceSchemeChange change = SCHEME.compare(HISTORIES, LocalDate.of(2018, 1, 1), D);
        assertEquals(6, change.before());
        assertEquals(4, change.after());
        assertEquals(731, change.daysBefore());
        assertEquals(365, change.daysAfter());
        // Rate ratio (4/365)/(6/731) with the conditional binomial interval: Wilson for 4 of 10 from statsmodels
        // 0.15.0 proportion_confint(4, 10, method='wilson'), mapped by p/(1-p) * 731/365.
        RateRatio ratio = change.rateRatio().orElseThrow();
        assertEquals(1.3351598173515982, ratio.estimate(), 1e-14);
        assertEquals(0.4049212100503867, ratio.lower(), 1e-12);
        assertEquals(4.402465698570165, ratio.upper(), 1e-12);
        // Shares: 4 of 5 before (1 unknown stage), 1 of 4 after; Wilson from proportion_confint.
        Share before = (Share) change.reflectionBefore();
        assertEquals(1, before.unknown());
        assertEquals(0.3755346297625252, before.lower(), 1e-14);
        assertEquals(0.9637758913675698, before.upper(), 1e-14);
        // Difference after - before with Newcombe's interval: statsmodels confint_proportions_2indep(1, 4, 4, 5,
        // method='newcomb', compare='diff').
        ShareDifference difference = change.difference().orElseThrow();
        assertEquals(0.25 - 0.8, difference.difference(), 1e-15);
        assertEquals(-0.8119295907997479, difference.lower(), 1e-12);
        assertEquals(0.06813720497036535, difference.upper(), 1e-12);
        assertEquals("2018-01-01", change.provenance().definitions().get("cutDate"));
    }

    @Test
    void theCutDateMustLeaveADayOnEachSide() {
        assertThrows(IndicatorException.class, () -> SCHEME.compare(HISTORIES, LocalDate.of(2016, 1, 1), D));
        assertThrows(IndicatorException.class, () -> SCHEME.compare(HISTORIES, LocalDate.of(2019, 1, 1), D));
        ResidenceSchemeChange empty = SCHEME.compare(HISTORIES, LocalDate.of(2017, 1, 1), DublinStatus.UNKNOWN);
        assertTrue(empty.rateRatio().isEmpty());
        assertFalse(empty.reflectionBefore().isDefined());
        assertTrue(empty.difference().isEmpty());
    }

    static Stream<Named<Long>> seeds() {
        return LongStream.rangeClosed(1, 15).mapToObj(seed -> Named.of("seed " + seed, seed));
    }

    /**
     * Properties over seeded random histories: the stage tables of the three Dublin groups add up to the
     * registrations in the period; before + after equals the group's registrations for any cut; each person
     * enters at most once; transitions number registrations minus persons with one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void tablesAndComparisonAddUp(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<VictimHistory> histories = new ArrayList<>();
        long registrations = 0;
        long persons = 0;
        for (int p = 0; p < 1 + random.nextInt(40); p++) {
            int k = 1 + random.nextInt(3);
            Object[] spec = new Object[3 * k];
            for (int i = 0; i < k; i++) {
                spec[3 * i] = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(1096)).toString();
                spec[3 * i + 1] = DublinStatus.values()[random.nextInt(3)];
                spec[3 * i + 2] = ResidenceSchemeStage.values()[random.nextInt(6)];
            }
            histories.add(person(1000 + p, spec));
            registrations += k;
            persons++;
        }
        long total = 0;
        for (DublinStatus status : DublinStatus.values()) {
            total += SCHEME.stages(histories, status).total();
            LocalDate cut = LocalDate.of(2016, 1, 2).plusDays(random.nextInt(1094));
            ResidenceSchemeChange change = SCHEME.compare(histories, cut, status);
            assertEquals(SCHEME.stages(histories, status).total(), change.before() + change.after());
        }
        assertEquals(registrations, total);
        assertTrue(SCHEME.entries(histories).total() <= persons);
        assertEquals(registrations - persons, SCHEME.transitions(histories).total());
    }
}
