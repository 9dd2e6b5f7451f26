package org.tipmonitor.indicators.estimation.internal;

import java.util.Arrays;

/**
 * A Poisson log-linear model whose design entries are all 0 or 1 and sparse (each row names the few columns in which
 * it is 1), fitted by the one IRLS loop ({@link Irls}) with the step solved on the normal equations: start
 * &mu; = y + 0.1 (as R's {@code glm.fit}), then repeat &beta; = (X'WX)<sup>&minus;1</sup> X'Wz with W = diag(&mu;) and working response
 * z = &eta; + (y &minus; &mu;)/&mu;, until the relative change of the deviance
 * D = 2 &Sigma; [y log(y/&mu;) &minus; (y &minus; &mu;)] is below the criterion (McCullagh &amp; Nelder 1989, &sect;2.5).
 *
 * <p>Why not {@link PoissonGlm}: a lists &times; covariates table has thousands of cells and a hundred or more
 * columns, and its weighted QR costs 2mp<sup>2</sup> per step; here X'WX is accumulated from the rows' few
 * non-zero columns (m&middot;a<sup>2</sup> for a active columns per row) and solved by Cholesky (p<sup>3</sup>/3),
 * one to two orders of magnitude less. The normal equations square the condition number, which is harmless for
 * 0/1 designs of full column rank: aliased columns are found first, once, from the unweighted Gram matrix X'X by a
 * Cholesky factorisation with symmetric pivoting (their aliasing does not depend on the positive weights), and
 * left out. Commons Math's Cholesky neither pivots nor reports rank, which is why the factorisation is written
 * here.
 */
public final class SparsePoissonGlm {

    /** Relative pivot below which a column is taken as aliased (the Gram matrix of a 0/1 design). */
    public static final double RANK_TOLERANCE = 1e-9;

    private SparsePoissonGlm() {
    }

    /**
     * Computes the normal equations X'WX and X'Wv for per-row weights w and values v; an implementation may use the
     * design's structure (for example margins of a table) instead of visiting each row's columns.
     */
    @FunctionalInterface
    public interface NormalEquations {

        /**
         * Fills a (upper and lower triangle) and b.
         *
         * @param w       per row, the weight (0 for rows not fitted)
         * @param v       per row, the value whose weighted sums go into b (may be null: then b is not filled)
         * @param columns which columns take part (others stay 0)
         * @param a       p &times; p, zeroed by the caller
         * @param b       p, zeroed by the caller
         */
        void compute(double[] w, double[] v, boolean[] columns, double[][] a, double[] b);
    }

    /**
     * The row-by-row normal equations of a sparse 0/1 design.
     *
     * @param active per row, the columns in which it is 1 (entries &lt; 0 ignored)
     * @return the computation
     */
    public static NormalEquations byRows(int[][] active) {
        return (w, v, columns, a, b) -> {
            for (int r = 0; r < active.length; r++) {
                if (w[r] == 0) {
                    continue;
                }
                if (v != null) {
                    for (int j : active[r]) {
                        if (j >= 0 && columns[j]) {
                            b[j] += w[r] * v[r];
                        }
                    }
                }
                accumulateMasked(a, active[r], w[r], columns);
            }
            mirror(a);
        };
    }

    /**
     * The result of a fit.
     *
     * @param coefficients per column of the design; 0 for the columns left out
     * @param fitted       &mu; per row
     * @param deviance     D
     * @param iterations   IRLS steps taken
     * @param converged    whether the criterion was met
     * @param covariance   (X'WX)<sup>&minus;1</sup> at the final &mu;, over all columns (rows and columns of the left
     *                     out ones are 0)
     */
    public record Fit(double[] coefficients, double[] fitted, double deviance, int iterations, boolean converged,
                      double[][] covariance) {
    }

