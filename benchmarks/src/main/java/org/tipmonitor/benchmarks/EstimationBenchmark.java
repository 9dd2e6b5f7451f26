package org.tipmonitor.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;

/**
 * Multiple systems estimation on the Dutch table ({@code Ned}, six lists, 8,234 cases) and its five-list merge
 * ({@code Ned_5}), with the defaults a user gets: one log-linear fit of the stepwise-selected model, SparseMSE's
 * stepwise selection, the exhaustive BIC search (2<sup>15</sup> = 32,768 two-way models for six lists;
 * MultipleSystemsEstimation's catalogue up to order 3 for five lists) and the nonparametric bootstrap with 1,000
 * replicates that re-runs the stepwise selection in every replicate and jackknife deletion (BCa). The searches and
 * the bootstrap use every available processor, as by default. Each benchmark checks that it produced an estimate.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EstimationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EstimationBenchmark {

    private CaptureHistories ned;
    private CaptureHistories ned5;
    private LogLinearModel stepwiseModel;

    /** Loads the tables and selects the model that the single fit uses. */
    @Setup(Level.Trial)
    public void load() {
        ned = PublishedTables.load("Ned");
        ned5 = PublishedTables.load("Ned_5");
        stepwiseModel = StepwiseSelection.withDefaults().select(ned).model();
        System.out.printf("%nNed: %s; stepwise model %s%n", ned, stepwiseModel);
    }

    private static Estimate estimate(EstimationOutcome outcome) {
        if (outcome instanceof Estimate e) {
            return e;
        }
        throw new IllegalStateException("no estimate: " + outcome);
    }

    /**
     * One Poisson log-linear fit by IRLS of the stepwise-selected model of {@code Ned}, with the existence check
     * and the Wald interval.
     *
     * @return the estimate
     */
    @Benchmark
    public double fitOneModel() {
        return estimate(LogLinearEstimator.withDefaults().estimate(ned, stepwiseModel)).estimate();
    }

    /**
     * SparseMSE's stepwise selection on {@code Ned} (forward from main effects, threshold 0.02).
     *
     * @return the estimate of the selected model
     */
    @Benchmark
    public double stepwiseSelection() {
        return estimate(StepwiseSelection.withDefaults().select(ned).outcome()).estimate();
    }

    /**
     * The exhaustive BIC search over all 32,768 two-way models of {@code Ned}.
     *
     * @return the estimate of the best model
     */
    @Benchmark
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 3, time = 10)
    public double exhaustiveBicSixLists() {
        return ExhaustiveSearch.withDefaults().search(ned).ranking().get(0).estimate();
    }

    /**
     * The exhaustive BIC search over MultipleSystemsEstimation's catalogue for five lists (order 3) on
     * {@code Ned_5}.
     *
     * @return the estimate of the best model
     */
    @Benchmark
    public double exhaustiveBicFiveLists() {
        return ExhaustiveSearch.withDefaults().search(ned5).ranking().get(0).estimate();
    }

    /**
     * The nonparametric bootstrap of {@code Ned} with 1,000 replicates (seed 1234), stepwise selection re-run in
     * every replicate and jackknife deletion, BCa interval.
     *
     * @return the upper limit of the interval
     */
    @Benchmark
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 3, time = 10)
    public double bootstrapWithStepwiseSelection() {
        return estimate(BootstrapEstimator.withDefaults().nonparametric(ned, StepwiseSelection.withDefaults()))
                .interval().upper();
    }
}
