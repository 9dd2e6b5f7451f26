/**
 * JMH benchmarks of tipmonitor: reading and validating exchange files and CSV, multiple systems estimation and
 * disclosure control. Not a library: built only with the parent's {@code benchmarks} profile and run as
 * {@code java -jar benchmarks/target/benchmarks.jar}; README, "Performance", gives the figures.
 */
package org.tipmonitor.benchmarks;
