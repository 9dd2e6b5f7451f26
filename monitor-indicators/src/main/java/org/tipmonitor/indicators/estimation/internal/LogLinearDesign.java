package org.tipmonitor.indicators.estimation.internal;

import java.util.Arrays;

/**
 * The design of a hierarchical log-linear model on the observable cells of a K-list table, after the
 * extended-MLE reduction of {@link ZeroMargins} (Chan, Silverman &amp; Vincent 2021): every model term S with overlap
 * N*(S) = 0 gets the parameter &minus;&infin; (it is not a column) and every cell h &supe; S is dropped
 * (its count is necessarily 0 and its fitted value is 0).
 *
 * <p>Cells are identified by mask (list i is bit i); a term is the mask of its lists. Column 0 is the
 * intercept (mask 0), then the finite terms in the order given. Entry (h, S) is 1 when h &supe; S.
 */
public final class LogLinearDesign {

    private final int lists;
    private final int[] terms;
    private final int[] infiniteTerms;
    private final int[] cells;
    private final double[][] columns;
    private final double[] y;

    /**
     * Builds the reduced design.
     *
     * @param lists  K
     * @param counts the counts by mask (length 2<sup>K</sup>)
     * @param terms  the model's terms (main effects and interactions), each a non-empty mask, in column order
     */
    public LogLinearDesign(int lists, long[] counts, int[] terms) {
        this.lists = lists;
        int full = 1 << lists;
        ZeroMargins reduction = ZeroMargins.ofLists(lists, overlaps(counts, lists), terms);
        int[] finite = new int[terms.length];
        int[] infinite = new int[terms.length];
        int nf = 0;
        int ni = 0;
        for (int t = 0; t < terms.length; t++) {
            if (reduction.hasZeroMargin(t)) {
                infinite[ni++] = terms[t];
            } else {
                finite[nf++] = terms[t];
            }
        }
        this.terms = Arrays.copyOf(finite, nf);
        this.infiniteTerms = Arrays.copyOf(infinite, ni);
        int[] kept = new int[full - 1];
        int m = 0;
        for (int h = 1; h < full; h++) {
            if (!reduction.forced()[0][h]) {
                kept[m++] = h;
            }
        }
        this.cells = Arrays.copyOf(kept, m);
        this.columns = new double[1 + nf][m];
        this.y = new double[m];
        for (int r = 0; r < m; r++) {
            int h = cells[r];
            y[r] = counts[h];
            columns[0][r] = 1;
            for (int j = 0; j < nf; j++) {
                int s = this.terms[j];
                columns[j + 1][r] = (h & s) == s ? 1 : 0;
            }
        }
    }

    /**
     * The overlaps N*(S) for every mask S (N*(0) = n), by a superset-sum transform.
     *
     * @param counts counts by mask
     * @param lists  K
     * @return N* by mask
     */
    public static long[] overlaps(long[] counts, int lists) {
        return ZeroMargins.supersetSums(counts, lists);
    }

    /** @return K */
    public int lists() {
        return lists;
    }

    /** @return the finite terms, in column order after the intercept (not copied: do not modify) */
    public int[] terms() {
        return terms;
    }

    /** @return the terms fixed at &minus;&infin; (not copied: do not modify) */
    public int[] infiniteTerms() {
        return infiniteTerms;
    }

    /** @return the kept cells' masks, in row order (not copied: do not modify) */
    public int[] cells() {
        return cells;
    }

    /** @return the design, column-major (not copied: do not modify) */
    public double[][] columns() {
        return columns;
    }

    /** @return the kept cells' counts (not copied: do not modify) */
    public double[] y() {
        return y;
    }

    /** @return the number of kept cells */
    public int rows() {
        return cells.length;
    }
}
