package org.tipmonitor.io;

/**
 * How many records of one kind were read, accepted and rejected. They always reconcile:
 * {@code read == accepted + rejected}.
 *
 * @param read     records read
 * @param accepted records that passed every check
 * @param rejected records with at least one problem
 */
public record RecordCounts(long read, long accepted, long rejected) {

    /** No records. */
    public static final RecordCounts NONE = new RecordCounts(0, 0, 0);

    /**
     * Checks that the counts reconcile.
     *
     * @throws ExchangeException if a count is negative or {@code read != accepted + rejected}
     */
    public RecordCounts {
        if (read < 0 || accepted < 0 || rejected < 0 || read != accepted + rejected) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "counts do not reconcile: read " + read
                    + ", accepted " + accepted + ", rejected " + rejected);
        }
    }
}
