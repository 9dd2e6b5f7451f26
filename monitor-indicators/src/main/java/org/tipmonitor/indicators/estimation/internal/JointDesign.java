package org.tipmonitor.indicators.estimation.internal;

import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.model.JointModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tipmonitor.indicators.estimation.internal.SparsePoissonGlm;

/**
 * The design of a {@link JointModel} on the observable cells of a {@link CovariateTable}, with the reduction to the
 * face of the zero margins.
 *
 * <p>Rows are (covariate cell c, pattern h &ne; 0), numbered c(2<sup>K</sup> &minus; 1) + h &minus; 1. Columns are
 * the intercept and, per term T = (S, C), one column per combination of non-reference levels of the covariates in
 * C (treatment contrasts): row (c, h) is 1 in it when h &supe; S and c has those levels. Each row is 1 in at most
 * one column per term, so it is stored as the list of its columns.
 *
 * <p>Reduction (extended MLE, Fienberg &amp; Rinaldo 2012): for a hierarchical model the sufficient statistics of
 * term T are the margins M<sub>T</sub>(l) = &Sigma;<sub>c: c<sub>C</sub> = l</sub> &Sigma;<sub>h &supe; S</sub>
 * y<sub>hc</sub> over <em>every</em> level combination l of C, reference levels included (the columns of T and its
 * sub-terms span these indicators whatever the contrasts). A zero margin forces every cell in it to 0 in every
 * table with the data's margins, so those cells lie outside the face on which the MLE is sought, and they are
 * dropped. When T has no list (S = &empty;), the unobserved cells of those covariate cells are 0 as well: a
 * covariate combination that nobody observed is estimated empty. Because margins do not depend on the contrasts,
 * neither the reduction nor the fitted table depends on the reference levels or on the order of levels.
 */
public final class JointDesign {

    public final CovariateTable table;
    public final JointModel model;
    public final int[] reference;
    public final int k;
    public final int patterns;
    public final int cells;
    public final int[][] active;
    public final int[][] unobservedActive;
    public final double[] y;
    public final List<String> columnNames = new ArrayList<>();
    public final List<Integer> columnTerm = new ArrayList<>();
    public final boolean[] forced;
    public final boolean[] emptyCell;
    public final List<String> zeroMargins = new ArrayList<>();
    /** Per covariate cell, the column of each term (index 0 the intercept), or -1 at a reference level. */
    public final int[][] termColumn;
    /** Per term (index 0 the intercept), its lists. */
    public final int[] termLists;

    public JointDesign(CovariateTable table, JointModel model, int[] reference) {
        this(table, model, reference, null);
    }

    /**
     * The design with fractional counts added to the table's (the expected counts of partially classified persons
     * in an EM step).
     *
     * @param table     the table
     * @param model     the model
     * @param reference per covariate, the reference level index
     * @param extra     per row, a count to add; null for none
     */
    public JointDesign(CovariateTable table, JointModel model, int[] reference, double[] extra) {
        this(table, model, reference, extra, null);
    }

