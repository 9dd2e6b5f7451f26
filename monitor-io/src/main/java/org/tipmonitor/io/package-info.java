/**
 * Exchange files of the monitors: JSON format v1 with a published JSON Schema ({@link
 * org.tipmonitor.io.ExchangeFormat}), a streaming reader that validates every record and the file as a whole and
 * reports every problem with its location and rule code ({@link org.tipmonitor.io.ExchangeReader},
 * {@link org.tipmonitor.io.ValidationReport}), a streaming writer in canonical form
 * ({@link org.tipmonitor.io.ExchangeWriter}), the validated dataset joined per person that the indicators take
 * ({@link org.tipmonitor.io.MonitorData}), CSV ({@link org.tipmonitor.io.CsvExchange}) and keyed
 * pseudonymisation ({@link org.tipmonitor.io.Pseudonymiser}).
 *
 * <p>Every error has a stable code listed in {@link org.tipmonitor.io.IoRule}; the module's one exception is
 * {@link org.tipmonitor.io.ExchangeException}. No Jackson type appears in a public signature.
 */
package org.tipmonitor.io;
