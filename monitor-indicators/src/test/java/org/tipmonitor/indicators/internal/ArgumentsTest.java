package org.tipmonitor.indicators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/** The module's argument checks: each returns what it accepts and refuses with its rule and the value. */
class ArgumentsTest {

    private static IndicatorException refused(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IndicatorException.class, call);
    }

    @Test
    void confidenceLevelsAreOpenIntervalsWithTheCallersRule() {
        assertEquals(0.95, Arguments.checkConfidenceLevel(0.95));
        assertEquals(Math.nextUp(0.0), Arguments.checkLevel(Math.nextUp(0.0)));
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals(IndicatorRule.CONFIDENCE_LEVEL, refused(() -> Arguments.checkConfidenceLevel(bad)).rule());
            assertEquals(IndicatorRule.LEVEL_OUT_OF_RANGE, refused(() -> Arguments.checkLevel(bad)).rule());
        }
        assertEquals("TM-MSE-531: Confidence level is not in (0, 1): 1.0",
                refused(() -> Arguments.checkLevel(1, IndicatorRule.COVARIATE_CONFIDENCE_LEVEL)).getMessage());
    }

    @Test
    void countsAndQuantitiesAreNotNegative() {
        assertEquals(0, Arguments.checkCount(0));
        assertEquals(Long.MAX_VALUE, Arguments.checkNonNegative("Events", Long.MAX_VALUE));
        assertEquals("TM-IN-0008: Count is negative: -1", refused(() -> Arguments.checkCount(-1)).getMessage());
        assertEquals("TM-IN-0005: Events is negative: -3",
                refused(() -> Arguments.checkNonNegative("Events", -3)).getMessage());
    }

    @Test
    void binomialCountsNeedATrialAndNoMoreSuccessesThanTrials() {
        Arguments.checkTrials(0, 1);
        Arguments.checkTrials(5, 5);
        assertEquals(IndicatorRule.SHARE_NO_TRIALS, refused(() -> Arguments.checkTrials(0, 0)).rule());
        assertEquals(IndicatorRule.NEGATIVE_QUANTITY, refused(() -> Arguments.checkTrials(-1, 3)).rule());
        assertEquals("TM-IN-0104: Successes exceed trials: 4 > 3",
                refused(() -> Arguments.checkTrials(4, 3)).getMessage());
    }

    @Test
    void aCheckedConditionThrowsItsRuleWithTheValues() {
        Arguments.check(true, IndicatorRule.TREND_NO_GROUPS, 0);
        assertEquals("TM-IN-0205: Number of groups is less than 1: 0",
                refused(() -> Arguments.check(false, IndicatorRule.TREND_NO_GROUPS, 0)).getMessage());
    }
}
