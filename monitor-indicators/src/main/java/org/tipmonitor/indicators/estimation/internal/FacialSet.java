package org.tipmonitor.indicators.estimation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The cells that the extended maximum-likelihood estimate of a Poisson log-linear model fits as 0: the complement
 * of the <em>facial set</em> (Fienberg &amp; Rinaldo 2012, Maximum likelihood estimation in log-linear models, Annals
 * of Statistics 40; Geyer 2009, Likelihood inference in exponential families and directions of recession,
 * Electronic Journal of Statistics 3).
 *
 * <p>The MLE fails to exist exactly when a direction b of the parameters lowers some cell while raising none and
 * leaving every cell with a positive count unchanged: Xb &le; 0, (Xb)<sub>i</sub> = 0 where y<sub>i</sub> &gt; 0,
 * Xb &ne; 0 (Haberman 1974). Such b lie in the null space of the positive rows; with a basis N of it (r vectors,
 * from the pivoted Cholesky factorisation of their Gram matrix) the candidate directions are D v with
 * D = X<sub>0</sub>N over the zero rows. The cells that some direction lowers are those of the linear program
 *
 * <blockquote>max &Sigma;<sub>i</sub> s<sub>i</sub> subject to Dv + s &le; 0, 0 &le; s &le; 1, v free,</blockquote>
 *
 * <p>with s<sub>i</sub> = 1 at the optimum (directions form a convex cone, so one direction lowers all of them at
 * once, and scaling it makes each s<sub>i</sub> reach its bound). When r = 0 no cell is forced, with r = 1 the
 * directions are &plusmn;n and a sign test decides; otherwise the program is solved by ojAlgo's simplex method.
 */
public final class FacialSet {

    static {
        // ojAlgo prints a hardware-profile notice to its logger (standard output) when first used unless this
        // property is set; a library must not write into its users' output.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    /** Tolerance for a null-space coordinate to count as non-zero. */
    static final double ZERO = 1e-9;

    private FacialSet() {
    }

    /**
     * The rows fitted as 0 by the extended MLE.
     *
     * @param active    per row, the columns in which it is 1 (entries &lt; 0 ignored)
     * @param equations the normal equations of the design (used with 0/1 weights for Gram matrices)
     * @param y         per row, the count
     * @param rows      the rows of the model
     * @param columns   the columns, independent on those rows
     * @return the rows, a subset of the zero rows among {@code rows}; empty when the MLE exists
     * @throws IllegalStateException if the linear program does not reach an optimum
     */
    public static int[] forcedZeros(int[][] active, SparsePoissonGlm.NormalEquations equations, double[] y,
                                    int[] rows, boolean[] columns) {
        int p = columns.length;
        double[] w = new double[y.length];
        List<Integer> zeros = new ArrayList<>();
        for (int r : rows) {
            if (y[r] > 0) {
                w[r] = 1;
            } else {
                zeros.add(r);
            }
        }
        if (zeros.isEmpty()) {
            return new int[0];
        }
        double[][] g = new double[p][p];
        equations.compute(w, null, columns, g, new double[p]);
        boolean[] onPositive = SparsePoissonGlm.independentColumns(g);
        List<Integer> free = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < p; j++) {
            if (columns[j] && !onPositive[j]) {
                free.add(j);
            }
            if (onPositive[j]) {
                k++;
            }
        }
        if (free.isEmpty()) {
            return new int[0];
        }
        int[] basis = new int[k];
        for (int j = 0, q = 0; j < p; j++) {
            if (onPositive[j]) {
                basis[q++] = j;
            }
        }
        double[][] inv = SparsePoissonGlm.inverse(g, basis);
        int r = free.size();
        double[][] nullVectors = new double[r][p];
        for (int q = 0; q < r; q++) {
            int a = free.get(q);
            nullVectors[q][a] = 1;
            for (int i : basis) {
                double s = 0;
                for (int j : basis) {
                    s += inv[i][j] * g[j][a];
                }
                nullVectors[q][i] = -s;
            }
        }
        List<Integer> touched = new ArrayList<>();
        List<double[]> d = new ArrayList<>();
        for (int row : zeros) {
            double[] v = new double[r];
            boolean any = false;
            for (int q = 0; q < r; q++) {
                double s = 0;
                for (int col : active[row]) {
                    if (col >= 0 && columns[col]) {
                        s += nullVectors[q][col];
                    }
                }
                v[q] = Math.abs(s) < ZERO ? 0 : s;
                any |= v[q] != 0;
            }
            if (any) {
                touched.add(row);
                d.add(v);
            }
        }
        if (touched.isEmpty()) {
            return new int[0];
        }
        if (r == 1) {
            boolean positive = false;
            boolean negative = false;
            for (double[] v : d) {
                positive |= v[0] > 0;
                negative |= v[0] < 0;
            }
            return positive && negative ? new int[0] : touched.stream().mapToInt(Integer::intValue).toArray();
        }
        return solve(touched, d, r);
    }

    private static int[] solve(List<Integer> touched, List<double[]> d, int r) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] v = new Variable[r];
        for (int q = 0; q < r; q++) {
            v[q] = model.addVariable("v" + q);
        }
        Variable[] s = new Variable[touched.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = model.addVariable("s" + i).lower(BigDecimal.ZERO).upper(BigDecimal.ONE).weight(BigDecimal.ONE);
            Expression e = model.addExpression("c" + i).upper(BigDecimal.ZERO);
            e.set(s[i], 1);
            double[] row = d.get(i);
            for (int q = 0; q < r; q++) {
                if (row[q] != 0) {
                    e.set(v[q], row[q]);
                }
            }
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("The facial-set linear program ended " + result.getState());
        }
        List<Integer> forced = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            if (s[i].getValue().doubleValue() > 0.5) {
                forced.add(touched.get(i));
            }
        }
        return forced.stream().mapToInt(Integer::intValue).toArray();
    }
}
