package org.tipmonitor.indicators.estimation.internal;

import java.util.Arrays;

/**
 * A checked Poisson fit of a hierarchical log-linear model on a K-list table, the unit of work of model selection:
 * the rank test, the IRLS fit and the existence test of one model, computed on the table's margins instead of its
 * design matrix.
 *
 * <p><b>The same iterates as {@link PoissonGlm} on {@link LogLinearDesign}.</b> For a hierarchical model the
 * design entry of cell h and term S is 1 exactly when S &sube; h, so every product the IRLS step needs is a margin:
 * (X'WX)<sub>ST</sub> = &Sigma;<sub>h &supe; S&cup;T</sub> &mu;<sub>h</sub>, (X'r)<sub>S</sub> =
 * &Sigma;<sub>h &supe; S</sub> r<sub>h</sub>, and &eta;<sub>h</sub> = &Sigma;<sub>S &sube; h</sub>
 * &beta;<sub>S</sub>. The superset sums of all 2<sup>K</sup> masks take K&middot;2<sup>K&minus;1</sup> additions
 * (the zeta transform), so a step costs O(K 2<sup>K</sup> + p<sup>3</sup>) instead of the
 * O(2<sup>K</sup> p<sup>2</sup>) of a QR of the weighted design. The step itself is R's {@code glm.fit} step:
 * &beta;<sub>1</sub> = (X'W<sub>0</sub>X)<sup>&minus;1</sup> X'W<sub>0</sub>z<sub>0</sub> from &mu;<sub>0</sub> = y
 * + 0.1, then &beta;<sub>t+1</sub> = &beta;<sub>t</sub> + (X'W<sub>t</sub>X)<sup>&minus;1</sup> X'(y &minus;
 * &mu;<sub>t</sub>) (the same weighted least-squares solution, written as a Newton step), solved by a Cholesky
 * factorisation, with R's deviance criterion |D &minus; D<sub>old</sub>| / (|D| + 0.1) &lt; &epsilon;. The
 * factorisation is written here rather than taken from commons-math's {@code CholeskyDecomposition}, which throws
 * on a small pivot instead of reporting the pivot ratio the doubt tests below need, and allocates matrix objects
 * in a loop that runs tens of thousands of times a search. X'y is the table's overlaps, so X'(y &minus; &mu;) is
 * the overlaps less the fitted margins (one zeta transform a step for the margins, one M&ouml;bius transform for
 * &eta;); the working arrays are the thread's own, reused from fit to fit. Model selection may start the same
 * Newton steps from another model's coefficients instead ({@link #screen(int, long[], long[], int[], int, double,
 * double[])}): fewer steps to the same estimate, the same decisions.
 *
 * <p><b>Where the normal equations cannot vouch, the design-matrix path decides.</b> The rank test is R's
 * {@code qr} test (a column whose norm left after projecting out the columns before it is below 1e-7 of its own
 * norm is aliased); on the Gram matrix that is a Cholesky pivot below 1e-14 of its diagonal entry, too close to
 * rounding to decide there. So a pivot ratio below 1e-6 (unweighted) or 1e-9 (weighted, in any IRLS step), or a
 * non-finite deviance, sends the model to {@link PivotedQr} and {@link PoissonGlm} on the explicit
 * {@link LogLinearDesign}; and when the fit does not show by itself that the maximum-likelihood estimate exists,
 * Haberman's condition is decided in exact integer arithmetic where it is simple (a null space of dimension 0 or 1
 * on the positive cells), and by {@link ExistenceLp}'s linear program otherwise. The outcome is always the one the
 * design-matrix path gives; the fast path only skips work that cannot change it. Cells containing a term with an
 * empty overlap are dropped and the term fixed at &minus;&infin; by the one extended-MLE reduction,
 * {@link ZeroMargins} (Chan, Silverman &amp; Vincent 2021), as in {@link LogLinearDesign}.
 *
 * <p>Instances are immutable results.
 */
public final class HierarchicalFit {

    /** Below this unweighted Cholesky pivot ratio the rank is decided by {@link PivotedQr}. */
    static final double RANK_DOUBT = 1e-6;
    /** Below this weighted Cholesky pivot ratio the fit is redone by {@link PoissonGlm}. */
    static final double WEIGHTED_DOUBT = 1e-9;

    private final int lists;
    private final int[] finiteTerms;
    private final int infiniteTerms;
    private final int rows;
    private final boolean fullRank;
    private final boolean converged;
    private final boolean mleExists;
    private final int rank;
    private final int iterations;
    private final double[] fittedByMask;
    private final double[] coefficientsByMask; // of the fast path's fits: the start of warm-started ones
    private final double intercept;
    private final double deviance;
    private final boolean viaDesign;