    /**
     * The Gram matrix X'WX of the given rows (upper triangle filled, then mirrored).
     *
     * @param active  per row, the columns in which it is 1 (entries &lt; 0 ignored)
     * @param weights per row, its weight; null for 1
     * @param rows    which rows to use (null: all)
     * @param p       number of columns
     * @return the p &times; p matrix
     */
    public static double[][] gram(int[][] active, double[] weights, int[] rows, int p) {
        double[][] a = new double[p][p];
        int n = rows == null ? active.length : rows.length;
        for (int q = 0; q < n; q++) {
            int r = rows == null ? q : rows[q];
            double w = weights == null ? 1 : weights[r];
            accumulate(a, active[r], w);
        }
        mirror(a);
        return a;
    }

    private static void accumulate(double[][] a, int[] cols, double w) {
        for (int u = 0; u < cols.length; u++) {
            int i = cols[u];
            if (i < 0) {
                continue;
            }
            double[] row = a[i];
            for (int v = 0; v < cols.length; v++) {
                int j = cols[v];
                if (j >= i) {
                    row[j] += w;
                }
            }
        }
    }

    private static void mirror(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
        }
    }

    /**
     * The columns of a maximal linearly independent set, by Cholesky factorisation of the Gram matrix with
     * symmetric pivoting (largest remaining diagonal first; a column is dependent when its remaining diagonal is
     * below {@link #RANK_TOLERANCE} times its own squared norm).
     *
     * @param gram X'X
     * @return which columns are independent
     */
    public static boolean[] independentColumns(double[][] gram) {
        int p = gram.length;
        double[][] a = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = gram[i].clone();
        }
        boolean[] chosen = new boolean[p];
        boolean[] done = new boolean[p];
        double[] diag = new double[p];
        for (int i = 0; i < p; i++) {
            diag[i] = a[i][i];
        }
        for (int step = 0; step < p; step++) {
            int best = -1;
            double bestRatio = 0;
            for (int i = 0; i < p; i++) {
                if (!done[i] && gram[i][i] > 0) {
                    double ratio = a[i][i] / gram[i][i];
                    if (best < 0 || ratio > bestRatio) {
                        best = i;
                        bestRatio = ratio;
                    }
                }
            }
            if (best < 0 || bestRatio < RANK_TOLERANCE) {
                break;
            }
            done[best] = true;
            chosen[best] = true;
            double pivot = Math.sqrt(a[best][best]);
            // Eliminate the chosen column from the remaining ones (outer-product Cholesky step).
            double[] l = new double[p];
            for (int i = 0; i < p; i++) {
                if (!done[i]) {
                    l[i] = a[i][best] / pivot;
                }
            }
            for (int i = 0; i < p; i++) {
                if (done[i] || l[i] == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    if (!done[j]) {
                        a[i][j] -= l[i] * l[j];
                    }
                }
            }
        }
        return chosen;
    }

    /**
     * The inverse of a symmetric positive definite matrix by Cholesky factorisation, restricted to the given columns
     * (the others' rows and columns are 0 in the result).
     *
     * @param a    the matrix
     * @param cols the columns to use
     * @return the inverse, or null if the matrix is not numerically positive definite on them
     */
    public static double[][] inverse(double[][] a, int[] cols) {
        int k = cols.length;
        double[][] l = cholesky(a, cols);
        double[][] out = new double[a.length][a.length];
        if (l == null) {
            return null;
        }
        double[] e = new double[k];
        for (int c = 0; c < k; c++) {
            Arrays.fill(e, 0);
            e[c] = 1;
            double[] x = solve(l, e);
            for (int r = 0; r < k; r++) {
                out[cols[r]][cols[c]] = x[r];
            }
        }
        return out;
    }

    private static double[][] cholesky(double[][] a, int[] cols) {
        int k = cols.length;
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double d = a[cols[j]][cols[j]];
            for (int t = 0; t < j; t++) {
                d -= l[j][t] * l[j][t];
            }
            if (!(d > 0)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = a[cols[i]][cols[j]];
                double[] li = l[i];
                double[] lj = l[j];
                for (int t = 0; t < j; t++) {
                    s -= li[t] * lj[t];
                }
                li[j] = s / ljj;
            }
        }
        return l;
    }

    private static double[] solve(double[][] l, double[] b) {
        int k = l.length;
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int t = 0; t < i; t++) {
                s -= l[i][t] * y[t];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int t = i + 1; t < k; t++) {
                s -= l[t][i] * x[t];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * Fits the model on the given rows and columns.
     *
     * @param active        per row, the columns in which it is 1 (entries &lt; 0 ignored)
     * @param y             per row, the count
     * @param rows          the rows to fit
     * @param columns       which columns to use (independent on those rows)
     * @param maxIterations the iteration limit
     * @param epsilon       the relative deviance criterion
     * @param start         starting &mu; per row, or null for y + 0.1
     * @return the fit (&mu; of unused rows 0)
     */
    public static Fit fit(int[][] active, double[] y, int[] rows, boolean[] columns, int maxIterations,
                          double epsilon, double[] start) {
        return fit(active, byRows(active), y, rows, columns, maxIterations, epsilon, start);
    }

    /**
     * Fits the model on the given rows and columns, with the normal equations computed as given.
     *
     * @param active        per row, the columns in which it is 1 (entries &lt; 0 ignored)
     * @param equations     how X'WX and X'Wz are computed
     * @param y             per row, the count
     * @param rows          the rows to fit
     * @param columns       which columns to use (independent on those rows)
     * @param maxIterations the iteration limit
     * @param epsilon       the relative deviance criterion
     * @param start         starting &mu; per row, or null for y + 0.1
     * @return the fit (&mu; of unused rows 0)
     */
    public static Fit fit(int[][] active, NormalEquations equations, double[] y, int[] rows, boolean[] columns,
                          int maxIterations, double epsilon, double[] start) {
        int p = columns.length;
        int[] cols = new int[p];
        int k = 0;
        for (int j = 0; j < p; j++) {
            if (columns[j]) {
                cols[k++] = j;
            }
        }
        cols = Arrays.copyOf(cols, k);
        double[] beta = new double[p];
        int[] used = cols;
        Irls.Result result = Irls.run(y, rows, start, maxIterations, epsilon, (mu, eta) -> {
            double[][] a = new double[p][p];
            double[] b = new double[p];
            double[] z = new double[y.length];
            for (int r : rows) {
                z[r] = eta[r] + (y[r] - mu[r]) / mu[r];
            }
            equations.compute(mu, z, columns, a, b);
            double[][] l = cholesky(a, used);
            if (l == null) {
                return false;
            }
            double[] rhs = new double[used.length];
            for (int q = 0; q < used.length; q++) {
                rhs[q] = b[used[q]];
            }
            double[] x = solve(l, rhs);
            Arrays.fill(beta, 0);
            for (int q = 0; q < used.length; q++) {
                beta[used[q]] = x[q];
            }
            for (int r : rows) {
                double e = 0;
                for (int j : active[r]) {
                    if (j >= 0) {
                        e += beta[j];
                    }
                }
                eta[r] = e;
            }
            return true;
        });
        double[] mu = result.fitted();
        boolean converged = result.converged();
        double[][] v = null;
        if (converged) {
            double[][] a = new double[p][p];
            equations.compute(mu, null, columns, a, new double[p]);
            v = inverse(a, cols);
            converged = v != null;
        }
        return new Fit(beta, mu, result.deviance(), result.iterations(), converged, v);
    }

    private static void accumulateMasked(double[][] a, int[] cols, double w, boolean[] use) {
        for (int u = 0; u < cols.length; u++) {
            int i = cols[u];
            if (i < 0 || !use[i]) {
                continue;
            }
            double[] row = a[i];
            for (int v = 0; v < cols.length; v++) {
                int j = cols[v];
                if (j >= i && use[j]) {
                    row[j] += w;
                }
            }
        }
    }
}
