/**
 * Log-linear models and their formulas in R notation: {@link LogLinearModel} over lists, {@link JointModel} over lists
 * and covariates (hierarchical; {@code :}, {@code *} and {@code .}). A model is a set of terms; every term is a
 * bit mask (list i is bit i, covariate j bit K + j), the representation the fitting engine works on.
 */
package org.tipmonitor.indicators.estimation.model;
