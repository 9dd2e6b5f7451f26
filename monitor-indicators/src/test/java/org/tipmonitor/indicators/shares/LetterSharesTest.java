package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Re-derives the share statements of the Nationaal Rapporteur's letter to parliament of 28 November 2019
 * (docs/background/seed-letter-2019-nl.txt). Wilson references from statsmodels 0.13.5
 * {@code proportion_confint(x, n, alpha=0.05, method="wilson")}, absolute tolerance 1e-9.
 */
class LetterSharesTest {

    /**
     * "Jaarlijks worden naar schatting 1.300 minderjarigen slachtoffer van binnenlandse seksuele uitbuiting, bijna de
     * helft van het totaal aantal slachtoffers van deze vorm": about 1,300 minors of about 3,000 Dutch victims of
     * sexual exploitation a year (docs/background/domain.md section 2.4, [F], nu.nl 2019). These are rounded estimates, used here as
     * counts only to show the calculation.
     */
    @Test
    void almostHalfOfVictimsOfDomesticSexualExploitationAreMinors() {
        Share minors = assertInstanceOf(Share.class, ShareEstimator.withDefaults().estimate(1300, 3000));
        assertEquals(1300.0 / 3000, minors.estimate(), 1e-15);
        assertEquals(0.4156975380866552, minors.lower(), 1e-9);
        assertEquals(0.4511396417433883, minors.upper(), 1e-9);
        // "almost half": below one half, and one half is outside the 95% interval
        assertTrue(minors.upper() < 0.5 && minors.estimate() > 0.4);
    }

    /**
     * "bijna vier op de tien daders van binnenlandse seksuele uitbuiting jonger is dan 23 jaar". Synthetic offender
     * counts: 150 offenders of domestic sexual exploitation, 57 under 23 at the offence, 90 aged 23 or over, 3 of
     * unknown age. The age cut (23) and the age rule (at offence) are the caller's, recorded in the provenance.
     */
    @Test
    void almostFourInTenOffendersAreUnder23() {
        ShareEstimator estimator = ShareEstimator.withDefaults();
        Share under23 = assertInstanceOf(Share.class, estimator.estimate(57, 147, 3));
        Share withUnknown = assertInstanceOf(Share.class,
                estimator.withUnknownsInDenominator(true).estimate(57, 147, 3));
        assertEquals(147, under23.trials());
        assertEquals(3, under23.unknown());
        assertEquals(0.38775510204081631, under23.estimate(), 1e-15);
        assertEquals(0.31280596654100984, under23.lower(), 1e-9);
        assertEquals(0.4684212884988181, under23.upper(), 1e-9);
        assertEquals(0.38, withUnknown.estimate(), 1e-15);
        assertEquals(0.3062372724644591, withUnknown.lower(), 1e-9);
        assertEquals(0.45975558618387935, withUnknown.upper(), 1e-9);
        // "almost four in ten": just under 0.4 either way
        assertTrue(under23.estimate() > 0.35 && under23.estimate() < 0.4);
        assertTrue(withUnknown.estimate() > 0.35 && withUnknown.estimate() < 0.4);
    }
}
