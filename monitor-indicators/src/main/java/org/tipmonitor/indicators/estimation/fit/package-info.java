/**
 * Estimators that fit one given model: {@link LogLinearEstimator} (lists only, with R's iterates and the extended
 * MLE), {@link ProfileLikelihoodEstimator}, {@link StratifiedEstimator} and {@link JointEstimator} (lists &times;
 * covariates, on the face of the zero margins, with derived quantities in {@link JointFit}), and the classic
 * closed-population estimators ({@link TwoListEstimator}, {@link ClosedPopulationModel}, {@link ChaoLowerBound}).
 * Every one fits on the one design and Poisson GLM engine of the estimation packages.
 */
package org.tipmonitor.indicators.estimation.fit;