    /**
     * The design with fractional counts added and, optionally, a fixed set of cells outside the face (those of the
     * complete cases, during EM).
     *
     * @param table     the table
     * @param model     the model
     * @param reference per covariate, the reference level index
     * @param extra     per row, a count to add; null for none
     * @param face      a design whose forced rows, empty cells and notes to take instead of the margins; or null
     */
    public JointDesign(CovariateTable table, JointModel model, int[] reference, double[] extra, JointDesign face) {
        this.table = table;
        this.model = model;
        this.reference = reference;
        this.k = table.lists().size();
        this.patterns = (1 << k) - 1;
        this.cells = table.cellCount();
        int rows = cells * patterns;
        int[] terms = model.termMasks();
        int covariates = table.covariates().size();
        int[][] levelOf = new int[cells][covariates];
        for (int c = 0; c < cells; c++) {
            for (int j = 0; j < covariates; j++) {
                levelOf[c][j] = table.levelIndex(c, j);
            }
        }
        // Column bases per term.
        int[] base = new int[terms.length];
        columnNames.add("(Intercept)");
        columnTerm.add(-1);
        List<String> names = model.names();
        for (int t = 0; t < terms.length; t++) {
            base[t] = columnNames.size();
            int cov = model.covariatePart(terms[t]);
            String termName = JointModel.name(terms[t], names);
            for (int[] combo : nonReferenceCombinations(cov)) {
                if (cov == 0) {
                    columnNames.add(termName);
                } else {
                    StringBuilder b = new StringBuilder(termName).append('[');
                    int q = 0;
                    for (int j = 0; j < covariates; j++) {
                        if ((cov >> j & 1) == 1) {
                            if (q > 0) {
                                b.append(',');
                            }
                            b.append(table.levels().get(j).get(combo[q++]));
                        }
                    }
                    columnNames.add(b.append(']').toString());
                }
                columnTerm.add(t);
            }
        }
        this.termColumn = new int[cells][terms.length + 1];
        this.termLists = new int[terms.length + 1];
        for (int t = 0; t < terms.length; t++) {
            termLists[t + 1] = model.listPart(terms[t]);
        }
        for (int c = 0; c < cells; c++) {
            termColumn[c][0] = 0;
            for (int t = 0; t < terms.length; t++) {
                termColumn[c][t + 1] = column(terms[t], base[t], levelOf[c], model);
            }
        }
        this.y = new double[rows];
        this.active = new int[rows][];
        this.unobservedActive = new int[cells][];
        for (int c = 0; c < cells; c++) {
            for (int h = 0; h <= patterns; h++) {
                int[] cols = new int[terms.length + 1];
                int n = 0;
                cols[n++] = 0;
                for (int t = 0; t < terms.length; t++) {
                    int s = model.listPart(terms[t]);
                    if ((h & s) != s) {
                        continue;
                    }
                    int col = column(terms[t], base[t], levelOf[c], model);
                    if (col >= 0) {
                        cols[n++] = col;
                    }
                }
                int[] row = java.util.Arrays.copyOf(cols, n);
                if (h == 0) {
                    unobservedActive[c] = row;
                } else {
                    int r = c * patterns + h - 1;
                    active[r] = row;
                    y[r] = table.count(c, h) + (extra == null ? 0 : extra[r]);
                }
            }
        }
        // Reduction by zero margins.
        this.forced = new boolean[rows];
        this.emptyCell = new boolean[cells];
        if (face != null) {
            System.arraycopy(face.forced, 0, forced, 0, rows);
            System.arraycopy(face.emptyCell, 0, emptyCell, 0, cells);
            zeroMargins.addAll(face.zeroMargins);
            return;
        }
        double[][] sup = new double[cells][];
        for (int c = 0; c < cells; c++) {
            double[] f = new double[patterns + 1];
            for (int h = 1; h <= patterns; h++) {
                f[h] = y[c * patterns + h - 1];
            }
            ZeroMargins.supersetSumsInPlace(f, k);
            sup[c] = f;
        }
        int[] listParts = new int[terms.length];
        int[][] groups = new int[terms.length][cells];
        for (int t = 0; t < terms.length; t++) {
            listParts[t] = model.listPart(terms[t]);
            int cov = model.covariatePart(terms[t]);
            for (int c = 0; c < cells; c++) {
                groups[t][c] = comboKey(levelOf[c], cov);
            }
        }
        ZeroMargins reduction = ZeroMargins.of(k, sup, listParts, groups);
        for (int c = 0; c < cells; c++) {
            boolean[] f = reduction.forced()[c];
            for (int h = 1; h <= patterns; h++) {
                forced[c * patterns + h - 1] = f[h];
            }
            emptyCell[c] = f[0];
        }
        // Name each zero margin that removes a cell no earlier term's zero margin removed (in term order).
        boolean[][] removed = new boolean[cells][patterns + 1];
        for (int[] zero : reduction.zeroGroups()) {
            int term = terms[zero[0]];
            int s = listParts[zero[0]];
            boolean any = false;
            for (int c = 0; c < cells; c++) {
                if (groups[zero[0]][c] != zero[1]) {
                    continue;
                }
                for (int h = s == 0 ? 0 : 1; h <= patterns; h++) {
                    if ((h & s) == s) {
                        any |= !removed[c][h];
                        removed[c][h] = true;
                    }
                }
            }
            if (any) {
                zeroMargins.add(describeMargin(term, levelOf, model.covariatePart(term), zero[1]));
            }
        }
    }

    private String describeMargin(int term, int[][] levelOf, int cov, int key) {
        StringBuilder b = new StringBuilder(JointModel.name(term, model.names())).append(" (");
        List<String> parts = new ArrayList<>();
        int s = model.listPart(term);
        for (int i = 0; i < k; i++) {
            if ((s >> i & 1) == 1) {
                parts.add(table.lists().get(i) + "=1");
            }
        }
        for (int c = 0; c < cells; c++) {
            if (comboKey(levelOf[c], cov) == key) {
                for (int j = 0; j < table.covariates().size(); j++) {
                    if ((cov >> j & 1) == 1) {
                        parts.add(table.covariates().get(j) + "=" + table.levels().get(j).get(levelOf[c][j]));
                    }
                }
                break;
            }
        }
        return b.append(String.join(", ", parts)).append("): 0 persons").toString();
    }

    private int comboKey(int[] levels, int cov) {
        int key = 0;
        for (int j = 0; j < levels.length; j++) {
            if ((cov >> j & 1) == 1) {
                key = key * table.levels().get(j).size() + levels[j];
            }
        }
        return key;
    }

