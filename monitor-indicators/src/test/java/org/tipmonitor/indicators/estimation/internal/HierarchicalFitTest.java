package org.tipmonitor.indicators.estimation.internal;

import org.tipmonitor.indicators.estimation.fit.Selection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;

/**
 * The margin-based fit gives the outcome of the design-matrix path (the R glm.fit reimplementation
 * {@link PoissonGlm} on {@link LogLinearDesign}, with {@link PivotedQr} and {@link ExistenceLp}): the same
 * decisions, and the same estimate and deviance to rounding.
 */
class HierarchicalFitTest {

    private static final int MAX_ITERATIONS = 25;
    private static final double EPSILON = 1e-8;

    /** What the design-matrix path decides and computes for one model. */
    private record Reference(boolean fullRank, boolean converged, boolean exists, int rank, double intercept,
                             double deviance, int rows, int infinite) {

        static Reference of(int k, long[] counts, int[] terms) {
            LogLinearDesign design = new LogLinearDesign(k, counts, terms);
            double[][] x = design.columns();
            int m = design.rows();
            boolean fullRank = new PivotedQr(x, m, ExistenceLp.RANK_TOLERANCE).rank() == x.length;
            PoissonGlm.Fit fit = PoissonGlm.fit(x, design.y(), m, MAX_ITERATIONS, EPSILON, null);
            boolean exists = fullRank && ExistenceLp.mleExists(x, design.y(), m, fit);
            return new Reference(fullRank, fit.converged(), exists, fit.rank(), fit.coefficients()[0],
                    fit.deviance(), m, design.infiniteTerms().length);
        }

        boolean estimable(int columns) {
            return fullRank && converged && exists && rank == columns;
        }
    }

    /** Asserts the outcomes agree; returns whether the margins needed the design matrix for an estimable model. */
    private static boolean assertSameOutcome(int k, long[] counts, int[] terms, String label) {
        Reference ref = Reference.of(k, counts, terms);
        HierarchicalFit fit = HierarchicalFit.fit(k, counts, LogLinearDesign.overlaps(counts, k), terms,
                MAX_ITERATIONS, EPSILON);
        int columns = fit.finiteTerms().length + 1;
        assertEquals(ref.estimable(columns), fit.estimable(), label + ": estimable");
        assertEquals(ref.fullRank() && ref.exists(), fit.passesCheck(), label + ": check");
        assertEquals(ref.rows(), fit.rows(), label + ": rows");
        assertEquals(ref.infinite(), fit.infiniteTerms(), label + ": infinite terms");
        if (fit.estimable()) {
            assertEquals(columns, fit.rank(), label + ": rank");
            // the same iterates: the unobserved count exp(b0) and the deviance agree to rounding
            assertEquals(Math.exp(ref.intercept()), Math.exp(fit.intercept()),
                    1e-9 * Math.exp(ref.intercept()), label + ": unobserved");
            assertEquals(ref.deviance(), fit.deviance(), 1e-9 * (ref.deviance() + 1), label + ": deviance");
        }
        HierarchicalFit screened = HierarchicalFit.screen(k, counts, LogLinearDesign.overlaps(counts, k), terms,
                MAX_ITERATIONS, EPSILON);
        assertEquals(fit.estimable(), screened.estimable(), label + ": screened estimable");
        assertEquals(fit.passesCheck(), screened.passesCheck(), label + ": screened check");
        if (screened.estimable()) {
            assertEquals(fit.intercept(), screened.intercept(), 1e-12, label + ": screened intercept");
            assertEquals(fit.deviance(), screened.deviance(), 1e-12, label + ": screened deviance");
        }
        return fit.viaDesign() && fit.estimable();
    }

