package org.tipmonitor.indicators.estimation.bootstrap;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.internal.Outcomes;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.data.StratifiedHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.fit.StratifiedEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.estimation.internal.MultinomialSampler;
import org.tipmonitor.indicators.estimation.internal.RCompatibleRandom;
import org.tipmonitor.indicators.estimation.internal.SelectionAccess;

/**
 * Seeded bootstrap intervals for the population size.
 *
 * <ul>
 *   <li>{@link #parametric}: conditional on a log-linear model (Cruyff's {@code mse}; Cormack 1989, &sect;5):
 *       B tables of size &lfloor;N&#770;&rfloor; (R truncates the size) are drawn from the multinomial with the
 *       fitted cell probabilities
 *       &mu;&#770;<sub>h</sub>/N&#770; (the unobserved cell included), the same model is refitted to each table's
 *       observed cells, and the interval is the (&alpha;/2, 1 &minus; &alpha;/2) percentiles of the replicate
 *       estimates (R's {@code quantile} type 7). Replicates whose model fails the existence check or does not
 *       converge are dropped and counted in a warning.</li>
 *   <li>{@link #nonparametric(CaptureHistories, StepwiseSelection)}: with model selection re-run in every
 *       replicate (Chan, Silverman &amp; Vincent 2021;
 *       SparseMSE's {@code estimatepopulation(nboot)}): B tables of size n drawn from the observed cell proportions,
 *       the stepwise selection and fit re-run on each, and the bias-corrected and accelerated interval of Efron
 *       (1987): z<sub>0</sub> = &Phi;<sup>&minus;1</sup>(#{&theta;*<sub>b</sub> &lt; &theta;&#770;}/B), acceleration
 *       &acirc; = &Sigma; c<sub>r</sub> d<sub>r</sub><sup>3</sup> / (6 (&Sigma; c<sub>r</sub>
 *       d<sub>r</sub><sup>2</sup>)<sup>3/2</sup>) from the delete-one-case jackknife over the observed cells (cell
 *       r with count c<sub>r</sub>, d<sub>r</sub> = &theta;&#772; &minus; &theta;&#770;<sub>(r)</sub>), level
 *       q = &Phi;(z<sub>0</sub> + z/(1 &minus; &acirc; z)) with z = &Phi;<sup>&minus;1</sup>(&alpha;) +
 *       z<sub>0</sub>, and
 *       limit = the q-quantile (R's type 8). The interval thus includes model-selection uncertainty. The same
 *       scheme is offered with selection by an information criterion
 *       ({@link #nonparametric(CaptureHistories, ExhaustiveSearch)}) and for a fixed model
 *       ({@link #nonparametric(CaptureHistories, LogLinearModel)}).</li>
 * </ul>
 *
 * <p>The default random source ({@link RandomSource#SPLITTABLE}) is {@link SplittableRandom}: the seed gives one
 * sub-seed per replicate, so results do not depend on the number of threads, and agree with R's within Monte Carlo
 * error. {@link RandomSource#R} draws the replicates as SparseMSE's {@code estimatepopulation(nboot)} and
 * MultipleSystemsEstimation's stepwise and fixed-model bootstraps do: after R's {@code set.seed(seed)}, one
 * {@code rmultinom(1, n, counts)} per replicate over the table's observed rows in the order they were supplied
 * (a counts CSV's lines), with R's Mersenne-Twister and binomial generator; the intervals then equal R's to the
 * digit. Instances are immutable and thread-safe.
 */
public final class BootstrapEstimator {

    /** SparseMSE's default seed ({@code iseed = 1234}). */
    public static final long DEFAULT_SEED = 1234;
    /** Definition name recorded in an estimate's provenance: the replicates asked for. */
    public static final String REPLICATES = "replicates";
    /** Definition name recorded in an estimate's provenance: the replicates that gave an estimate. */
    public static final String REPLICATES_USED = "replicatesUsed";
    /** Definition name recorded in an estimate's provenance: the seed of the random stream. */
    public static final String SEED = "seed";
    /** Definition name recorded in an estimate's provenance: the random source (SplittableRandom or R's). */
    public static final String RANDOM_SOURCE = "randomSource";

