package org.tipmonitor.indicators.estimation.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.DerivedEstimate;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointEstimatorTest;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;
import org.tipmonitor.indicators.estimation.selection.JointSelection;

/** The nonparametric bootstrap of a model over lists and covariates that re-runs the selection in every replicate. */
class JointBootstrapNonparametricTest {

    private static final CovariateTable TABLE = JointEstimatorTest.table(JointEstimatorTest.TABLE);
    private static final JointSelection SEARCH = JointSelection.withDefaults();
    private static final JointEstimator ESTIMATOR = JointEstimator.withDefaults();

    @Test
    void seededCountedAndCoveringTheEstimateOfTheModelSelectedOnTheData() {
        JointBootstrap boot = JointBootstrap.withDefaults().withReplicates(60).withSeed(11);
        JointBootstrap.Replicates r = boot.nonparametric(TABLE, SEARCH, ESTIMATOR);
        assertEquals(60, r.size() + r.failed());
        assertEquals(r.size(), r.selectedModels().values().stream().mapToInt(Integer::intValue).sum());
        JointFit chosen = JointEstimatorTest.fit(SEARCH.select(TABLE, ESTIMATOR).chosen());
        assertEquals(chosen.model(), r.fit().model());
        DerivedEstimate total = r.population(Selection.all());
        assertEquals(chosen.population(Selection.all()).estimate(), total.estimate(), 1e-9);
        assertTrue(total.lower() < total.estimate() && total.estimate() < total.upper(), total.toString());
        assertTrue(total.lower() >= TABLE.observed(), total.toString());
        assertTrue(total.method().startsWith("nonparametric-bootstrap-percentile"), total.method());
        assertTrue(r.method().startsWith("nonparametric bootstrap re-running the selection (BIC stepwise"),
                r.method());
        // The replicates are indexed 0..59 without the failed ones, and n is fixed in each.
        for (JointBootstrap.Replicate rep : r.replicates()) {
            assertEquals(TABLE.observed(), java.util.Arrays.stream(rep.observed()).sum(), 1e-9);
        }
        // The same seed gives the same replicates; another seed others.
        JointBootstrap.Replicates again = boot.nonparametric(TABLE, SEARCH, ESTIMATOR);
        DerivedEstimate t2 = again.population(Selection.all());
        assertEquals(total.lower(), t2.lower(), 0);
        assertEquals(total.upper(), t2.upper(), 0);
        assertEquals(r.selectedModels(), again.selectedModels());
        DerivedEstimate other = boot.withSeed(12).nonparametric(TABLE, SEARCH, ESTIMATOR).population(Selection.all());
        assertNotEquals(total.upper(), other.upper());
        DerivedEstimate share = r.share(Selection.where("g", "x"), Selection.all());
        assertTrue(share.lower() > 0 && share.lower() <= share.estimate() && share.estimate() <= share.upper()
                && share.upper() < 1, share.toString());
    }

