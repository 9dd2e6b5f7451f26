package org.tipmonitor.indicators.estimation;

import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.data.StratifiedHistories;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

/** Regression tests for issue 13 in the estimation package: formula prefixes and person keys in messages. */
class EstimationIssue13Test {

    @Test
    void countsCsvNeutralisesFormulaPrefixesAndReadsThemBack() {
        CaptureHistories t = CaptureHistories.builder(List.of("=cmd", "-x", "@y")).add(new int[] {1, 0, 0}, 3)
                .add(new int[] {1, 1, 0}, 2).add(new int[] {0, 0, 1}, 4).build();
        String csv = t.toCsv();
        assertTrue(csv.startsWith("'=cmd,'-x,'@y,count\n"), csv);
        assertEquals(t, CaptureHistories.fromCsv(new StringReader(csv)));
    }

    @Test
    void anUnboundedLineIsRefusedWithoutReadingItWhole() {
        java.io.Reader endless = new java.io.Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, '0');
                return len;
            }

            @Override
            public void close() {
            }
        };
        IndicatorException e = assertThrows(IndicatorException.class, () -> CaptureHistories.fromCsv(endless));
        assertTrue(e.getMessage().startsWith("TM-MSE-015: Line 1: longer than 65536 characters"), e.getMessage());
        CaptureHistories crlf = CaptureHistories.fromCsv(new StringReader("A,B,count\r\n1,0,3\r\n0,1,2\r1,1,1\n"));
        assertEquals(6, crlf.observed());
    }

    @Test
    void aLevelConflictDoesNotPrintThePersonKey() {
        StratifiedHistories.Linker<String> linker = StratifiedHistories.linker(List.of("A", "B"), "g");
        linker.addMembership("secret-person-key-123456782", "A");
        linker.setLevel("secret-person-key-123456782", "x");
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> linker.setLevel("secret-person-key-123456782", "y"));
        assertTrue(e.getMessage().startsWith("TM-MSE-132"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
