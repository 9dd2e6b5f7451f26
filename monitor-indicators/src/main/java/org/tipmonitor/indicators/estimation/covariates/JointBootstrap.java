package org.tipmonitor.indicators.estimation.covariates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.tipmonitor.indicators.IndicatorException;

/**
 * The parametric bootstrap of a {@link JointFit} (Cruyff's method for the Dutch monitors; Buckland &amp; Garthwaite
 * 1991, Quantifying precision of mark-recapture estimates using the bootstrap and related methods, Biometrics 47):
 * each replicate draws every observable cell from Poisson(&mu;&#770;<sub>hc</sub>) (the cells the fit leaves at 0 stay
 * 0), fits the same model with the same reference levels, and keeps its fitted unobserved count per covariate cell
 * and its observed counts. The replicates are kept, so that any population, share or ratio of covariate cells gets
 * a percentile interval from the same draws ({@link Replicates#population(Selection)},
 * {@link Replicates#share(Selection, Selection)}). The interval is conditional on the model; replicates whose fit
 * has no estimate are counted ({@link Replicates#failed()}) and left out, never replaced.
 *
 * <p>Defaults ({@link #withDefaults()}): 1,000 replicates, seed 1, the fit's confidence level; percentiles by R's
 * default quantile definition (type 7, {@code Percentile.EstimationType.R_7}). Replicate b draws from a
 * Well19937c generator seeded with seed + b, so results do not depend on the number of threads.
 */
public final class JointBootstrap {

    /** Most replicates. */
    public static final int MAX_REPLICATES = 100_000;

    private static final JointBootstrap DEFAULTS = new JointBootstrap(1000, 1);

    private final int replicates;
    private final long seed;

