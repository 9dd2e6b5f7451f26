package org.tipmonitor.indicators.estimation.internal;

/**
 * The iteratively reweighted least-squares loop of every Poisson log-linear fit of the estimation packages, written
 * once, as R's {@code glm.fit} runs it (McCullagh &amp; Nelder 1989, &sect;2.5): start &mu; = y + 0.1 (or given
 * positive means), &eta; = log &mu;; repeat the weighted least-squares step with weights w = &mu; and working
 * response z = &eta; + (y &minus; &mu;)/&mu;, then &mu; = exp &eta;, until the deviance
 * D = 2 &Sigma; [y log(y/&mu;) &minus; (y &minus; &mu;)] changes by less than &epsilon; relatively,
 * |D &minus; D<sub>old</sub>| / (|D| + 0.1) &lt; &epsilon;. How the step is solved is the caller's: a pivoted QR of the
 * weighted design for R's iterates ({@link PoissonGlm}), or normal equations from a table's margins
 * ({@link SparsePoissonGlm}).
 */
final class Irls {

    private Irls() {
    }

    /** One weighted least-squares step. */
    @FunctionalInterface
    interface Step {

        /**
         * Solves the step for weights &mu; and working response z = &eta; + (y &minus; &mu;)/&mu; (the step computes z
         * itself, as its solver needs it) and writes the new linear predictor into {@code eta}.
         *
         * @param mu  the current means per row (rows not fitted are 0)
         * @param eta the current linear predictor per row; overwritten with the new one
         * @return false if the step could not be solved (the loop then stops, not converged)
         */
        boolean solve(double[] mu, double[] eta);
    }

    /**
     * The loop's end.
     *
     * @param fitted        &mu; per row (0 for rows not fitted)
     * @param deviance      D at the last step
     * @param iterations    steps taken
     * @param converged     whether the criterion was met
     * @param lastEtaChange the largest |&Delta;&eta;| of the last step
     */
    record Result(double[] fitted, double deviance, int iterations, boolean converged, double lastEtaChange) {
    }

    /**
     * Runs the loop.
     *
     * @param y             counts per row
     * @param rows          the rows fitted
     * @param start         starting means per row (a row's entry used when positive), or null for y + 0.1
     * @param maxIterations the iteration limit
     * @param epsilon       the relative deviance criterion
     * @param step          the weighted least-squares step
     * @return the result
     */
    static Result run(double[] y, int[] rows, double[] start, int maxIterations, double epsilon, Step step) {
        double[] mu = new double[y.length];
        double[] eta = new double[y.length];
        for (int r : rows) {
            mu[r] = start == null || !(start[r] > 0) ? y[r] + 0.1 : start[r];
            eta[r] = Math.log(mu[r]);
            mu[r] = Math.exp(eta[r]);
        }
        double devOld = deviance(y, mu, rows);
        double dev = devOld;
        boolean converged = false;
        int iter = 0;
        double etaChange = Double.POSITIVE_INFINITY;
        double[] previous = new double[y.length];
        while (iter < maxIterations) {
            iter++;
            System.arraycopy(eta, 0, previous, 0, eta.length);
            if (!step.solve(mu, eta)) {
                break;
            }
            etaChange = 0;
            for (int r : rows) {
                etaChange = Math.max(etaChange, Math.abs(eta[r] - previous[r]));
                mu[r] = Math.exp(eta[r]);
            }
            dev = deviance(y, mu, rows);
            if (!Double.isFinite(dev)) {
                break;
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                converged = true;
                break;
            }
            devOld = dev;
        }
        return new Result(mu, dev, iter, converged, etaChange);
    }

    /**
     * The Poisson deviance 2 &Sigma; [y log(y/&mu;) &minus; (y &minus; &mu;)] over the given rows, with
     * y log(y/&mu;) = 0 for y = 0.
     *
     * @param y    counts
     * @param mu   means
     * @param rows rows
     * @return D
     */
    static double deviance(double[] y, double[] mu, int[] rows) {
        double d = 0;
        for (int r : rows) {
            double yi = y[r];
            d += 2 * (yi > 0 ? yi * Math.log(yi / mu[r]) - (yi - mu[r]) : mu[r]);
        }
        return d;
    }

    /**
     * The rows 0, 1, ..., n &minus; 1.
     *
     * @param n the number of rows
     * @return the indices
     */
    static int[] firstRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
