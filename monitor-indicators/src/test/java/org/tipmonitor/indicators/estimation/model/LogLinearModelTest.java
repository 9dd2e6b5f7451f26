package org.tipmonitor.indicators.estimation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class LogLinearModelTest {

    private static final List<String> LISTS = List.of("A", "B", "C", "D");

    private static String parseError(String formula) {
        return assertThrows(IndicatorException.class, () -> LogLinearModel.parse(LISTS, formula)).getMessage();
    }

    @Test
    void parsesRNotationAndNormalisesOrder() {
        LogLinearModel m = LogLinearModel.parse(LISTS, "count ~ D + C + B + A + B:C + A:B:C + A:C + A:B");
        assertEquals("A + B + C + D + A:B + A:C + B:C + A:B:C", m.formula());
        assertEquals(List.of(List.of("A", "B"), List.of("A", "C"), List.of("B", "C"), List.of("A", "B", "C")),
                m.interactions());
        assertEquals(m, LogLinearModel.parse(LISTS, ". + A:B + A:C + B:C + A:B:C + A:B"));
    }

    @Test
    void buildsModelsProgrammatically() {
        assertEquals("A + B + C + D", LogLinearModel.mainEffects(LISTS).formula());
        assertEquals(6, LogLinearModel.allTwoWay(LISTS).interactionCount());
        assertEquals("A + B + C + D + C:D", LogLinearModel.mainEffects(LISTS).withInteraction("D", "C").formula());
        assertThrows(IndicatorException.class, () -> LogLinearModel.mainEffects(LISTS).withInteraction("A"));
    }

    @Test
    void modelsFromMasksAreCheckedLikeFormulas() {
        assertEquals("A + B + C + D + A:B", LogLinearModel.ofMasks(LISTS, new int[] {0b0011}).formula());
        String m = assertThrows(IndicatorException.class,
                () -> LogLinearModel.ofMasks(LISTS, new int[] {0b0011, 0b0111})).getMessage();
        assertTrue(m.startsWith("TM-MSE-204") && m.contains("'A:B:C'"), m);
    }

    @Test
    void rejectsUnknownListWithPosition() {
        String m = parseError("A + B + C + D + A:E");
        assertTrue(m.startsWith("TM-MSE-202") && m.contains("'E'") && m.contains("character 19"), m);
    }

    @Test
    void rejectsNonHierarchicalWithPosition() {
        String m = parseError("A + B + C + D + A:B + A:B:C");
        assertTrue(m.startsWith("TM-MSE-204") && m.contains("'A:B:C'") && m.contains("character 23")
                && m.contains("'A:C'"), m);
    }

    @Test
    void rejectsMissingMainEffect() {
        String m = parseError("A + B + C + A:B");
        assertTrue(m.startsWith("TM-MSE-205") && m.contains("'D'"), m);
    }

    @Test
    void rejectsEmptyTermsRepeatsAndOperators() {
        assertTrue(parseError("A + + B + C + D").contains("character 4"));
        assertTrue(parseError("A + B + C + D + A:A").startsWith("TM-MSE-203"));
        assertTrue(parseError("A + B + C + D + A*B").startsWith("TM-MSE-206"));
        assertTrue(parseError("A + B + C + D + A:").startsWith("TM-MSE-201"));
    }
}
