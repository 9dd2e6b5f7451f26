package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Artificial_3 (SparseMSE): A 40, B 30, C 20, AB 6; A and C, and B and C, never overlap.
 */
class ExistenceCheckTest {

    private static final CaptureHistories ART = Tables.load("Artificial_3");

    @Test
    void allTwoWayIsNotIdentifiable() {
        // A:C and B:C are fixed at -Infinity, leaving cells 100, 010, 001, 110 for five parameters:
        // intercept = A + B + C - A:B, so A:B is aliased (SparseMSE::checkident code 2).
        LogLinearModel all = LogLinearModel.allTwoWay(ART.listNames());
        ExistenceCheck check = ExistenceCheck.run(ART, all);
        assertEquals(ExistenceStatus.NOT_IDENTIFIABLE, check.status());
        assertEquals(List.of("A:B"), check.offendingTerms());
        assertEquals(List.of("A:C", "B:C"), check.infiniteTerms());
        NotEstimable ne = assertInstanceOf(NotEstimable.class, LogLinearEstimator.withDefaults().estimate(ART, all));
        assertEquals(2, ne.status().code());
        assertEquals(List.of("A:B"), ne.offendingTerms());
        assertTrue(ne.reason().contains("A:B") && ne.reason().contains("A:C"), ne.reason());
    }

    @Test
    void saturatedModelWithEmptyCellHasNoFiniteMle() {
        // A + B + C + all pairs + A:B:C on a table where the three-way cell is 0 but all pairs overlap:
        // with all pairs, the saturated fit forces cell 111 to 0 (code 1).
        CaptureHistories h = CaptureHistories.fromCsv("A,B,C,count\n1,0,0,10\n0,1,0,8\n0,0,1,7\n"
                + "1,1,0,3\n1,0,1,2\n0,1,1,4\n");
        ExistenceCheck check = ExistenceCheck.run(h, LogLinearModel.allTwoWay(h.listNames()));
        assertEquals(ExistenceStatus.MLE_NOT_FINITE, check.status());
        assertEquals(List.of("A:B", "A:C", "B:C"), check.offendingTerms());
        assertInstanceOf(NotEstimable.class, LogLinearEstimator.withDefaults().estimate(h, "A+B+C+A:B+A:C+B:C"));
    }

    @Test
    void emptyOverlapTermAloneIsEstimable() {
        // A + B + C + A:C: A:C at -Infinity, cells 101 and 111 dropped; the rest is identifiable
        Estimate e = LogLinearEstimator.withDefaults().estimate(ART, "A + B + C + A:C").orElseThrow();
        assertEquals(List.of("A:C"), e.fit().orElseThrow().infiniteTerms());
        assertEquals(5, e.fit().orElseThrow().cells());
        // A:C fixed at -Infinity (2 warnings: the term and the dropped cells); B:C empty but not in the model
        assertEquals(3, e.warnings().size());
        assertTrue(e.warnings().get(0).startsWith("Lists B and C have no case in common"), e.warnings().get(0));
        assertEquals(ExistenceStatus.OK, ExistenceCheck.run(ART, LogLinearModel.mainEffects(ART.listNames())).status());
    }

    @Test
    void stepwiseOnArtificialNeverReturnsFailingModel() {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(ART);
        assertEquals(ExistenceStatus.OK, ExistenceCheck.run(ART, r.model()).status());
        assertInstanceOf(Estimate.class, r.outcome());
    }
}
