package org.tipmonitor.indicators.shares;

import org.tipmonitor.indicators.Provenance;

/**
 * The outcome of estimating a share: either a {@link Share} with its confidence interval, or an
 * {@link UndefinedShare} when there were no trials to divide by (no records, or only records whose value is
 * unknown while unknowns are excluded from the denominator).
 *
 * <p>Both outcomes report the counts that went in, so that the number of unknowns is always published beside the
 * share.
 */
public sealed interface ShareEstimate permits Share, UndefinedShare {

    /**
     * Number of records with the attribute (e.g. minors).
     *
     * @return x &ge; 0
     */
    long successes();

    /**
     * The denominator used: records with a known value, plus the unknowns if the caller asked to include them.
     *
     * @return n &ge; x
     */
    long trials();

    /**
     * Number of records whose value is unknown, reported separately whether or not they are in the denominator.
     *
     * @return the unknown count &ge; 0
     */
    long unknown();

    /**
     * Whether a share could be computed (trials &ge; 1).
     *
     * @return true for a {@link Share}
     */
    boolean isDefined();

    /**
     * How the result was computed: method, confidence level and the unknowns rule.
     *
     * @return the provenance
     */
    Provenance provenance();
}
