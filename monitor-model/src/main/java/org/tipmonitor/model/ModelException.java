package org.tipmonitor.model;

/**
 * The one unchecked exception of monitor-model, thrown when a caller passes an argument that no model value
 * accepts (for example a code that is not in a code list, or a negative count to a factory method).
 *
 * <p>Invalid <em>data</em> in a record is not an exception: records can be built with invalid values and are
 * checked with Jakarta Bean Validation, which reports each broken {@link ModelRule} with its code.
 */
public final class ModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception whose message states the rule broken and the offending value.
     *
     * @param message the message
     */
    public ModelException(String message) {
        super(message);
    }
}
