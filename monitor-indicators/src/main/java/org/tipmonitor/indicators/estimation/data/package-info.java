/**
 * The tables of multiple systems estimation and their codecs: {@link CaptureHistories} (the count of each 0/1 pattern
 * of list membership), {@link StratifiedHistories} (one such table per level of a covariate) and
 * {@link CovariateTable} (lists &times; several covariates, with partially classified rows for unknown values), read
 * from and written to counts CSV in R's data-frame layout, or built from linked registrations
 * ({@link LinkedRegistrations}, {@link ListDefinition}).
 */
package org.tipmonitor.indicators.estimation.data;