    private HierarchicalFit(int lists, int[] finiteTerms, int infiniteTerms, int rows, boolean fullRank,
                            boolean converged, boolean mleExists, int rank, int iterations, double[] fittedByMask,
                            double[] coefficientsByMask, double intercept, double deviance, boolean viaDesign) {
        this.lists = lists;
        this.finiteTerms = finiteTerms;
        this.infiniteTerms = infiniteTerms;
        this.rows = rows;
        this.fullRank = fullRank;
        this.converged = converged;
        this.mleExists = mleExists;
        this.rank = rank;
        this.iterations = iterations;
        this.fittedByMask = fittedByMask;
        this.coefficientsByMask = coefficientsByMask;
        this.intercept = intercept;
        this.deviance = deviance;
        this.viaDesign = viaDesign;
    }

    /**
     * Fits a model: the rank test, IRLS from &mu; = y + 0.1 (run on a rank-deficient design too, as R's
     * {@code glm.fit} does, its aliased coefficients left out), and, when the design has full rank, the existence
     * test.
     *
     * @param lists         K
     * @param counts        counts by mask (length 2<sup>K</sup>; entry 0 ignored)
     * @param overlaps      {@link LogLinearDesign#overlaps} of the counts
     * @param terms         the model's terms (main effects and interactions; masks, no intercept), in column order
     * @param maxIterations the IRLS limit (R: 25)
     * @param epsilon       the deviance criterion (R: 1e-8)
     * @return the fit
     */
    public static HierarchicalFit fit(int lists, long[] counts, long[] overlaps, int[] terms, int maxIterations,
                                      double epsilon) {
        return run(lists, counts, overlaps, terms, maxIterations, epsilon, false, null);
    }

    /**
     * As {@link #fit}, for model selection, which needs the fitted values only of models that pass the check: a
     * model that fails it (rank deficient, or no finite MLE) has no fitted values, and when the margins cannot
     * decide, the existence test runs before, instead of after, a fit of the design matrix.
     *
     * @param lists         K
     * @param counts        counts by mask (length 2<sup>K</sup>; entry 0 ignored)
     * @param overlaps      {@link LogLinearDesign#overlaps} of the counts
     * @param terms         the model's terms (main effects and interactions; masks, no intercept), in column order
     * @param maxIterations the IRLS limit (R: 25)
     * @param epsilon       the deviance criterion (R: 1e-8)
     * @return the fit; {@link #fittedMargins()} and {@link #logLikelihoodKernel} only when {@link #passesCheck()}
     */
    public static HierarchicalFit screen(int lists, long[] counts, long[] overlaps, int[] terms, int maxIterations,
                                         double epsilon) {
        return run(lists, counts, overlaps, terms, maxIterations, epsilon, true, null);
    }

    /**
     * As {@link #screen}, with Newton's iterations started from given coefficients instead of R's start &mu; =
     * y + 0.1: from &eta; = X&beta;, &beta;<sub>S</sub> the start's entry at mask S for each of the model's terms S
     * (and the intercept, mask 0), typically another model's {@link #coefficientsByMask()}, 0 for a term the
     * other model has not (model selection has the fit of this model less one term at hand). Started near the
     * maximum-likelihood estimate, the iterations reach R's deviance criterion in fewer steps. They stop within the
     * criterion of the same estimate (unique when it exists), not at R's iterate: the deviance agrees to about
     * 1e-9 (relative) or better; the intercept, which can lie in a flat direction of the likelihood, less closely
     * (population estimates within 1e-6 from far starts, 2e-8 in model selection on the bundled tables). A start
     * from which the fast path does not converge (or a null start) is fitted again from R's start exactly as by
     * {@link #screen}. The rank and existence decisions do not depend on the start; convergence would differ only
     * for a model that R's start cannot fit in {@code maxIterations} steps and this start can.
     *
     * @param lists         K
     * @param counts        counts by mask (length 2<sup>K</sup>; entry 0 ignored)
     * @param overlaps      {@link LogLinearDesign#overlaps} of the counts
     * @param terms         the model's terms (main effects and interactions; masks, no intercept), in column order
     * @param maxIterations the IRLS limit (R: 25)
     * @param epsilon       the deviance criterion (R: 1e-8)
     * @param start         the coefficients to start from, by mask (length 2<sup>K</sup>; not modified), or null
     *                      for R's start
     * @return the fit; {@link #fittedMargins()} and {@link #logLikelihoodKernel} only when {@link #passesCheck()}
     */
    public static HierarchicalFit screen(int lists, long[] counts, long[] overlaps, int[] terms, int maxIterations,
                                         double epsilon, double[] start) {
        return run(lists, counts, overlaps, terms, maxIterations, epsilon, true, start);
    }

