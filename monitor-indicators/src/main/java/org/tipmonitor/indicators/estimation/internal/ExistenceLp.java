package org.tipmonitor.indicators.estimation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tipmonitor.indicators.internal.LinearProgram;

/**
 * The existence and identifiability test of Fienberg &amp; Rinaldo (2012) as used by SparseMSE's
 * {@code checkident}, on a reduced log-linear design.
 *
 * <p>Existence: the Poisson MLE is finite iff the sufficient statistics T = X'y lie in the relative interior of
 * the marginal cone, i.e. iff some strictly positive table x has X'x = T. The linear program
 * max s subject to X'x = T, x<sub>h</sub> &minus; s &ge; 0, x, s &ge; 0 has optimum s* &gt; 0 exactly then
 * (x = y, s = 0 is always feasible and s &le; n, so the program is bounded and feasible). The programs are solved by
 * {@link LinearProgram} (GLOP, or ojAlgo's simplex where GLOP's native library is absent).
 *
 * <p>Identifiability: the design has full column rank (pivoted QR, relative tolerance 1e-7, as R's {@code qr}).
 */
public final class ExistenceLp {

    /** Optimum below this is taken as 0 (the packages compare lp_solve's double to 0 exactly). */
    public static final double ZERO = 1e-9;
    /** R's {@code qr} default tolerance. */
    public static final double RANK_TOLERANCE = 1e-7;

    private ExistenceLp() {
    }

    /**
     * The outcome of the test.
     *
     * @param mleExists    whether the LP optimum is positive
     * @param identifiable whether the design has full column rank
     * @param aliasedColumns the design columns judged aliased (empty when identifiable)
     * @param forcedZeroCells rows (indices into the design) that are 0 in every table with the data's margins
     *                        (empty when the MLE exists)
     */
    public record Outcome(boolean mleExists, boolean identifiable, int[] aliasedColumns, int[] forcedZeroCells) {

        /** @return the SparseMSE code: [MLE not finite] + 2 [not identifiable] */
        public int code() {
            return (mleExists ? 0 : 1) + (identifiable ? 0 : 2);
        }
    }

    /**
     * Runs the test.
     *
     * @param design the reduced design
     * @return the outcome
     */
    public static Outcome check(LogLinearDesign design) {
        return check(design.columns(), design.y(), design.rows());
    }

