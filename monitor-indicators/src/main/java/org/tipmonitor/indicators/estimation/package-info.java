/**
 * Population size by multiple systems estimation (capture&ndash;recapture): how many victims were on none of the
 * lists, predicted from how the lists overlap.
 *
 * <h2>Data</h2>
 * {@link org.tipmonitor.indicators.estimation.CaptureHistories} holds the count of each 0/1 pattern of list
 * membership (from a counts CSV, a builder, or linked records);
 * {@link org.tipmonitor.indicators.estimation.StratifiedHistories} holds one table per level of a covariate.
 *
 * <h2>Estimators</h2>
 * <ul>
 *   <li>{@link org.tipmonitor.indicators.estimation.LogLinearEstimator}: a Poisson log-linear model given as a
 *       {@link org.tipmonitor.indicators.estimation.LogLinearModel} or an R formula, with the extended MLE for lists
 *       that never overlap and the existence check of
 *       {@link org.tipmonitor.indicators.estimation.ExistenceCheck} (SparseMSE's {@code checkident});</li>
 *   <li>{@link org.tipmonitor.indicators.estimation.StepwiseSelection} (SparseMSE's default) and
 *       {@link org.tipmonitor.indicators.estimation.ExhaustiveSearch} (MultipleSystemsEstimation's BIC method,
 *       or AIC/AICc) to choose the model;</li>
 *   <li>{@link org.tipmonitor.indicators.estimation.StratifiedEstimator}: lists &times; covariate models, estimates
 *       per level and in total;</li>
 *   <li>{@link org.tipmonitor.indicators.estimation.TwoListEstimator} (Lincoln&ndash;Petersen, Chapman),
 *       {@link org.tipmonitor.indicators.estimation.ClosedPopulationModel} (Rcapture's M0, Mt, and Mh and Mth in the
 *       Chao, Poisson2, Darroch and Gamma3.5 forms)
 *       and {@link org.tipmonitor.indicators.estimation.ChaoLowerBound} for comparison.</li>
 * </ul>
 * Every estimator returns an {@link org.tipmonitor.indicators.estimation.EstimationOutcome}: an
 * {@link org.tipmonitor.indicators.estimation.Estimate}, or
 * {@link org.tipmonitor.indicators.estimation.NotEstimable} naming the offending terms, or
 * {@link org.tipmonitor.indicators.estimation.DidNotConverge}; never NaN.
 *
 * <h2>Which interval</h2>
 * <ul>
 *   <li>Wald on the log of the unobserved count (the default of the log-linear estimators): quick, what SparseMSE
 *       reports for a fitted model; conditional on the model. It is an interval for n plus the <em>expected</em>
 *       unobserved count, so it covers the realised N somewhat less often than nominal (about 91 % for a 95 %
 *       interval in the independence-model simulation of the tests).</li>
 *   <li>Profile likelihood ({@link org.tipmonitor.indicators.estimation.ProfileLikelihoodEstimator}): better
 *       coverage when the unobserved count is poorly determined (asymmetric intervals), what Rcapture reports;
 *       conditional on the model.</li>
 *   <li>Parametric bootstrap
 *       ({@link org.tipmonitor.indicators.estimation.BootstrapEstimator#parametric(CaptureHistories,
 *       LogLinearModel)}): Cruyff's
 *       method, conditional on the model, useful for derived quantities.</li>
 *   <li>Nonparametric bootstrap with selection re-run and BCa
 *       ({@link org.tipmonitor.indicators.estimation.BootstrapEstimator#nonparametric(CaptureHistories,
 *       StepwiseSelection)}, or with an information criterion): the only interval here
 *       that includes model-selection uncertainty; use it for published figures whose model was selected from
 *       the same data (Chan, Silverman &amp; Vincent 2021). With
 *       {@link org.tipmonitor.indicators.estimation.BootstrapEstimator.RandomSource#R} its replicates are R's
 *       (Mersenne-Twister, {@code rmultinom}), so the interval equals SparseMSE's to the digit.</li>
 * </ul>
 *
 * <h2>References</h2>
 * Fienberg (1972), The multiple recapture census for closed populations and incomplete 2<sup>k</sup> contingency
 * tables, Biometrika 59; Cormack (1989), Log-linear models for capture&ndash;recapture, Biometrics 45; Chao (1987),
 * Estimating the population size for capture&ndash;recapture data with unequal catchability, Biometrics 43;
 * Fienberg &amp; Rinaldo (2012), Maximum likelihood estimation in log-linear models, Annals of Statistics 40;
 * Bales, Hesketh &amp; Silverman (2015), Modern slavery in the UK: how many victims?, Significance 12(3);
 * Chan, Silverman &amp; Vincent (2021), Multiple systems estimation for sparse capture data: inferential challenges
 * when there are nonoverlapping lists, JASA 116(535); Rivest &amp; Baillargeon (2007), Applications and extensions
 * of Chao's moment estimator for the size of a closed population, Biometrics 63; Matsumoto &amp; Nishimura (1998),
 * Mersenne twister, ACM TOMACS 8(1); Kachitvichyanukul &amp; Schmeiser (1988), Binomial random variate generation,
 * CACM 31(2).
 */
package org.tipmonitor.indicators.estimation;
