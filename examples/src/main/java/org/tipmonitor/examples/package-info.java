/**
 * Runnable examples of tipmonitor: validating records. The JShell notebook's helpers are in
 * {@code org.tipmonitor.examples.notebook}; the command-line tool, the monitor report and the synthetic generator
 * are in the module monitor-cli.
 */
package org.tipmonitor.examples;
