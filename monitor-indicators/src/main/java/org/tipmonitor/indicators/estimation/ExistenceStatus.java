package org.tipmonitor.indicators.estimation;

/**
 * The outcome of the existence and identifiability check of a log-linear model on a table, with the codes of
 * SparseMSE's {@code checkident} (Chan, Silverman &amp; Vincent 2021, after Fienberg &amp; Rinaldo 2012).
 *
 * <p>After the terms with an empty overlap are fixed at &minus;&infin; and their cells dropped, the maximum-likelihood
 * estimate is finite iff a strictly positive table with the data's sufficient statistics exists (a linear
 * program), and the unobserved count is identifiable iff the reduced design has full column rank.
 */
public enum ExistenceStatus {
    /** Code 0: the MLE is finite and the unobserved count identifiable. */
    OK(0),
    /** Code 1: the MLE is not finite (the data's margins lie on the boundary of the marginal cone). */
    MLE_NOT_FINITE(1),
    /** Code 2: the reduced design is rank deficient, so the unobserved count is not identifiable. */
    NOT_IDENTIFIABLE(2),
    /** Code 3: both. */
    MLE_NOT_FINITE_AND_NOT_IDENTIFIABLE(3);

    private final int code;

    ExistenceStatus(int code) {
        this.code = code;
    }

    /**
     * The SparseMSE {@code checkident} code.
     *
     * @return 0, 1, 2 or 3
     */
    public int code() {
        return code;
    }

    /**
     * The status with a given code.
     *
     * @param code 0..3
     * @return the status
     * @throws IllegalArgumentException if the code is outside 0..3
     */
    public static ExistenceStatus ofCode(int code) {
        for (ExistenceStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("Existence code is not in 0..3: " + code);
    }
}
