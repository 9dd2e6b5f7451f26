package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joint proofs ({@code FeasibleIntervals.prove}: programs with a combined objective over every open cell, first in
 * groups with the rest held at the true tables, then over the whole block) never change a verdict or an interval: on
 * seeded linked sets with random suppression patterns, with joint proofs forced on every block (groups of 8 cells) and
 * local programs off, every cell they prove protected with margin p is protected by the exact program of a fresh
 * instance without a reference (the per-cell programs), its inner interval lies inside the exact one, every verdict
 * equals the exact one, and the exact interval the instance reports afterwards equals the per-cell programs'.
 */
class JointProofTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tipmonitor.indicators.disclosure.LocalProofTest#patterns")
    void jointProofsGiveThePerCellVerdictsAndIntervals(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedTables set = LinkedTablesTest.registrations(seed, 60 + random.nextInt(400));
        Layout layout = new Layout(LocalProofTest.indexes(set));
        List<FeasibleIntervals.Block> blocks = LocalProofTest.randomPattern(set, random, 0.55);
        double[] truth = blocks.stream().flatMapToDouble(b -> Arrays.stream(b.values())).toArray();
        List<FeasibleIntervals.Row> rows = layout.rows(set.links());
        int proven = 0;
        for (double p : new double[] {1, 5, 10}) {
            FeasibleIntervals joint = new FeasibleIntervals(blocks, rows, true);
            assertTrue(joint.reference(truth), "the true tables are feasible");
            double[] widths = new double[truth.length];
            Arrays.fill(widths, p);
            joint.requireWidths(widths);
            joint.jointProofs(0, 1, 8);
            FeasibleIntervals exact = new FeasibleIntervals(blocks, rows, true);
            for (int cell = 0; cell < truth.length; cell++) {
                if (!isWithheld(blocks, cell)) {
                    continue;
                }
                int c = cell;
                double[] bounds = exact.interval(cell);
                boolean protectedExactly = !DisclosureAudit.isExposed(bounds, p);
                // local programs are off (blocks are small), and the true table alone spans width 0: a protected
                // verdict here comes from a joint proof
                if (joint.cheapVerdict(cell, p, false, true) == FeasibleIntervals.Verdict.PROTECTED) {
                    double[] inner = joint.observed(cell);
                    assertTrue(bounds[0] <= inner[0] && inner[1] <= bounds[1],
                            () -> "inner interval inside the exact one at cell " + c);
                    assertTrue(protectedExactly, () -> "joint proof of an exposed cell " + c + " with margin " + p);
                    proven++;
                }
                assertEquals(protectedExactly, joint.isProtected(cell, p), () -> "cell " + c + " with margin " + p);
                assertArrayEquals(bounds, joint.interval(cell), () -> "interval of cell " + c);
            }
        }
        Assumptions.assumeTrue(proven > 0, "no cell was proven jointly");
    }

    private static boolean isWithheld(List<FeasibleIntervals.Block> blocks, int cell) {
        int start = 0;
        for (FeasibleIntervals.Block b : blocks) {
            if (cell < start + b.values().length) {
                return b.suppressed()[cell - start];
            }
            start += b.values().length;
        }
        throw new AssertionError(cell);
    }
}
