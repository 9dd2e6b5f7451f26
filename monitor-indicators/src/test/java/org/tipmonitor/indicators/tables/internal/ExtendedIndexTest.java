package org.tipmonitor.indicators.tables.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class ExtendedIndexTest {

    private static final int ALL = ExtendedIndex.ALL;

    @Test
    void offsetsAndCoordinatesOfA2x3Table() {
        // extended shape 3 x 4, row-major
        ExtendedIndex index = new ExtendedIndex(new int[] {2, 3});
        assertEquals(12, index.size());
        assertEquals(0, index.offset(0, 0));
        assertEquals(3, index.offset(0, ALL));
        assertEquals(8, index.offset(ALL, 0));
        assertEquals(11, index.offset(ALL, ALL));
        for (int o = 0; o < index.size(); o++) {
            assertEquals(o, index.offset(index.coords(o)));
        }
        assertArrayEquals(new int[] {1, ALL}, index.coords(7));
        assertEquals(0, index.marginOrder(5));
        assertEquals(1, index.marginOrder(7));
        assertEquals(2, index.marginOrder(11));
    }

    @Test
    void linesCoverEveryMarginAlongEveryDimension() {
        ExtendedIndex index = new ExtendedIndex(new int[] {2, 3});
        List<ExtendedIndex.Line> lines = index.lines();
        // along dimension 0: 4 lines (3 columns + the column of row margins); along dimension 1: 3 lines
        assertEquals(7, lines.size());
        ExtendedIndex.Line rowOne = lines.stream()
                .filter(l -> l.dimension() == 1 && l.margin() == index.offset(1, ALL)).findFirst().orElseThrow();
        assertArrayEquals(new int[] {index.offset(1, 0), index.offset(1, 1), index.offset(1, 2)}, rowOne.children());
        ExtendedIndex.Line total = lines.stream()
                .filter(l -> l.dimension() == 0 && l.margin() == index.offset(ALL, ALL)).findFirst().orElseThrow();
        assertArrayEquals(new int[] {index.offset(0, ALL), index.offset(1, ALL)}, total.children());
    }

    @Test
    void neighboursDifferInOneCoordinate() {
        ExtendedIndex index = new ExtendedIndex(new int[] {2, 3});
        assertEquals(List.of(index.offset(1, 0), index.offset(ALL, 0), index.offset(0, 1), index.offset(0, 2),
                index.offset(0, ALL)), index.neighbours(index.offset(0, 0)));
    }

    @Test
    void rankZeroHasOneCell() {
        ExtendedIndex index = new ExtendedIndex(new int[0]);
        assertEquals(1, index.size());
        assertEquals(0, index.offset());
        assertEquals(List.of(), index.lines());
    }

    @Test
    void rejectsCoordinatesOutsideTheTable() {
        ExtendedIndex index = new ExtendedIndex(new int[] {2});
        assertEquals("TM-IN-0302: Coordinate 0 is not in [0, 2) or -1 (all): -2",
                assertThrows(IndicatorException.class, () -> index.offset(-2)).getMessage());
    }
}
