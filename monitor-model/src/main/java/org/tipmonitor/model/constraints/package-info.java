/**
 * The model's own Jakarta Bean Validation constraints: code formats and the cross-field rules of the records.
 * Each reports violations whose messages start with a {@link org.tipmonitor.model.ModelRule} code.
 */
package org.tipmonitor.model.constraints;
