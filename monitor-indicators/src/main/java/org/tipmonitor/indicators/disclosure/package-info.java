/**
 * Statistical disclosure control of count tables: {@link org.tipmonitor.indicators.disclosure.DisclosurePolicy}
 * (threshold rule, secondary suppression, rounding; {@link org.tipmonitor.indicators.disclosure.DominanceRule} for
 * magnitude cells) turns an internal {@link org.tipmonitor.indicators.tables.CountTable} into a publishable
 * {@link org.tipmonitor.indicators.disclosure.ProtectedTable} (a
 * {@link org.tipmonitor.indicators.tables.MagnitudeTable} into a
 * {@link org.tipmonitor.indicators.disclosure.ProtectedMagnitudeTable}), and
 * {@link org.tipmonitor.indicators.disclosure.DisclosureAudit} proves by linear programming that no withheld cell can
 * be derived from the published ones.
 *
 * <p>Reference: Hundepool, A. et al. (2012). <i>Statistical Disclosure Control</i>. Wiley.
 */
package org.tipmonitor.indicators.disclosure;
