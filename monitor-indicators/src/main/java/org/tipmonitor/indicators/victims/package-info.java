/**
 * Indicators of the victim monitor (Slachtoffermonitor mensenhandel) on validated model records
 * ({@link org.tipmonitor.model.VictimHistory}: a victim with their registrations at the national registration
 * centre).
 *
 * <ul>
 *   <li>{@link org.tipmonitor.indicators.victims.VictimTabulation}: registrations or distinct persons by any
 *       {@link org.tipmonitor.indicators.victims.VictimDimension}s, as count tables with margins and total; annual
 *       series and series per group for changes over a window ("almost halved").</li>
 *   <li>{@link org.tipmonitor.indicators.victims.MinorShareEstimator}: the share of minors among the victims of a
 *       form, with unknown ages reported apart.</li>
 *   <li>{@link org.tipmonitor.indicators.victims.LegalBasisEffect}: non-investigative registrations before and
 *       after the GDPR and the share resting on consent.</li>
 * </ul>
 * Every result carries a {@link org.tipmonitor.indicators.Provenance} with the dataset id, the period, the
 * counting unit and the age rule.
 */
package org.tipmonitor.indicators.victims;