    /**
     * Runs the test on any design.
     *
     * @param x column-major design, intercept first
     * @param y the cells' counts
     * @param m the number of rows used
     * @return the outcome
     */
    public static Outcome check(double[][] x, double[] y, int m) {
        PivotedQr qr = new PivotedQr(x, m, RANK_TOLERANCE);
        List<Integer> aliased = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (qr.isAliased(j)) {
                aliased.add(j);
            }
        }
        boolean exists = mleExists(x, y, m);
        int[] forced = exists ? new int[0] : forcedZeroCells(x, y, m);
        return new Outcome(exists, aliased.isEmpty(), aliased.stream().mapToInt(Integer::intValue).toArray(), forced);
    }

    /**
     * The check as a yes/no decision, fitting first to avoid the linear program when possible: at a finite MLE
     * the fitted means are a strictly positive table with the data's margins (X'&mu; = X'y), so the program's
     * optimum is positive. When the fit converges with full rank and either no fitted mean is small or the last
     * IRLS step left every linear predictor still (quadratic convergence; a cell pushed to 0 by a missing MLE
     * drops by about 1 per step), the MLE exists; otherwise the linear program decides. The rank test is always
     * run.
     *
     * @param design        the reduced design
     * @param maxIterations IRLS limit
     * @param epsilon       IRLS criterion
     * @return true if the check gives code 0
     */
    public static boolean passes(LogLinearDesign design, int maxIterations, double epsilon) {
        double[][] x = design.columns();
        int m = design.rows();
        if (new PivotedQr(x, m, RANK_TOLERANCE).rank() < x.length) {
            return false;
        }
        PoissonGlm.Fit fit = PoissonGlm.fit(x, design.y(), m, maxIterations, epsilon, null);
        return mleExists(x, design.y(), m, fit);
    }

    /**
     * Whether the MLE exists, given a fit of the same design: true without the linear program when the fit
     * converged with full rank and either no fitted mean is below max(0.01, 1e-6 (D + 0.1)) or the last step
     * changed no linear predictor by more than 0.01; otherwise the linear program decides.
     *
     * <p>Why this is safe: at convergence X'&mu; = X'y up to a tiny residual, so fitted means bounded away from 0
     * can be corrected into an exact strictly positive table with the data's margins. When the MLE does not
     * exist, the cells that every such table leaves empty have fitted means driven to 0, their log falling by
     * about 1 per IRLS step (Newton on a decaying exponential), and R's criterion stops only once their sum is
     * below about 1e-8 (D + 0.1): neither condition can then hold.
     *
     * @param x   column-major design
     * @param y   counts
     * @param m   rows
     * @param fit a fit of that design
     * @return true if a strictly positive table with the data's margins exists
     */
    public static boolean mleExists(double[][] x, double[] y, int m, PoissonGlm.Fit fit) {
        if (fit.converged() && fit.rank() == x.length) {
            double minMu = Double.POSITIVE_INFINITY;
            for (double mu : fit.fitted()) {
                minMu = Math.min(minMu, mu);
            }
            if (minMu >= Math.max(1e-2, 1e-6 * (fit.deviance() + 0.1)) || fit.lastEtaChange() <= 1e-2) {
                return true;
            }
        }
        return mleExists(x, y, m);
    }

    /**
     * Whether a strictly positive table with the data's margins exists.
     *
     * @param x column-major design
     * @param y counts
     * @param m rows
     * @return true if the LP optimum is positive
     */
    public static boolean mleExists(double[][] x, double[] y, int m) {
        // Haberman (1974): the MLE fails to exist iff some d = Xc != 0 has d <= 0 on every cell and d = 0 on the
        // cells with a positive count. When the rows of the positive cells alone have full column rank, only
        // c = 0 vanishes on them, so the MLE exists (this includes a table without zero cells, where x = y
        // solves the linear program).
        int positive = 0;
        for (int i = 0; i < m; i++) {
            if (y[i] > 0) {
                positive++;
            }
        }
        int p = x.length;
        if (positive >= p) {
            double[][] rows = new double[p][positive];
            for (int j = 0; j < p; j++) {
                for (int i = 0, r = 0; i < m; i++) {
                    if (y[i] > 0) {
                        rows[j][r++] = x[j][i];
                    }
                }
            }
            if (new PivotedQr(rows, positive, RANK_TOLERANCE).rank() == p) {
                return true;
            }
        }
        return linearProgramOptimumPositive(x, y, m);
    }

    /**
     * The linear program of Fienberg &amp; Rinaldo alone: max s subject to X'x = X'y, x &ge; s, x, s &ge; 0.
     *
     * <p>It is solved in the equivalent standard form x = u + s&middot;1 with u, s &ge; 0: max s subject to
     * X'u + (X'1) s = X'y, which has one equality row per design column instead of one inequality row per cell,
     * so its size grows with the number of parameters, not with the 2<sup>K</sup> cells.
     *
     * @param x column-major design
     * @param y counts
     * @param m rows
     * @return true if the optimum s is positive
     */
    public static boolean linearProgramOptimumPositive(double[][] x, double[] y, int m) {
        int p = x.length;
        LinearProgram lp = new LinearProgram(m + 1);
        for (int j = 0; j < p; j++) {
            double[] row = new double[m + 1];
            double t = 0;
            double ones = 0;
            for (int i = 0; i < m; i++) {
                row[i] = x[j][i];
                t += x[j][i] * y[i];
                ones += x[j][i];
            }
            row[m] = ones;
            lp.addRow(row, LinearProgram.Relation.EQUAL, t);
        }
        return lp.maximum(m) > ZERO;
    }

    private static int[] forcedZeroCells(double[][] x, double[] y, int m) {
        int p = x.length;
        LinearProgram lp = new LinearProgram(m);
        for (int j = 0; j < p; j++) {
            double t = 0;
            for (int i = 0; i < m; i++) {
                t += x[j][i] * y[i];
            }
            lp.addRow(Arrays.copyOf(x[j], m), LinearProgram.Relation.EQUAL, t);
        }
        List<Integer> forced = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (y[i] > 0) {
                continue;
            }
            if (lp.maximum(i) <= ZERO) {
                forced.add(i);
            }
        }
        return forced.stream().mapToInt(Integer::intValue).toArray();
    }
}
