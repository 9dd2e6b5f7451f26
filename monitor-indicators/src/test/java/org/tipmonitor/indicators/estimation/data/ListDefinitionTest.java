package org.tipmonitor.indicators.estimation.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;
import org.tipmonitor.model.testing.Records;

class ListDefinitionTest {

    @Test
    void theDutchSixListsFollowTheNedTable() {
        ListDefinition lists = ListDefinition.dutchSixLists();
        assertEquals(List.of("I", "K", "O", "P", "R", "Z"), lists.listNames());
        assertEquals(Optional.of("P"), lists.listOf(ReporterType.POLICE));
        assertEquals(Optional.of("I"), lists.listOf(ReporterType.LABOUR_INSPECTORATE));
        assertEquals(Optional.of("Z"), lists.listOf(ReporterType.FAIRWORK));
        assertEquals(Optional.of("Z"), lists.listOf(ReporterType.UNKNOWN));
        assertEquals(List.of(ReporterType.SHELTER), lists.members().get("O"));
        assertEquals(ListDefinition.parse(lists.toString()), lists);
    }

    @Test
    void typesInNoListAreIgnored() {
        ListDefinition lists = ListDefinition.parse("P=police;K=royal_marechaussee");
        assertEquals(Optional.empty(), lists.listOf(ReporterType.SHELTER));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "P=police|TM-MSE-406",
        "P=police;Pp|TM-MSE-401",
        "P=police;P=shelter|TM-MSE-404",
        "P=police;K=marechaussee|TM-MSE-402",
        "P=police;K=police|TM-MSE-403",
        "P=police,*;Z=*|TM-MSE-405",
        "1P=police;K=shelter|TM-MSE-404"})
    void malformedDefinitionsAreRejectedWithTheirCode(String definition, String code) {
        IndicatorException e = assertThrows(IndicatorException.class, () -> ListDefinition.parse(definition));
        assertTrue(e.getMessage().startsWith(code), e.getMessage());
    }

    @Test
    void linkedRegistrationsGivePersonPatterns() {
        ModelGenerator g = new ModelGenerator(11);
        PersonKey a = g.personKey();
        PersonKey b = g.personKey();
        PersonKey c = g.personKey();
        List<Registration> registrations = List.of(
                registration(g, a, ReporterType.POLICE, 2016),
                registration(g, a, ReporterType.POLICE, 2016),
                registration(g, a, ReporterType.SHELTER, 2017),
                registration(g, b, ReporterType.FAIRWORK, 2015),
                registration(g, b, ReporterType.POLICE, 2019),
                registration(g, c, ReporterType.ROYAL_MARECHAUSSEE, 2013));
        CaptureHistories table = LinkedRegistrations.of(registrations, ListDefinition.dutchSixLists(),
                YearRange.of(2014, 2018));
        assertEquals(2, table.observed());
        assertEquals(1, table.count(0, 0, 1, 1, 0, 0), "a: police and shelter");
        assertEquals(1, table.count(0, 0, 0, 0, 0, 1), "b: FairWork only within 2014-2018");

        Map<PersonKey, Victim> victims = Map.of(
                a, new Victim(a, Sex.FEMALE, BirthDate.ofDay(LocalDate.of(2001, 6, 1)), Nationality.DUTCH),
                b, new Victim(b, Sex.MALE, BirthDate.ofYear(1980), Nationality.of("RO")));
        StratifiedHistories byAge = LinkedRegistrations.stratified(registrations, victims,
                ListDefinition.dutchSixLists(), YearRange.of(2014, 2018), LinkedRegistrations.Covariate.MINOR);
        assertEquals(1, byAge.stratum("minor").observed());
        assertEquals(1, byAge.stratum("adult").observed());
        StratifiedHistories byNationality = LinkedRegistrations.stratified(registrations, victims,
                ListDefinition.dutchSixLists(), YearRange.of(2014, 2018), LinkedRegistrations.Covariate.DUTCH);
        assertEquals(1, byNationality.stratum("dutch").count(0, 0, 1, 1, 0, 0));
        StratifiedHistories crossed = LinkedRegistrations.stratified(registrations, victims,
                ListDefinition.dutchSixLists(), YearRange.of(2014, 2018),
                List.of(LinkedRegistrations.Covariate.MINOR, LinkedRegistrations.Covariate.DUTCH));
        assertEquals("minor_dutch", crossed.covariate());
        assertEquals(Set.of("minor/dutch", "adult/non_dutch"), Set.copyOf(crossed.levels()));
        assertEquals(1, crossed.stratum("minor/dutch").count(0, 0, 1, 1, 0, 0));
    }

    @Test
    void crossingNeedsDifferentCovariates() {
        List<Registration> none = List.of();
        for (List<LinkedRegistrations.Covariate> covariates : List.of(List.<LinkedRegistrations.Covariate>of(),
                List.of(LinkedRegistrations.Covariate.FORM, LinkedRegistrations.Covariate.FORM))) {
            IndicatorException e = assertThrows(IndicatorException.class, () -> LinkedRegistrations.stratified(none,
                    Map.of(), ListDefinition.dutchSixLists(), YearRange.of(2014, 2018), covariates));
            assertTrue(e.getMessage().startsWith("TM-MSE-407"), e.getMessage());
        }
    }

    /** Crossing a covariate with another splits each of its strata: the crossed strata add up to it, cell by cell. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void crossedStrataAddUpToTheSingleCovariatesStrata(long seed) {
        ModelGenerator g = new ModelGenerator(seed);
        List<Registration> registrations = new ArrayList<>();
        Map<PersonKey, Victim> victims = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            VictimHistory h = g.victimHistory();
            registrations.addAll(h.registrations());
            victims.put(h.victim().key(), h.victim());
        }
        YearRange period = YearRange.of(2014, 2018);
        ListDefinition lists = ListDefinition.parse("P=police;K=royal_marechaussee;C=care_coordinator,shelter;Z=*");
        StratifiedHistories byMinor = LinkedRegistrations.stratified(registrations, victims, lists, period,
                LinkedRegistrations.Covariate.MINOR);
        StratifiedHistories crossed = LinkedRegistrations.stratified(registrations, victims, lists, period,
                List.of(LinkedRegistrations.Covariate.MINOR, LinkedRegistrations.Covariate.FORM));
        assertEquals(byMinor.observed(), crossed.observed());
        for (String level : byMinor.levels()) {
            long[] expected = byMinor.stratum(level).countsByMask();
            long[] sum = new long[expected.length];
            for (String combination : crossed.levels()) {
                if (combination.startsWith(level + "/")) {
                    long[] c = crossed.stratum(combination).countsByMask();
                    for (int h = 0; h < sum.length; h++) {
                        sum[h] += c[h];
                    }
                }
            }
            assertArrayEquals(expected, sum, level);
        }
    }

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 9).mapToObj(seed -> Arguments.of(seed * 104729));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void observedIsTheNumberOfDistinctPersonsOnSomeList(long seed) {
        ModelGenerator g = new ModelGenerator(seed);
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            VictimHistory h = g.victimHistory();
            registrations.addAll(h.registrations());
        }
        YearRange period = YearRange.of(2014, 2018);
        ListDefinition lists = ListDefinition.parse("P=police;K=royal_marechaussee;C=care_coordinator,shelter");
        Set<PersonKey> persons = new HashSet<>();
        long listed = 0;
        for (Registration r : registrations) {
            if (period.contains(r.reportDate()) && lists.listOf(r.reporterType()).isPresent()) {
                persons.add(r.victimKey());
                listed++;
            }
        }
        CaptureHistories table = LinkedRegistrations.of(registrations, lists, period);
        assertEquals(persons.size(), table.observed());
        long memberships = 0;
        for (String list : lists.listNames()) {
            memberships += table.overlap(list);
        }
        assertTrue(memberships <= listed, "a person counts once per list");
    }

    private static Registration registration(ModelGenerator g, PersonKey key, ReporterType type, int year) {
        Registration r = g.registration(key, LocalDate.of(year, 1, 1));
        r = Records.with(r, "reportDate", LocalDate.of(year, 3, 1));
        return Records.with(r, "reporterType", type);
    }
}
