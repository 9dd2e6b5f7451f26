package org.tipmonitor.indicators.estimation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Regression tests of issue 7 (found by {@link CaptureHistoriesFuzzTest}): counts whose total exceeds the range of
 * {@code long} threw an undocumented {@link ArithmeticException} instead of a located {@link IndicatorException};
 * a list name could hold a byte-order mark (after a form feed that the header's white space stripping removed) or
 * quotes, so that the table's own CSV read back with another name.
 */
class CaptureHistoriesIssue7Test {

    @Test
    void aCountsCsvWhoseTotalOverflowsNamesTheLine() {
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> CaptureHistories.fromCsv("A,B,count\n1,0,9223372036854775807\n\n0,1,1\n"));
        assertEquals("TM-MSE-014: Line 4: the counts add up to more than the largest count, 9223372036854775807",
                e.getMessage());
    }

    @Test
    void eachStratumHasItsOwnTotal() {
        var tables = CaptureHistories.parseCsv(new java.io.StringReader(
                "A,B,sex,count\n1,0,f,9223372036854775807\n0,1,m,1\n"), "sex");
        assertEquals(Long.MAX_VALUE, tables.get("f").observed());
        assertEquals(1, tables.get("m").observed());
    }

    @Test
    void aBuilderWhoseTotalOverflowsThrowsTheModulesException() {
        CaptureHistories.Builder builder = CaptureHistories.builder(List.of("A", "B"))
                .addMask(1, Long.MAX_VALUE).addMask(2, 1);
        IndicatorException e = assertThrows(IndicatorException.class, builder::build);
        assertEquals("TM-MSE-136: The counts add up to more than the largest count, 9223372036854775807: [A, B]",
                e.getMessage());
    }

    @Test
    void aListNameWithAnInvisibleCharacterIsRefused() {
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> CaptureHistories.fromCsv("\f\uFEFFA,B,count\n1,0,5\n"));
        assertEquals("TM-MSE-009: Line 1: list name 1 is empty, duplicated, or contains ':', '+', '~', '\"' or an"
                + " invisible character: '\uFEFFA'", e.getMessage());
        assertThrows(IndicatorException.class, () -> CaptureHistories.builder(List.of("A", "B\u200B")));
    }

    @Test
    void aListNameWithADoubleQuoteIsRefused() {
        // "\"\"A\"\"" was read as the name "A" with its quotes and written back without them.
        assertThrows(IndicatorException.class, () -> CaptureHistories.fromCsv("k,\"\"A\"\",count\n1,0,5\n"));
        assertThrows(IndicatorException.class, () -> CaptureHistories.builder(List.of("A", "B\"")));
    }
}
