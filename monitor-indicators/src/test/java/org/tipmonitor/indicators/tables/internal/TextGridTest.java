package org.tipmonitor.indicators.tables.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.tables.Dimension;

class TextGridTest {

    @Test
    void firstColumnLeftOthersRightNoTrailingSpaces() {
        assertEquals("""
                  name    count  note
                  a           1     x
                  longer  12345
                """, TextGrid.withHeader("name", "count", "note").row("a", 1, "x").row("longer", 12345, "")
                .render());
        assertEquals("", TextGrid.withHeader().render().strip());
    }

    @Test
    void crossTabOfRankThreeListsInteriorCellsThenTheTotal() {
        List<Dimension> dims = List.of(Dimension.of("a", "x", "y"), Dimension.of("b", "u"), Dimension.of("c", "p"));
        // the cell function returns the coordinates; -1 is ExtendedIndex.ALL, the margin
        assertEquals("""
                  a      b  c     count
                  x      u  p     0,0,0
                  y      u  p     1,0,0
                  Total        -1,-1,-1
                """, TextGrid.crossTab(dims, coords -> String.join(",",
                Arrays.stream(coords).mapToObj(Integer::toString).toList())));
    }

    @Test
    void numbersUseTheRootLocaleWithThousandsSeparators() {
        assertEquals("111,139.4", TextGrid.number(111139.371230396, 1));
        assertEquals("-0.50", TextGrid.number(-0.5, 2));
    }
}
