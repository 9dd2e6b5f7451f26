package org.tipmonitor.indicators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;

/**
 * Optima against HiGHS: every expected value was computed with scipy 1.17.1,
 * {@code scipy.optimize.linprog(c, A_ub, b_ub, A_eq, b_eq, bounds=[(0, None)] * n, method='highs')}, and is exact (the
 * optimal vertices are integer), so the tolerance is 1e-9.
 */
class LinearProgramTest {

    private static final double TOLERANCE = 1e-9;

    /** x0+x1+x2+x3+x4 = 30, x0 - 2 x1 &le; 3, x2 + x3 &ge; 12, 3 x0 + x4 &le; 40. */
    private static LinearProgram mixed() {
        return new LinearProgram(5)
                .addRow(new double[] {1, 1, 1, 1, 1}, Relation.EQUAL, 30)
                .addSparseRow(new int[] {0, 1}, new double[] {1, -2}, Relation.AT_MOST, 3)
                .addSparseRow(new int[] {2, 3}, new double[] {1, 1}, Relation.AT_LEAST, 12)
                .addRow(new double[] {3, 0, 0, 0, 1}, Relation.AT_MOST, 40);
    }

    @Test
    void mixedRowsMatchHighs() {
        LinearProgram lp = mixed();
        assertEquals(13, lp.maximum(0), TOLERANCE);   // linprog c=[-1,0,0,0,0]: -fun = 13
        assertEquals(18, lp.maximum(1), TOLERANCE);   // c=[0,-1,0,0,0]: 18
        assertEquals(18, lp.maximum(4), TOLERANCE);   // c=[0,0,0,0,-1]: 18
        assertEquals(66, lp.maximum(new double[] {2, -1, 1, 0, 3}), TOLERANCE); // c=[-2,1,-1,0,-3]: 66
        assertEquals(0, lp.minimum(0), TOLERANCE);
        // solving again after other objectives gives the same answer (the constraints are not changed by a solve)
        assertEquals(13, lp.maximum(0), TOLERANCE);
    }

    @Test
    void equalityOnlyRowIsSolvedCorrectly() {
        // max x1 subject to x0 + x1 + x2 = 46: commons-math3 3.6.1's SimplexSolver answered 0 here
        LinearProgram lp = new LinearProgram(3).addRow(new double[] {1, 1, 1}, Relation.EQUAL, 46);
        assertEquals(46, lp.maximum(1), TOLERANCE);
        assertEquals(0, lp.minimum(1), TOLERANCE);
    }

    @Test
    void variableInNoRowIsUnboundedAboveAndZeroBelow() {
        LinearProgram lp = new LinearProgram(2).addRow(new double[] {1, 0}, Relation.EQUAL, 3);
        assertEquals(Double.POSITIVE_INFINITY, lp.maximum(1));
        assertEquals(0, lp.minimum(1), TOLERANCE);
        assertEquals(3, lp.maximum(0), TOLERANCE);
        assertEquals(Double.POSITIVE_INFINITY, new LinearProgram(1).maximum(0));
        assertEquals(0, new LinearProgram(1).minimum(0), TOLERANCE);
    }

    @Test
    void infeasibleRowsAreReported() {
        LinearProgram lp = new LinearProgram(1).addRow(new double[] {1}, Relation.EQUAL, -1);
        assertThrows(LinearProgram.InfeasibleException.class, () -> lp.maximum(0));
    }

    @Test
    void upperBoundsChangeBetweenSolves() {
        LinearProgram lp = mixed();
        assertEquals(13, lp.maximum(0), TOLERANCE);
        lp.upperBound(0, 5);
        assertEquals(5, lp.maximum(0), TOLERANCE);
        // the bound does not bind at x4's optimum (x0 = x1 = 0, x4 = 30 - 12 = 18)
        assertEquals(18, lp.maximum(4), TOLERANCE);
        lp.upperBound(0, Double.POSITIVE_INFINITY);
        assertEquals(13, lp.maximum(0), TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> lp.upperBound(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> lp.upperBound(5, 1));
    }

    @Test
    void tiedOptimaPreferTheLargerSum() {
        // x0 + x1 - x2 = 1, each <= 1, max x0 + 3 x1 - x2: (0, 1, 0) and (1, 1, 1) both give 3; the tie-break picks
        // the point with the larger sum
        LinearProgram lp = new LinearProgram(3);
        for (int j = 0; j < 3; j++) {
            lp.addSparseRow(new int[] {j}, new double[] {1}, Relation.AT_MOST, 1);
        }
        lp.addSparseRow(new int[] {0, 1, 2}, new double[] {1, 1, -1}, Relation.EQUAL, 1);
        assertEquals(3, lp.maximum(new double[] {1, 3, -1}), TOLERANCE);
        assertEquals(3, java.util.Arrays.stream(lp.lastSolution().orElseThrow()).sum(), 1e-6);
    }

    @Test
    void glopSolvesWhereItsNativeLibraryIsOnThePath() {
        // the module's tests have every OR-Tools platform jar on the class path; -Dtipmonitor.lp.ojalgo=true runs
        // them with the fallback
        Assumptions.assumeFalse(Boolean.getBoolean("tipmonitor.lp.ojalgo"), "fallback requested");
        assertEquals("glop", LinearProgram.solver());
    }

    @Test
    void rejectsMalformedRows() {
        LinearProgram lp = new LinearProgram(2);
        assertEquals("Row has 1 coefficients for 2 variables", assertThrows(IllegalArgumentException.class,
                () -> lp.addRow(new double[] {1}, Relation.EQUAL, 0)).getMessage());
        assertEquals("Coefficient or bound is not finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> lp.addRow(new double[] {1, 1}, Relation.EQUAL, Double.NaN)).getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> lp.addSparseRow(new int[] {2}, new double[] {1}, Relation.EQUAL, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinearProgram(-1));
    }
}
