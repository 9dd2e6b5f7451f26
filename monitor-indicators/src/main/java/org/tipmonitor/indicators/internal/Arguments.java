package org.tipmonitor.indicators.internal;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;

/**
 * The argument checks of monitor-indicators, in one place (as Commons Statistics' {@code Arguments}): each throws an
 * {@link IndicatorException} with its {@link IndicatorRule} and the rejected value, and returns the value it
 * accepted so that a check can stand in an assignment. Not part of the API.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Checks a condition that the caller has evaluated.
     *
     * @param condition whether the arguments are accepted
     * @param rule      the rule broken when they are not
     * @param args      the offending values for the rule's template
     * @throws IndicatorException with the rule unless condition holds
     */
    public static void check(boolean condition, IndicatorRule rule, Object... args) {
        if (!condition) {
            throw IndicatorException.of(rule, args);
        }
    }

    /**
     * Checks a confidence level of a descriptive indicator.
     *
     * @param level the level
     * @return the level
     * @throws IndicatorException TM-IN-0003 ({@link IndicatorRule#CONFIDENCE_LEVEL}) unless 0 &lt; level &lt; 1
     */
    public static double checkConfidenceLevel(double level) {
        return checkLevel(level, IndicatorRule.CONFIDENCE_LEVEL);
    }

    /**
     * Checks a confidence level of a population-size estimator.
     *
     * @param level the level
     * @return the level
     * @throws IndicatorException TM-MSE-111 ({@link IndicatorRule#LEVEL_OUT_OF_RANGE}) unless 0 &lt; level &lt; 1
     */
    public static double checkLevel(double level) {
        return checkLevel(level, IndicatorRule.LEVEL_OUT_OF_RANGE);
    }

    /**
     * Checks a confidence level against the rule of the caller's family of methods.
     *
     * @param level the level
     * @param rule  the rule with one placeholder for the level
     * @return the level
     * @throws IndicatorException with the rule unless 0 &lt; level &lt; 1 (NaN is refused)
     */
    public static double checkLevel(double level, IndicatorRule rule) {
        if (!(level > 0 && level < 1)) {
            throw IndicatorException.of(rule, level);
        }
        return level;
    }

    /**
     * Checks a named quantity that cannot be negative.
     *
     * @param what  the quantity's name, e.g. {@code "Registered cases"}
     * @param value the value
     * @return the value
     * @throws IndicatorException TM-IN-0005 ({@link IndicatorRule#NEGATIVE_QUANTITY}) if value &lt; 0
     */
    public static long checkNonNegative(String what, long value) {
        if (value < 0) {
            throw IndicatorException.of(IndicatorRule.NEGATIVE_QUANTITY, what, value);
        }
        return value;
    }

    /**
     * Checks a count of a table or series.
     *
     * @param count the count
     * @return the count
     * @throws IndicatorException TM-IN-0008 ({@link IndicatorRule#NEGATIVE_COUNT}) if count &lt; 0
     */
    public static long checkCount(long count) {
        if (count < 0) {
            throw IndicatorException.of(IndicatorRule.NEGATIVE_COUNT, count);
        }
        return count;
    }

    /**
     * Checks binomial counts: at least one trial, and 0 &le; successes &le; trials.
     *
     * @param successes the successes
     * @param trials    the trials
     * @throws IndicatorException TM-IN-0102 if trials &lt; 1; TM-IN-0005 if successes &lt; 0; TM-IN-0104 if
     *                            successes &gt; trials
     */
    public static void checkTrials(long successes, long trials) {
        if (trials < 1) {
            throw IndicatorException.of(IndicatorRule.SHARE_NO_TRIALS, trials);
        }
        checkNonNegative("Successes", successes);
        if (successes > trials) {
            throw IndicatorException.of(IndicatorRule.SHARE_SUCCESSES_ABOVE_TRIALS, successes, trials);
        }
    }

    /**
     * Checks that a capture-history table has observed cases.
     *
     * @param histories the table
     * @throws IndicatorException TM-MSE-121 if nobody is observed
     */
    public static void requireObservations(CaptureHistories histories) {
        if (histories.observed() == 0) {
            throw IndicatorException.of(IndicatorRule.NO_OBSERVATIONS, histories.observed());
        }
    }

    /**
     * Checks that a model is over the table's lists.
     *
     * @param histories the table
     * @param model     the model
     * @throws IndicatorException TM-MSE-114 if the lists differ
     */
    public static void requireSameLists(CaptureHistories histories, LogLinearModel model) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(model, "model");
        if (!model.lists().equals(histories.listNames())) {
            throw IndicatorException.of(IndicatorRule.MODEL_LISTS_DIFFER, model.lists(), histories.listNames());
        }
    }
}