    private int column(int term, int base, int[] levels, JointModel m) {
        int cov = m.covariatePart(term);
        int index = 0;
        for (int j = 0; j < levels.length; j++) {
            if ((cov >> j & 1) == 1) {
                if (levels[j] == reference[j]) {
                    return -1;
                }
                int pos = levels[j] < reference[j] ? levels[j] : levels[j] - 1;
                index = index * (table.levels().get(j).size() - 1) + pos;
            }
        }
        return base + index;
    }

    private List<int[]> nonReferenceCombinations(int cov) {
        List<Integer> covs = new ArrayList<>();
        for (int j = 0; j < table.covariates().size(); j++) {
            if ((cov >> j & 1) == 1) {
                covs.add(j);
            }
        }
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        for (int j : covs) {
            List<int[]> next = new ArrayList<>();
            for (int[] prefix : out) {
                for (int l = 0; l < table.levels().get(j).size(); l++) {
                    if (l == reference[j]) {
                        continue;
                    }
                    int[] a = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    a[prefix.length] = l;
                    next.add(a);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * The normal equations from margins: for a hierarchical design, the entry of X'WX for the columns of terms
     * (S, l) and (S', l') is the sum of the weights over the cells h &supe; S &cup; S' of the covariate cells that
     * have both columns, so per covariate cell one superset-sum transform over the 2<sup>K</sup> patterns
     * (K&middot;2<sup>K</sup>) and one pass over pairs of terms (T<sup>2</sup>) replace the rows' a<sup>2</sup>
     * products (Bishop, Fienberg &amp; Holland 1975, ch. 3: the sufficient statistics are margins).
     *
     * @return the computation
     */
    public SparsePoissonGlm.NormalEquations equations() {
        return (w, v, columns, a, b) -> {
            int terms = termLists.length;
            double[] f = new double[patterns + 1];
            double[] g = new double[patterns + 1];
            for (int c = 0; c < cells; c++) {
                int base = c * patterns - 1;
                f[0] = 0;
                g[0] = 0;
                for (int h = 1; h <= patterns; h++) {
                    f[h] = w[base + h];
                    g[h] = v == null ? 0 : w[base + h] * v[base + h];
                }
                ZeroMargins.supersetSumsInPlace(f, k);
                if (v != null) {
                    ZeroMargins.supersetSumsInPlace(g, k);
                }
                int[] cols = termColumn[c];
                for (int t1 = 0; t1 < terms; t1++) {
                    int c1 = cols[t1];
                    if (c1 < 0 || !columns[c1]) {
                        continue;
                    }
                    int s1 = termLists[t1];
                    if (v != null) {
                        b[c1] += g[s1];
                    }
                    for (int t2 = t1; t2 < terms; t2++) {
                        int c2 = cols[t2];
                        if (c2 < 0 || !columns[c2]) {
                            continue;
                        }
                        double x = f[s1 | termLists[t2]];
                        if (c1 <= c2) {
                            a[c1][c2] += x;
                        } else {
                            a[c2][c1] += x;
                        }
                    }
                }
            }
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < i; j++) {
                    a[i][j] = a[j][i];
                }
            }
        };
    }

    /**
     * X'X over the given rows (weight 1 on them, 0 elsewhere).
     *
     * @param rows the rows
     * @return the Gram matrix
     */
    public double[][] gram(int[] rows) {
        double[] w = new double[active.length];
        for (int r : rows) {
            w[r] = 1;
        }
        double[][] a = new double[columns()][columns()];
        boolean[] all = new boolean[columns()];
        java.util.Arrays.fill(all, true);
        equations().compute(w, null, all, a, new double[columns()]);
        return a;
    }

    /**
     * The persons observed in a covariate cell (fractional after EM).
     *
     * @param c the cell
     * @return the sum of its rows' counts
     */
    public double observed(int c) {
        double n = 0;
        for (int r = c * patterns; r < (c + 1) * patterns; r++) {
            n += y[r];
        }
        return n;
    }

    public int columns() {
        return columnNames.size();
    }

    public int rows() {
        return active.length;
    }

    public int cellOfRow(int r) {
        return r / patterns;
    }

    public int maskOfRow(int r) {
        return r % patterns + 1;
    }

    public String cellName(int c) {
        List<String> parts = new ArrayList<>();
        List<String> values = table.levelsOfCell(c);
        for (int j = 0; j < values.size(); j++) {
            parts.add(table.covariates().get(j) + "=" + values.get(j));
        }
        return String.join(", ", parts);
    }

    public String rowName(int r) {
        StringBuilder b = new StringBuilder();
        int h = maskOfRow(r);
        for (int i = 0; i < k; i++) {
            b.append((h >> i & 1) == 1 ? '1' : '0');
        }
        return String.format(Locale.ROOT, "%s x %s", b, cellName(cellOfRow(r)));
    }
}
