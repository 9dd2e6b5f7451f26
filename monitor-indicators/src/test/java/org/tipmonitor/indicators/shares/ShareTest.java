package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.Provenance;

class ShareTest {

    /** Issue 6: in JShell a share prints as a sentence, not as a record dump with its provenance (toString). */
    @Test
    void toStringReadsAsASentence() {
        Share share = new Share(472, 1784, 112, 472 / 1784.0, 0.2446, 0.2855, 0.95, BinomialInterval.WILSON,
                Provenance.of("wilson"));
        assertEquals("472 of 1784 = 26.5% (95% wilson CI 24.5% to 28.5%); 112 unknown", share.toString());
        Share complete = new Share(1, 4, 0, 0.25, 0.05, 0.7, 0.9, BinomialInterval.CLOPPER_PEARSON,
                Provenance.of("clopper-pearson"));
        assertEquals("1 of 4 = 25.0% (90% clopper-pearson CI 5.0% to 70.0%)", complete.toString());
        assertEquals("no share: 0 trials; 12 unknown", new UndefinedShare(12, Provenance.of("wilson")).toString());
    }
}
