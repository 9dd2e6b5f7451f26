/**
 * Model selection: {@link StepwiseSelection} (SparseMSE's default) and {@link ExhaustiveSearch}
 * (MultipleSystemsEstimation's method) over list interactions, and {@link JointSelection} over list pairs and
 * list &times; covariate terms together, with the ranked candidates kept for a sensitivity table.
 */
package org.tipmonitor.indicators.estimation.selection;
