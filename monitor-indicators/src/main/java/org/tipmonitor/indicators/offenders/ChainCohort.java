package org.tipmonitor.indicators.offenders;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.VerdictOutcome;

/**
 * The prosecution chain of the cases registered at the public prosecutor in one year, followed through its stages
 * whenever these happened: registered &rarr; prosecutor's decision &rarr; first-instance verdict &rarr; sentence. Because
 * every stage concerns the same cases, the conversion from one stage to the next is a binomial share with a
 * confidence interval (the share estimator's method, Wilson 1927 by default):
 * <pre>
 *   summons share    = summoned / decided        (unknown decision type as unknowns; pending left out)
 *   dismissal share  = dismissed / decided       (policy and technical dismissals, sepots)
 *   conviction share = convicted / judged        (judged: convicted, acquitted or discharged; unknown outcome of a
 *                                                 summoned case as unknowns; pending trials left out)
 *   custody share    = with unconditional custody / convicted
 * </pre>
 * Recent cohorts are incomplete (decisions and trials still pending): compare the pending counts before comparing
 * cohorts.
 *
 * @param registrationYear the year of registration at the public prosecutor
 * @param registered       cases registered in that year
 * @param decisions        their decisions by type, every type in code-list order (pending and unknown included)
 * @param verdicts         their verdicts by outcome, every outcome in code-list order
 * @param summonsShare     summoned among decided
 * @param dismissalShare   dismissed among decided
 * @param convictionShare  convicted among judged
 * @param custodyShare     with (partly) unconditional custody among convicted
 * @param custodyMonths    months of unconditional custody of the convicted that have some, empty if none
 * @param provenance       how the cohort was computed
 */
public record ChainCohort(
        int registrationYear,
        long registered,
        Map<ProsecutorDecisionType, Long> decisions,
        Map<VerdictOutcome, Long> verdicts,
        ShareEstimate summonsShare,
        ShareEstimate dismissalShare,
        ShareEstimate convictionShare,
        ShareEstimate custodyShare,
        Optional<SentenceLengthSummary> custodyMonths,
        Provenance provenance) {

    /**
     * Validates and copies the maps.
     *
     * @throws IndicatorException if a count is negative
     * @throws NullPointerException if a component, key or count is null
     */
    public ChainCohort {
        Arguments.checkNonNegative("Registered cases", registered);
        decisions = ChainCrossSection.copy(decisions, ProsecutorDecisionType.class);
        verdicts = ChainCrossSection.copy(verdicts, VerdictOutcome.class);
        Objects.requireNonNull(summonsShare, "summonsShare");
        Objects.requireNonNull(dismissalShare, "dismissalShare");
        Objects.requireNonNull(convictionShare, "convictionShare");
        Objects.requireNonNull(custodyShare, "custodyShare");
        Objects.requireNonNull(custodyMonths, "custodyMonths");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * The number of the cohort's cases with a decision type.
     *
     * @param type the decision type
     * @return the count
     */
    public long decisions(ProsecutorDecisionType type) {
        return decisions.getOrDefault(type, 0L);
    }

    /**
     * The number of the cohort's cases with a verdict outcome.
     *
     * @param outcome the outcome
     * @return the count
     */
    public long verdicts(VerdictOutcome outcome) {
        return verdicts.getOrDefault(outcome, 0L);
    }
}
