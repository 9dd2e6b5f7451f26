package org.tipmonitor.indicators.police;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.model.PoliceSeries;

class PoliceSignalChangeTest {

    /**
     * Issue 6: in JShell the change prints as the letter's sentence and the decomposition table (toString). The
     * series is LetterPoliceSignals' (279 to 318 in 2018, the last rise into 2013, falls 2013 to 2017).
     */
    @Test
    void toStringReadsAsTheLettersSentenceAndTable() {
        PoliceSignalChange change = PoliceSignals.of(PoliceSeries.REPORTS_FILED, YearRange.of(2012, 2018))
                .changeInto(LetterPoliceSignals.cells(), 2018, PoliceDimension.ORIGIN);
        String text = change.toString();
        assertEquals("PoliceSignalChange into 2018: 279 to 318 (increase, +39); the last increase was 5 years earlier;"
                + " before it: decrease from 2013 to 2017", text.lines().findFirst().orElseThrow());
        assertEquals(change.decomposition().toString(), text.substring(text.indexOf('\n') + 1));
    }
}