    @Test
    void doesNotDependOnTheNumberOfThreads() throws Exception {
        JointBootstrap boot = JointBootstrap.withDefaults().withReplicates(20).withSeed(5);
        JointBootstrap.Replicates parallel = boot.nonparametric(TABLE, SEARCH, ESTIMATOR);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            JointBootstrap.Replicates single = one.submit(() -> boot.nonparametric(TABLE, SEARCH, ESTIMATOR)).get();
            assertEquals(parallel.size(), single.size());
            for (int i = 0; i < parallel.size(); i++) {
                assertEquals(parallel.replicates().get(i).index(), single.replicates().get(i).index());
                assertTrue(java.util.Arrays.equals(parallel.replicates().get(i).unobserved(),
                        single.replicates().get(i).unobserved()));
            }
        } finally {
            one.shutdown();
        }
    }

    @Test
    void resamplesThePartiallyClassifiedPersonsToo() {
        CovariateTable.Builder b = CovariateTable.builder(TABLE.lists(), TABLE.covariates());
        for (int c = 0; c < TABLE.cellCount(); c++) {
            for (int h = 1; h < 8; h++) {
                b.add(h, TABLE.levelsOfCell(c), TABLE.count(c, h));
            }
        }
        b.add(1, java.util.Arrays.asList(null, "2014"), 6).add(3, java.util.Arrays.asList("x", null), 4);
        CovariateTable partial = b.build();
        JointBootstrap.Replicates r = JointBootstrap.withDefaults().withReplicates(30).withSeed(2)
                .nonparametric(partial, SEARCH, ESTIMATOR.withUnknownValues(UnknownValues.EM));
        assertEquals(30, r.size() + r.failed());
        // With EM the 10 partially classified persons are distributed over the cells: n + 10 in every replicate.
        for (JointBootstrap.Replicate rep : r.replicates()) {
            assertEquals(partial.observed() + 10, java.util.Arrays.stream(rep.observed()).sum(), 1e-6);
        }
        DerivedEstimate total = r.population(Selection.all());
        assertTrue(total.lower() < total.estimate() && total.estimate() < total.upper(), total.toString());
    }

    @Test
    void refusesWhenTheModelSelectedOnTheDataHasNoEstimate() {
        // The three-list interaction leaves the unobserved cell unidentified.
        JointSelection fixed = JointSelection.withDefaults().withStart("A*B*C + g*year").withCandidates(List.of());
        assertTrue(!(fixed.select(TABLE, ESTIMATOR).chosen() instanceof JointFit));
        IndicatorException e = assertThrows(IndicatorException.class, () -> JointBootstrap.withDefaults()
                .nonparametric(TABLE, fixed, ESTIMATOR));
        assertTrue(e.getMessage().startsWith("TM-MSE-542"), e.getMessage());
    }

    /**
     * Tables drawn person by person: three lists, a covariate g (x, y) and a year (1, 2); list A finds persons of
     * level y less often, and B finds those on A more often (an A:B dependence), C is independent.
     */
    static CovariateTable generated(long seed) {
        Random random = new Random(seed);
        CovariateTable.Builder b = CovariateTable.builder(List.of("A", "B", "C"), List.of("g", "year"));
        for (String g : List.of("x", "y")) {
            for (String year : List.of("1", "2")) {
                int size = 120 + random.nextInt(120);
                double pa = "x".equals(g) ? 0.5 : 0.3;
                for (int i = 0; i < size; i++) {
                    boolean a = random.nextDouble() < pa;
                    boolean bb = random.nextDouble() < (a ? 0.5 : 0.25);
                    boolean c = random.nextDouble() < 0.35;
                    int mask = (a ? 1 : 0) | (bb ? 2 : 0) | (c ? 4 : 0);
                    if (mask > 0) {
                        b.add(mask, List.of(g, year), 1);
                    }
                }
            }
        }
        return b.build();
    }

    static Stream<Arguments> seeds() {
        List<Arguments> out = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            out.add(Arguments.of("seed " + seed, seed));
        }
        return out.stream();
    }

    /**
     * What must hold for every table: each replicate resamples exactly n persons, so its total n + U*, and with it
     * the percentile interval's lower limit, is at least n; the replicates kept and failed add up to those asked
     * for, and every kept one names the model its search chose; the population of the parts adds up to the total
     * in every replicate, so the intervals of the two levels of g cannot both lie above (or below) the total's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void holdsOnGeneratedTables(String name, long seed) {
        CovariateTable t = generated(seed);
        JointBootstrap.Replicates r = JointBootstrap.withDefaults().withReplicates(40).withSeed(seed)
                .nonparametric(t, SEARCH, ESTIMATOR);
        assertEquals(40, r.size() + r.failed(), name);
        assertTrue(r.size() >= 10, name + ": " + r.failed() + " failed");
        assertEquals(r.size(), r.selectedModels().values().stream().mapToInt(Integer::intValue).sum(), name);
        for (JointBootstrap.Replicate rep : r.replicates()) {
            assertEquals(t.observed(), java.util.Arrays.stream(rep.observed()).sum(), 1e-9, name);
            for (double u : rep.unobserved()) {
                assertTrue(u >= 0, name);
            }
        }
        DerivedEstimate total = r.population(Selection.all());
        assertTrue(total.lower() >= t.observed() && total.lower() <= total.upper(), name + " " + total);
        DerivedEstimate x = r.population(Selection.where("g", "x"));
        DerivedEstimate y = r.population(Selection.where("g", "y"));
        assertTrue(x.lower() + y.lower() <= total.upper() + 1e-9 && x.upper() + y.upper() >= total.lower() - 1e-9,
                name + " " + x + " " + y + " " + total);
    }
}
