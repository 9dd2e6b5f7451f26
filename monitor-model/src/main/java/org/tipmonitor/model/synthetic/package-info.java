/**
 * The synthetic generator: seeded model records that describe no real person, for examples, tests, benchmarks and
 * the command line's {@code monitor generate}. It has two modes:
 * <ul>
 *   <li>{@link org.tipmonitor.model.synthetic.SyntheticMonitorData}, the population mode: presumed victims drawn from
 *       a known true population and found by six lists, offenders, police signals, police reports and residence
 *       stages, following the published margins of the Dutch monitors, with the truth
 *       ({@link org.tipmonitor.model.synthetic.SyntheticTruth}) to compare estimates with;</li>
 *   <li>{@link org.tipmonitor.model.synthetic.SyntheticRecords}, the record mode: valid records of every type one
 *       at a time, every code of every code list and every birth-date precision drawn, for property tests.</li>
 * </ul>
 *
 * <p><b>Why here.</b> The two modes were two generators (issue 15): the records in monitor-model's test jar
 * ({@code ModelGenerator}) and the population in the examples. They live in monitor-model because every module's
 * tests use them, the model's own included, and a module that depends on the model cannot serve the model's tests
 * (Maven's reactor refuses the cycle); they need nothing but the model. The test jar keeps {@code ModelGenerator}
 * as a thin name for {@code SyntheticRecords}. Each mode keeps its own random streams, so a seed gives the same
 * records as before the merge: the bundled sample and the values pinned in tests and the README are unchanged.
 */
package org.tipmonitor.model.synthetic;
