package org.tipmonitor.indicators.estimation.data;

import org.tipmonitor.indicators.estimation.Tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class CaptureHistoriesTest {

    private static String csvError(String csv) {
        return assertThrows(IndicatorException.class, () -> CaptureHistories.fromCsv(csv)).getMessage();
    }

    @Test
    void readsNedWithItsPublishedTotals() {
        // totals of the published table (Silverman 2020, JRSS-A 183(3), Table 2; SparseMSE 2.0.1 data(Ned); see this
        // module's test resources README): n = 8234; I 398, K 1348, O 536, P 4812, R 742, Z 848
        CaptureHistories ned = Tables.load("Ned");
        assertEquals(List.of("I", "K", "O", "P", "R", "Z"), ned.listNames());
        assertEquals(8234, ned.observed());
        assertEquals(398, ned.overlap("I"));
        assertEquals(1348, ned.overlap("K"));
        assertEquals(536, ned.overlap("O"));
        assertEquals(4812, ned.overlap("P"));
        assertEquals(742, ned.overlap("R"));
        assertEquals(848, ned.overlap("Z"));
        assertEquals(0, ned.overlap("I", "K"));
        assertEquals(0, ned.overlap("K", "R"));
        assertEquals(4466, ned.count(0, 0, 0, 1, 0, 0));
        assertEquals(4, ned.count(1, 0, 1, 1, 0, 0));
        assertEquals(ned.count(1, 0, 1, 1, 0, 0), ned.countOfMask(0b001101));
    }

    @Test
    void acceptsFreqHeaderQuotesBlankLinesAndZeroRows() {
        CaptureHistories h = CaptureHistories.fromCsv("\"A\",\"B\",\"Freq\"\n1,0,5\n\n0,1,3\n1,1,0\n0,0,0\n");
        assertEquals(List.of("A", "B"), h.listNames());
        assertEquals(8, h.observed());
        assertEquals(0, h.count(1, 1));
    }

    @Test
    void acceptsByteOrderMarkAndWindowsLineEnds() {
        CaptureHistories h = CaptureHistories.fromCsv("\uFEFFA,B,count\r\n1,0,5\r\n1,1,2\r\n");
        assertEquals(List.of("A", "B"), h.listNames());
        assertEquals(7, h.observed());
    }

    @Test
    void zeroRowsChangeNothing() {
        CaptureHistories without = CaptureHistories.fromCsv("A,B,C,count\n1,0,0,5\n0,1,1,2\n");
        CaptureHistories with = CaptureHistories.fromCsv("A,B,C,count\n1,0,0,5\n1,1,1,0\n0,1,1,2\n0,1,0,0\n");
        assertEquals(without, with);
    }

    @Test
    void roundTripsThroughCsv() {
        CaptureHistories ned = Tables.load("Ned");
        assertEquals(ned, CaptureHistories.fromCsv(ned.toCsv()));
    }

    @Test
    void rejectsEmptyInput() {
        assertTrue(csvError("\n\n").startsWith("TM-MSE-001"));
    }

    @Test
    void rejectsHeaderWithOneList() {
        assertTrue(csvError("A,count\n1,3\n").contains("Line 1:"));
    }

    @Test
    void rejectsHeaderWithoutCountColumn() {
        String m = csvError("\nA,B,n\n1,0,3\n");
        assertTrue(m.contains("Line 2:") && m.contains("'n'"), m);
    }

    @Test
    void rejectsDuplicateListName() {
        String m = csvError("A,A,count\n1,0,3\n");
        assertTrue(m.contains("Line 1:") && m.contains("'A'"), m);
    }

    @Test
    void rejectsTooManyLists() {
        String header = "A,B,C,D,E,F,G,H,I,J,K,L,M,count\n";
        String m = csvError(header);
        assertTrue(m.contains("Line 1:") && m.endsWith("13"), m);
    }

    @Test
    void rejectsWrongColumnCount() {
        String m = csvError("A,B,count\n1,0,3\n1,1\n");
        assertTrue(m.contains("Line 3:") && m.contains("expected 3 columns") && m.contains("found 2"), m);
    }

    @Test
    void rejectsNonBinaryValue() {
        String m = csvError("A,B,count\n1,0,3\n2,1,4\n");
        assertTrue(m.contains("Line 3:") && m.contains("'A'") && m.contains("'2'"), m);
    }

    @Test
    void rejectsNegativeCount() {
        String m = csvError("A,B,count\n1,0,-3\n");
        assertTrue(m.contains("Line 2:") && m.contains("'-3'"), m);
    }

    @Test
    void rejectsNonIntegerCount() {
        String m = csvError("A,B,count\n1,0,3.5\n");
        assertTrue(m.contains("Line 2:") && m.contains("'3.5'"), m);
    }

    @Test
    void rejectsDuplicatePattern() {
        String m = csvError("A,B,count\n1,0,3\n0,1,2\n1,0,4\n");
        assertTrue(m.contains("Line 4:") && m.contains("10") && m.contains("line 2"), m);
    }

    @Test
    void rejectsAllZeroPatternWithCount() {
        String m = csvError("A,B,count\n1,0,3\n0,0,7\n");
        assertTrue(m.contains("Line 3:") && m.contains("unobserved") && m.endsWith("7"), m);
    }

    @Test
    void builderSumsAndAcceptsPatternsMasksAndBitSets() {
        BitSet bc = new BitSet();
        bc.set(1);
        bc.set(2);
        CaptureHistories h = CaptureHistories.builder(List.of("A", "B", "C"))
                .add(new int[] {1, 0, 0}, 5).addMask(0b001, 2).add(bc, 4).add(new int[] {0, 0, 0}, 0).build();
        assertEquals(7, h.count(1, 0, 0));
        assertEquals(4, h.count(0, 1, 1));
        assertEquals(11, h.observed());
    }

    @Test
    void builderRejectsBadInput() {
        CaptureHistories.Builder b = CaptureHistories.builder(List.of("A", "B"));
        assertThrows(IndicatorException.class, () -> b.add(new int[] {1, 0, 1}, 1));
        assertThrows(IndicatorException.class, () -> b.add(new int[] {2, 0}, 1));
        assertThrows(IndicatorException.class, () -> b.addMask(0b1, -1));
        assertThrows(IndicatorException.class, () -> b.addMask(0b100, 1));
        assertThrows(IndicatorException.class, () -> b.addMask(0, 3));
        assertThrows(IndicatorException.class, () -> CaptureHistories.builder(List.of("A")));
        assertThrows(IndicatorException.class, () -> CaptureHistories.builder(List.of("A", "A")));
        assertThrows(IndicatorException.class, () -> CaptureHistories.builder(List.of("A", "B:C")));
    }

    @Test
    void linkerCountsEachPersonOnceInTheirPattern() {
        CaptureHistories h = CaptureHistories.<String>linker(List.of("police", "shelters", "others"))
                .addMembership("p1", "police").addMembership("p1", "shelters").addMembership("p1", "police")
                .addMembership("p2", "others")
                .addMembership("p3", 0).addMembership("p3", "shelters")
                .build();
        assertEquals(3, h.observed());
        assertEquals(2, h.count(1, 1, 0));
        assertEquals(1, h.count(0, 0, 1));
        assertThrows(IndicatorException.class,
                () -> CaptureHistories.<String>linker(List.of("a", "b")).addMembership("p", "c"));
    }

    @Test
    void fromMembershipsIgnoresPersonsOnNoList() {
        Map<Integer, BitSet> m = new LinkedHashMap<>();
        m.put(1, BitSet.valueOf(new long[] {0b11}));
        m.put(2, BitSet.valueOf(new long[] {0b10}));
        m.put(3, new BitSet());
        CaptureHistories h = CaptureHistories.fromMemberships(List.of("A", "B"), m);
        assertEquals(2, h.observed());
        assertEquals(1, h.count(1, 1));
    }

    @Test
    void mergingIAndOOfNedGivesNed5() {
        // SparseMSE documents Ned_5 as Ned with lists I and O merged: the two shipped tables must agree
        CaptureHistories merged = Tables.load("Ned").withMergedLists("I", "O", "IO");
        assertEquals(Tables.load("Ned_5"), merged);
        // likewise UKdat_5 (PF and NCA merged) and NewOrl_5 (B, E, F and G merged)
        assertEquals(Tables.load("UKdat_5"), Tables.load("UKdat").withMergedLists("PF", "NCA", "PFNCA"));
        assertEquals(Tables.load("NewOrl_5"), Tables.load("NewOrl").withMergedLists("B", "E", "BE")
                .withMergedLists("BE", "F", "BEF").withMergedLists("BEF", "G", "BEFG"));
        assertThrows(IndicatorException.class, () -> Tables.load("Ned").withMergedLists("I", "I", "II"));
        assertThrows(IndicatorException.class, () -> Tables.load("Ned").withMergedLists("I", "O", "K"));
    }

    @Test
    void withoutListMergesPatternsAndLosesSingleListCases() {
        CaptureHistories ned = Tables.load("Ned");
        CaptureHistories noI = ned.withoutList("I");
        assertEquals(List.of("K", "O", "P", "R", "Z"), noI.listNames());
        assertEquals(8234 - 352, noI.observed());
        assertEquals(4466 + 18, noI.count(0, 0, 1, 0, 0));
        for (String list : List.of("K", "O", "P", "R", "Z")) {
            assertEquals(ned.overlap(list), noI.overlap(list));
        }
        assertThrows(IndicatorException.class,
                () -> CaptureHistories.fromCsv("A,B,count\n1,1,3\n").withoutList("A"));
    }

    /** Issue 6: in JShell a table prints its observed patterns as aligned rows (toString). */
    @Test
    void toStringListsTheObservedPatterns() {
        CaptureHistories h = CaptureHistories.builder(List.of("A", "B", "C")).add(new int[] {1, 0, 0}, 5)
                .add(new int[] {1, 1, 0}, 12).add(new int[] {0, 0, 1}, 1234).build();
        assertEquals("""
                CaptureHistories: 3 lists (A, B, C), 1,251 observed in 3 patterns
                  A  B  C  count
                  1  0  0      5
                  1  1  0     12
                  0  0  1   1234
                """, h.toString());
        CaptureHistories.Builder all = CaptureHistories.builder(List.of("A", "B", "C", "D", "E", "F", "G"));
        for (int mask = 1; mask < 128; mask++) {
            all.addMask(mask, 1);
        }
        List<String> lines = all.build().toString().lines().toList();
        assertEquals(103, lines.size(), "first line, header, 100 patterns and a note");
        assertEquals("  ... 27 more patterns (toCsv() lists them all)", lines.get(102));
    }

    /** R's bootstraps draw over the rows as supplied: the table keeps that order for the R random source. */
    @Test
    void rowOrderIsTheOrderOfSupply() {
        CaptureHistories csv = CaptureHistories.fromCsv("A,B,count\n1,1,4\n1,0,7\n0,1,3\n");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 1, 2}, csv.rowOrder());
        // a row with count 0 is no observed pattern (R draws nothing for it either)
        CaptureHistories withZero = CaptureHistories.fromCsv("A,B,count\n1,1,4\n0,1,0\n1,0,7\n");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 1}, withZero.rowOrder());
        CaptureHistories built = CaptureHistories.builder(List.of("A", "B", "C")).addMask(6, 1).addMask(1, 2)
                .addMask(6, 5).addMask(4, 0).build();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {6, 1}, built.rowOrder());
        // derived tables: ascending masks (B, C -> bits 0, 1; the A-only persons are no longer observed)
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3}, built.withoutList("A").rowOrder());
        assertEquals(csv, CaptureHistories.fromCsv("A,B,count\n1,0,7\n0,1,3\n1,1,4\n"), "order is not identity");
    }
}
