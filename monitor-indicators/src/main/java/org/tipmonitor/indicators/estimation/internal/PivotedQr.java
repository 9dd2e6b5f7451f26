package org.tipmonitor.indicators.estimation.internal;

/**
 * Householder QR decomposition with limited column pivoting, the scheme R's {@code lm}/{@code glm} use:
 * columns are processed left to right, and a column whose remaining norm (below the rows already triangularised)
 * is smaller than {@code tol} times its original norm is judged linearly dependent on the columns before it and
 * moved to the end. The first {@link #rank()} pivoted columns are kept; the others are aliased (their
 * coefficients are not estimable and are reported as NaN by {@link #solve}).
 *
 * <p>Written from the mathematics (Golub &amp; Van Loan, <i>Matrix Computations</i>, &sect;5.2 and &sect;5.4.1);
 * it exists in place of commons-math's {@code QRDecomposition} because that one neither pivots nor reports which
 * columns are aliased, and to avoid allocating per IRLS step.
 */
public final class PivotedQr {

    private final int rows;
    private final int cols;
    private final double[][] a; // column-major working copy: reflectors below the diagonal, R above
    private final double[] rdiag;
    private final double[] beta;
    private final int[] pivot;
    private final int rank;

    /**
     * Decomposes a column-major matrix.
     *
     * @param columns the matrix, {@code columns[j][i]} = row i of column j (not modified)
     * @param rows    the number of rows used (a prefix of each column)
     * @param tol     the relative tolerance for rank detection (R: 1e-11 in glm.fit, 1e-7 in qr)
     */
    public PivotedQr(double[][] columns, int rows, double tol) {
        this.rows = rows;
        this.cols = columns.length;
        this.a = new double[cols][];
        for (int j = 0; j < cols; j++) {
            a[j] = java.util.Arrays.copyOf(columns[j], rows);
        }
        this.rdiag = new double[cols];
        this.beta = new double[cols];
        this.pivot = new int[cols];
        double[] original = new double[cols];
        for (int j = 0; j < cols; j++) {
            pivot[j] = j;
            double n = norm(a[j], 0);
            original[j] = n == 0 ? 1 : n;
        }
        int limit = cols;
        int l = 0;
        while (l < limit && l < rows) {
            double remaining = norm(a[l], l);
            if (remaining < tol * original[l]) {
                // Move column l to the end and shift the others left.
                double[] col = a[l];
                double orig = original[l];
                int piv = pivot[l];
                for (int j = l; j < cols - 1; j++) {
                    a[j] = a[j + 1];
                    original[j] = original[j + 1];
                    pivot[j] = pivot[j + 1];
                }
                a[cols - 1] = col;
                original[cols - 1] = orig;
                pivot[cols - 1] = piv;
                limit--;
                continue;
            }
            double[] v = a[l];
            double alpha = v[l] > 0 ? -remaining : remaining;
            v[l] -= alpha;
            double vtv = 0;
            for (int i = l; i < rows; i++) {
                vtv += v[i] * v[i];
            }
            double b = 2.0 / vtv;
            beta[l] = b;
            rdiag[l] = alpha;
            for (int j = l + 1; j < cols; j++) {
                double[] c = a[j];
                double dot = 0;
                for (int i = l; i < rows; i++) {
                    dot += v[i] * c[i];
                }
                double f = b * dot;
                for (int i = l; i < rows; i++) {
                    c[i] -= f * v[i];
                }
            }
            l++;
        }
        this.rank = l;
    }

    private double norm(double[] c, int from) {
        // Entries are bounded (design entries times sqrt of fitted means), so no scaling against overflow is needed.
        double sum = 0;
        for (int i = from; i < rows; i++) {
            sum += c[i] * c[i];
        }
        return Math.sqrt(sum);
    }

    /**
     * The numerical rank.
     *
     * @return the number of kept columns
     */
    public int rank() {
        return rank;
    }

    /**
     * Whether an original column was judged aliased.
     *
     * @param column the original column index
     * @return true if the column is not among the first {@link #rank()} pivoted columns
     */
    public boolean isAliased(int column) {
        for (int j = rank; j < cols; j++) {
            if (pivot[j] == column) {
                return true;
            }
        }
        return false;
    }

    /**
     * The least-squares coefficients for a right-hand side, in original column order; aliased columns get NaN.
     *
     * @param y the right-hand side (length at least rows; not modified)
     * @return the coefficients
     */
    public double[] solve(double[] y) {
        double[] qty = java.util.Arrays.copyOf(y, rows);
        for (int l = 0; l < rank; l++) {
            double[] v = a[l];
            double dot = 0;
            for (int i = l; i < rows; i++) {
                dot += v[i] * qty[i];
            }
            double f = beta[l] * dot;
            for (int i = l; i < rows; i++) {
                qty[i] -= f * v[i];
            }
        }
        double[] b = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double s = qty[i];
            for (int j = i + 1; j < rank; j++) {
                s -= a[j][i] * b[j];
            }
            b[i] = s / rdiag[i];
        }
        double[] coef = new double[cols];
        java.util.Arrays.fill(coef, Double.NaN);
        for (int j = 0; j < rank; j++) {
            coef[pivot[j]] = b[j];
        }
        return coef;
    }

    /**
     * The unscaled covariance (R'R)<sup>&minus;1</sup> of the kept columns, in original column order; rows and
     * columns of aliased columns are NaN.
     *
     * @return a cols &times; cols matrix
     */
    public double[][] unscaledCovariance() {
        // Rinv: upper triangular inverse of R (rank x rank), column-major rinv[j][i].
        double[][] rinv = new double[rank][rank];
        for (int j = 0; j < rank; j++) {
            rinv[j][j] = 1.0 / rdiag[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int k = i + 1; k <= j; k++) {
                    s += a[k][i] * rinv[j][k];
                }
                rinv[j][i] = -s / rdiag[i];
            }
        }
        double[][] cov = new double[cols][cols];
        for (double[] row : cov) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int p = 0; p < rank; p++) {
            for (int q = p; q < rank; q++) {
                double s = 0;
                for (int k = q; k < rank; k++) {
                    s += rinv[k][p] * rinv[k][q];
                }
                cov[pivot[p]][pivot[q]] = s;
                cov[pivot[q]][pivot[p]] = s;
            }
        }
        return cov;
    }
}
