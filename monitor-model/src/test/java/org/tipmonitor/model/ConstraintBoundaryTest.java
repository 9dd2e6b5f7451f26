package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tipmonitor.model.testing.ModelValidators.ruleCodes;
import static org.tipmonitor.model.testing.Records.with;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipmonitor.model.testing.ModelGenerator;

/** A passing and a failing case at the edge of each constraint. */
class ConstraintBoundaryTest {

    private final ModelGenerator generator = new ModelGenerator(42);

    private Registration registration(ReporterType reporter, LocalDate date, LegalBasis basis) {
        Registration r = generator.registration(generator.personKey(), LocalDate.of(2015, 1, 1));
        r = with(with(r, "form", ExploitationForm.LABOUR), "sector", Sector.AGRICULTURE);
        r = with(r, "route", TraffickingRoute.UNKNOWN);
        return with(with(with(r, "reporterType", reporter), "reportDate", date), "legalBasis", basis);
    }

    @ParameterizedTest(name = "{0} on {1} with {2}: {3}")
    @CsvSource({
        "shelter, 2018-05-24, unknown, ''",
        "shelter, 2018-05-25, unknown, TM-M-010",
        "shelter, 2018-05-25, explicit_consent, ''",
        "care_coordinator, 2023-01-01, other_basis, ''",
        "police, 2020-01-01, unknown, ''",
        "labour_inspectorate, 2022-01-01, statutory_duty, ''",
        "royal_marechaussee, 2016-01-01, statutory_duty, ''",
        "lawyer, 2016-01-01, statutory_duty, TM-M-011",
        "unknown, 2020-01-01, unknown, ''",
        "unknown, 2020-01-01, statutory_duty, ''"})
    void legalBasisRules(String reporter, LocalDate date, String basis, String expected) {
        Registration r = registration(CodeList.fromCode(ReporterType.class, reporter).orElseThrow(), date,
                CodeList.fromCode(LegalBasis.class, basis).orElseThrow());
        assertEquals(expected.isEmpty() ? Set.of() : Set.of(expected), ruleCodes(r));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
        "domestic_sexual, domestic, sex_industry_less_visible, ''",
        "domestic_sexual, cross_border, sex_industry_less_visible, TM-M-012",
        "cross_border_sexual, domestic, sex_industry_visible, TM-M-012",
        "cross_border_sexual, unknown, sex_industry_visible, ''",
        "labour, cross_border, sex_industry_visible, TM-M-013",
        "criminal, domestic, sex_industry_less_visible, TM-M-013",
        "other, domestic, sex_industry_visible, ''",
        "unknown, unknown, sex_industry_visible, ''",
        "labour, domestic, hospitality, ''"})
    void formRouteAndSectorRules(String form, String route, String sector, String expected) {
        Registration r = registration(ReporterType.POLICE, LocalDate.of(2017, 1, 1), LegalBasis.STATUTORY_DUTY);
        r = with(r, "form", CodeList.fromCode(ExploitationForm.class, form).orElseThrow());
        r = with(r, "route", CodeList.fromCode(TraffickingRoute.class, route).orElseThrow());
        r = with(r, "sector", CodeList.fromCode(Sector.class, sector).orElseThrow());
        assertEquals(expected.isEmpty() ? Set.of() : Set.of(expected), ruleCodes(r));
    }

    @ParameterizedTest(name = "key ''{0}'' valid: {1}")
    @CsvSource({
        "abcdefghijklmnop, true",
        "abcdefghijklmno, false",
        "1234567890123456, false",
        "123456789012345x, true",
        "a-b_c-d_e-f_g-h_i, true",
        "abcdefgh ijklmnop, false",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl, true",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm, false"})
    void personKeyShape(String key, boolean valid) {
        assertEquals(valid ? Set.of() : Set.of("TM-M-002"), ruleCodes(PersonKey.of(key)));
    }

    @ParameterizedTest(name = "id ''{0}'' valid: {1}")
    @CsvSource({"r1, true", "2019.0001, true", "R-2019_17, true", "_r1, false", "'', false", "r 1, false"})
    void recordIdShape(String id, boolean valid) {
        assertEquals(valid ? Set.of() : Set.of("TM-M-003"), ruleCodes(RegistrationId.of(id)));
        assertEquals(valid ? Set.of() : Set.of("TM-M-003"), ruleCodes(CaseId.of(id)));
    }

    @ParameterizedTest(name = "country ''{0}''")
    @ValueSource(strings = {"NL", "XK", "AQ", "unknown"})
    void validCountries(String code) {
        assertEquals(Set.of(), ruleCodes(Country.of(code)));
    }

    @ParameterizedTest(name = "country ''{0}''")
    @ValueSource(strings = {"ZZ", "nl", "NLD", "stateless", ""})
    void invalidCountries(String code) {
        assertEquals(Set.of("TM-M-004"), ruleCodes(Country.of(code)));
    }

    @ParameterizedTest(name = "nationality ''{0}''")
    @ValueSource(strings = {"NL", "NG", "stateless", "unknown"})
    void validNationalities(String code) {
        assertEquals(Set.of(), ruleCodes(Nationality.of(code)));
    }

    @ParameterizedTest(name = "nationality ''{0}''")
    @ValueSource(strings = {"ZZ", "Dutch", "STATELESS", ""})
    void invalidNationalities(String code) {
        assertEquals(Set.of("TM-M-005"), ruleCodes(Nationality.of(code)));
    }

    @Test
    void birthDateEdges() {
        assertEquals(Set.of(), ruleCodes(BirthDate.ofYear(1900)));
        assertEquals(Set.of("TM-M-008"), ruleCodes(BirthDate.ofDay(LocalDate.of(1899, 12, 31))));
        assertEquals(Set.of(), ruleCodes(BirthDate.ofDay(LocalDate.of(2026, 1, 1))));
        assertEquals(Set.of("TM-M-006"), ruleCodes(BirthDate.ofDay(LocalDate.of(2026, 1, 2))));
        assertEquals(Set.of(), ruleCodes(BirthDate.UNKNOWN));
        assertEquals(Set.of("TM-M-007"), ruleCodes(new BirthDate(null, DatePrecision.DAY)));
        assertEquals(Set.of("TM-M-007"), ruleCodes(new BirthDate(LocalDate.of(1990, 2, 1), DatePrecision.YEAR)));
        assertEquals(Set.of(), ruleCodes(new BirthDate(LocalDate.of(1990, 2, 1), DatePrecision.MONTH)));
        assertEquals(Set.of("TM-M-001"), ruleCodes(new BirthDate(null, null)));
    }

    @Test
    void yearRangeEdges() {
        PoliceSignalCount cell = generator.policeSignalCount();
        assertEquals(Set.of(), ruleCodes(with(cell, "year", 1990)));
        assertEquals(Set.of(), ruleCodes(with(cell, "year", 2026)));
        assertEquals(Set.of("TM-M-009"), ruleCodes(with(cell, "year", 1989)));
        assertEquals(Set.of("TM-M-009"), ruleCodes(with(cell, "year", 2027)));
        assertEquals(Set.of(), ruleCodes(with(cell, "count", 0L)));
    }

    @Test
    void chainEdges() {
        OffenderCase c = generator.offenderCase(generator.personKey(), LocalDate.of(2013, 1, 1));
        LocalDate registered = c.prosecutorRegistrationDate();
        c = with(c, "offenceDate", registered);
        c = with(c, "decision", ProsecutionDecision.of(ProsecutorDecisionType.SUMMONS, registered));
        c = with(c, "verdict", Verdict.of(VerdictOutcome.CONVICTED, registered));
        c = with(c, "sentence", new Sentence(24, 6, 0, 0, SentenceMeasure.NONE));
        assertEquals(Set.of(), ruleCodes(c), "all on one day is in order");

        OffenderCase unknownDecision = with(c, "decision", new ProsecutionDecision(ProsecutorDecisionType.UNKNOWN,
                null));
        assertEquals(Set.of(), ruleCodes(unknownDecision), "an unknown decision does not contradict a verdict");

        OffenderCase pendingTrial = with(with(c, "verdict", Verdict.PENDING), "sentence", Sentence.NONE);
        assertEquals(Set.of(), ruleCodes(pendingTrial));
        assertEquals(Set.of("TM-M-016"), ruleCodes(with(pendingTrial, "decision",
                ProsecutionDecision.of(ProsecutorDecisionType.PENALTY_ORDER, registered))));
        assertEquals(Set.of("TM-M-017"), ruleCodes(with(c, "verdict", Verdict.PENDING)));
        assertEquals(Set.of("TM-M-015"), ruleCodes(with(c, "verdict",
                Verdict.of(VerdictOutcome.CONVICTED, registered.minusDays(1)))));
    }

    @Test
    void requiredEverywhere() {
        assertEquals(Set.of("TM-M-001"), ruleCodes(new PersonKey(null)));
        assertEquals(Set.of("TM-M-001"), ruleCodes(with(generator.victim(), "sex", null)));
        assertEquals(Set.of("TM-M-001"), ruleCodes(with(generator.offender(), "countryOfBirth", null)));
        assertEquals(Set.of("TM-M-001"), ruleCodes(new VictimHistory(generator.victim(), null)));
    }
}