    /** Where the replicates' random numbers come from. */
    public enum RandomSource {
        /** {@link SplittableRandom} with one sub-seed per replicate (the default): fast, independent of threads. */
        SPLITTABLE,
        /**
         * R's default generator (Mersenne-Twister, seeded as {@code set.seed}) and R's multinomial draws over the
         * table's rows as supplied, for digit-level agreement with the R packages' nonparametric bootstraps of
         * stepwise selection and of a fixed model (the other bootstraps refuse it, {@code TM-MSE-138}).
         */
        R
    }

    private static final BootstrapEstimator DEFAULTS = new BootstrapEstimator(1000, 0.95, DEFAULT_SEED,
            Runtime.getRuntime().availableProcessors(), RandomSource.SPLITTABLE);

    private final int replicates;
    private final double level;
    private final long seed;
    private final int threads;
    private final RandomSource randomSource;

    private BootstrapEstimator(int replicates, double level, long seed, int threads, RandomSource randomSource) {
        this.replicates = replicates;
        this.level = level;
        this.seed = seed;
        this.threads = threads;
        this.randomSource = randomSource;
    }

    /**
     * 1 000 replicates, level 0.95, seed 1234, all available processors.
     *
     * @return the estimator
     */
    public static BootstrapEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another number of replicates.
     *
     * @param count at least 10
     * @return the estimator
     * @throws IndicatorException if count &lt; 10
     */
    public BootstrapEstimator withReplicates(int count) {
        if (count < 10) {
            throw IndicatorException.of(IndicatorRule.REPLICATES, count);
        }
        return new BootstrapEstimator(count, level, seed, threads, randomSource);
    }

    /**
     * A copy with another level.
     *
     * @param confidenceLevel in (0, 1)
     * @return the estimator
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public BootstrapEstimator withConfidenceLevel(double confidenceLevel) {
        return new BootstrapEstimator(replicates, Arguments.checkLevel(confidenceLevel), seed, threads,
                randomSource);
    }

    /**
     * A copy with another seed.
     *
     * @param randomSeed the seed
     * @return the estimator
     */
    public BootstrapEstimator withSeed(long randomSeed) {
        return new BootstrapEstimator(replicates, level, randomSeed, threads, randomSource);
    }

    /**
     * A copy using a number of threads.
     *
     * @param count at least 1
     * @return the estimator
     * @throws IndicatorException if count &lt; 1
     */
    public BootstrapEstimator withThreads(int count) {
        if (count < 1) {
            throw IndicatorException.of(IndicatorRule.THREADS, count);
        }
        return new BootstrapEstimator(replicates, level, seed, count, randomSource);
    }

    /**
     * A copy drawing from another random source.
     *
     * @param source the source
     * @return the estimator
     */
    public BootstrapEstimator withRandomSource(RandomSource source) {
        return new BootstrapEstimator(replicates, level, seed, threads, Objects.requireNonNull(source, "source"));
    }

    /**
     * The parametric bootstrap conditional on a model.
     *
     * @param histories the table
     * @param model     the model
     * @return the model's estimate with a percentile interval, or the model's failure outcome
     * @throws IndicatorException if the model's lists differ from the table's or the table has no observed case
     */
    public EstimationOutcome parametric(CaptureHistories histories, LogLinearModel model) {
        requireSplittable("parametric");
        LogLinearEstimator estimator = LogLinearEstimator.withDefaults();
        EstimationOutcome original = estimator.estimate(histories, model);
        if (!(original instanceof Estimate e)) {
            return original;
        }
        double[] fitted = e.fit().orElseThrow().fittedByMask();
        MultinomialSampler sampler = new MultinomialSampler(fitted);
        long size = (long) Math.floor(e.estimate());
        List<String> names = histories.listNames();
        double[] boot = run(b -> {
            long[] counts = sampler.sample(size, b);
            counts[0] = 0;
            CaptureHistories replicate = table(names, counts);
            if (replicate.observed() == 0) {
                return Double.NaN;
            }
            EstimationOutcome o = estimator.estimate(replicate, model);
            return o instanceof Estimate r ? r.estimate() : Double.NaN;
        });
        double[] ok = Arrays.stream(boot).filter(Double::isFinite).sorted().toArray();
        List<String> warnings = new ArrayList<>(e.warnings());
        if (ok.length < boot.length) {
            warnings.add(String.format(Locale.ROOT, "%d of %d bootstrap replicates had no estimate and were dropped",
                    boot.length - ok.length, boot.length));
        }
        if (ok.length < 2) {
            return new NotEstimable("parametric-bootstrap", names, ExistenceStatus.MLE_NOT_FINITE, List.of(),
                    List.of(), "Fewer than 2 bootstrap replicates had an estimate", e.provenance());
        }
        double alpha = 1 - level;
        double lower = atLeastObserved(quantileType7(ok, alpha / 2), histories.observed(), warnings);
        double upper = Math.max(quantileType7(ok, 1 - alpha / 2), lower);
        ConfidenceInterval interval = new ConfidenceInterval(lower, upper, level,
                PopulationInterval.PARAMETRIC_BOOTSTRAP_PERCENTILE);
        return new Estimate(e.method(), names, e.observed(), e.estimate(), e.standardError(), interval, e.fit(),
                warnings, provenance(e.provenance(), PopulationInterval.PARAMETRIC_BOOTSTRAP_PERCENTILE, ok.length));
    }

