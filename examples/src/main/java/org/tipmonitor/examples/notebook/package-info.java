/**
 * The JShell notebook's helpers ({@code examples/jshell.sh}): the bundled data, loaded on first use, and the
 * printing and checking that the chapters use.
 */
package org.tipmonitor.examples.notebook;
