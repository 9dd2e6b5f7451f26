package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import org.tipmonitor.model.constraints.NonNegative;

/**
 * The sentence imposed at first instance (straf en maatregel). All amounts are zero and the measure is
 * {@link SentenceMeasure#NONE} when no sentence was imposed ({@link #NONE}); any other sentence requires a
 * conviction (rule {@link ModelRule#SENTENCE_REQUIRES_CONVICTION}).
 *
 * @param unconditionalCustodialMonths unconditional custodial sentence in months (onvoorwaardelijke vrijheidsstraf)
 * @param conditionalCustodialMonths   conditional custodial sentence in months (voorwaardelijke vrijheidsstraf)
 * @param communityServiceHours        community service in hours (taakstraf)
 * @param fineEuros                    fine in whole euros (geldboete)
 * @param measure                      a measure imposed, or {@link SentenceMeasure#NONE}
 */
public record Sentence(
        @NonNegative int unconditionalCustodialMonths,
        @NonNegative int conditionalCustodialMonths,
        @NonNegative int communityServiceHours,
        @NonNegative long fineEuros,
        @NotNull(message = ModelRule.Messages.REQUIRED) SentenceMeasure measure) {

    /** No sentence. */
    public static final Sentence NONE = new Sentence(0, 0, 0, 0, SentenceMeasure.NONE);

    /**
     * Whether no sentence was imposed.
     *
     * @return true when every amount is zero and the measure is {@link SentenceMeasure#NONE}
     */
    public boolean isNone() {
        return unconditionalCustodialMonths == 0 && conditionalCustodialMonths == 0 && communityServiceHours == 0
                && fineEuros == 0 && measure == SentenceMeasure.NONE;
    }

    /**
     * Whether the sentence includes an unconditional custodial part ((partly) unconditional custody).
     *
     * @return true when the unconditional months are positive
     */
    public boolean hasUnconditionalCustody() {
        return unconditionalCustodialMonths > 0;
    }
}