    /**
     * The parametric bootstrap of a lists &times; covariate model (Cruyff's {@code mse}, as for the Dutch monitors'
     * estimates by year or by minor/adult): tables of size &lfloor;N&#770;&rfloor; over all levels and patterns
     * are drawn from the fitted probabilities (unobserved cells included), the model is refitted, and each level's
     * and the total's interval are the percentiles of their replicate estimates (type 7). Because one multinomial
     * spans all levels, a level's own size varies between replicates too, so its interval is wider than the
     * Wald-log interval of the same fit (which treats the level's expected size as the target). Replicates in which
     * a level has no observed case, or the model fails, are dropped and counted in a warning.
     *
     * @param data    the stratified tables
     * @param formula the model, as for {@link StratifiedEstimator#estimate}
     * @return the estimates with percentile intervals, or the model's failure outcomes
     * @throws IndicatorException if the formula is invalid
     */
    public StratifiedEstimator.Result parametric(StratifiedHistories data, String formula) {
        requireSplittable("stratified parametric");
        StratifiedEstimator estimator = StratifiedEstimator.withDefaults().withConfidenceLevel(level);
        StratifiedEstimator.Joint joint = estimator.joint(data, formula);
        StratifiedEstimator.Result original = joint.result();
        if (!(original.total() instanceof Estimate total)) {
            return original;
        }
        List<String> levels = data.levels();
        int strata = levels.size();
        int cellsPerLevel = joint.fitted()[0].length;
        double[] weights = new double[strata * cellsPerLevel];
        for (int l = 0; l < strata; l++) {
            System.arraycopy(joint.fitted()[l], 0, weights, l * cellsPerLevel, cellsPerLevel);
        }
        MultinomialSampler sampler = new MultinomialSampler(weights);
        long size = (long) Math.floor(total.estimate());
        List<String> names = data.listNames();
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[replicates];
        for (int b = 0; b < replicates; b++) {
            seeds[b] = master.nextLong();
        }
        double[][] levelBoot = new double[strata][replicates];
        double[] totalBoot = parallel(replicates, b -> {
            long[] counts = sampler.sample(size, new SplittableRandom(seeds[b]));
            java.util.Map<String, CaptureHistories> tables = new java.util.LinkedHashMap<>();
            for (int l = 0; l < strata; l++) {
                long[] c = Arrays.copyOfRange(counts, l * cellsPerLevel, (l + 1) * cellsPerLevel);
                c[0] = 0;
                CaptureHistories t = table(names, c);
                if (t.observed() == 0) {
                    return Double.NaN;
                }
                tables.put(levels.get(l), t);
            }
            StratifiedEstimator.Result r = estimator.estimate(StratifiedHistories.of(data.covariate(), tables),
                    formula);
            for (int l = 0; l < strata; l++) {
                levelBoot[l][b] = r.byLevel().get(l) instanceof Estimate e ? e.estimate() : Double.NaN;
            }
            return r.total() instanceof Estimate e ? e.estimate() : Double.NaN;
        });
        int used = 0;
        for (double t : totalBoot) {
            used += Double.isFinite(t) ? 1 : 0;
        }
        List<EstimationOutcome> byLevel = new ArrayList<>();
        for (int l = 0; l < strata; l++) {
            byLevel.add(percentileEstimate((Estimate) original.byLevel().get(l), levelBoot[l], totalBoot, used));
        }
        return new StratifiedEstimator.Result(data.covariate(), levels,
                percentileEstimate(total, totalBoot, totalBoot, used), byLevel);
    }

