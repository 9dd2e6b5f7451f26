package org.tipmonitor.model;

/**
 * The one unchecked exception of monitor-model, thrown when a caller passes an argument that no model value
 * accepts (for example a negative age, or an event before the birth date; {@code TM-M-030} and on), or when a
 * record's builder ({@link Registration#builder()}, {@link OffenderCase#builder()},
 * {@link ProgrammeMeasure#builder()}) refuses the record (the constraint rule broken, e.g. {@code TM-M-001}). It
 * carries the {@link ModelRule} broken.
 *
 * <p>Invalid <em>data</em> in a record is not an exception: records can be built with invalid values and are
 * checked with Jakarta Bean Validation, which reports each broken {@link ModelRule} with its code.
 */
public final class ModelException extends IllegalArgumentException implements RuleException {

    private static final long serialVersionUID = 2L;

    private final ModelRule rule;

    /**
     * Creates an exception for a broken rule; its message is the rule's code, a colon and the detail.
     *
     * @param rule   the rule broken
     * @param detail the rule and the offending value, e.g. {@code "Age is negative: -1"}
     * @throws NullPointerException if rule is null
     */
    public ModelException(ModelRule rule, String detail) {
        super(java.util.Objects.requireNonNull(rule, "rule").code() + ": " + detail);
        this.rule = rule;
    }

    /**
     * The rule broken.
     *
     * @return the rule
     */
    @Override
    public ModelRule rule() {
        return rule;
    }
}
