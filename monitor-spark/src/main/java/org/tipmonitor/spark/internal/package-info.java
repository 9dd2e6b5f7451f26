/**
 * Implementation details of monitor-spark: the per-row check of register extracts and the serialisable column
 * functions. Not part of the API.
 */
package org.tipmonitor.spark.internal;
