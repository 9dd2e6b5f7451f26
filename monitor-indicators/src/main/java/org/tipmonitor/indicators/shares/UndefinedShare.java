package org.tipmonitor.indicators.shares;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * The outcome when a share has no denominator: zero trials. No estimate or interval exists; the counts are still
 * reported (for example, 12 victims all of unknown age).
 *
 * @param unknown    records with an unknown value
 * @param provenance how the share was attempted
 */
public record UndefinedShare(long unknown, Provenance provenance) implements ShareEstimate {

    /**
     * Validates the outcome.
     *
     * @throws IndicatorException if unknown &lt; 0
     * @throws NullPointerException if provenance is null
     */
    public UndefinedShare {
        Arguments.checkNonNegative("Unknown", unknown);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Always 0: without trials there are no successes. */
    @Override
    public long successes() {
        return 0;
    }

    /** Always 0. */
    @Override
    public long trials() {
        return 0;
    }

    @Override
    public boolean isDefined() {
        return false;
    }

    /**
     * The outcome in words.
     *
     * @return e.g. {@code "no share: 0 trials; 12 unknown"}
     */
    @Override
    public String toString() {
        return "no share: 0 trials; " + unknown + " unknown";
    }
}
