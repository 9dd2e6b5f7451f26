package org.tipmonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.disclosure.DominanceRule;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.followup.KaplanMeier;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.PoissonTrend;
import org.tipmonitor.model.Rule;
import org.tipmonitor.model.RuleException;

/**
 * One error model (issue 15): every {@link IndicatorException} carries an {@link IndicatorRule} with a stable code,
 * the codes published before the enum keep their meaning, and no message text outside the enum holds a code.
 */
class IndicatorRuleTest {

    /**
     * The codes published before issue 15 (in the estimation message holders, {@code DisclosureRule} and the README);
     * each must still exist. Listed from {@code git grep -ohE 'TM-(MSE|DC)-[0-9]+' 81342c0 -- monitor-indicators/src/main}.
     */
    private static final List<String> PUBLISHED = List.of(
            "TM-DC-0001", "TM-DC-0002", "TM-DC-0010", "TM-DC-0011", "TM-DC-0012", "TM-DC-0013", "TM-DC-0020",
            "TM-DC-0021", "TM-DC-0030", "TM-DC-0031", "TM-DC-0032",
            "TM-MSE-001", "TM-MSE-002", "TM-MSE-003", "TM-MSE-004", "TM-MSE-005", "TM-MSE-006", "TM-MSE-007",
            "TM-MSE-008", "TM-MSE-009", "TM-MSE-010", "TM-MSE-011", "TM-MSE-012", "TM-MSE-013", "TM-MSE-014",
            "TM-MSE-015", "TM-MSE-101", "TM-MSE-102", "TM-MSE-103", "TM-MSE-104", "TM-MSE-105", "TM-MSE-106",
            "TM-MSE-107", "TM-MSE-108", "TM-MSE-109", "TM-MSE-110", "TM-MSE-111", "TM-MSE-112", "TM-MSE-113",
            "TM-MSE-114", "TM-MSE-115", "TM-MSE-116", "TM-MSE-117", "TM-MSE-118", "TM-MSE-119", "TM-MSE-120",
            "TM-MSE-121", "TM-MSE-122", "TM-MSE-123", "TM-MSE-124", "TM-MSE-125", "TM-MSE-126", "TM-MSE-127",
            "TM-MSE-128", "TM-MSE-129", "TM-MSE-130", "TM-MSE-131", "TM-MSE-132", "TM-MSE-133", "TM-MSE-135",
            "TM-MSE-136", "TM-MSE-137", "TM-MSE-138", "TM-MSE-201", "TM-MSE-202", "TM-MSE-203", "TM-MSE-204",
            "TM-MSE-205", "TM-MSE-206", "TM-MSE-401", "TM-MSE-402", "TM-MSE-403", "TM-MSE-404", "TM-MSE-405",
            "TM-MSE-406", "TM-MSE-407", "TM-MSE-501", "TM-MSE-502", "TM-MSE-503", "TM-MSE-504", "TM-MSE-505",
            "TM-MSE-506", "TM-MSE-507", "TM-MSE-508", "TM-MSE-509", "TM-MSE-510", "TM-MSE-511", "TM-MSE-512",
            "TM-MSE-513", "TM-MSE-514", "TM-MSE-515", "TM-MSE-516", "TM-MSE-517", "TM-MSE-518", "TM-MSE-519",
            "TM-MSE-521", "TM-MSE-522", "TM-MSE-523", "TM-MSE-524", "TM-MSE-525", "TM-MSE-526", "TM-MSE-530",
            "TM-MSE-531", "TM-MSE-532", "TM-MSE-533", "TM-MSE-534", "TM-MSE-535", "TM-MSE-540", "TM-MSE-541",
            "TM-MSE-542");

    @Test
    void codesAreUniqueWellFormedAndFoundByCode() {
        Set<String> codes = new HashSet<>();
        for (IndicatorRule rule : IndicatorRule.values()) {
            assertTrue(rule.code().matches("TM-IN-\\d{4}|TM-DC-\\d{4}|TM-MSE-\\d{3}"), rule.code());
            assertTrue(codes.add(rule.code()), "repeated " + rule.code());
            assertEquals(Optional.of(rule), IndicatorRule.fromCode(rule.code()));
            Rule common = rule;
            assertFalse(common.description().contains("%"), rule + ": " + common.description());
            assertFalse(common.description().isBlank(), rule.name());
        }
        assertEquals(Optional.empty(), IndicatorRule.fromCode("TM-IN-9999"));
    }

