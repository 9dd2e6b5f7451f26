/**
 * Indicators of the police-signal view ({@link org.tipmonitor.model.PoliceSignalCount}): victims identified by the
 * police and police reports filed, per year, by exploitation form, victim origin group and Dublin status.
 *
 * <p>{@link org.tipmonitor.indicators.police.PoliceSignals} gives tables, annual series, series per group, the change
 * into a year with "first increase in n years" and "driven by one group"
 * ({@link org.tipmonitor.indicators.police.PoliceSignalChange}), and Poisson log-linear trends, all by reuse of the
 * {@link org.tipmonitor.indicators.trends} package. Every result carries a
 * {@link org.tipmonitor.indicators.Provenance} naming the dataset, the period and the police series.
 */
package org.tipmonitor.indicators.police;
