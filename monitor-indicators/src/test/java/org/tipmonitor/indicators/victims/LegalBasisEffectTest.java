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
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.UndefinedShare;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

class LegalBasisEffectTest {

    private static final YearRange PERIOD = YearRange.of(2017, 2018);

    @Test
    void splitsTheSmallRegisterAtTheGdpr() {
        // small(): care coordinator 2017-06-01 (before, basis unknown); shelter 2018-09-01 (after, consent)
        LegalBasisComparison c = LegalBasisEffect.of(PERIOD).compare(VictimTabulationTest.small());
        assertEquals(1, c.before());
        assertEquals(1, c.after());
        assertEquals(365 + 144, c.daysBefore());
        assertEquals(221, c.daysAfter());
        assertEquals(1, assertInstanceOf(UndefinedShare.class, c.consentBefore()).unknown());
        assertEquals(1.0, assertInstanceOf(Share.class, c.consentAfter()).estimate());
        assertEquals(0, c.unknownReporter());
        assertEquals("registrations", c.provenance().definitions().get("countingUnit"));
        assertEquals(LegalBasisEffect.METHOD, c.provenance().method());
    }

    @Test
    void unknownReportersAreCountedApart() {
        PersonKey key = PersonKey.of("person-unknown-reporter");
        VictimHistory h = new VictimHistory(new Victim(key, Sex.UNKNOWN, BirthDate.UNKNOWN, Nationality.UNKNOWN),
                List.of(VictimTabulationTest.registration("x1", key, LocalDate.of(2018, 7, 1), ReporterType.UNKNOWN,
                        LegalBasis.UNKNOWN)));
        LegalBasisComparison c = LegalBasisEffect.of(PERIOD).compare(List.of(h));
        assertEquals(1, c.unknownReporter());
        assertEquals(0, c.before() + c.after());
        assertTrue(c.rateRatio().isEmpty());
    }

    @Test
    void cutDateMustLeaveADayOnEachSide() {
        assertEquals("TM-IN-0006: Cut date does not leave a day of the period 2017-2018 on each side: 2017-01-01",
                assertThrows(IndicatorException.class, () -> LegalBasisEffect.of(PERIOD)
                        .withCutDate(LocalDate.of(2017, 1, 1))).getMessage());
        assertThrows(IndicatorException.class, () -> LegalBasisEffect.of(YearRange.of(2019, 2020)));
        LegalBasisComparison lastDay = LegalBasisEffect.of(PERIOD).withCutDate(LocalDate.of(2018, 12, 31))
                .compare(List.of());
        assertEquals(1, lastDay.daysAfter());
        assertEquals(729, lastDay.daysBefore());
    }

    static Stream<Arguments> registers() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<VictimHistory> histories = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                histories.add(generator.victimHistory());
            }
            cases.add(Arguments.of("seed=" + seed, histories));
        }
        return cases.stream();
    }

    /** The parts add up to the non-investigative cell of the registration table, year by year. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void partsAgreeWithTheCrossTabulation(String name, List<VictimHistory> histories) {
        YearRange period = YearRange.of(2014, 2022);
        LegalBasisComparison c = LegalBasisEffect.of(period).compare(histories);
        CountTable t = VictimTabulation.of(CountingUnit.REGISTRATIONS, period)
                .table(histories, VictimDimension.YEAR, VictimDimension.INVESTIGATIVE_REPORTER);
        int no = t.dimensions().get(1).indexOf("no");
        int unknown = t.dimensions().get(1).indexOf("unknown");
        assertEquals(t.count(CountTable.ALL, no), c.before() + c.after());
        assertEquals(t.count(CountTable.ALL, unknown), c.unknownReporter());
        for (int y = 0; y < period.size(); y++) {
            assertEquals(t.count(y, no), c.nonInvestigativeByYear().count(period.firstYear() + y));
        }
        c.rateRatio().ifPresent(r -> assertTrue(r.lower() <= r.estimate() && r.estimate() <= r.upper()));
    }
}
