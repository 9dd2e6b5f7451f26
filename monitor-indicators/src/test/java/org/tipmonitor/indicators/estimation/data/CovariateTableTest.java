package org.tipmonitor.indicators.estimation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;

class CovariateTableTest {

    static CovariateTable read(String csv, String... covariates) {
        return CovariateTable.fromCsv(new StringReader(csv), List.of(covariates));
    }

    @Test
    void readsRsDataFrameLayoutAndWritesItBack() {
        CovariateTable t = read("A,B,minor,year,count\n1,0,minor,2014,3\n0,1,adult,2015,4\n1,1,adult,2014,2\n"
                + "1,0,NA,2015,1\n", "minor", "year");
        assertEquals(List.of("A", "B"), t.lists());
        assertEquals(List.of("adult", "minor"), t.levels("minor"));
        assertEquals(List.of("2014", "2015"), t.levels("year"));
        assertEquals(4, t.cellCount());
        assertEquals(9, t.observed());
        assertEquals(1, t.partiallyClassified());
        StringBuilder out = new StringBuilder();
        t.toCsv(out);
        assertEquals(t, read(out.toString(), "minor", "year"));
    }

    @Test
    void levelsAreSortedNumericallyWhenTheyAreIntegers() {
        CovariateTable t = read("A,B,year,count\n1,0,2019,1\n0,1,987,1\n", "year");
        assertEquals(List.of("987", "2019"), t.levels("year"));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("no count column", "A,B,g,total\n1,0,x,1\n0,1,y,1\n", "TM-MSE-502: Line 1"),
                Arguments.of("unknown covariate column", "A,B,h,count\n1,0,x,1\n", "TM-MSE-503: Line 1"),
                Arguments.of("wrong number of columns", "A,B,g,count\n1,0,x\n", "TM-MSE-504: Line 2"),
                Arguments.of("list value not 0 or 1", "A,B,g,count\n2,0,x,1\n", "TM-MSE-505: Line 2, column 1"),
                Arguments.of("negative count", "A,B,g,count\n1,0,x,-1\n", "TM-MSE-506: Line 2, column 4"),
                Arguments.of("duplicate row", "A,B,g,count\n1,0,x,1\n0,1,y,1\n1,0,x,2\n", "TM-MSE-507: Line 4"),
                Arguments.of("count on the all-zero pattern", "A,B,g,count\n0,0,x,5\n", "TM-MSE-508: Line 2"),
                Arguments.of("one level only", "A,B,g,count\n1,0,x,1\n0,1,x,1\n", "TM-MSE-513"),
                Arguments.of("one list", "A,g,count\n1,x,1\n", "TM-MSE-502: Line 1"),
                Arguments.of("empty", "", "TM-MSE-501"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsLocatedAndCoded(String name, String csv, String start) {
        IndicatorException e = assertThrows(IndicatorException.class, () -> read(csv, "g"));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void aLineOverTheLimitIsRefusedWithoutReadingIt() {
        char[] longLine = new char[CovariateTable.MAX_LINE_LENGTH + 10];
        Arrays.fill(longLine, 'a');
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> read("A,B,g,count\n" + new String(longLine) + "\n", "g"));
        assertTrue(e.getMessage().startsWith("TM-MSE-510: Line 2"), e.getMessage());
    }

    @Test
    void echoedValuesAreShortenedAndEscaped() {
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> read("A,B,g,count\n1\u001b[31m23456789012345678901234567890123456789012345,0,x,1\n", "g"));
        assertTrue(e.getMessage().contains("\\u001b"), e.getMessage());
        assertTrue(e.getMessage().contains("characters)"), e.getMessage());
    }

    @Test
    void formulaLikeValuesAreNeutralisedInCsv() {
        CovariateTable t = CovariateTable.builder(List.of("A", "B"), List.of("g")).add(1, List.of("=cmd"), 2)
                .add(2, List.of("x"), 1).build();
        StringBuilder out = new StringBuilder();
        t.toCsv(out);
        assertTrue(out.toString().contains("'=cmd"), out.toString());
    }

    @Test
    void mergingLevelsKeepsEveryPerson() {
        CovariateTable t = read("A,B,form,count\n1,0,a,3\n0,1,b,4\n1,1,c,2\n1,0,NA,1\n", "form");
        CovariateTable merged = t.mergeLevels("form", List.of("b", "c"), "other");
        assertEquals(List.of("a", "other"), merged.levels("form"));
        assertEquals(t.observed(), merged.observed());
        assertEquals(t.partiallyClassified(), merged.partiallyClassified());
    }
}
