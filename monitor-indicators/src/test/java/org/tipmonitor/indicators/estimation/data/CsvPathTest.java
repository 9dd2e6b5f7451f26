package org.tipmonitor.indicators.estimation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.indicators.IndicatorException;

/** Issue 15: the counts CSV readers and writers take a {@link Path} as well as a reader or writer. */
class CsvPathTest {

    /** Made-up counts of three lists (58 observed) and of two lists in two years. */
    private static final String THREE_LISTS = "A,B,C,count\n1,0,0,20\n0,1,0,15\n1,1,0,5\n0,0,1,12\n1,0,1,3\n"
            + "0,1,1,2\n1,1,1,1\n";
    private static final String BY_YEAR = "A,B,year,count\n1,0,2019,10\n0,1,2019,8\n1,1,2019,2\n1,0,2020,9\n"
            + "0,1,2020,7\n1,1,2020,3\n";

    @TempDir
    Path dir;

    @Test
    void captureHistoriesRoundTripThroughAFile() throws IOException {
        CaptureHistories table = CaptureHistories.fromCsv(new StringReader(THREE_LISTS));
        Path file = dir.resolve("counts.csv");
        table.toCsv(file);
        assertEquals(table.toCsv(), Files.readString(file));
        assertEquals(table, CaptureHistories.fromCsv(file));
        assertEquals(58, CaptureHistories.fromCsv(file).observed());
    }

    @Test
    void covariateTablesRoundTripThroughAFile() throws IOException {
        CovariateTable table = CovariateTable.fromCsv(new StringReader(BY_YEAR), List.of("year"));
        Path file = dir.resolve("by-year.csv");
        table.toCsv(file);
        StringBuilder text = new StringBuilder();
        table.toCsv(text);
        assertEquals(text.toString(), Files.readString(file));
        CovariateTable back = CovariateTable.fromCsv(file, List.of("year"));
        StringBuilder again = new StringBuilder();
        back.toCsv(again);
        assertEquals(text.toString(), again.toString());
    }

    @Test
    void stratifiedHistoriesReadFromAFile() throws IOException {
        Path file = dir.resolve("strata.csv");
        Files.writeString(file, BY_YEAR);
        StratifiedHistories strata = StratifiedHistories.fromCsv(file, "year");
        StratifiedHistories expected = StratifiedHistories.fromCsv(new StringReader(BY_YEAR), "year");
        assertEquals(expected, strata);
        assertEquals(List.of("2019", "2020"), strata.levels());
    }

    /** A missing file is an unchecked I/O error naming the file's name; a malformed one keeps its coded error. */
    @Test
    void aMissingFileIsAnIoErrorAndABadOneACodedError() throws IOException {
        Path absent = dir.resolve("absent.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CaptureHistories.fromCsv(absent));
        assertEquals("cannot read absent.csv", e.getMessage());
        assertTrue(e.getCause() instanceof NoSuchFileException);
        assertThrows(UncheckedIOException.class, () -> CovariateTable.fromCsv(absent, List.of("year")));
        assertThrows(UncheckedIOException.class, () -> StratifiedHistories.fromCsv(absent, "year"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "A,count\n1,3\n");
        assertThrows(IndicatorException.class, () -> CaptureHistories.fromCsv(bad));
        assertThrows(UncheckedIOException.class, () -> CaptureHistories.fromCsv(new StringReader(THREE_LISTS))
                .toCsv(dir.resolve("no-such-dir").resolve("x.csv")));
    }
}
