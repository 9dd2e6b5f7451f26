package org.tipmonitor.indicators.estimation.internal;

import java.util.Arrays;

/**
 * A Poisson design on the observable cells of a capture-history table, optionally with Chao's heterogeneity
 * columns that are removed while their coefficient is negative (Rcapture's {@code neg = TRUE}; Rivest &amp;
 * Baillargeon 2007), and optionally completed by the unobserved cell for the multinomial profile likelihood.
 *
 * <p>Column 0 is the intercept. When a count n<sub>0</sub> for the unobserved cell is given, one row is appended
 * whose design entries are 0 except the intercept.
 */
public final class CellDesign {

    private final int[] cells;
    private final double[][] columns;
    private final String[] names;
    private final boolean[] eta;

    /**
     * A design.
     *
     * @param cells   the cells' masks, in row order
     * @param columns the columns, column-major, intercept first
     * @param names   the columns' names
     * @param eta     which columns are Chao heterogeneity columns (removed while negative, lowest first)
     */
    public CellDesign(int[] cells, double[][] columns, String[] names, boolean[] eta) {
        this.cells = cells.clone();
        this.columns = columns;
        this.names = names.clone();
        this.eta = eta.clone();
    }

    /**
     * The design of a reduced log-linear model.
     *
     * @param design the reduced design
     * @param names  the column names, intercept first
     * @return the design
     */
    public static CellDesign of(LogLinearDesign design, String[] names) {
        return new CellDesign(design.cells(), design.columns(), names, new boolean[design.columns().length]);
    }

    /**
     * A fit and the columns it kept.
     *
     * @param fit     the GLM fit on the kept columns
     * @param kept    the indices of the kept columns (into this design)
     * @param columns the kept columns (with the unobserved row when profiled)
     */
    public record Fitted(PoissonGlm.Fit fit, int[] kept, double[][] columns) {
    }

    /** @return the cells' masks (not copied) */
    public int[] cells() {
        return cells;
    }

    /** @return the column names (not copied) */
    public String[] names() {
        return names;
    }

    /**
     * Fits, removing the first negative heterogeneity column and refitting until none is negative.
     *
     * @param y             the cells' counts
     * @param unobserved    the count of the appended unobserved cell, or NaN for none
     * @param maxIterations IRLS limit
     * @param epsilon       IRLS criterion
     * @return the fit
     */
    public Fitted fit(double[] y, double unobserved, int maxIterations, double epsilon) {
        boolean dark = !Double.isNaN(unobserved);
        int m = cells.length + (dark ? 1 : 0);
        double[] response = Arrays.copyOf(y, m);
        if (dark) {
            response[m - 1] = unobserved;
        }
        boolean[] active = new boolean[columns.length];
        Arrays.fill(active, true);
        while (true) {
            int[] kept = new int[columns.length];
            int p = 0;
            for (int j = 0; j < columns.length; j++) {
                if (active[j]) {
                    kept[p++] = j;
                }
            }
            kept = Arrays.copyOf(kept, p);
            double[][] cols = new double[p][];
            for (int q = 0; q < p; q++) {
                double[] c = Arrays.copyOf(columns[kept[q]], m);
                if (dark) {
                    c[m - 1] = kept[q] == 0 ? 1 : 0;
                }
                cols[q] = c;
            }
            PoissonGlm.Fit fit = PoissonGlm.fit(cols, response, m, maxIterations, epsilon, null);
            int negative = -1;
            for (int q = 0; q < p; q++) {
                if (eta[kept[q]] && fit.coefficients()[q] < 0) {
                    negative = kept[q];
                    break;
                }
            }
            if (negative < 0 || !fit.converged()) {
                return new Fitted(fit, kept, cols);
            }
            active[negative] = false;
        }
    }
}
