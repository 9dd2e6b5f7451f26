package org.tipmonitor.indicators.estimation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extended-MLE reduction of a hierarchical log-linear model, written once for every model family (lists only,
 * lists &times; covariates, stratified).
 *
 * <p>A term T = (S, g) of a model, S its lists and g its covariates, has for each combination l of g's levels the
 * margin M<sub>T,l</sub> = &Sigma; over the covariate cells c with levels l of N*<sub>c</sub>(S), the number of
 * persons of those cells seen on every list of S. The margins are the model's sufficient statistics, so a margin of
 * 0 fixes every fitted count it sums to 0: the cells h &supe; S of those covariate cells lie outside the face of the
 * marginal cone on which the maximum-likelihood estimate is sought, and are dropped, and for lists-only models the
 * term's parameter is &minus;&infin; (Fienberg &amp; Rinaldo 2012, Annals of Statistics 40, &sect;3; Chan, Silverman
 * &amp; Vincent 2021, JASA 116, for lists that never overlap). When S = &empty; (a covariate term), the unobserved
 * cells of those covariate cells are 0 as well: a covariate combination nobody was seen in is estimated empty.
 * Because margins do not depend on the contrasts, the reduction does not depend on reference levels or level order.
 *
 * <p>Cells are identified by mask (list i is bit i; mask 0 is the unobserved cell).
 *
 * @param forced    per covariate cell and mask, whether the cell is fixed at 0 (mask 0: the cell's unobserved count)
 * @param zeroTerms the indices of the terms with at least one zero margin, in term order
 * @param zeroGroups per zero margin, {term index, group key}, in term then key order
 */
public record ZeroMargins(boolean[][] forced, int[] zeroTerms, List<int[]> zeroGroups) {

    /**
     * The reduction of a table with covariates.
     *
     * @param lists         K
     * @param supersetSums  per covariate cell, N*<sub>c</sub>(S) by mask S (see {@link #supersetSums})
     * @param listParts     per term, its lists' mask
     * @param groups        per term, per covariate cell, the key of the cell's combination of the term's covariates
     *                      (0 for every cell of a term without covariates)
     * @return the reduction
     */
    public static ZeroMargins of(int lists, double[][] supersetSums, int[] listParts, int[][] groups) {
        int size = 1 << lists;
        int cells = supersetSums.length;
        boolean[][] forced = new boolean[cells][size];
        List<int[]> zeroGroups = new ArrayList<>();
        int[] zeroTerms = new int[listParts.length];
        int nz = 0;
        for (int t = 0; t < listParts.length; t++) {
            int s = listParts[t];
            int[] key = groups[t];
            int keys = 0;
            for (int c = 0; c < cells; c++) {
                keys = Math.max(keys, key[c] + 1);
            }
            double[] margin = new double[keys];
            boolean[] present = new boolean[keys];
            for (int c = 0; c < cells; c++) {
                margin[key[c]] += supersetSums[c][s];
                present[key[c]] = true;
            }
            boolean any = false;
            for (int g = 0; g < keys; g++) {
                if (!present[g] || margin[g] != 0) {
                    continue;
                }
                any = true;
                zeroGroups.add(new int[] {t, g});
                for (int c = 0; c < cells; c++) {
                    if (key[c] != g) {
                        continue;
                    }
                    for (int h = s == 0 ? 0 : 1; h < size; h++) {
                        if ((h & s) == s) {
                            forced[c][h] = true;
                        }
                    }
                }
            }
            if (any) {
                zeroTerms[nz++] = t;
            }
        }
        return new ZeroMargins(forced, Arrays.copyOf(zeroTerms, nz), List.copyOf(zeroGroups));
    }

    /**
     * The reduction of a lists-only table: a term is fixed at &minus;&infin; when its overlap N*(S) is 0.
     *
     * @param lists    K
     * @param overlaps N*(S) by mask ({@link #supersetSums} of the counts)
     * @param terms    the terms' masks
     * @return the reduction (one covariate cell)
     */
    public static ZeroMargins ofLists(int lists, long[] overlaps, int[] terms) {
        // {@link #of} for one covariate cell and no covariate term, without its per-cell arrays (model selection
        // asks for tens of thousands of these)
        int size = 1 << lists;
        boolean[] forced = new boolean[size];
        int[] zeroTerms = new int[terms.length];
        List<int[]> zeroGroups = new ArrayList<>();
        int nz = 0;
        for (int t = 0; t < terms.length; t++) {
            int s = terms[t];
            if (overlaps[s] != 0) {
                continue;
            }
            zeroTerms[nz++] = t;
            zeroGroups.add(new int[] {t, 0});
            for (int h = s == 0 ? 0 : 1; h < size; h++) {
                if ((h & s) == s) {
                    forced[h] = true;
                }
            }
        }
        return new ZeroMargins(new boolean[][] {forced}, Arrays.copyOf(zeroTerms, nz), List.copyOf(zeroGroups));
    }

    /**
     * N*(S) = &Sigma;<sub>h &supe; S, h &ne; 0</sub> y<sub>h</sub> for every mask S, by the superset-sum (zeta)
     * transform in K&middot;2<sup>K&minus;1</sup> additions; entry 0 is the number observed.
     *
     * @param counts by mask (entry 0 ignored)
     * @param lists  K
     * @return N* by mask
     */
    public static long[] supersetSums(long[] counts, int lists) {
        long[] f = counts.clone();
        f[0] = 0;
        for (int i = 0; i < lists; i++) {
            int bit = 1 << i;
            for (int s = 0; s < f.length; s++) {
                if ((s & bit) == 0) {
                    f[s] += f[s | bit];
                }
            }
        }
        return f;
    }

    /**
     * As {@link #supersetSums(long[], int)} for fractional counts, in place.
     *
     * @param f     by mask (entry 0 must be 0 on entry)
     * @param lists K
     */
    public static void supersetSumsInPlace(double[] f, int lists) {
        for (int i = 0; i < lists; i++) {
            int bit = 1 << i;
            for (int s = 0; s < f.length; s++) {
                if ((s & bit) == 0) {
                    f[s] += f[s | bit];
                }
            }
        }
    }

    /**
     * Whether a term has a zero margin.
     *
     * @param term the term's index
     * @return true if it has
     */
    public boolean hasZeroMargin(int term) {
        return Arrays.binarySearch(zeroTerms, term) >= 0;
    }
}