    /** A random hierarchical model: main effects and a random downward-closed set of interactions. */
    private static int[] randomModel(int k, SplittableRandom rng) {
        int size = 1 << k;
        boolean[] in = new boolean[size];
        List<Integer> terms = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            in[1 << i] = true;
            terms.add(1 << i);
        }
        double density = rng.nextDouble() * 0.6;
        for (int order = 2; order < k; order++) {
            for (int s = 1; s < size; s++) {
                if (Integer.bitCount(s) != order || rng.nextDouble() >= density) {
                    continue;
                }
                boolean closed = true;
                for (int bit = 1; bit < size; bit <<= 1) {
                    if ((s & bit) != 0 && !in[s & ~bit]) {
                        closed = false;
                    }
                }
                if (closed) {
                    in[s] = true;
                    terms.add(s);
                }
            }
        }
        return terms.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Counts with many zeros (empty overlaps) and a wide range of sizes. */
    private static long[] randomCounts(int k, SplittableRandom rng) {
        long[] counts = new long[1 << k];
        double zeros = rng.nextDouble() * 0.7;
        for (int h = 1; h < counts.length; h++) {
            if (rng.nextDouble() >= zeros) {
                int bits = Integer.bitCount(h);
                counts[h] = rng.nextInt(1 + (int) (2000 / Math.pow(4, bits - 1)));
            }
        }
        counts[1] = Math.max(counts[1], 1);
        return counts;
    }

