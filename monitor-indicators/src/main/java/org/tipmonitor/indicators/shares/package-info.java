/**
 * Binomial shares with confidence intervals ({@link org.tipmonitor.indicators.shares.ShareEstimator}, methods in
 * {@link org.tipmonitor.indicators.shares.BinomialInterval}) and differences of two shares
 * ({@link org.tipmonitor.indicators.shares.ShareDifferenceEstimator}), and the ratio of two Poisson rates by the
 * conditional binomial method ({@link org.tipmonitor.indicators.shares.RateRatio}).
 *
 * <p>The inputs are plain counts, so that an adapter can feed them from validated monitor records (victims of a form
 * by age group, offenders by age at offence). Unknown values are counted separately and stay out of the denominator
 * unless the caller asks otherwise; a share without trials is the typed outcome
 * {@link org.tipmonitor.indicators.shares.UndefinedShare}, never NaN.
 */
package org.tipmonitor.indicators.shares;
