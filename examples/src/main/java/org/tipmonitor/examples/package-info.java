/** Runnable examples of tipmonitor: validating records, and (as the library grows) the monitor report. */
package org.tipmonitor.examples;
