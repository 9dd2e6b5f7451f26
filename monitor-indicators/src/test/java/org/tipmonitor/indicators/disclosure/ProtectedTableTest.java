package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

class ProtectedTableTest {

    private static final CountTable TABLE = CountTable.of(CountingUnit.REGISTRATIONS,
            List.of(Dimension.of("row", "A", "B"), Dimension.of("col", "c1", "c2")), 3, 40, 30, 50);

    /** Issue 6: in JShell a protected table prints as its published grid, withheld values as x (toString). */
    @Test
    void toStringShowsThePublishedGrid() {
        // the rectangle of DisclosurePolicyTest.twoWayTableWithholdsTheRectangle
        assertEquals("""
                ProtectedTable of registrations by row x col, 4 values withheld (x)
                  row \\ col  c1  c2  Total
                  A           x   x     43
                  B           x   x     80
                  Total      33  90    123
                """, DisclosurePolicy.withDefaults().protect(TABLE).toString());
        assertEquals("""
                ProtectedTable of registrations by row x col, rounded
                  row \\ col  c1  c2  Total
                  A           5  40     45
                  B          30  50     80
                  Total      35  90    125
                """, DisclosurePolicy.withDefaults().withRounding(Rounding.BASE_5).protect(TABLE).toString());
    }
}
