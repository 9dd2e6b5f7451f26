package org.tipmonitor.indicators.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class ShareEstimatorTest {

    private static final double TOL = 1e-9;

    @Test
    void defaultIsWilsonWithUnknownsExcluded() {
        // 29 minors among 132 Dutch victims of domestic sexual exploitation registered in 2018 (nu.nl on the Victims
        // Monitor 2014-2018, https://www.nu.nl/binnenland/6004894/rapport-weinig-zicht-op-jonge-slachtoffers-van-seksuele-uitbuiting.html;
        // source S2 in docs/background/domain.md 2.2),
        // plus 5 hypothetical victims of unknown age.
        Share share = assertInstanceOf(Share.class, ShareEstimator.withDefaults().estimate(29, 132, 5));
        assertEquals(29, share.successes());
        assertEquals(132, share.trials());
        assertEquals(5, share.unknown());
        assertEquals(29.0 / 132, share.estimate(), 0);
        // statsmodels proportion_confint(29, 132, alpha=0.05, method="wilson")
        assertEquals(0.15754723263953324, share.lower(), TOL);
        assertEquals(0.29770007814150484, share.upper(), TOL);
        assertEquals(BinomialInterval.WILSON, share.method());
        assertEquals("wilson", share.provenance().method());
        assertEquals("excluded", share.provenance().definitions().get("unknowns"));
        assertEquals("0.95", share.provenance().definitions().get("confidenceLevel"));
    }

    @Test
    void unknownsInDenominatorOnRequest() {
        Share share = assertInstanceOf(Share.class, ShareEstimator.withDefaults()
                .withUnknownsInDenominator(true).withMethod(BinomialInterval.CLOPPER_PEARSON)
                .estimate(29, 127, 5));
        assertEquals(132, share.trials());
        assertEquals(5, share.unknown());
        // statsmodels proportion_confint(29, 132, alpha=0.05, method="beta")
        assertEquals(0.15234204708305862, share.lower(), TOL);
        assertEquals(0.3000432964702009, share.upper(), TOL);
        assertEquals("in-denominator", share.provenance().definitions().get("unknowns"));
    }

    @Test
    void noTrialsIsUndefinedNotNaN() {
        ShareEstimate onlyUnknown = ShareEstimator.withDefaults().estimate(0, 0, 12);
        UndefinedShare undefined = assertInstanceOf(UndefinedShare.class, onlyUnknown);
        assertFalse(undefined.isDefined());
        assertEquals(12, undefined.unknown());
        assertEquals(0, undefined.trials());
        // With unknowns counted the same data give a defined share 0/12.
        Share zero = assertInstanceOf(Share.class,
                ShareEstimator.withDefaults().withUnknownsInDenominator(true).estimate(0, 0, 12));
        assertTrue(zero.isDefined());
        assertEquals(0, zero.estimate(), 0);
        assertEquals(0, zero.lower(), 0);
    }

    @Test
    void allOrNothingAreClosedAtTheBoundary() {
        for (BinomialInterval method : BinomialInterval.values()) {
            ShareEstimator estimator = ShareEstimator.withDefaults().withMethod(method);
            Share none = (Share) estimator.estimate(0, 20);
            Share all = (Share) estimator.estimate(20, 20);
            assertEquals(0, none.lower(), 0, method.id());
            assertEquals(1, all.upper(), 0, method.id());
            assertTrue(none.upper() > 0 && all.lower() < 1, method.id());
        }
    }

    @Test
    void resultsCarryTheCallersDefinitions() {
        org.tipmonitor.indicators.Provenance base = org.tipmonitor.indicators.Provenance.of("offenders-under-23")
                .withDataset("dadermonitor-synthetic", "2013-2017")
                .withDefinition("countingUnit", "persons")
                .withDefinition("ageRule", "ageAtOffence")
                .withDefinition("ageCut", "23");
        Share share = (Share) ShareEstimator.withDefaults().withProvenance(base).estimate(57, 147, 3);
        assertEquals("wilson", share.provenance().method());
        assertEquals("dadermonitor-synthetic", share.provenance().datasetId());
        assertEquals("2013-2017", share.provenance().period());
        assertEquals("ageAtOffence", share.provenance().definitions().get("ageRule"));
        assertEquals("persons", share.provenance().definitions().get("countingUnit"));
        assertEquals("excluded", share.provenance().definitions().get("unknowns"));
    }

    @Test
    void rejectsInvalidArguments() {
        ShareEstimator estimator = ShareEstimator.withDefaults();
        assertEquals("TM-IN-0003: Confidence level is not in (0, 1): 1.5",
                assertThrows(IndicatorException.class, () -> estimator.withConfidenceLevel(1.5)).getMessage());
        assertEquals("TM-IN-0104: Successes exceed trials: 5 > 4",
                assertThrows(IndicatorException.class, () -> estimator.estimate(5, 4, 0)).getMessage());
        assertEquals("TM-IN-0005: Unknown is negative: -2",
                assertThrows(IndicatorException.class, () -> estimator.estimate(1, 4, -2)).getMessage());
        assertEquals("TM-IN-0005: Trials is negative: -4",
                assertThrows(IndicatorException.class, () -> estimator.estimate(0, -4, 0)).getMessage());
        assertThrows(NullPointerException.class, () -> estimator.withMethod(null));
    }

    @Test
    void shareRecordRejectsUnorderedBounds() {
        assertThrows(IndicatorException.class, () -> new Share(1, 10, 0, 0.1, 0.2, 0.3, 0.95,
                BinomialInterval.WILSON, org.tipmonitor.indicators.Provenance.of("wilson")));
    }
}