    /** The estimate with the percentile interval of the replicates where the total succeeded. */
    private EstimationOutcome percentileEstimate(Estimate e, double[] values, double[] totals, int used) {
        double[] ok = IntStream.range(0, values.length).filter(b -> Double.isFinite(totals[b]))
                .mapToDouble(b -> values[b]).filter(Double::isFinite).sorted().toArray();
        List<String> warnings = new ArrayList<>(e.warnings());
        if (used < values.length) {
            warnings.add(String.format(Locale.ROOT, "%d of %d bootstrap replicates had no estimate and were dropped",
                    values.length - used, values.length));
        }
        if (ok.length < 2) {
            return new NotEstimable("parametric-bootstrap", e.lists(), ExistenceStatus.MLE_NOT_FINITE, List.of(),
                    List.of(), "Fewer than 2 bootstrap replicates had an estimate", e.provenance());
        }
        double alpha = 1 - level;
        double lower = atLeastObserved(quantileType7(ok, alpha / 2), e.observed(), warnings);
        double upper = Math.max(quantileType7(ok, 1 - alpha / 2), lower);
        ConfidenceInterval interval = new ConfidenceInterval(lower, upper, level,
                PopulationInterval.PARAMETRIC_BOOTSTRAP_PERCENTILE);
        return new Estimate(e.method(), e.lists(), e.observed(), e.estimate(), e.standardError(), interval, e.fit(),
                warnings, provenance(e.provenance(), PopulationInterval.PARAMETRIC_BOOTSTRAP_PERCENTILE, ok.length));
    }

    /**
     * The nonparametric bootstrap with the stepwise selection re-run in every replicate and in every jackknife
     * deletion, and a BCa interval.
     *
     * @param histories the table
     * @param selection the stepwise selection (its threshold and estimator are used throughout)
     * @return the selected model's estimate on the data with the BCa interval, or the selection's failure outcome
     * @throws IndicatorException if the table has no observed case
     */
    public EstimationOutcome nonparametric(CaptureHistories histories, StepwiseSelection selection) {
        StepwiseSelection.Result original = selection.select(histories);
        if (!(original.outcome() instanceof Estimate e)) {
            return original.outcome();
        }
        int k = histories.listCount();
        return bca(histories, e, counts -> SelectionAccess.selections().selectedEstimate(selection, k, counts));
    }

    /**
     * The nonparametric bootstrap of a fixed model with a BCa interval (MultipleSystemsEstimation's
     * {@code estimate_population_fixed}): only the fit is redone in each replicate and jackknife deletion;
     * replicates whose model fails the existence check are dropped (counted in a warning).
     *
     * @param histories the table
     * @param model     the model
     * @return the model's estimate with the BCa interval, or the model's failure outcome
     * @throws IndicatorException if the model's lists differ from the table's or the table has no observed case
     */
    public EstimationOutcome nonparametric(CaptureHistories histories, LogLinearModel model) {
        LogLinearEstimator estimator = LogLinearEstimator.withDefaults();
        EstimationOutcome original = estimator.estimate(histories, model);
        if (!(original instanceof Estimate e)) {
            return original;
        }
        List<String> names = histories.listNames();
        return bca(histories, e, counts -> {
            CaptureHistories t = table(names, counts);
            if (t.observed() == 0) {
                return Double.NaN;
            }
            EstimationOutcome o = estimator.estimate(t, model);
            return o instanceof Estimate r ? r.estimate() : Double.NaN;
        });
    }