    private static HierarchicalFit run(int lists, long[] counts, long[] overlaps, int[] terms, int maxIterations,
                                       double epsilon, boolean screen, double[] start) {
        int size = 1 << lists;
        ZeroMargins reduction = ZeroMargins.ofLists(lists, overlaps, terms);
        int[] finite = new int[terms.length + 1];
        int nf = 1; // column 0: the intercept, mask 0
        int ni = 0;
        for (int t = 0; t < terms.length; t++) {
            if (reduction.hasZeroMargin(t)) {
                ni++;
            } else {
                finite[nf++] = terms[t];
            }
        }
        int[] columns = Arrays.copyOf(finite, nf);
        Workspace w = Workspace.of(size, nf);
        double[] kept = w.kept;
        Arrays.fill(kept, 0);
        int m = 0;
        boolean[] forced = reduction.forced()[0];
        for (int h = 1; h < size; h++) {
            if (!forced[h]) {
                kept[h] = 1;
                w.cells[m++] = h;
            }
        }
        int p = nf;
        int[] finiteTerms = Arrays.copyOfRange(columns, 1, nf);
        if (m < p) { // more columns than rows: rank deficient
            return screen ? excluded(lists, finiteTerms, ni, m, false)
                    : viaDesign(lists, counts, finiteTerms, terms, ni, maxIterations, epsilon, false);
        }
        // Rank of the 0/1 design: Cholesky of X'X, whose entries are the numbers of kept cells above S | T.
        double[] keptAbove = w.margins;
        System.arraycopy(kept, 0, keptAbove, 0, size);
        supersetSums(keptAbove);
        gram(w.gram, keptAbove, columns);
        double ratio = cholesky(w.gram, p);
        if (ratio < RANK_DOUBT) {
            return viaDesign(lists, counts, finiteTerms, terms, ni, maxIterations, epsilon, screen);
        }
        HierarchicalFit fast = null;
        if (start != null) {
            fast = newton(lists, counts, overlaps, terms, w, m, columns, finiteTerms, ni, maxIterations, epsilon,
                    start);
        }
        if (fast == null) {
            fast = newton(lists, counts, overlaps, terms, w, m, columns, finiteTerms, ni, maxIterations, epsilon,
                    null);
        }
        if (fast != null) {
            return fast;
        }
        // The margins could not fit the model (a pivot too small, no convergence): typically a fit diverging
        // because the MLE does not exist, which the exact test can show without the design matrix.
        if (screen && existsExactly(kept, counts, columns) == NOT_EXISTS) {
            return excluded(lists, finiteTerms, ni, m, true);
        }
        return viaDesign(lists, counts, finiteTerms, terms, ni, maxIterations, epsilon, screen);
    }

    private static HierarchicalFit excluded(int lists, int[] finiteTerms, int ni, int m, boolean fullRank) {
        return new HierarchicalFit(lists, finiteTerms, ni, m, fullRank, false, false, 0, 0, null, null, Double.NaN,
                Double.NaN, false);
    }

    /**
     * The buffers of one thread's fits: a search fits tens of thousands of models on each thread, and the fits'
     * working arrays would otherwise be most of what it allocates. The kept cells (w.kept, 1 or 0 by mask, and
     * their masks in w.cells) are filled by {@link #run}; the rest is scratch.
     */
    private static final class Workspace {

        private static final ThreadLocal<Workspace> OF_THREAD = new ThreadLocal<>();

        final int size;
        final double[] kept;
        final int[] cells;
        final double[] y;
        final double[] logY;
        final double[] eta;
        final double[] mu;
        final double[] margins;
        final double[] byMask;
        final double[] gram;
        final double[] rhs;
        final double[] beta;
        /** The counts that table* hold (for every cell h &ge; 1): y, log y (0 for y = 0), R's &eta; and &mu;. */
        private final long[] table;
        final double[] tableY;
        final double[] tableLogY;
        final double[] tableEta;
        final double[] tableMu;

        private Workspace(int size, int columns) {
            this.size = size;
            kept = new double[size];
            cells = new int[size];
            y = new double[size];
            logY = new double[size];
            eta = new double[size];
            mu = new double[size];
            margins = new double[size];
            byMask = new double[size];
            gram = new double[columns * columns];
            rhs = new double[columns];
            beta = new double[columns];
            table = new long[size];
            table[0] = -1; // no table yet
            tableY = new double[size];
            tableLogY = new double[size];
            tableEta = new double[size];
            tableMu = new double[size];
        }