    static Stream<Arguments> seeds() {
        return LongStream.rangeClosed(1, 300).mapToObj(seed -> Arguments.of("seed=" + seed, seed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void randomTablesAndModelsGiveTheDesignPathsOutcome(String name, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 2 + rng.nextInt(5);
        long[] counts = randomCounts(k, rng);
        for (int model = 0; model < 8; model++) {
            assertSameOutcome(k, counts, randomModel(k, rng), name + " model " + model);
        }
    }

    /** More lists than the search allows: stepwise selection fits such tables too (New Orleans, 8 lists). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eightListSeeds")
    void randomModelsOnTheEightListTable(String name, long seed) throws IOException {
        long[] counts = load("NewOrl").countsByMask();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int model = 0; model < 4; model++) {
            assertSameOutcome(8, counts, randomModel(8, rng), name + " model " + model);
        }
    }

    /**
     * A fit started from other coefficients (model selection starts each model from a smaller model's fit) makes
     * the decisions of the fit from R's start, and converges to the same maximum-likelihood estimate, to the
     * convergence criterion: from the fit of the model less its last interaction, from that fit's coefficients
     * moved at random, and from random coefficients far from the estimate (where Newton's steps may diverge, and
     * the fit falls back to R's start). The criterion bounds the change in deviance, which the two fits share to
     * 1e-9; the intercept can lie in a flat direction of the likelihood, where both stop short of the limit: on
     * these tables R's iterates stop up to 3e-7 (relative) from the unobserved count of the converged limit
     * (iterated to a criterion of 1e-15), and the other starts up to 5e-6 of that small count; the population
     * estimate n + exp(&beta;<sub>0</sub>) agrees to the 1e-6 that {@code ExhaustiveSearchTest} allows between the
     * search and {@code LogLinearEstimator}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void startsElsewhereGiveTheScreenedOutcome(String name, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 2 + rng.nextInt(5);
        long[] counts = randomCounts(k, rng);
        long[] overlaps = LogLinearDesign.overlaps(counts, k);
        for (int model = 0; model < 8; model++) {
            int[] terms = randomModel(k, rng);
            String label = name + " model " + model;
            HierarchicalFit reference = HierarchicalFit.screen(k, counts, overlaps, terms, MAX_ITERATIONS, EPSILON);
            HierarchicalFit smaller = HierarchicalFit.screen(k, counts, overlaps,
                    java.util.Arrays.copyOf(terms, terms.length - 1), MAX_ITERATIONS, EPSILON);
            double[] parent = smaller.coefficientsByMask();
            double[] moved = new double[1 << k];
            double[] random = new double[1 << k];
            for (int h = 0; h < moved.length; h++) {
                moved[h] = (parent == null ? 0 : parent[h]) + 0.5 * (rng.nextDouble() - 0.5);
                random[h] = 4 * (rng.nextDouble() - 0.5);
            }
            for (double[] start : java.util.Arrays.asList(parent, moved, random)) {
                HierarchicalFit fit = HierarchicalFit.screen(k, counts, overlaps, terms, MAX_ITERATIONS, EPSILON,
                        start);
                assertEquals(reference.estimable(), fit.estimable(), label + ": estimable");
                assertEquals(reference.passesCheck(), fit.passesCheck(), label + ": check");
                assertEquals(reference.rows(), fit.rows(), label + ": rows");
                assertEquals(reference.infiniteTerms(), fit.infiniteTerms(), label + ": infinite terms");
                if (fit.estimable()) {
                    assertEquals(reference.rank(), fit.rank(), label + ": rank");
                    double n = LongStream.of(counts).skip(1).sum();
                    assertEquals(n + Math.exp(reference.intercept()), n + Math.exp(fit.intercept()),
                            1e-6 * (n + Math.exp(reference.intercept())), label + ": estimate");
                    assertEquals(reference.deviance(), fit.deviance(), 1e-9 * (reference.deviance() + 1),
                            label + ": deviance");
                    assertEquals(reference.logLikelihoodKernel(counts), fit.logLikelihoodKernel(counts),
                            1e-9 * (Math.abs(reference.logLikelihoodKernel(counts)) + 1), label + ": kernel");
                }
            }
        }
    }

    static Stream<Arguments> eightListSeeds() {
        return LongStream.rangeClosed(1, 10).mapToObj(seed -> Arguments.of("NewOrl seed=" + seed, seed));
    }

    @Test
    void edgeCases() {
        // two lists, saturated: three cells, four columns
        assertSameOutcome(2, new long[] {0, 10, 20, 5}, new int[] {1, 2, 3}, "2 lists saturated");
        // two lists that never overlap: the interaction fixed at -Infinity
        assertSameOutcome(2, new long[] {0, 10, 20, 0}, new int[] {1, 2}, "2 disjoint lists");
        // one list empty: its main effect fixed at -Infinity
        assertSameOutcome(3, new long[] {0, 10, 0, 0, 7, 3, 0, 0}, new int[] {1, 2, 4, 5}, "empty list");
        // a single observed cell
        assertSameOutcome(3, new long[] {0, 0, 0, 12, 0, 0, 0, 0}, new int[] {1, 2, 4}, "single cell");
        // no zero cell at all (the MLE exists without any test)
        assertSameOutcome(3, new long[] {0, 50, 40, 12, 30, 9, 8, 3}, new int[] {1, 2, 4, 3, 5, 6}, "dense");
        // zeros that force a fitted 0: the MLE of A:B + A:C + B:C does not exist
        assertSameOutcome(3, new long[] {0, 0, 0, 5, 0, 5, 5, 0}, new int[] {1, 2, 4, 3, 5, 6}, "no MLE");
    }

    /** Every model of the default BIC catalogue on every bundled 3- to 5-list table, and the six-list tables' pairs. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Artificial_3", "Korea", "Kosovo", "Western", "NewOrl_5", "UKdat_5", "Ned_5", "Ned",
        "UKdat", "Rcapture_HIV", "Rcapture_lesbian"})
    void everyCatalogueModelOfTheReferenceTables(String table) throws IOException {
        CaptureHistories h = load(table);
        int k = h.listCount();
        long[] counts = h.countsByMask();
        int order = k == 6 ? 2 : Math.min(3, k - 1);
        int models = 0;
        int checked = 0;
        int viaDesign = 0; // estimable models fitted through the design matrix
        for (int[] interactions : catalogue(k, order)) {
            int[] terms = new int[k + interactions.length];
            for (int i = 0; i < k; i++) {
                terms[i] = 1 << i;
            }
            System.arraycopy(interactions, 0, terms, k, interactions.length);
            if (k == 6 && (models++ % 16) != 0) {
                continue; // every 16th of the 32,768 six-list models keeps the test short
            }
            checked++;
            if (assertSameOutcome(k, counts, terms, table + " " + java.util.Arrays.toString(interactions))) {
                viaDesign++;
            }
        }
        // the design matrix is needed only to exclude models (no finite MLE, rank deficient), never to fit one
        assertEquals(0, viaDesign, viaDesign + " of " + checked + " estimable models needed the design matrix");
    }

    /**
     * Selection on the Dutch and UK tables decides every catalogue model on margins: the excluded models have a
     * one-dimensional null space on their positive cells, which the exact test settles without the linear program.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ned_5", "UKdat_5", "NewOrl_5", "Ned"})
    void screeningTheReferenceCataloguesNeedsNoLinearProgram(String table) throws IOException {
        CaptureHistories h = load(table);
        int k = h.listCount();
        long[] counts = h.countsByMask();
        long[] overlaps = LogLinearDesign.overlaps(counts, k);
        for (int[] interactions : catalogue(k, k == 6 ? 2 : 3)) {
            int[] terms = new int[k + interactions.length];
            for (int i = 0; i < k; i++) {
                terms[i] = 1 << i;
            }
            System.arraycopy(interactions, 0, terms, k, interactions.length);
            HierarchicalFit fit = HierarchicalFit.screen(k, counts, overlaps, terms, MAX_ITERATIONS, EPSILON);
            assertTrue(!fit.viaDesign(), table + " " + java.util.Arrays.toString(interactions));
        }
    }

    @Test
    void exactExistenceTestOnSmallTables() {
        double[] kept2 = {0, 1, 1, 1};
        int[] independence2 = {0, 1, 2};
        // A-only and both observed, B-only empty: the margins force B-only to 0 (null vector (1, -1, 0), +1 there)
        assertEquals(0, HierarchicalFit.existsExactly(kept2, new long[] {0, 5, 0, 5}, independence2));
        // only the singletons observed: A + B = n forces the overlap to 0
        assertEquals(0, HierarchicalFit.existsExactly(kept2, new long[] {0, 5, 7, 0}, independence2));
        double[] kept3 = {0, 1, 1, 1, 1, 1, 1, 1};
        int[] independence3 = {0, 1, 2, 4};
        // AB, C and AC observed: null vector (1, 0, -1, -1) is +1 on A-only and -1 on BC, ABC: the MLE exists
        assertEquals(1, HierarchicalFit.existsExactly(kept3, new long[] {0, 0, 0, 4, 6, 2, 0, 0}, independence3));
        // every cell but ABC observed: the positive cells' rows have full rank
        assertEquals(1, HierarchicalFit.existsExactly(kept3, new long[] {0, 3, 4, 1, 6, 2, 1, 0}, independence3));
        // only AB and AC observed: a two-dimensional null space, left to the linear program
        assertEquals(-1, HierarchicalFit.existsExactly(kept3, new long[] {0, 0, 0, 5, 0, 5, 0, 0}, independence3));
        // each decision agrees with the linear program on the explicit design
        assertSameOutcome(2, new long[] {0, 5, 0, 5}, new int[] {1, 2}, "forced zero");
        assertSameOutcome(3, new long[] {0, 0, 0, 4, 6, 2, 0, 0}, new int[] {1, 2, 4}, "mixed signs");
        assertSameOutcome(3, new long[] {0, 0, 0, 5, 0, 5, 0, 0}, new int[] {1, 2, 4}, "nullity 2");
    }

    private static List<int[]> catalogue(int k, int order) {
        List<Integer> candidates = new ArrayList<>();
        for (int s = 1; s < (1 << k); s++) {
            int bits = Integer.bitCount(s);
            if (bits >= 2 && bits <= order) {
                candidates.add(s);
            }
        }
        candidates.sort(java.util.Comparator.comparingInt(Integer::bitCount));
        List<int[]> out = new ArrayList<>();
        enumerate(candidates, 0, new boolean[1 << k], new ArrayList<>(), out);
        return out;
    }

    private static void enumerate(List<Integer> candidates, int index, boolean[] in, List<Integer> chosen,
                                  List<int[]> out) {
        if (index == candidates.size()) {
            out.add(chosen.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        enumerate(candidates, index + 1, in, chosen, out);
        int s = candidates.get(index);
        for (int bit = 1; bit <= s; bit <<= 1) {
            if ((s & bit) != 0 && Integer.bitCount(s) > 2 && !in[s & ~bit]) {
                return;
            }
        }
        in[s] = true;
        chosen.add(s);
        enumerate(candidates, index + 1, in, chosen, out);
        chosen.remove(chosen.size() - 1);
        in[s] = false;
    }

    private static CaptureHistories load(String name) throws IOException {
        try (InputStream in = HierarchicalFitTest.class.getResourceAsStream(
                "/org/tipmonitor/indicators/estimation/" + name + ".csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CaptureHistories.fromCsv(reader);
        }
    }
}
