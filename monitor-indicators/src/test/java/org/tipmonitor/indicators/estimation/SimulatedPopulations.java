package org.tipmonitor.indicators.estimation;

import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded simulated closed populations: N cases, K lists with capture probabilities p_i, and optionally a positive
 * dependence between lists 1 and 2 (a case on list 1 is on list 2 with probability min(1, 2 p_2)).
 */
public final class SimulatedPopulations {

    private SimulatedPopulations() {
    }

    /** A simulated table with its truth. */
    public record Population(long seed, int trueSize, double[] probabilities, boolean dependent, CaptureHistories table) {
        @Override
        public String toString() {
            return "seed=" + seed + ", N=" + trueSize + ", K=" + probabilities.length + (dependent ? ", dep" : "");
        }
    }

    public static Population simulate(long seed, int minLists, int maxLists) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = minLists + rng.nextInt(maxLists - minLists + 1);
        int n = 100 + rng.nextInt(1900);
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = 0.05 + 0.4 * rng.nextDouble();
        }
        boolean dependent = rng.nextInt(3) == 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add("L" + (i + 1));
        }
        CaptureHistories.Builder b = CaptureHistories.builder(names);
        for (int c = 0; c < n; c++) {
            int mask = 0;
            for (int i = 0; i < k; i++) {
                double q = p[i];
                if (dependent && i == 1 && (mask & 1) != 0) {
                    q = Math.min(1, 2 * p[1]);
                }
                if (rng.nextDouble() < q) {
                    mask |= 1 << i;
                }
            }
            b.addMask(mask, mask == 0 ? 0 : 1);
        }
        return new Population(seed, n, p, dependent, b.build());
    }
}
