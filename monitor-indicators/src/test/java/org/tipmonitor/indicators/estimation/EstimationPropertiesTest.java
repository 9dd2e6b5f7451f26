package org.tipmonitor.indicators.estimation;

import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.ClosedPopulationModel;
import org.tipmonitor.indicators.estimation.fit.ExistenceCheck;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.fit.TwoListEstimator;
import org.tipmonitor.indicators.estimation.fit.ProfileLikelihoodEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.estimation.internal.ExistenceLp;
import org.tipmonitor.indicators.estimation.internal.LogLinearDesign;
import org.tipmonitor.indicators.estimation.internal.SelectionAccess;

/**
 * Properties of the estimators over seeded simulated populations (seed in the case name) and explicit edge cases.
 */
class EstimationPropertiesTest {

    static Stream<Arguments> populations() {
        return LongStream.range(1, 25).mapToObj(seed -> {
            SimulatedPopulations.Population p = SimulatedPopulations.simulate(seed, 2, 5);
            return Arguments.of(p.toString(), p.table());
        });
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("one case", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,1\n")),
                Arguments.of("all overlap", CaptureHistories.fromCsv("A,B,C,count\n1,1,1,10\n")),
                Arguments.of("no overlap", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,5\n0,1,0,4\n0,0,1,3\n")),
                Arguments.of("empty list", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,5\n0,1,0,4\n1,1,0,3\n")),
                Arguments.of("two lists full overlap", CaptureHistories.fromCsv("A,B,count\n1,1,7\n")),
                Arguments.of("artificial", Tables.load("Artificial_3")),
                Arguments.of("Korea", Tables.load("Korea")),
                Arguments.of("Kosovo", Tables.load("Kosovo")),
                Arguments.of("HIV", Tables.load("Rcapture_HIV")),
                Arguments.of("lesbian", Tables.load("Rcapture_lesbian")),
                Arguments.of("Western", Tables.load("Western")),
                Arguments.of("NewOrl_5", Tables.load("NewOrl_5")),
                Arguments.of("UKdat_5", Tables.load("UKdat_5")));
    }

    static Stream<Arguments> all() {
        return Stream.concat(populations(), edgeCases());
    }

    private static void assertSound(EstimationOutcome outcome, CaptureHistories table) {
        assertNotNull(outcome);
        if (outcome instanceof Estimate e) {
            assertTrue(e.estimate() >= table.observed(), "N >= n");
            assertTrue(Double.isFinite(e.estimate()));
            assertTrue(e.interval().contains(e.estimate()), "interval contains N: " + e);
            assertTrue(e.interval().lower() >= table.observed() - 1e-9 * table.observed(), "lower >= n: " + e);
        } else if (outcome instanceof NotEstimable ne) {
            assertTrue(!ne.reason().isBlank());
        } else {
            assertInstanceOf(DidNotConverge.class, outcome);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void independenceEstimateIsSound(String name, CaptureHistories table) {
        LogLinearModel model = LogLinearModel.mainEffects(table.listNames());
        assertSound(LogLinearEstimator.withDefaults().estimate(table, model), table);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void stepwiseEstimateIsSoundAndPassesCheck(String name, CaptureHistories table) {
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(table);
        assertSound(r.outcome(), table);
        if (r.outcome() instanceof Estimate) {
            assertEquals(ExistenceStatus.OK, ExistenceCheck.run(table, r.model()).status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("populations")
    void profileIntervalContainsMultinomialEstimate(String name, CaptureHistories table) {
        assertSound(ProfileLikelihoodEstimator.withDefaults()
                .estimate(table, LogLinearModel.mainEffects(table.listNames())), table);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void zeroCountRowChangesNothing(String name, CaptureHistories table) {
        CaptureHistories.Builder b = CaptureHistories.builder(table.listNames());
        long[] counts = table.countsByMask();
        for (int h = 1; h < counts.length; h++) {
            b.addMask(h, counts[h]);
        }
        int all = counts.length - 1;
        CaptureHistories withZero = b.addMask(all, 0).build();
        assertEquals(table, withZero);
        LogLinearModel model = LogLinearModel.mainEffects(table.listNames());
        EstimationOutcome a = LogLinearEstimator.withDefaults().estimate(table, model);
        EstimationOutcome c = LogLinearEstimator.withDefaults().estimate(withZero, model);
        assertEquals(a, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void removingAListNeverBreaksTheApi(String name, CaptureHistories table) {
        if (table.listCount() < 3) {
            return;
        }
        for (String list : table.listNames()) {
            CaptureHistories smaller = table.withoutList(list);
            assertEquals(table.listCount() - 1, smaller.listCount());
            if (smaller.observed() == 0) {
                continue;
            }
            assertSound(LogLinearEstimator.withDefaults()
                    .estimate(smaller, LogLinearModel.mainEffects(smaller.listNames())), smaller);
            assertSound(StepwiseSelection.withDefaults().select(smaller).outcome(), smaller);
            if (smaller.listCount() == 2) {
                for (TwoListEstimator t : TwoListEstimator.values()) {
                    assertSound(t.estimate(smaller), smaller);
                }
            }
        }
    }

    static Stream<Arguments> sparsePopulations() {
        return LongStream.range(1000, 1012).mapToObj(seed -> {
            CaptureHistories full = SimulatedPopulations.simulate(seed, 3, 4).table();
            CaptureHistories.Builder b = CaptureHistories.builder(full.listNames());
            long[] c = full.countsByMask();
            int divisor = 1 + (int) (seed % 30);
            for (int h = 1; h < c.length; h++) {
                b.addMask(h, c[h] / divisor);
            }
            return Arguments.of("sparse seed=" + seed + " divisor=" + divisor, b.build());
        }).filter(a -> ((CaptureHistories) a.get()[1]).observed() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparsePopulations")
    void estimatorAgreesWithTheExistenceCheckOnEveryTwoWayModel(String name, CaptureHistories table) {
        // The estimator skips the linear program when the fit shows existence; over every two-way model its
        // outcome must still be an estimate exactly when the full check passes.
        int k = table.listCount();
        for (int[] masks : SelectionAccess.selections().catalogue(k, 2)) {
            LogLinearModel m = SelectionAccess.models().ofMasks(table.listNames(), masks);
            boolean passes = ExistenceCheck.run(table, m).status() == ExistenceStatus.OK;
            EstimationOutcome o = LogLinearEstimator.withDefaults().estimate(table, m);
            assertEquals(passes, o instanceof Estimate, m.formula() + " -> " + o);
            assertSound(o, table);
        }
    }

    /**
     * Fienberg &amp; Rinaldo's program in its textbook form, as SparseMSE states it: max s subject to X'x = X'y and
     * x_h - s >= 0 for every cell (one inequality row per cell), all variables non-negative.
     */
    private static boolean textbookProgramPositive(double[][] x, double[] y, int m) {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (double[] column : x) {
            double[] row = Arrays.copyOf(column, m + 1);
            double t = 0;
            for (int i = 0; i < m; i++) {
                t += column[i] * y[i];
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, t));
        }
        for (int i = 0; i < m; i++) {
            double[] row = new double[m + 1];
            row[i] = 1;
            row[m] = -1;
            constraints.add(new LinearConstraint(row, Relationship.GEQ, 0));
        }
        double[] objective = new double[m + 1];
        objective[m] = 1;
        return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(true))
                .getValue() > 1e-9;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparsePopulations")
    void existenceShortcutsAgreeWithTheTextbookLinearProgram(String name, CaptureHistories table) {
        // The standard-form program and the rank shortcut of ExistenceLp against the program as published.
        int k = table.listCount();
        for (int[] masks : SelectionAccess.selections().catalogue(k, 2)) {
            int[] terms = SelectionAccess.models().ofMasks(table.listNames(), masks).termMasks();
            LogLinearDesign d = new LogLinearDesign(k, table.countsByMask(), terms);
            boolean oracle = textbookProgramPositive(d.columns(), d.y(), d.rows());
            assertEquals(oracle, ExistenceLp.linearProgramOptimumPositive(d.columns(), d.y(), d.rows()),
                    Arrays.toString(masks));
            assertEquals(oracle, ExistenceLp.mleExists(d.columns(), d.y(), d.rows()), Arrays.toString(masks));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("populations")
    void closedPopulationModelsAreSound(String name, CaptureHistories table) {
        for (ClosedPopulationModel m : ClosedPopulationModel.values()) {
            assertSound(m.estimate(table), table);
        }
        List<String> lists = table.listNames();
        assertEquals(lists, ClosedPopulationModel.MT.estimate(table).lists());
    }
}