    private JointBootstrap(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** @return 1,000 replicates with seed 1 */
    public static JointBootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another number of replicates.
     *
     * @param n 10 to {@value #MAX_REPLICATES}
     * @return the bootstrap
     * @throws IndicatorException if n is outside that range
     */
    public JointBootstrap withReplicates(int n) {
        if (n < 10 || n > MAX_REPLICATES) {
            throw IndicatorException.of(Messages.REPLICATES, MAX_REPLICATES, n);
        }
        return new JointBootstrap(n, seed);
    }

    /**
     * A copy with another seed.
     *
     * @param s the seed
     * @return the bootstrap
     */
    public JointBootstrap withSeed(long s) {
        return new JointBootstrap(replicates, s);
    }

    /**
     * Draws and fits the replicates.
     *
     * @param fit the fit to resample from
     * @return the replicates
     */
    public Replicates parametric(JointFit fit) {
        Objects.requireNonNull(fit, "fit");
        JointDesign d = fit.design();
        double[] mu = fit.fittedRows();
        JointEstimator estimator = JointEstimator.withDefaults().withConfidenceLevel(fit.confidenceLevel());
        for (var e : fit.referenceLevels().entrySet()) {
            estimator = estimator.withReference(e.getKey(), e.getValue());
        }
        JointEstimator fixed = estimator;
        List<double[][]> draws = IntStream.range(0, replicates).parallel().mapToObj(b -> {
            RandomGenerator random = new Well19937c(seed + b);
            CovariateTable.Builder builder = CovariateTable.builder(d.table.lists(), d.table.covariates());
            for (int j = 0; j < d.table.covariates().size(); j++) {
                for (String level : d.table.levels().get(j)) {
                    builder.level(d.table.covariates().get(j), level);
                }
            }
            for (int r = 0; r < d.rows(); r++) {
                if (mu[r] > 0) {
                    long y = new PoissonDistribution(random, mu[r], PoissonDistribution.DEFAULT_EPSILON,
                            PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
                    if (y > 0) {
                        builder.add(d.maskOfRow(r), d.table.levelsOfCell(d.cellOfRow(r)), y);
                    }
                }
            }
            CovariateTable table;
            try {
                table = builder.build();
            } catch (IndicatorException e) {
                return null;
            }
            JointOutcome o = fixed.fit(table, fit.model());
            if (!(o instanceof JointFit f) || !f.table().levels().equals(d.table.levels())) {
                return null;
            }
            double[][] out = new double[2][d.cells];
            for (int c = 0; c < d.cells; c++) {
                out[0][c] = f.unobserved(c);
                out[1][c] = f.design().observed(c);
            }
            return out;
        }).toList();
        List<double[][]> kept = new ArrayList<>();
        for (double[][] draw : draws) {
            if (draw != null) {
                kept.add(draw);
            }
        }
        return new Replicates(fit, kept, replicates - kept.size());
    }

    /** The kept replicates of a parametric bootstrap, and intervals for any quantity of covariate cells. */
    public static final class Replicates {

        private final JointFit fit;
        private final List<double[][]> draws;
        private final int failed;

        private Replicates(JointFit fit, List<double[][]> draws, int failed) {
            this.fit = fit;
            this.draws = draws;
            this.failed = failed;
        }

        /** @return the replicates kept */
        public int size() {
            return draws.size();
        }

        /** @return the replicates whose fit had no estimate (left out) */
        public int failed() {
            return failed;
        }

        /**
         * The population of a set of covariate cells: the fit's estimate with the percentile interval of the
         * replicates' estimates n*<sub>A</sub> + &Ucirc;*<sub>A</sub>.
         *
         * @param selection the cells
         * @return the estimate
         * @throws IndicatorException if a name or level is unknown, or fewer than 10 replicates were kept
         */
        public DerivedEstimate population(Selection selection) {
            DerivedEstimate point = fit.population(selection);
            boolean[] in = cells(selection);
            double[] values = new double[draws.size()];
            for (int b = 0; b < values.length; b++) {
                values[b] = sum(draws.get(b), in, true) + sum(draws.get(b), in, false);
            }
            return interval(point, values);
        }

        /**
         * The share of one set of cells in a larger one, with the percentile interval of the replicates' shares.
         *
         * @param part  the cells counted
         * @param whole the cells of the denominator
         * @return the estimate
         * @throws IndicatorException if a name or level is unknown, or fewer than 10 replicates were kept
         */
        public DerivedEstimate share(Selection part, Selection whole) {
            DerivedEstimate point = fit.share(part, whole);
            boolean[] a = cells(part);
            boolean[] w = cells(whole);
            double[] values = new double[draws.size()];
            for (int b = 0; b < values.length; b++) {
                double na = sum(draws.get(b), a, true) + sum(draws.get(b), a, false);
                double nw = sum(draws.get(b), w, true) + sum(draws.get(b), w, false);
                values[b] = na / nw;
            }
            return interval(point, values);
        }

        private DerivedEstimate interval(DerivedEstimate point, double[] values) {
            if (values.length < 10) {
                throw IndicatorException.of(Messages.REPLICATES, MAX_REPLICATES, values.length);
            }
            double alpha = 1 - fit.confidenceLevel();
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            p.setData(values);
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new DerivedEstimate(point.quantity(), point.observed(), point.estimate(),
                    Math.sqrt(ss / (values.length - 1)), p.evaluate(100 * alpha / 2), p.evaluate(100 * (1 - alpha
                    / 2)), fit.confidenceLevel(), "bootstrap-percentile (" + values.length + " replicates)");
        }

        private boolean[] cells(Selection selection) {
            selection.check(fit.design().table);
            boolean[] in = new boolean[fit.design().cells];
            boolean any = false;
            for (int c = 0; c < in.length; c++) {
                in[c] = selection.contains(fit.design().table, c);
                any |= in[c];
            }
            if (!any) {
                throw IndicatorException.of(Messages.EMPTY_SELECTION, selection);
            }
            return in;
        }

        private static double sum(double[][] draw, boolean[] in, boolean unobserved) {
            double s = 0;
            double[] v = draw[unobserved ? 0 : 1];
            for (int c = 0; c < in.length; c++) {
                if (in[c]) {
                    s += v[c];
                }
            }
            return s;
        }
    }
}
