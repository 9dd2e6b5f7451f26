package org.tipmonitor.indicators.victims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.GroupSeries;
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

class VictimTabulationTest {

    private static final YearRange PERIOD = YearRange.of(2017, 2018);
    private static final PersonKey A = PersonKey.of("person-aaaaaaaaaaa");
    private static final PersonKey B = PersonKey.of("person-bbbbbbbbbbb");

    /**
     * Victim A (born 2001-03-01) is reported in 2017 by the police and by a care coordinator (age 16) and again in
     * 2018 by the police (age 17); victim B (adult) once in 2018 by a shelter; A also in 2019, outside the period.
     */
    static List<VictimHistory> small() {
        Victim a = new Victim(A, Sex.FEMALE, BirthDate.ofDay(LocalDate.of(2001, 3, 1)), Nationality.DUTCH);
        Victim b = new Victim(B, Sex.MALE, BirthDate.ofDay(LocalDate.of(1980, 1, 1)), Nationality.of("NG"));
        return List.of(
                new VictimHistory(a, List.of(
                        registration("r1", A, LocalDate.of(2017, 4, 1), ReporterType.POLICE,
                                LegalBasis.STATUTORY_DUTY),
                        registration("r2", A, LocalDate.of(2017, 6, 1), ReporterType.CARE_COORDINATOR,
                                LegalBasis.UNKNOWN),
                        registration("r3", A, LocalDate.of(2018, 2, 1), ReporterType.POLICE,
                                LegalBasis.STATUTORY_DUTY),
                        registration("r4", A, LocalDate.of(2019, 2, 1), ReporterType.POLICE,
                                LegalBasis.STATUTORY_DUTY))),
                new VictimHistory(b, List.of(registration("r5", B, LocalDate.of(2018, 9, 1), ReporterType.SHELTER,
                        LegalBasis.EXPLICIT_CONSENT))));
    }

    static Registration registration(String id, PersonKey key, LocalDate date, ReporterType reporter,
            LegalBasis basis) {
        return new Registration(RegistrationId.of(id), key, date, reporter, ExploitationForm.DOMESTIC_SEXUAL,
                TraffickingRoute.DOMESTIC, Sector.SEX_INDUSTRY_LESS_VISIBLE, basis, DublinStatus.NOT_DUBLIN,
                ResidenceSchemeStage.NONE, YesNoUnknown.NO);
    }

    @Test
    void registrationsAreCountedOnceEachInThePeriod() {
        CountTable t = VictimTabulation.of(CountingUnit.REGISTRATIONS, PERIOD).withDatasetId("small")
                .table(small(), VictimDimension.YEAR, VictimDimension.INVESTIGATIVE_REPORTER);
        assertEquals(CountingUnit.REGISTRATIONS, t.unit());
        assertEquals(4, t.total());
        assertEquals(1, t.count("2017", "yes"));
        assertEquals(1, t.count("2017", "no"));
        assertEquals(1, t.count("2018", "yes"));
        assertEquals(1, t.count("2018", "no"));
        assertEquals(0, t.count("2018", "unknown"));
        assertEquals(List.of("yes", "no", "unknown"), t.dimensions().get(1).labels());
        assertTrue(t.isAdditive());
    }

    @Test
    void personsAreDeduplicatedByKeyInEveryCellAndMargin() {
        CountTable t = VictimTabulation.of(CountingUnit.PERSONS, PERIOD)
                .table(small(), VictimDimension.YEAR, VictimDimension.REPORTER_TYPE);
        assertEquals(CountingUnit.PERSONS, t.unit());
        assertEquals(2, t.total());
        assertEquals(1, t.count(0, CountTable.ALL));
        assertEquals(2, t.count(1, CountTable.ALL));
        // A is reported by the police in both years: once in the police margin
        int police = t.dimensions().get(1).indexOf("police");
        assertEquals(1, t.count(CountTable.ALL, police));
        assertFalse(t.isAdditive());
    }

