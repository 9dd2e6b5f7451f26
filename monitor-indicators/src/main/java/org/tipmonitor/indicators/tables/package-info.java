/**
 * Count tables with named dimensions, category labels, cells, margins and total
 * ({@link org.tipmonitor.indicators.tables.CountTable}), shared by cross-tabulations and disclosure control.
 *
 * <p>A table says what it counts ({@link org.tipmonitor.indicators.tables.CountingUnit}): registrations and cases
 * are counted by {@link org.tipmonitor.indicators.tables.CountTable#builder}, distinct persons by
 * {@link org.tipmonitor.indicators.tables.CountTable#distinctBuilder}, so that an adapter over the model's records
 * only maps each record to its labels (and person key). Count tables are internal and unprotected; publish only the
 * {@code ProtectedTable} that a {@code DisclosurePolicy} makes of them.
 */
package org.tipmonitor.indicators.tables;