    /**
     * The nonparametric bootstrap with selection by an information criterion re-run in every replicate and
     * jackknife deletion, as MultipleSystemsEstimation's {@code estimate_population(method = "bic", nboot)}: the
     * search is run once on the data, and each replicate picks, among the first M models of that ranking (M = all
     * for 3 lists, 20 for 4, 100 for 5 and 6), the one with the smallest criterion on the replicate that passes
     * the existence check; BCa as for {@link #nonparametric(CaptureHistories, StepwiseSelection)}.
     *
     * @param histories the table, at most 6 lists
     * @param search    the search (criterion, maximum order)
     * @return the best model's estimate on the data with the BCa interval, or the search's failure outcome
     * @throws IndicatorException as {@link ExhaustiveSearch#search}
     */
    public EstimationOutcome nonparametric(CaptureHistories histories, ExhaustiveSearch search) {
        requireSplittable("information-criterion");
        ExhaustiveSearch.Result original = search.search(histories);
        if (!(original.best() instanceof Estimate e)) {
            return original.best();
        }
        int k = histories.listCount();
        int top = k <= 3 ? original.ranking().size() : k == 4 ? 20 : 100;
        List<int[]> candidates = new ArrayList<>();
        for (ExhaustiveSearch.RankedModel m : original.ranking().subList(0, Math.min(top, original.ranking().size()))) {
            candidates.add(m.model().interactionMasks());
        }
        SelectionAccess.Selections selections = SelectionAccess.selections();
        EstimationOutcome result = bca(histories, e, counts -> selections.bestEstimate(search, k, counts, candidates));
        return Outcomes.withProvenance(result, p -> p.withDefinition("bootstrapModels",
                Integer.toString(candidates.size())));
    }

