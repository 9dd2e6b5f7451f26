/**
 * Indicators of the offender monitor (Dadermonitor mensenhandel) on validated model records
 * ({@link org.tipmonitor.model.OffenderHistory}, {@link org.tipmonitor.model.OffenderCase}).
 *
 * <ul>
 *   <li>{@link org.tipmonitor.indicators.offenders.YoungOffenderShareEstimator}: the share of offenders under an age
 *       cut (23 by default) among the suspects of a form, with the age at the offence or at the registration at the
 *       public prosecutor as the caller chooses ({@link org.tipmonitor.indicators.offenders.OffenderAgeRule}).</li>
 *   <li>{@link org.tipmonitor.indicators.offenders.OffenderChain}: the prosecution chain per year, as cross-sections
 *       (each stage by its own date) and as registration cohorts (conversion rates with confidence intervals),
 *       with the dismissal share and a summary of the months of unconditional custody.</li>
 * </ul>
 * Every result carries a {@link org.tipmonitor.indicators.Provenance} with the dataset id, the period, the counting
 * unit and, for ages, the age rule and cut.
 */
package org.tipmonitor.indicators.offenders;
