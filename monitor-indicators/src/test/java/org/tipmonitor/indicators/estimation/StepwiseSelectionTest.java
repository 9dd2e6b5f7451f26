package org.tipmonitor.indicators.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepwiseSelectionTest {

    @Test
    void ned() {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(Tables.load("Ned"));
        System.out.println(r);
        Estimate e = r.outcome().orElseThrow();
        assertEquals(111139.371230396, e.estimate(), 111139.371230396 * 1e-6);
    }

    @Test
    void ned5() {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(Tables.load("Ned_5"));
        System.out.println(r);
    }
}
