package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodeListTest {

    /** Every code list of the model. */
    static Stream<Class<? extends CodeList>> codeLists() {
        return Stream.of(Sex.class, DatePrecision.class, YesNoUnknown.class, ExploitationForm.class,
                TraffickingRoute.class, Sector.class, LegalBasis.class, DublinStatus.class,
                ResidenceSchemeStage.class, ProsecutorDecisionType.class, VerdictOutcome.class,
                Article273fSubsection.class, SentenceMeasure.class, PoliceSeries.class, VictimOriginGroup.class,
                NationalityRegion.class, AgeGroup.class, ReporterType.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeLists")
    void codesAreUniqueLowerSnakeCaseWithLabels(Class<? extends CodeList> type) {
        Set<String> codes = new HashSet<>();
        for (CodeList constant : type.getEnumConstants()) {
            assertTrue(constant.code().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), constant.code());
            assertTrue(codes.add(constant.code()), "duplicate code " + constant.code());
            assertFalse(constant.label().isBlank());
            assertFalse(constant.dutchTerm().isBlank());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeLists")
    void everyCategoricalCodeListHasAnExplicitUnknown(Class<? extends CodeList> type) {
        // PoliceSeries names which series a count belongs to; a count of an unknown series cannot be used.
        boolean hasUnknown = Stream.of(type.getEnumConstants()).anyMatch(c -> c.code().equals("unknown"));
        assertEquals(type != PoliceSeries.class, hasUnknown, type.getSimpleName());
    }

    @Test
    void lookupByCode() {
        assertEquals(Optional.of(ExploitationForm.DOMESTIC_SEXUAL),
                CodeList.fromCode(ExploitationForm.class, "domestic_sexual"));
        assertEquals(Optional.empty(), CodeList.fromCode(ExploitationForm.class, "DOMESTIC_SEXUAL"));
        assertEquals(Optional.empty(), CodeList.fromCode(ExploitationForm.class, null));
    }

    @Test
    void codesInTheOrderGiven() {
        assertEquals(List.of("female", "male", "unknown"), CodeList.codes(Sex.values()));
        assertEquals(List.of("no", "yes"), CodeList.codes(YesNoUnknown.NO, YesNoUnknown.YES));
        assertEquals(List.of(), CodeList.codes());
    }

    @Test
    void labourInspectorateChangedItsNameIn2022() {
        ReporterType inspectorate = ReporterType.LABOUR_INSPECTORATE;
        assertEquals("Inspectie SZW", inspectorate.designationOn(LocalDate.of(2021, 12, 31)).dutchTerm());
        assertEquals("Nederlandse Arbeidsinspectie", inspectorate.designationOn(LocalDate.of(2022, 1, 1)).dutchTerm());
        assertEquals("Netherlands Labour Authority", inspectorate.label());
        assertEquals(YesNoUnknown.YES, inspectorate.investigativeAuthorityOn(LocalDate.of(2015, 1, 1)));
        assertEquals(YesNoUnknown.YES, inspectorate.investigativeAuthorityOn(LocalDate.of(2024, 1, 1)));
    }

    @Test
    void investigativeAuthorities() {
        LocalDate day = LocalDate.of(2019, 1, 1);
        List<ReporterType> investigative = Stream.of(ReporterType.values())
                .filter(t -> t.investigativeAuthorityOn(day) == YesNoUnknown.YES).toList();
        assertEquals(List.of(ReporterType.POLICE, ReporterType.ROYAL_MARECHAUSSEE, ReporterType.LABOUR_INSPECTORATE),
                investigative);
        assertEquals(YesNoUnknown.UNKNOWN, ReporterType.UNKNOWN.investigativeAuthorityOn(day));
        assertEquals(YesNoUnknown.NO, ReporterType.FAIRWORK.investigativeAuthorityOn(day));
    }

    @Test
    void ageGroupsCoverEveryAgeOnce() {
        assertEquals(AgeGroup.UNDER_12, AgeGroup.of(0));
        assertEquals(AgeGroup.UNDER_12, AgeGroup.of(11));
        assertEquals(AgeGroup.AGE_12_TO_17, AgeGroup.of(17));
        assertEquals(AgeGroup.AGE_18_TO_22, AgeGroup.of(18));
        assertEquals(AgeGroup.AGE_18_TO_22, AgeGroup.of(22));
        assertEquals(AgeGroup.AGE_23_TO_29, AgeGroup.of(23));
        assertEquals(AgeGroup.AGE_50_AND_OVER, AgeGroup.of(101));
        assertTrue(AgeGroup.AGE_12_TO_17.isMinor());
        assertFalse(AgeGroup.AGE_18_TO_22.isMinor());
        assertTrue(AgeGroup.AGE_18_TO_22.isUnder23());
        assertFalse(AgeGroup.AGE_23_TO_29.isUnder23());
        assertFalse(AgeGroup.UNKNOWN.isMinor());
        assertFalse(AgeGroup.UNKNOWN.isUnder23());
        for (int age = 0; age < 120; age++) {
            int years = age;
            assertEquals(1, Stream.of(AgeGroup.values())
                    .filter(g -> g != AgeGroup.UNKNOWN && years >= g.lowestAge() && years <= g.highestAge()).count());
        }
    }

    @Test
    void modelRuleCodesAreUniqueAndWellFormed() {
        Set<String> codes = new HashSet<>();
        for (ModelRule rule : ModelRule.values()) {
            assertTrue(rule.code().matches("TM-M-\\d{3}"), rule.code());
            assertTrue(codes.add(rule.code()), rule.code());
            assertEquals(Optional.of(rule), ModelRule.fromCode(rule.code()));
        }
    }
}