    @Test
    void everyPublishedCodeIsStillThere() {
        for (String code : PUBLISHED) {
            assertTrue(IndicatorRule.fromCode(code).isPresent(), code);
        }
        assertEquals("Confidence level is not in (0, 1): %s", IndicatorRule.LEVEL_OUT_OF_RANGE.template());
        assertEquals("TM-MSE-111", IndicatorRule.LEVEL_OUT_OF_RANGE.code());
        assertEquals("TM-DC-0013", IndicatorRule.LINK_DISAGREES.code());
        assertEquals("Confidence level is not in (0, 1): …", IndicatorRule.CONFIDENCE_LEVEL.description());
    }

    @Test
    void theExceptionCarriesItsRuleAndStartsItsMessageWithTheCode() {
        IndicatorException e = IndicatorException.of(IndicatorRule.COVARIATE_NEGATIVE_COUNT, -1);
        assertEquals(IndicatorRule.COVARIATE_NEGATIVE_COUNT, e.rule());
        assertEquals("TM-MSE-517", e.code());
        assertEquals("Count is negative: -1", e.detail());
        assertEquals("TM-MSE-517: Count is negative: -1", e.getMessage());
        RuleException common = e;
        assertEquals("TM-MSE-517", common.code());
        IndicatorException located = e.at("Line 4");
        assertNotSame(e, located);
        assertEquals(IndicatorRule.COVARIATE_NEGATIVE_COUNT, located.rule());
        assertEquals("TM-MSE-517: Line 4: Count is negative: -1", located.getMessage());
        assertThrows(NullPointerException.class, () -> new IndicatorException(null, 1));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("year range reversed", IndicatorRule.YEAR_RANGE_NOT_ORDERED,
                        (Executable) () -> YearRange.of(2014, 2013)),
                Arguments.of("share confidence level", IndicatorRule.CONFIDENCE_LEVEL,
                        (Executable) () -> ShareEstimator.withDefaults().withConfidenceLevel(1.5)),
                Arguments.of("trend confidence level", IndicatorRule.CONFIDENCE_LEVEL,
                        (Executable) () -> PoissonTrend.withDefaults().withConfidenceLevel(0)),
                Arguments.of("Kaplan-Meier confidence level", IndicatorRule.CONFIDENCE_LEVEL,
                        (Executable) () -> KaplanMeier.withDefaults().withConfidenceLevel(Double.NaN)),
                Arguments.of("negative count in a series", IndicatorRule.NEGATIVE_COUNT,
                        (Executable) () -> AnnualSeries.of(2018, 1, -1)),
                Arguments.of("blank dimension", IndicatorRule.TABLE_BLANK_DIMENSION_NAME,
                        (Executable) () -> Dimension.of(" ", "a")),
                Arguments.of("dominance with no contribution", IndicatorRule.DOMINANCE_CONTRIBUTIONS,
                        (Executable) () -> new DominanceRule(0, 80)),
                Arguments.of("formula with an unknown list", IndicatorRule.FORMULA_UNKNOWN_LIST,
                        (Executable) () -> LogLinearModel.parse(List.of("A", "B"), "A + C")),
                Arguments.of("counts CSV without a header", IndicatorRule.CSV_EMPTY,
                        (Executable) () -> CaptureHistories.fromCsv("")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void everyPackageRefusesWithARule(String name, IndicatorRule rule, Executable call) {
        IndicatorException e = assertThrows(IndicatorException.class, call, name);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(rule.code() + ": " + e.detail(), e.getMessage());
    }

    /** The codes are listed in one place: no other main source file writes one in a string, comments aside. */
    @Test
    void noMainSourceOutsideTheEnumWritesACode() throws IOException {
        Path main = Path.of("src/main/java/org/tipmonitor/indicators");
        Pattern quotedCode = Pattern.compile("\"[^\"\\n]*TM-(IN|DC|MSE)-\\d+");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (file.getFileName().toString().equals("IndicatorRule.java")) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    Matcher m = quotedCode.matcher(code);
                    while (m.find()) {
                        found.add(main.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
