package org.tipmonitor.indicators.estimation;

import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Estimator invariants that {@link EstimationPropertiesTest} leaves out, over seeded simulated populations (seed
 * in the case name) and the published tables: explicit zero-count rows in a counts CSV, in any row order, change
 * neither the table nor the stepwise selection nor the exhaustive search; every bootstrap interval contains its
 * estimate, which is at least the observed count.
 */
class ZeroRowAndBootstrapPropertiesTest {

    static Stream<Arguments> tables() {
        Stream<Arguments> simulated = LongStream.rangeClosed(1, 16).mapToObj(seed -> {
            SimulatedPopulations.Population p = SimulatedPopulations.simulate(seed, 2, 4);
            return Arguments.of(p.toString(), p.table());
        });
        Stream<Arguments> published = Stream.of("Korea", "Kosovo", "Artificial_3", "Rcapture_HIV")
                .map(name -> Arguments.of(name, Tables.load(name)));
        return Stream.concat(simulated, published);
    }

    /** The table as a counts CSV with a row for every observable pattern, zeros included, rows shuffled. */
    private static String withEveryZeroRow(CaptureHistories table, long seed) {
        List<String> rows = new ArrayList<>();
        long[] counts = table.countsByMask();
        for (int mask = 1; mask < counts.length; mask++) {
            StringBuilder row = new StringBuilder();
            for (int list = 0; list < table.listCount(); list++) {
                row.append((mask >>> list) & 1).append(',');
            }
            rows.add(row.append(counts[mask]).toString());
        }
        Collections.shuffle(rows, new Random(seed));
        return String.join(",", table.listNames()) + ",count\n" + String.join("\n", rows) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void zeroCountRowsInTheCsvChangeNoSelection(String name, CaptureHistories table) {
        CaptureHistories padded = CaptureHistories.fromCsv(withEveryZeroRow(table, name.hashCode()));
        assertEquals(table, padded);
        StepwiseSelection.Result a = StepwiseSelection.withDefaults().select(table);
        StepwiseSelection.Result b = StepwiseSelection.withDefaults().select(padded);
        assertEquals(a.model(), b.model());
        assertEquals(a.outcome(), b.outcome());
        if (table.listCount() <= 4) {
            ExhaustiveSearch search = ExhaustiveSearch.withDefaults().withThreads(1);
            assertEquals(search.search(table).ranking(), search.search(padded).ranking());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void bootstrapIntervalsContainTheirEstimate(String name, CaptureHistories table) {
        BootstrapEstimator bootstrap = BootstrapEstimator.withDefaults().withReplicates(40).withThreads(1);
        LogLinearModel independence = LogLinearModel.mainEffects(table.listNames());
        List<EstimationOutcome> outcomes = List.of(bootstrap.parametric(table, independence),
                bootstrap.nonparametric(table, independence),
                bootstrap.nonparametric(table, StepwiseSelection.withDefaults()));
        for (EstimationOutcome outcome : outcomes) {
            if (outcome instanceof Estimate e) {
                assertTrue(e.estimate() >= table.observed(), () -> "N >= n: " + e);
                assertTrue(e.interval().contains(e.estimate()), () -> "interval contains N: " + e);
            }
        }
    }
}
