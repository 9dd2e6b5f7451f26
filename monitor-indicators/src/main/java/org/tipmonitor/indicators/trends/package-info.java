/**
 * Annual series and their trends: changes between years and over a window
 * ({@link org.tipmonitor.indicators.trends.Change}), streaks and "first increase in N years"
 * ({@link org.tipmonitor.indicators.trends.AnnualSeries}), the additive decomposition of a total change into group
 * contributions ({@link org.tipmonitor.indicators.trends.ChangeDecomposition}), and a Poisson log-linear trend with
 * an overdispersion check ({@link org.tipmonitor.indicators.trends.PoissonTrend}). A
 * {@link org.tipmonitor.indicators.trends.GroupSeries} holds one series per category of a table's dimension with the
 * table's provenance, and gives every group's change, the decomposition and a trend per group.
 *
 * <p>Inputs are plain year &rarr; count series so that an adapter can build them from monitor records (police signals
 * by year and victim origin, registrations by year and reporter type).
 */
package org.tipmonitor.indicators.trends;
