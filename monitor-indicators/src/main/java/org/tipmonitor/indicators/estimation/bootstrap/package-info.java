/**
 * Bootstrap intervals that keep their replicates, so that any derived quantity gets a percentile or BCa interval:
 * {@link BootstrapEstimator} (parametric, and nonparametric re-running the selection, with R's random numbers on
 * request) and {@link JointBootstrap} for lists &times; covariates fits.
 */
package org.tipmonitor.indicators.estimation.bootstrap;
