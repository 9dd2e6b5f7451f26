package org.tipmonitor.indicators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;

class ZeroOneProgramTest {

    /**
     * A knapsack: max 10a + 13b + 7c + 8d with 5a + 6b + 4c + 3d &le; 10 (as min of the negated values). By
     * enumeration of the 16 choices the optimum is b + d = 21 (weight 9); the LP relaxation is fractional (a = 1,
     * b = 5/6 at value 20.83 + ..., so the 0/1 answer needs branching).
     */
    @Test
    void knapsackByEnumeration() {
        ZeroOneProgram program = new ZeroOneProgram(4)
                .addSparseRow(new int[] {0, 1, 2, 3}, new double[] {5, 6, 4, 3}, Relation.AT_MOST, 10);
        boolean[] u = program.minimum(new double[] {-10, -13, -7, -8}).orElseThrow();
        assertArrayEquals(new boolean[] {false, true, false, true}, u);
    }

    /** u0 + u1 = 1, u1 + u2 = 1, u0 + u2 = 1 has the LP point (1/2, 1/2, 1/2) but no 0/1 point. */
    @Test
    void oddCycleIsInfeasible() {
        ZeroOneProgram program = new ZeroOneProgram(3)
                .addSparseRow(new int[] {0, 1}, new double[] {1, 1}, Relation.EQUAL, 1)
                .addSparseRow(new int[] {1, 2}, new double[] {1, 1}, Relation.EQUAL, 1)
                .addSparseRow(new int[] {0, 2}, new double[] {1, 1}, Relation.EQUAL, 1);
        assertTrue(program.minimum(new double[] {1, 1, 1}).isEmpty());
        program.addSparseRow(new int[] {0}, new double[] {1}, Relation.AT_LEAST, 0);
        assertTrue(program.minimum(new double[] {0, 0, 0}).isEmpty());
    }

    @Test
    void edgeCasesAndBadInput() {
        assertEquals(0, new ZeroOneProgram(0).minimum(new double[0]).orElseThrow().length);
        assertTrue(new ZeroOneProgram(0).addSparseRow(new int[0], new double[0], Relation.EQUAL, 1)
                .minimum(new double[0]).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ZeroOneProgram(-1));
        ZeroOneProgram program = new ZeroOneProgram(2);
        assertThrows(IndexOutOfBoundsException.class,
                () -> program.addSparseRow(new int[] {2}, new double[] {1}, Relation.EQUAL, 1));
        assertThrows(IllegalArgumentException.class,
                () -> program.addSparseRow(new int[] {0}, new double[] {1, 2}, Relation.EQUAL, 1));
        assertThrows(IllegalArgumentException.class,
                () -> program.addSparseRow(new int[] {0}, new double[] {Double.NaN}, Relation.EQUAL, 1));
        assertThrows(IllegalArgumentException.class, () -> program.minimum(new double[] {1}));
    }
}
