package org.tipmonitor.indicators.estimation.internal;

import java.util.Objects;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;

/**
 * The argument checks that the estimation packages share, in one place (as Commons Statistics' {@code Arguments}):
 * each throws an {@link IndicatorException} with its stable code and the rejected value.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Checks a confidence level.
     *
     * @param level the level
     * @return the level
     * @throws IndicatorException TM-MSE-111 unless 0 &lt; level &lt; 1
     */
    public static double checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw IndicatorException.of(Messages.LEVEL_OUT_OF_RANGE, level);
        }
        return level;
    }

    /**
     * Checks that a table has observed cases.
     *
     * @param histories the table
     * @throws IndicatorException TM-MSE-121 if nobody is observed
     */
    public static void requireObservations(CaptureHistories histories) {
        if (histories.observed() == 0) {
            throw IndicatorException.of(Messages.NO_OBSERVATIONS, histories.observed());
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
            throw IndicatorException.of(Messages.MODEL_LISTS_DIFFER, model.lists(), histories.listNames());
        }
    }
}
