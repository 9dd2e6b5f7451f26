/**
 * Population size by multiple systems estimation (capture&ndash;recapture): how many victims were on none of the
 * lists, predicted from how the lists overlap.
 *
 * <h2>Packages, one concern each</h2>
 * <ul>
 *   <li>this package: the results every estimator shares ({@link org.tipmonitor.indicators.estimation.Estimate},
 *       {@link org.tipmonitor.indicators.estimation.EstimationOutcome}, intervals, information criteria);</li>
 *   <li>{@code .data}: the tables and their codecs (capture histories, stratified and lists &times; covariates
 *       tables, counts CSV, tables from linked registrations);</li>
 *   <li>{@code .model}: models and their R formulas (lists only, lists &times; covariates);</li>
 *   <li>{@code .fit}: the estimators (one fit of a given model, and the classic closed-population estimators);</li>
 *   <li>{@code .selection}: model selection (stepwise, exhaustive, over list pairs and list &times; covariate
 *       terms);</li>
 *   <li>{@code .bootstrap}: bootstrap intervals that keep their replicates;</li>
 *   <li>{@code .internal} (not API): the one design and Poisson GLM engine every model family uses.</li>
 * </ul>
 *
 * <h2>Data</h2>
 * {@link org.tipmonitor.indicators.estimation.data.CaptureHistories} holds the count of each 0/1 pattern of list
 * membership (from a counts CSV, a builder, or linked records);
 * {@link org.tipmonitor.indicators.estimation.data.StratifiedHistories} holds one table per level of a covariate.
 *
 * <h2>Estimators</h2>
 * <ul>
 *   <li>{@link org.tipmonitor.indicators.estimation.fit.LogLinearEstimator}: a Poisson log-linear model given as a
 *       {@link org.tipmonitor.indicators.estimation.model.LogLinearModel} or an R formula, with the extended MLE for lists
 *       that never overlap and the existence check of
 *       {@link org.tipmonitor.indicators.estimation.fit.ExistenceCheck} (SparseMSE's {@code checkident});</li>
 *   <li>{@link org.tipmonitor.indicators.estimation.selection.StepwiseSelection} (SparseMSE's default) and
 *       {@link org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch} (MultipleSystemsEstimation's BIC method,
 *       or AIC/AICc) to choose the model;</li>
 *   <li>{@link org.tipmonitor.indicators.estimation.fit.StratifiedEstimator}: lists &times; covariate models, estimates
 *       per level and in total;</li>
 *   <li>{@link org.tipmonitor.indicators.estimation.fit.TwoListEstimator} (Lincoln&ndash;Petersen, Chapman),
 *       {@link org.tipmonitor.indicators.estimation.fit.ClosedPopulationModel} (Rcapture's M0, Mt, and Mh and Mth in the
 *       Chao, Poisson2, Darroch and Gamma3.5 forms)
 *       and {@link org.tipmonitor.indicators.estimation.fit.ChaoLowerBound} for comparison.</li>
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
 *   <li>Profile likelihood ({@link org.tipmonitor.indicators.estimation.fit.ProfileLikelihoodEstimator}): better
 *       coverage when the unobserved count is poorly determined (asymmetric intervals), what Rcapture reports;
 *       conditional on the model.</li>
 *   <li>Parametric bootstrap
 *       ({@link org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator#parametric(org.tipmonitor.indicators.estimation.data.CaptureHistories,
 *       org.tipmonitor.indicators.estimation.model.LogLinearModel)}): Cruyff's
 *       method, conditional on the model, useful for derived quantities.</li>
 *   <li>Nonparametric bootstrap with selection re-run and BCa
 *       ({@link org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator#nonparametric(org.tipmonitor.indicators.estimation.data.CaptureHistories,
 *       org.tipmonitor.indicators.estimation.selection.StepwiseSelection)}, or with an information criterion): the only interval here
 *       that includes model-selection uncertainty; use it for published figures whose model was selected from
 *       the same data (Chan, Silverman &amp; Vincent 2021). With
 *       {@link org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator.RandomSource#R} its replicates are R's
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

