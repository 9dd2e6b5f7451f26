package org.tipmonitor.indicators.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

/**
 * Properties of victim cross-tabulations over seeded {@link ModelGenerator} registers (seed in the case name) and
 * explicit edge cases: no victims, one victim with one registration, one victim reported in every cell (all overlap),
 * victims reported once each (no overlap). In every cell and every margin, persons &le; registrations; the
 * registration table is additive and its total is the number of registrations in the period; the person total is
 * the number of distinct keys with a registration in the period.
 */
class VictimTabulationPropertiesTest {

    private static final YearRange PERIOD = YearRange.of(2014, 2020);
    private static final VictimDimension[][] LAYOUTS = {
        {},
        {VictimDimension.YEAR},
        {VictimDimension.YEAR, VictimDimension.REPORTER_TYPE},
        {VictimDimension.EXPLOITATION_FORM, VictimDimension.AGE_GROUP, VictimDimension.YEAR},
        {VictimDimension.INVESTIGATIVE_REPORTER, VictimDimension.LEGAL_BASIS},
        {VictimDimension.SEX, VictimDimension.NATIONALITY_REGION, VictimDimension.DUBLIN_STATUS},
    };

    static Stream<Arguments> registers() {
        List<Arguments> cases = new ArrayList<>();
        ModelGenerator edge = new ModelGenerator(0);
        cases.add(Arguments.of("edge empty", List.of()));
        VictimHistory one = edge.victimHistory();
        cases.add(Arguments.of("edge one victim", List.of(new VictimHistory(one.victim(),
                List.of(one.registrations().get(0))))));
        List<Registration> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(edge.registration(one.victim().key(), java.time.LocalDate.of(2014, 1, 1)));
        }
        cases.add(Arguments.of("edge all overlap", List.of(new VictimHistory(one.victim(), many))));
        List<VictimHistory> single = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            VictimHistory h = edge.victimHistory();
            single.add(new VictimHistory(h.victim(), List.of(h.registrations().get(0))));
        }
        cases.add(Arguments.of("edge no overlap", single));
        for (long seed = 1; seed <= 12; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<VictimHistory> histories = new ArrayList<>();
            int n = 20 + (int) (seed * 17 % 180);
            for (int i = 0; i < n; i++) {
                histories.add(generator.victimHistory());
            }
            cases.add(Arguments.of("seed=" + seed, histories));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void personsNeverExceedRegistrations(String name, List<VictimHistory> histories) {
        for (VictimDimension[] layout : LAYOUTS) {
            CountTable registrations = VictimTabulation.of(CountingUnit.REGISTRATIONS, PERIOD)
                    .table(histories, layout);
            CountTable persons = VictimTabulation.of(CountingUnit.PERSONS, PERIOD).table(histories, layout);
            long[] r = registrations.extendedCounts();
            long[] p = persons.extendedCounts();
            assertEquals(r.length, p.length);
            for (int i = 0; i < r.length; i++) {
                assertTrue(p[i] <= r[i], "cell " + i + ": persons " + p[i] + " > registrations " + r[i]);
                assertTrue(p[i] > 0 || r[i] == 0, "a registration without its person in cell " + i);
            }
            assertTrue(registrations.isAdditive());
            assertEquals(registrationsInPeriod(histories), registrations.total());
            assertEquals(personsInPeriod(histories), persons.total());
        }
    }

    private static long registrationsInPeriod(List<VictimHistory> histories) {
        return histories.stream().flatMap(h -> h.registrations().stream())
                .filter(r -> PERIOD.contains(r.reportDate())).count();
    }

    private static long personsInPeriod(List<VictimHistory> histories) {
        Set<PersonKey> keys = new HashSet<>();
        for (VictimHistory h : histories) {
            for (Registration r : h.registrations()) {
                if (PERIOD.contains(r.reportDate())) {
                    keys.add(h.victim().key());
                }
            }
        }
        return keys.size();
    }
}