    private EstimationOutcome bca(CaptureHistories histories, Estimate e, ToDoubleFunction<long[]> theta) {
        List<String> names = histories.listNames();
        long[] data = histories.countsByMask();
        double[] weights = new double[data.length];
        for (int h = 1; h < data.length; h++) {
            weights[h] = data[h];
        }
        long n = histories.observed();
        double[] boot;
        if (randomSource == RandomSource.R) {
            boot = rReplicates(histories, theta);
        } else {
            MultinomialSampler sampler = new MultinomialSampler(weights);
            boot = run(b -> theta.applyAsDouble(sampler.sample(n, b)));
        }
        // Delete-one-case jackknife over the observed cells, weighted by their counts.
        int[] cells = IntStream.range(1, data.length).filter(h -> data[h] > 0).toArray();
        double[] jack = parallel(cells.length, i -> {
            long[] counts = data.clone();
            counts[cells[i]]--;
            return theta.applyAsDouble(counts);
        });
        List<String> warnings = new ArrayList<>(e.warnings());
        double[] ok = Arrays.stream(boot).filter(Double::isFinite).sorted().toArray();
        if (ok.length < boot.length) {
            warnings.add(String.format(Locale.ROOT, "%d of %d bootstrap replicates had no estimate and were dropped",
                    boot.length - ok.length, boot.length));
        }
        double thetaHat = e.estimate();
        double mean = 0;
        long weightSum = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Double.isFinite(jack[i])) {
                mean += data[cells[i]] * jack[i];
                weightSum += data[cells[i]];
            }
        }
        if (ok.length < 2 || weightSum == 0) {
            return new NotEstimable("nonparametric-bootstrap", names, ExistenceStatus.MLE_NOT_FINITE, List.of(),
                    List.of(), "Fewer than 2 bootstrap replicates had an estimate", e.provenance());
        }
        mean /= weightSum;
        double num = 0;
        double den = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Double.isFinite(jack[i])) {
                double d = mean - jack[i];
                num += data[cells[i]] * d * d * d;
                den += data[cells[i]] * d * d;
            }
        }
        double a = den > 0 ? num / (6 * Math.pow(den, 1.5)) : 0;
        long below = Arrays.stream(ok).filter(v -> v < thetaHat).count();
        double proportion = (double) below / ok.length;
        double clamp = 0.5 / ok.length;
        if (proportion < clamp || proportion > 1 - clamp) {
            warnings.add(String.format(Locale.ROOT,
                    "%d of %d replicates below the estimate: bias correction clamped", below, ok.length));
            proportion = Math.min(Math.max(proportion, clamp), 1 - clamp);
        }
        NormalDistribution normal = Outcomes.STANDARD_NORMAL;
        double z0 = normal.inverseCumulativeProbability(proportion);
        double alpha = 1 - level;
        double[] limits = new double[2];
        double[] tails = {alpha / 2, 1 - alpha / 2};
        for (int i = 0; i < 2; i++) {
            double z = normal.inverseCumulativeProbability(tails[i]) + z0;
            double q = normal.cumulativeProbability(z0 + z / (1 - a * z));
            limits[i] = quantileType8(ok, q);
        }
        double lower = atLeastObserved(limits[0], n, warnings);
        double upper = Math.max(limits[1], lower);
        ConfidenceInterval interval = new ConfidenceInterval(lower, upper, level,
                PopulationInterval.NONPARAMETRIC_BOOTSTRAP_BCA);
        Provenance p = provenance(e.provenance(), PopulationInterval.NONPARAMETRIC_BOOTSTRAP_BCA, ok.length)
                .withDefinition("acceleration", Double.toString(a))
                .withDefinition("biasCorrection", Double.toString(z0));
        return new Estimate(e.method(), names, e.observed(), thetaHat, e.standardError(), interval, e.fit(),
                warnings, p);
    }

    private static CaptureHistories table(List<String> names, long[] counts) {
        CaptureHistories.Builder builder = CaptureHistories.builder(names);
        for (int h = 1; h < counts.length; h++) {
            builder.addMask(h, counts[h]);
        }
        return builder.build();
    }

    private static double atLeastObserved(double lower, long observed, List<String> warnings) {
        if (lower < observed) {
            warnings.add(String.format(Locale.ROOT,
                    "Bootstrap lower limit %.3f is below the observed count: raised to n = %d", lower, observed));
            return observed;
        }
        return lower;
    }

    private Provenance provenance(Provenance base, PopulationInterval method, int used) {
        return base.withDefinition("interval", method.name()).withDefinition("level", Double.toString(level))
                .withDefinition(SEED, Long.toString(seed)).withDefinition(REPLICATES, Integer.toString(replicates))
                .withDefinition(REPLICATES_USED, Integer.toString(used))
                .withDefinition(RANDOM_SOURCE,
                        randomSource == RandomSource.R ? "R Mersenne-Twister" : "SplittableRandom");
    }

    /**
     * The replicates as R draws them: after {@code set.seed(seed)}, {@code rmultinom(1, n, counts)} over the
     * observed rows as supplied, one replicate after the other on one stream; the estimates are then computed in
     * parallel.
     */
    private double[] rReplicates(CaptureHistories histories, ToDoubleFunction<long[]> theta) {
        if (seed != (int) seed || seed == Integer.MIN_VALUE) {
            throw IndicatorException.of(IndicatorRule.R_SEED, seed);
        }
        int[] rows = histories.rowOrder();
        double[] rowCounts = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            rowCounts[r] = histories.countOfMask(rows[r]);
        }
        RCompatibleRandom random = new RCompatibleRandom(seed);
        long[][] draws = new long[replicates][];
        for (int b = 0; b < replicates; b++) {
            draws[b] = random.multinomial(histories.observed(), rowCounts);
        }
        int cells = histories.countsByMask().length;
        return parallel(replicates, b -> {
            long[] counts = new long[cells];
            for (int r = 0; r < rows.length; r++) {
                counts[rows[r]] = draws[b][r];
            }
            return theta.applyAsDouble(counts);
        });
    }

    private void requireSplittable(String bootstrap) {
        if (randomSource != RandomSource.SPLITTABLE) {
            throw IndicatorException.of(IndicatorRule.R_RANDOM_UNSUPPORTED, bootstrap);
        }
    }

    /** Runs the replicates, each with its own sub-seeded random source. */
    private double[] run(java.util.function.Function<SplittableRandom, Double> replicate) {
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[replicates];
        for (int b = 0; b < replicates; b++) {
            seeds[b] = master.nextLong();
        }
        return parallel(replicates, b -> replicate.apply(new SplittableRandom(seeds[b])));
    }

    private double[] parallel(int count, java.util.function.IntToDoubleFunction task) {
        double[] out = new double[count];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> out[i] = task.applyAsDouble(i)))
                    .get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bootstrap interrupted", ex);
        } catch (ExecutionException ex) {
            throw new IllegalStateException("Bootstrap failed", ex.getCause());
        } finally {
            pool.shutdown();
        }
        return out;
    }

    /** R's quantile type 7 on sorted data: h = (B &minus; 1) q, linear interpolation. */
    static double quantileType7(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** R's quantile type 8 on sorted data: h = (B + 1/3) q + 1/3 (1-based), clamped to the extremes. */
    static double quantileType8(double[] sorted, double q) {
        int b = sorted.length;
        double h = (b + 1.0 / 3) * q + 1.0 / 3;
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= b) {
            return sorted[b - 1];
        }
        int lo = (int) Math.floor(h);
        return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
    }
}
