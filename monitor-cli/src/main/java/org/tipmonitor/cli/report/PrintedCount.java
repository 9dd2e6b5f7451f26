package org.tipmonitor.cli.report;

import org.tipmonitor.indicators.disclosure.ControlledRounding;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.Rounding;

/**
 * How the report's sections print a count that is not a cell of its protected tables, under the report's policy:
 * as is without a policy or under suppression (where the threshold rule decides whether it is printed at all), and
 * rounded under controlled rounding by {@link ControlledRounding#roundIsolated} (the nearest multiple of the base,
 * a positive count never printed as 0), so that no count printed beside the rounded tables is narrower than the
 * protection margin.
 */
final class PrintedCount {

    private PrintedCount() {
    }

    /**
     * The base of the policy's controlled rounding.
     *
     * @param policy the report's policy, or null
     * @return b, or 0 when the policy does not publish by controlled rounding
     */
    static long base(DisclosurePolicy policy) {
        return policy == null ? 0 : policy.controlledRounding().map(ControlledRounding::base).orElse(0L);
    }

    /**
     * Whether the policy rounds (by {@link Rounding} or by controlled rounding) instead of suppressing.
     *
     * @param policy the report's policy, or null
     * @return true if it rounds
     */
    static boolean rounds(DisclosurePolicy policy) {
        return policy != null && (policy.rounding().isPresent() || policy.controlledRounding().isPresent());
    }

    /**
     * A count as published.
     *
     * @param policy the report's policy, or null
     * @param n      the count
     * @return n, or n rounded as an isolated count of the controlled rounding
     */
    static long shown(DisclosurePolicy policy, long n) {
        if (policy == null) {
            return n;
        }
        return policy.controlledRounding().map(r -> r.roundIsolated(n, policy.isSensitive(0))).orElse(n);
    }
}
