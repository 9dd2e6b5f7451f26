package org.tipmonitor.indicators.estimation.selection;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class StepwiseSelectionTest {

    private static final CaptureHistories NED = Tables.load("Ned");

    @Test
    void thresholdZeroGivesMainEffects() {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().withThreshold(0).select(NED);
        assertEquals(LogLinearModel.mainEffects(NED.listNames()), r.model());
        assertEquals(List.of(), r.steps());
    }

    @Test
    void thresholdOneGivesAllPairsWhenTheyPassTheCheck() {
        // SparseMSE stepwisefit with pthresh = 1: the all-pairs model passes checkident on Ned (data/README.md),
        // so it is fitted directly
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().withThreshold(1).select(NED);
        assertEquals(LogLinearModel.allTwoWay(NED.listNames()), r.model());
        assertTrue(r.outcome() instanceof Estimate);
    }

    @Test
    void stepsReportTheirPoissonPValues() {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(NED);
        for (StepwiseSelection.Step s : r.steps()) {
            assertTrue(s.pValue() < 0.02, s.toString());
            assertEquals(StepwiseSelection.pValue(s.observedOverlap(), s.expectedOverlap()), s.pValue());
        }
        // K:R never overlap: p = P(X <= 0) = exp(-Lambda)
        StepwiseSelection.Step kr = r.steps().get(5);
        assertEquals("K:R", kr.term());
        assertEquals(0, kr.observedOverlap());
        assertEquals(Math.exp(-kr.expectedOverlap()), kr.pValue(), 1e-15);
    }

    @Test
    void pValueIsTheSmallerOneSidedTail() {
        // X ~ Poisson(2): P(X <= 0) = e^-2 = 0.1353; P(X >= 5) = 1 - 0.94735 = 0.05265 (R: ppois(4, 2, FALSE))
        assertEquals(Math.exp(-2), StepwiseSelection.pValue(0, 2), 1e-15);
        assertEquals(0.052653017343711125, StepwiseSelection.pValue(5, 2), 1e-12);
        assertEquals(1.0, StepwiseSelection.pValue(0, 0));
        assertEquals(0.0, StepwiseSelection.pValue(3, 0));
    }

    @Test
    void rejectsThresholdOutsideUnitInterval() {
        assertThrows(IndicatorException.class, () -> StepwiseSelection.withDefaults().withThreshold(1.5));
        assertThrows(IndicatorException.class, () -> StepwiseSelection.withDefaults().withThreshold(Double.NaN));
    }

    /** Issue 6: in JShell a selection prints its model, its steps as a table, and its estimate (toString). */
    @Test
    void toStringShowsModelStepsAndEstimate() {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(Tables.load("Ned"));
        List<String> lines = r.toString().lines().toList();
        assertEquals("StepwiseSelection: I + K + O + P + R + Z + I:K + I:Z + K:O + K:R + O:P + O:Z + P:R + P:Z",
                lines.get(0));
        assertEquals("  step  pair   p-value  observed overlap  expected overlap", lines.get(1));
        assertEquals("  1      O:Z  1.11e-33                64              8.60", lines.get(2));
        assertEquals("  8      K:O    0.0150                 1              6.17", lines.get(9));
        assertEquals("Estimate (poisson-loglinear) from lists I, K, O, P, R, Z", lines.get(10));
        assertEquals("  estimate         111,139.4", lines.get(12));
    }
}