        /** Makes table* those of the counts (a search fits every model of one table: computed once). */
        void table(long[] counts) {
            if (table[0] == 0 && Arrays.equals(table, 1, size, counts, 1, size)) {
                return;
            }
            for (int h = 1; h < size; h++) {
                table[h] = counts[h];
                double y = counts[h];
                tableY[h] = y;
                tableLogY[h] = y > 0 ? Math.log(y) : 0;
                tableEta[h] = Math.log(y + 0.1);
                tableMu[h] = Math.exp(tableEta[h]);
            }
            table[0] = 0;
        }

        /** This thread's buffers for 2<sup>K</sup> = size cells and up to {@code columns} columns. */
        static Workspace of(int size, int columns) {
            Workspace w = OF_THREAD.get();
            if (w == null || w.size != size || w.rhs.length < columns) {
                w = new Workspace(size, Math.max(columns, w == null || w.size != size ? 0 : w.rhs.length));
                OF_THREAD.set(w);
            }
            return w;
        }
    }

    private static HierarchicalFit newton(int lists, long[] counts, long[] overlaps, int[] terms, Workspace w, int m,
                                          int[] columns, int[] finiteTerms, int ni, int maxIterations,
                                          double epsilon, double[] startByMask) {
        // The loops over cells and columns live in small methods: newton's own loop runs a few times a call, so
        // a short run compiles the small methods, not this one (on-stack replacement of a method with long inner
        // loops costs the optimising compiler more than the run).
        int size = w.size;
        int p = columns.length;
        int[] cells = w.cells;
        double[] y = w.y;
        double[] mu = w.mu;
        double[] eta = w.eta;
        double[] logY = w.logY;
        double[] margins = w.margins;
        double[] byMask = w.byMask;
        double[] gram = w.gram;
        double[] rhs = w.rhs;
        double[] beta = w.beta;
        w.table(counts);
        start(w, m, startByMask == null);
        if (startByMask != null) { // &eta; = X&beta; from the start's coefficients
            Arrays.fill(byMask, 0);
            for (int i = 0; i < p; i++) {
                beta[i] = startByMask[columns[i]];
                byMask[columns[i]] = beta[i];
            }
            subsetSums(byMask);
            step(cells, m, byMask, eta, mu);
        }
        boolean glmStart = startByMask == null; // R's first step: weighted least squares from mu = y + 0.1
        double devOld = deviance(y, logY, eta, mu, cells, m);
        double dev = devOld;
        double etaChange = Double.POSITIVE_INFINITY;
        boolean converged = false;
        int iter = 0;
        while (iter < maxIterations) {
            iter++;
            System.arraycopy(mu, 0, margins, 0, size);
            supersetSums(margins);
            gram(gram, margins, columns);
            if (glmStart && iter == 1) {
                weightedEta(mu, eta, byMask);
                supersetSums(byMask);
                firstRhs(byMask, overlaps, margins, columns, rhs);
            } else {
                rhs(overlaps, margins, columns, rhs);
            }
            if (cholesky(gram, p) < WEIGHTED_DOUBT) {
                return null;
            }
            solve(gram, p, rhs);
            update(glmStart && iter == 1, rhs, beta, columns, byMask);
            subsetSums(byMask);
            etaChange = step(cells, m, byMask, eta, mu);
            dev = deviance(y, logY, eta, mu, cells, m);
            if (!Double.isFinite(dev)) {
                return null;
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                converged = true;
                break;
            }
            devOld = dev;
        }
        if (!converged) {
            return null;
        }
        // ExistenceLp.mleExists(x, y, m, fit), without the linear program as far as possible: a converged
        // full-rank fit whose means stay away from 0, or whose last step left every linear predictor still, shows
        // that the MLE exists; otherwise the exact test on the positive cells decides, and only when it cannot,
        // the linear program.
        double minMu = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            minMu = Math.min(minMu, mu[cells[i]]);
        }
        boolean exists = true;
        boolean viaDesign = false;
        if (!(minMu >= Math.max(1e-2, 1e-6 * (dev + 0.1)) || etaChange <= 1e-2)) {
            int exact = existsExactly(w.kept, counts, columns);
            if (exact == UNDECIDED) {
                LogLinearDesign design = new LogLinearDesign(lists, counts, terms);
                viaDesign = true;
                exists = ExistenceLp.mleExists(design.columns(), design.y(), design.rows());
            } else {
                exists = exact == EXISTS;
            }
        }
        double[] coefficients = new double[size];
        for (int i = 0; i < p; i++) {
            coefficients[columns[i]] = beta[i];
        }
        return new HierarchicalFit(lists, finiteTerms, ni, m, true, true, exists, p, iter, mu.clone(), coefficients,
                beta[0], dev, viaDesign);
    }

    /**
     * y, log y, and (with R's start) &eta; = log(y + 0.1), &mu; = exp &eta; on the kept cells; &mu; = y = 0 on the
     * others (so that superset sums of &mu; are sums over the kept cells).
     */
    private static void start(Workspace w, int m, boolean glmStart) {
        Arrays.fill(w.mu, 0);
        Arrays.fill(w.y, 0);
        for (int i = 0; i < m; i++) {
            int h = w.cells[i];
            w.y[h] = w.tableY[h];
            w.logY[h] = w.tableLogY[h];
            if (glmStart) {
                w.eta[h] = w.tableEta[h];
                w.mu[h] = w.tableMu[h];
            }
        }
    }

    /** &mu;&eta; by mask (0 where &mu; = 0), for the first step's X'W z = X'(W&eta;) + X'y &minus; X'&mu;. */
    private static void weightedEta(double[] mu, double[] eta, double[] out) {
        for (int h = 0; h < mu.length; h++) {
            out[h] = mu[h] == 0 ? 0 : mu[h] * eta[h];
        }
    }

    /**
     * The first step's right-hand side X'W z = X'W&eta; + X'y &minus; X'&mu;: X'y is the observed margins
     * (the overlaps) and X'&mu; the fitted ones.
     */
    private static void firstRhs(double[] weightedEtaAbove, long[] overlaps, double[] margins, int[] columns,
                                 double[] out) {
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            out[i] = weightedEtaAbove[c] + (overlaps[c] - margins[c]);
        }
    }

    /** A Newton step's right-hand side X'(y &minus; &mu;): the observed margins less the fitted ones. */
    private static void rhs(long[] overlaps, double[] margins, int[] columns, double[] out) {
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            out[i] = overlaps[c] - margins[c];
        }
    }

    /** &beta; := solution (first step) or &beta; + solution, scattered by term mask for the subset sums. */
    private static void update(boolean first, double[] solution, double[] beta, int[] columns, double[] byMask) {
        Arrays.fill(byMask, 0);
        for (int i = 0; i < columns.length; i++) {
            beta[i] = first ? solution[i] : beta[i] + solution[i];
            byMask[columns[i]] = beta[i];
        }
    }

    /** Moves &eta; and &mu; to the new linear predictor on the kept cells; returns the largest |&Delta;&eta;|. */
    private static double step(int[] cells, int m, double[] etaNew, double[] eta, double[] mu) {
        double change = 0;
        for (int i = 0; i < m; i++) {
            int h = cells[i];
            change = Math.max(change, Math.abs(etaNew[h] - eta[h]));
            eta[h] = etaNew[h];
            mu[h] = Math.exp(eta[h]);
        }
        return change;
    }

    private static final int EXISTS = 1;
    private static final int NOT_EXISTS = 0;
    private static final int UNDECIDED = -1;

    /**
     * Haberman's (1974) condition decided in exact integer arithmetic where it is simple: the MLE fails to exist
     * iff some d = Xc &ne; 0 has d &le; 0 on every kept cell and d = 0 on the cells with a positive count. Let V be
     * the null space of the positive cells' rows of X. If V = {0}, the MLE exists. If V is spanned by one vector v
     * (the common case when it fails), the only candidates are d = &plusmn;Xv: the MLE exists iff Xv has entries
     * of both signs on the empty cells (Xv &ne; 0 when X has full rank). Otherwise, or when the integers overflow,
     * or when Xv = 0 (X not of full rank after all), the test is undecided and the linear program decides.
     *
     * @return {@link #EXISTS}, {@link #NOT_EXISTS} or {@link #UNDECIDED}
     */
    static int existsExactly(double[] kept, long[] counts, int[] columns) {
        int p = columns.length;
        int size = kept.length;
        long[][] rows = new long[size][];
        int n = 0;
        for (int h = 1; h < size; h++) {
            if (kept[h] != 0 && counts[h] > 0) {
                long[] row = new long[p];
                for (int j = 0; j < p; j++) {
                    row[j] = (h & columns[j]) == columns[j] ? 1 : 0;
                }
                rows[n++] = row;
            }
        }
        try {
            // Gauss-Jordan elimination over the integers, each row kept primitive (divided by its content).
            int[] pivotColumn = new int[p];
            int rank = 0;
            int free = -1;
            for (int j = 0; j < p && rank < n; j++) {
                int pivot = -1;
                for (int r = rank; r < n; r++) {
                    if (rows[r][j] != 0) {
                        pivot = r;
                        break;
                    }
                }
                if (pivot < 0) {
                    if (free >= 0) {
                        return UNDECIDED; // null space of dimension 2 or more
                    }
                    free = j;
                    continue;
                }
                long[] pr = rows[pivot];
                rows[pivot] = rows[rank];
                rows[rank] = pr;
                for (int r = 0; r < n; r++) {
                    if (r != rank && rows[r][j] != 0) {
                        eliminate(rows[r], pr, j);
                    }
                }
                pivotColumn[rank++] = j;
            }
            int nullity = p - rank;
            if (nullity == 0) {
                return EXISTS;
            }
            if (nullity > 1) {
                return UNDECIDED;
            }
            if (free < 0) {
                free = p - 1; // the columns after the last pivot: exactly one is left
                for (int j = 0, i = 0; j < p; j++) {
                    if (i < rank && pivotColumn[i] == j) {
                        i++;
                    } else {
                        free = j;
                    }
                }
            }
            // Row i reads D_i v[pivot_i] + a_i v[free] = 0; with v[free] = L = lcm |D_i|, v is integral.
            long l = 1;
            for (int i = 0; i < rank; i++) {
                long d = Math.abs(rows[i][pivotColumn[i]]);
                l = Math.multiplyExact(l / gcd(l, d), d);
            }
            long[] v = new long[p];
            v[free] = l;
            for (int i = 0; i < rank; i++) {
                v[pivotColumn[i]] = Math.negateExact(Math.multiplyExact(rows[i][free], l / rows[i][pivotColumn[i]]));
            }
            boolean negative = false;
            boolean positive = false;
            for (int h = 1; h < size; h++) {
                if (kept[h] != 0 && counts[h] == 0) {
                    long d = predictor(h, columns, v);
                    negative |= d < 0;
                    positive |= d > 0;
                }
            }
            if (negative && positive) {
                return EXISTS;
            }
            return negative || positive ? NOT_EXISTS : UNDECIDED;
        } catch (ArithmeticException overflow) {
            return UNDECIDED;
        }
    }

    /** row := pivotRow[j] row &minus; row[j] pivotRow, divided by its content (exact; throws on overflow). */
    private static void eliminate(long[] row, long[] pivotRow, int j) {
        long d = pivotRow[j];
        long f = row[j];
        for (int c = 0; c < row.length; c++) {
            row[c] = Math.subtractExact(Math.multiplyExact(d, row[c]), Math.multiplyExact(f, pivotRow[c]));
        }
        primitive(row);
    }

    /** (Xv)<sub>h</sub> = &Sigma; v<sub>j</sub> over the columns whose term h contains (exact). */
    private static long predictor(int h, int[] columns, long[] v) {
        long d = 0;
        for (int j = 0; j < columns.length; j++) {
            if ((h & columns[j]) == columns[j]) {
                d = Math.addExact(d, v[j]);
            }
        }
        return d;
    }

    private static void primitive(long[] row) {
        long g = 0;
        for (long a : row) {
            g = gcd(g, Math.abs(a));
        }
        if (g > 1) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= g;
            }
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The design-matrix path: exactly what LogLinearEstimator, StepwiseSelection and ExhaustiveSearch did. */
    private static HierarchicalFit viaDesign(int lists, long[] counts, int[] finiteTerms, int[] terms, int ni,
                                             int maxIterations, double epsilon, boolean screen) {
        LogLinearDesign design = new LogLinearDesign(lists, counts, terms);
        double[][] x = design.columns();
        double[] y = design.y();
        int m = design.rows();
        boolean fullRank = new PivotedQr(x, m, ExistenceLp.RANK_TOLERANCE).rank() == x.length;
        if (screen && !(fullRank && ExistenceLp.mleExists(x, y, m))) {
            return new HierarchicalFit(lists, finiteTerms, ni, m, fullRank, false, false, 0, 0, null, null,
                    Double.NaN, Double.NaN, true);
        }
        PoissonGlm.Fit fit = PoissonGlm.fit(x, y, m, maxIterations, epsilon, null);
        boolean exists = fullRank && (screen || ExistenceLp.mleExists(x, y, m, fit));
        double[] byMask = new double[1 << lists];
        int[] cells = design.cells();
        for (int r = 0; r < m; r++) {
            byMask[cells[r]] = fit.fitted()[r];
        }
        return new HierarchicalFit(lists, finiteTerms, ni, m, fullRank, fit.converged(), exists, fit.rank(),
                fit.iterations(), byMask, null, fit.coefficients()[0], fit.deviance(), true);
    }

    /**
     * f[s] := &Sigma;<sub>t &supe; s</sub> f[t] over all masks (in place): the zeta transform, one bit after the
     * other, three bits at a time where it can (the same additions in the same order, with a fraction of the loop
     * overhead).
     */
    static void supersetSums(double[] f) {
        int size = f.length;
        int bit = 1;
        for (; bit << 3 <= size; bit <<= 3) {
            threeBits(f, bit, true);
        }
        for (; bit < size; bit <<= 1) {
            for (int block = 0; block < size; block += bit << 1) {
                for (int s = block; s < block + bit; s++) { // the masks without this bit
                    f[s] += f[s + bit];
                }
            }
        }
    }

    /** f[s] := &Sigma;<sub>t &sube; s</sub> f[t] over all masks (in place), as {@link #supersetSums}. */
    static void subsetSums(double[] f) {
        int size = f.length;
        int bit = 1;
        for (; bit << 3 <= size; bit <<= 3) {
            threeBits(f, bit, false);
        }
        for (; bit < size; bit <<= 1) {
            for (int block = 0; block < size; block += bit << 1) {
                for (int s = block; s < block + bit; s++) { // s + bit: the masks with this bit
                    f[s + bit] += f[s];
                }
            }
        }
    }

    /** The superset (or subset) sums over bits b, 2b and 4b, in that order. */
    private static void threeBits(double[] f, int b, boolean supersets) {
        for (int block = 0; block < f.length; block += b << 3) {
            for (int s = block; s < block + b; s++) {
                double f0 = f[s];
                double f1 = f[s + b];
                double f2 = f[s + 2 * b];
                double f3 = f[s + 3 * b];
                double f4 = f[s + 4 * b];
                double f5 = f[s + 5 * b];
                double f6 = f[s + 6 * b];
                double f7 = f[s + 7 * b];
                if (supersets) { // f[i] += f[i | bit] for bit 1, 2 and 4 of the eight
                    f0 += f1;
                    f2 += f3;
                    f4 += f5;
                    f6 += f7;
                    f0 += f2;
                    f1 += f3;
                    f4 += f6;
                    f5 += f7;
                    f0 += f4;
                    f1 += f5;
                    f2 += f6;
                    f3 += f7;
                } else { // f[i | bit] += f[i]
                    f1 += f0;
                    f3 += f2;
                    f5 += f4;
                    f7 += f6;
                    f2 += f0;
                    f3 += f1;
                    f6 += f4;
                    f7 += f5;
                    f4 += f0;
                    f5 += f1;
                    f6 += f2;
                    f7 += f3;
                }
                f[s] = f0;
                f[s + b] = f1;
                f[s + 2 * b] = f2;
                f[s + 3 * b] = f3;
                f[s + 4 * b] = f4;
                f[s + 5 * b] = f5;
                f[s + 6 * b] = f6;
                f[s + 7 * b] = f7;
            }
        }
    }

    private static void gram(double[] gram, double[] above, int[] columns) {
        for (int i = 0; i < columns.length; i++) {
            gramRow(gram, above, columns, i);
        }
    }

    /** Row i of the lower triangle: G[i][j] = the margin above columns i and j together. */
    private static void gramRow(double[] gram, double[] above, int[] columns, int i) {
        int p = columns.length;
        int ci = columns[i];
        for (int j = 0; j <= i; j++) {
            gram[i * p + j] = above[ci | columns[j]];
        }
    }

    /**
     * In-place Cholesky factor L (lower triangle, row-major) of a symmetric positive semi-definite matrix given by
     * its lower triangle, columns in order; returns the smallest ratio of a pivot to its diagonal entry (0 when a
     * pivot is not positive, and the factorisation stops there).
     */
    private static double cholesky(double[] a, int p) {
        double smallest = 1;
        for (int j = 0; j < p; j++) {
            double diagonal = a[j * p + j];
            double d = diagonal - dot(a, j * p, j * p, j);
            if (!(d > 0) || !(diagonal > 0)) {
                return 0;
            }
            smallest = Math.min(smallest, d / diagonal);
            double l = Math.sqrt(d);
            a[j * p + j] = l;
            column(a, p, j, l);
        }
        return smallest;
    }

    /** Column j of L below the diagonal, given its diagonal entry l. */
    private static void column(double[] a, int p, int j, double l) {
        for (int i = j + 1; i < p; i++) {
            a[i * p + j] = (a[i * p + j] - dot(a, i * p, j * p, j)) / l;
        }
    }

    /**
     * &Sigma;<sub>k &lt; n</sub> a[x + k] a[y + k], summed in order, four terms a pass (the client compiler, which
     * runs the short processes, does not unroll loops).
     */
    private static double dot(double[] a, int x, int y, int n) {
        double s = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s += a[x + k] * a[y + k];
            s += a[x + k + 1] * a[y + k + 1];
            s += a[x + k + 2] * a[y + k + 2];
            s += a[x + k + 3] * a[y + k + 3];
        }
        for (; k < n; k++) {
            s += a[x + k] * a[y + k];
        }
        return s;
    }

    /** Solves L L' x = b in place, L from {@link #cholesky}. */
    private static void solve(double[] l, int p, double[] b) {
        for (int i = 0; i < p; i++) {
            b[i] = (b[i] - dot(l, i * p, b, i)) / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            b[i] = (b[i] - columnDot(l, p, i, b)) / l[i * p + i];
        }
    }

    /** &Sigma;<sub>k &lt; n</sub> a[x + k] b[k], summed in order, four terms a pass. */
    private static double dot(double[] a, int x, double[] b, int n) {
        double s = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s += a[x + k] * b[k];
            s += a[x + k + 1] * b[k + 1];
            s += a[x + k + 2] * b[k + 2];
            s += a[x + k + 3] * b[k + 3];
        }
        for (; k < n; k++) {
            s += a[x + k] * b[k];
        }
        return s;
    }

    /** &Sigma;<sub>i &lt; k &lt; p</sub> L[k][i] b[k]: column i of L below the diagonal times b. */
    private static double columnDot(double[] l, int p, int i, double[] b) {
        double s = 0;
        for (int k = i + 1; k < p; k++) {
            s += l[k * p + i] * b[k];
        }
        return s;
    }

    /** The deviance 2 &Sigma; [y (log y &minus; &eta;) &minus; (y &minus; &mu;)] of the kept cells, &mu; = exp &eta;. */
    private static double deviance(double[] y, double[] logY, double[] eta, double[] mu, int[] cells, int m) {
        double d = 0;
        for (int i = 0; i < m; i++) {
            int h = cells[i];
            double yi = y[h];
            d += 2 * (yi > 0 ? yi * (logY[h] - eta[h]) - (yi - mu[h]) : mu[h]);
        }
        return d;
    }

    /**
     * Whether the model can be estimated: full rank, converged, full rank in the last weighted step, and a
     * finite maximum-likelihood estimate (what makes {@code org.tipmonitor.indicators.estimation.fit.LogLinearEstimator} return an estimate).
     *
     * @return true if estimable
     */
    public boolean estimable() {
        return fullRank && converged && mleExists && rank == finiteTerms.length + 1;
    }

    /**
     * Whether the design has full rank and the MLE exists (SparseMSE's {@code checkident} code 0), whatever the
     * convergence.
     *
     * @return true if the check passes
     */
    public boolean passesCheck() {
        return fullRank && mleExists;
    }

    /** @return whether IRLS met the deviance criterion */
    public boolean converged() {
        return converged;
    }

    /** @return the number of IRLS steps */
    public int iterations() {
        return iterations;
    }

    /**
     * The coefficients by term mask (the intercept at 0, 0 for masks that are not finite terms), of an estimable
     * fit that the margins made; a start for {@link #screen(int, long[], long[], int[], int, double, double[])}.
     *
     * @return the coefficients (not copied: do not modify), or null when the fit is not estimable or was made on
     *         the design matrix
     */
    public double[] coefficientsByMask() {
        return estimable() ? coefficientsByMask : null;
    }

    /** @return whether the explicit design matrix was needed to decide */
    public boolean viaDesign() {
        return viaDesign;
    }

    /** @return the intercept &beta;&#770;<sub>0</sub>, whose exponential is the unobserved count */
    public double intercept() {
        return intercept;
    }

    /** @return the deviance of the kept cells */
    public double deviance() {
        return deviance;
    }

    /** @return the rank of the last weighted step (the number of columns, intercept included, when full) */
    public int rank() {
        return rank;
    }

    /** @return the number of kept cells (the design's rows) */
    public int rows() {
        return rows;
    }

    /** @return the number of terms fixed at &minus;&infin; */
    public int infiniteTerms() {
        return infiniteTerms;
    }

    /** @return the finite interaction and main-effect terms, in column order after the intercept */
    public int[] finiteTerms() {
        return finiteTerms.clone();
    }

    /**
     * The Poisson log-likelihood of the kept cells without the constant &minus;&Sigma; log y!:
     * &Sigma; [y log &mu; &minus; &mu;].
     *
     * @param counts the counts by mask
     * @return the kernel
     */
    public double logLikelihoodKernel(long[] counts) {
        double l = 0;
        for (int h = 1; h < fittedByMask.length; h++) {
            double mu = fittedByMask[h];
            if (mu > 0 || counts[h] > 0) {
                l += (counts[h] > 0 ? counts[h] * Math.log(mu) : 0) - mu;
            }
        }
        return l;
    }

    /**
     * The fitted margins: for every mask S, the sum of the fitted means of the kept cells containing S (entry 0,
     * the empty set, is the fitted total of the observed cells).
     *
     * @return margins by mask (a new array)
     */
    public double[] fittedMargins() {
        double[] f = fittedByMask.clone();
        supersetSums(f);
        return f;
    }
}
