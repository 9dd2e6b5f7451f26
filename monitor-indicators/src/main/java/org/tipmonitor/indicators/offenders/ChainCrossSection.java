package org.tipmonitor.indicators.offenders;

import java.util.Collections;
import java.util.EnumMap;
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
 * The stages of the prosecution chain in one calendar year, each counted by its own date: the cases registered at
 * the public prosecutor in the year, the prosecutor's decisions taken in the year, the first-instance verdicts given
 * in the year, and the sentences imposed with them. This is the cross-section the offender monitor's "average number
 * of offenders in the criminal justice chain per year" shows (domain notes section 5.2): the stages of a year concern
 * different cases, so one stage's count is not a conversion of the previous stage's and no rate between stages is
 * given here (see {@link ChainCohort} for conversion rates). Shares <em>within</em> a stage are binomial: the
 * dismissal share among the decisions of the year, the conviction share among its verdicts, the custody share
 * among its convictions.
 *
 * @param year             the calendar year
 * @param registered       cases registered at the public prosecutor in the year
 * @param decisions        decisions taken in the year by type, every decided type in code-list order (zeros kept)
 * @param verdicts         verdicts given in the year by outcome: convicted, acquitted, discharged
 * @param dismissalShare   dismissals (policy or technical, sepot) among the decisions of the year
 * @param convictionShare  convictions among the verdicts of the year
 * @param custodyShare     convictions of the year with (partly) unconditional custody among all its convictions
 * @param custodyMonths    months of unconditional custody of the convictions of the year that have some, empty if none
 * @param provenance       how the cross-section was computed
 */
public record ChainCrossSection(
        int year,
        long registered,
        Map<ProsecutorDecisionType, Long> decisions,
        Map<VerdictOutcome, Long> verdicts,
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
    public ChainCrossSection {
        Arguments.checkNonNegative("Registered cases", registered);
        decisions = copy(decisions, ProsecutorDecisionType.class);
        verdicts = copy(verdicts, VerdictOutcome.class);
        Objects.requireNonNull(dismissalShare, "dismissalShare");
        Objects.requireNonNull(convictionShare, "convictionShare");
        Objects.requireNonNull(custodyShare, "custodyShare");
        Objects.requireNonNull(custodyMonths, "custodyMonths");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * The number of decisions of a type taken in the year.
     *
     * @param type the decision type
     * @return the count, 0 for a type not decided (pending, unknown)
     */
    public long decisions(ProsecutorDecisionType type) {
        return decisions.getOrDefault(type, 0L);
    }

    /**
     * The number of verdicts with an outcome given in the year.
     *
     * @param outcome the outcome
     * @return the count, 0 for an outcome that is not a verdict
     */
    public long verdicts(VerdictOutcome outcome) {
        return verdicts.getOrDefault(outcome, 0L);
    }

    static <E extends Enum<E>> Map<E, Long> copy(Map<E, Long> counts, Class<E> type) {
        Map<E, Long> copy = new EnumMap<>(type);
        for (Map.Entry<E, Long> e : counts.entrySet()) {
            long value = Arguments.checkNonNegative(Objects.requireNonNull(e.getKey(), "key").name(),
                    Objects.requireNonNull(e.getValue(), "count"));
            copy.put(e.getKey(), value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
