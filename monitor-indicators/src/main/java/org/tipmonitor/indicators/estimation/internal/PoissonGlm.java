package org.tipmonitor.indicators.estimation.internal;

import java.util.Arrays;

import org.apache.commons.math3.special.Gamma;

/**
 * Poisson generalised linear model with log link, fitted by the one IRLS loop ({@link Irls}) exactly as R's
 * {@code glm.fit} does it (McCullagh &amp; Nelder 1989, &sect;2.5): start &mu; = y + 0.1; repeat the weighted
 * least-squares step with weights w = &mu; and working response z = &eta; + (y &minus; &mu;)/&mu;, solved here by a
 * pivoted Householder QR of the weighted design (tolerance 1e-11), until |D &minus; D<sub>old</sub>| / (|D| + 0.1)
 * &lt; &epsilon;. The deviance is D = 2 &Sigma; [y log(y/&mu;) &minus; (y &minus; &mu;)].
 *
 * <p>The covariance (X'WX)<sup>&minus;1</sup> is taken from the QR of the last step, whose weights are the
 * &mu; of the iteration before convergence; this is what R's {@code summary.glm} reports.
 */
public final class PoissonGlm {

    /** R's {@code glm.fit} rank tolerance, min(1e-7, epsilon / 1000) with epsilon 1e-8. */
    public static final double QR_TOLERANCE = 1e-11;

    private PoissonGlm() {
    }

    /**
     * The result of one fit.
     *
     * @param coefficients per column; NaN for aliased columns
     * @param fitted       the fitted means &mu;, one per row
     * @param deviance     the residual deviance D
     * @param rank         the numerical rank of the design
     * @param iterations   the number of IRLS steps taken
     * @param converged    whether the deviance criterion was met within the iteration limit
     * @param qr           the QR of the last weighted step (for the covariance)
     * @param lastEtaChange the largest |&Delta;&eta;| of the last step: it tends to 0 when the MLE exists, and stays
     *                      near 1 for cells whose fitted value is driven to 0 when it does not
     */
    public record Fit(double[] coefficients, double[] fitted, double deviance, int rank, int iterations,
                      boolean converged, PivotedQr qr, double lastEtaChange) {

        /**
         * The unscaled covariance of the coefficients, (X'WX)<sup>&minus;1</sup>.
         *
         * @return a matrix in column order; NaN rows/columns for aliased columns
         */
        public double[][] covariance() {
            return qr.unscaledCovariance();
        }
    }

    /**
     * Fits the model.
     *
     * @param columns       the design, column-major ({@code columns[j][i]}); column 0 should be the intercept
     * @param y             the responses (non-negative; non-integer values allowed)
     * @param rows          the number of rows used
     * @param maxIterations the iteration limit (R: 25)
     * @param epsilon       the relative deviance criterion (R: 1e-8)
     * @param start         starting means (null: y + 0.1, as R)
     * @return the fit
     */
    public static Fit fit(double[][] columns, double[] y, int rows, int maxIterations, double epsilon,
                          double[] start) {
        int p = columns.length;
        double[] response = y.length == rows ? y : Arrays.copyOf(y, rows);
        double[][] weighted = new double[p][rows];
        double[] z = new double[rows];
        double[][] coef = new double[1][];
        PivotedQr[] qr = new PivotedQr[1];
        Irls.Result result = Irls.run(response, Irls.firstRows(rows), start, maxIterations, epsilon, (mu, eta) -> {
            for (int i = 0; i < rows; i++) {
                double w = Math.sqrt(mu[i]);
                z[i] = (eta[i] + (response[i] - mu[i]) / mu[i]) * w;
                for (int j = 0; j < p; j++) {
                    weighted[j][i] = columns[j][i] * w;
                }
            }
            qr[0] = new PivotedQr(weighted, rows, QR_TOLERANCE);
            coef[0] = qr[0].solve(z);
            for (int i = 0; i < rows; i++) {
                double e = 0;
                for (int j = 0; j < p; j++) {
                    if (!Double.isNaN(coef[0][j])) {
                        e += columns[j][i] * coef[0][j];
                    }
                }
                eta[i] = e;
            }
            return true;
        });
        return new Fit(coef[0], result.fitted(), result.deviance(), qr[0].rank(), result.iterations(),
                result.converged(), qr[0], result.lastEtaChange());
    }

    /**
     * The Poisson log-likelihood &Sigma; [y log &mu; &minus; &mu; &minus; log y!] (as R's {@code dpois(log = TRUE)}).
     *
     * @param y    integer-valued responses
     * @param mu   means
     * @param rows number of rows used
     * @return the log-likelihood
     */
    public static double logLikelihood(double[] y, double[] mu, int rows) {
        double l = 0;
        for (int i = 0; i < rows; i++) {
            double yi = y[i];
            l += (yi > 0 ? yi * Math.log(mu[i]) : 0) - mu[i] - Gamma.logGamma(yi + 1);
        }
        return l;
    }
}
