/**
 * Synthetic monitor data generated from a known true population, for examples, tests and benchmarks. It follows
 * the published margins of the Dutch monitors but describes no real person.
 */
package org.tipmonitor.cli.synthetic;
