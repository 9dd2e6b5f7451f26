package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class DominanceRuleTest {

    @Test
    void cbsRuleLargestAtMostThirtyPercent() {
        DominanceRule cbs = new DominanceRule(1, 30);
        assertTrue(cbs.isDominated(31, 23, 23, 23));
        assertFalse(cbs.isDominated(30, 25, 25, 20));   // exactly 30% is allowed
        assertTrue(cbs.isDominated(5));                 // a single contributor dominates
    }

    @Test
    void twoLargestRule() {
        DominanceRule rdsc = new DominanceRule(2, 85);
        assertTrue(rdsc.isDominated(50, 40, 10));       // 90% > 85%
        assertFalse(rdsc.isDominated(40, 40, 10, 10));  // 80%
        assertFalse(rdsc.isDominated());                // empty cell
        assertFalse(rdsc.isDominated(0, 0, 0));         // zero total
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-DC-0042: Number of dominant contributions is less than 1: 0",
                assertThrows(IndicatorException.class, () -> new DominanceRule(0, 50)).getMessage());
        assertEquals("TM-DC-0043: Dominance percentage is not in (0, 100]: 120.0",
                assertThrows(IndicatorException.class, () -> new DominanceRule(1, 120)).getMessage());
        assertEquals("TM-IN-0007: Contribution is negative or not finite: -1.0",
                assertThrows(IndicatorException.class, () -> new DominanceRule(1, 50).isDominated(3, -1))
                        .getMessage());
    }
}