    @Test
    void ageGroupIsTakenAtEachReport() {
        CountTable t = VictimTabulation.of(CountingUnit.PERSONS, PERIOD)
                .table(small(), VictimDimension.AGE_GROUP);
        assertEquals(1, t.count("age_12_to_17"));
        assertEquals(1, t.count("age_30_to_39"));
        assertEquals(AnnualSeries.of(2017, 1, 2), VictimTabulation.of(CountingUnit.PERSONS, PERIOD)
                .annualSeries(small()));
    }

    @Test
    void categoriesFollowTheCodeLists() {
        assertEquals(List.of("female", "male", "unknown"), VictimDimension.SEX.categories(PERIOD));
        assertEquals("domestic_sexual", VictimDimension.EXPLOITATION_FORM.categories(PERIOD).get(0));
        assertEquals(ExploitationForm.values().length, VictimDimension.EXPLOITATION_FORM.categories(PERIOD).size());
        assertEquals(List.of("dublin", "not_dublin", "unknown"), VictimDimension.DUBLIN_STATUS.categories(PERIOD));
        assertEquals("netherlands", VictimDimension.NATIONALITY_REGION.categories(PERIOD).get(0));
        assertEquals(List.of("2017", "2018"), VictimDimension.YEAR.dimension(PERIOD).labels());
        for (VictimDimension d : VictimDimension.values()) {
            assertEquals(d.tableName(), d.dimension(PERIOD).name());
        }
    }

    @Test
    void provenanceNamesDatasetPeriodUnitAndAgeRule() {
        CountTable t = VictimTabulation.of(CountingUnit.PERSONS, PERIOD).withDatasetId("small")
                .table(small(), VictimDimension.YEAR, VictimDimension.SEX);
        assertEquals("small", t.provenance().datasetId());
        assertEquals("2017-2018", t.provenance().period());
        assertEquals(VictimTabulation.METHOD, t.provenance().method());
        assertEquals("persons", t.provenance().definitions().get("countingUnit"));
        assertEquals("age-at-report", t.provenance().definitions().get("ageRule"));
        assertEquals("year|sex", t.provenance().definitions().get("dimensions"));
        assertEquals("true", t.provenance().definitions().get("deduplicated"));
    }

    @Test
    void seriesByGroupGivesChangesPerGroup() {
        GroupSeries g = VictimTabulation.of(CountingUnit.REGISTRATIONS, PERIOD)
                .seriesByGroup(small(), VictimDimension.REPORTER_TYPE);
        assertEquals(0, g.changes(2017, 2018).get("police").absolute());
        assertEquals(-1, g.changes(2017, 2018).get("care_coordinator").absolute());
        assertEquals(1, g.changes(2017, 2018).get("shelter").absolute());
        assertEquals("reporterType", g.dimension());
    }

    @Test
    void rejectsCasesAndRepeatedDimensions() {
        assertEquals("TM-IN-0402: Counting unit is not registrations or persons: CASES", assertThrows(IndicatorException.class,
                () -> VictimTabulation.of(CountingUnit.CASES, PERIOD)).getMessage());
        assertEquals("TM-IN-0009: Dimension is repeated: sex", assertThrows(IndicatorException.class,
                () -> VictimTabulation.of(CountingUnit.PERSONS, PERIOD).table(small(), VictimDimension.SEX,
                        VictimDimension.SEX)).getMessage());
        assertThrows(IndicatorException.class, () -> VictimTabulation.of(CountingUnit.PERSONS, PERIOD)
                .seriesByGroup(small(), VictimDimension.YEAR));
    }

    @Test
    void rankZeroTableIsTheTotal() {
        CountTable t = VictimTabulation.of(CountingUnit.REGISTRATIONS, PERIOD).table(small());
        assertEquals(0, t.rank());
        assertEquals(4, t.total());
        assertArrayEquals(new long[] {4}, t.cells());
    }
}
