package org.tipmonitor.indicators.shares;

import org.tipmonitor.indicators.IndicatorException;

/** Argument checks and their message templates, shared by the share calculations. */
final class Checks {

    static final String CONFIDENCE = "Confidence level is not in (0, 1): %s";
    static final String NEGATIVE = "%s is negative: %d";
    static final String SUCCESSES_ABOVE_TRIALS = "Successes exceed trials: %d > %d";
    static final String DIFFERENCE_BOUNDS =
            "Difference bounds are not ordered -1 <= lower <= difference <= upper <= 1: %s, %s, %s";
    static final String SHARE_BOUNDS =
            "Share bounds are not ordered 0 <= lower <= estimate <= upper <= 1: %s, %s, %s";
    static final String NO_TRIALS = "Trials is less than 1: %d";

    private Checks() {
    }

    static void confidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw IndicatorException.of(CONFIDENCE, level);
        }
    }

    static void nonNegative(String what, long value) {
        if (value < 0) {
            throw IndicatorException.of(NEGATIVE, what, value);
        }
    }

    static void trials(long successes, long trials) {
        if (trials < 1) {
            throw IndicatorException.of(NO_TRIALS, trials);
        }
        nonNegative("Successes", successes);
        if (successes > trials) {
            throw IndicatorException.of(SUCCESSES_ABOVE_TRIALS, successes, trials);
        }
    }
}
