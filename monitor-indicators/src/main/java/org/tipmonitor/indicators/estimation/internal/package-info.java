/**
 * Not API: the one engine every model family fits on (designs with the extended-MLE reduction, Poisson IRLS on a
 * QR of the weighted design with R's iterates or on normal equations from margins, existence by linear programming,
 * R-compatible random numbers) and the messages and argument checks the estimation packages share.
 */
package org.tipmonitor.indicators.estimation.internal;
