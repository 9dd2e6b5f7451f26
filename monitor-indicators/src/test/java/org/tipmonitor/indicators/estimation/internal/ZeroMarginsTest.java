package org.tipmonitor.indicators.estimation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one extended-MLE reduction, against its definition on random sparse tables. */
class ZeroMarginsTest {

    @Test
    void twoListsThatNeverOverlapFixTheirInteractionAndDropItsCells() {
        // Lists 0 and 1 never overlap (N*(0b011) = 0): the term 0b011 is fixed at -Infinity and the cells 0b011
        // and 0b111 are dropped; nothing else is.
        long[] counts = {0, 10, 12, 0, 7, 3, 4, 0};
        ZeroMargins z = ZeroMargins.ofLists(3, ZeroMargins.supersetSums(counts, 3), new int[] {1, 2, 4, 3, 5});
        assertArrayEquals(new int[] {3}, z.zeroTerms());
        boolean[] forced = z.forced()[0];
        for (int h = 1; h < 8; h++) {
            assertEquals(h == 3 || h == 7, forced[h], "cell " + h);
        }
    }

    static Stream<Arguments> seeds() {
        return LongStream.rangeClosed(1, 40).mapToObj(seed -> Arguments.of("seed " + seed, seed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void listsOnlyReductionIsTheDefinition(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = 3 + random.nextInt(3);
        long[] counts = new long[1 << k];
        for (int h = 1; h < counts.length; h++) {
            counts[h] = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 6);
        }
        int[] terms = allTermsUpToOrderTwo(k);
        ZeroMargins z = ZeroMargins.ofLists(k, ZeroMargins.supersetSums(counts, k), terms);
        for (int t = 0; t < terms.length; t++) {
            long overlap = 0;
            for (int h = 1; h < counts.length; h++) {
                if ((h & terms[t]) == terms[t]) {
                    overlap += counts[h];
                }
            }
            assertEquals(overlap == 0, z.hasZeroMargin(t), name + " term " + terms[t]);
        }
        for (int h = 1; h < counts.length; h++) {
            boolean expected = false;
            for (int t = 0; t < terms.length; t++) {
                expected |= z.hasZeroMargin(t) && (h & terms[t]) == terms[t];
            }
            assertEquals(expected, z.forced()[0][h], name + " cell " + h);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void covariateReductionDoesNotDependOnTheOrderOfLevels(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = 3;
        int levels = 2 + random.nextInt(3);
        double[][] counts = new double[levels][1 << k];
        for (int c = 0; c < levels; c++) {
            for (int h = 1; h < (1 << k); h++) {
                counts[c][h] = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 9);
            }
        }
        // Terms: every list main effect and pair, each once without and once with the covariate.
        int[] lists = allTermsUpToOrderTwo(k);
        int[] listParts = new int[2 * lists.length + 1];
        boolean[] withCovariate = new boolean[listParts.length];
        for (int t = 0; t < lists.length; t++) {
            listParts[2 * t] = lists[t];
            listParts[2 * t + 1] = lists[t];
            withCovariate[2 * t + 1] = true;
        }
        withCovariate[listParts.length - 1] = true; // the covariate's main effect
        int[] order = permutation(levels, random);
        ZeroMargins identity = reduce(counts, listParts, withCovariate, identity(levels));
        // The permuted table lists the levels in another order and numbers them by their new position.
        ZeroMargins permuted = reduce(permute(counts, order), listParts, withCovariate, identity(levels));
        for (int c = 0; c < levels; c++) {
            assertArrayEquals(identity.forced()[order[c]], permuted.forced()[c], name + " level " + order[c]);
        }
        assertArrayEquals(identity.zeroTerms(), permuted.zeroTerms(), name);
    }

    private static ZeroMargins reduce(double[][] counts, int[] listParts, boolean[] withCovariate, int[] levelOf) {
        double[][] sums = new double[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            sums[c] = counts[c].clone();
            ZeroMargins.supersetSumsInPlace(sums[c], 3);
        }
        int[][] groups = new int[listParts.length][counts.length];
        for (int t = 0; t < listParts.length; t++) {
            for (int c = 0; c < counts.length; c++) {
                groups[t][c] = withCovariate[t] ? levelOf[c] : 0;
            }
        }
        return ZeroMargins.of(3, sums, listParts, groups);
    }

    private static int[] allTermsUpToOrderTwo(int k) {
        List<Integer> terms = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            terms.add(1 << i);
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                terms.add(1 << i | 1 << j);
            }
        }
        return terms.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] a = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static double[][] permute(double[][] counts, int[] order) {
        double[][] out = new double[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = counts[order[c]].clone();
        }
        return out;
    }
}
