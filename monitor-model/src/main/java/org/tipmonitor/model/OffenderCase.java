package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.tipmonitor.model.constraints.ConsistentOffenderCase;

/**
 * The prosecution chain of one suspect in one case: registered at the public prosecutor (ingeschreven bij het
 * OM) → the prosecutor's decision → the first-instance verdict → the sentence.
 *
 * <p>Counts per year of the stages are cross-sections (cases registered in a year, decided in a year, judged in
 * a year), not a cohort: each stage has its own date. Cross-field rules ({@link ConsistentOffenderCase}): the
 * offence precedes the registration, which precedes the decision and the verdict; a verdict requires a summons;
 * a sentence requires a conviction; pending stages carry no date.
 *
 * @param id                         the case identifier, unique in a dataset
 * @param offenderKey                the pseudonymous key of the suspect
 * @param offenceDate                the (first) date of the offence, {@code null} when not known
 * @param prosecutorRegistrationDate the date of registration at the public prosecutor
 * @param form                       the form of exploitation
 * @param subsection                 the subsection of article 273f(1) of the Criminal Code
 * @param decision                   the prosecutor's decision
 * @param verdict                    the first-instance verdict
 * @param sentence                   the sentence, {@link Sentence#NONE} without one
 */
@ConsistentOffenderCase
public record OffenderCase(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid CaseId id,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid PersonKey offenderKey,
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate offenceDate,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate prosecutorRegistrationDate,
        @NotNull(message = ModelRule.Messages.REQUIRED) ExploitationForm form,
        @NotNull(message = ModelRule.Messages.REQUIRED) Article273fSubsection subsection,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid ProsecutionDecision decision,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Verdict verdict,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid Sentence sentence) {

    /**
     * The year of registration at the public prosecutor, the offender monitor's counting year.
     *
     * @return the year
     */
    public int prosecutorRegistrationYear() {
        return prosecutorRegistrationDate.getYear();
    }

    /**
     * Whether the suspect was summoned to court.
     *
     * @return true for a summons
     */
    public boolean isSummoned() {
        return decision.type() == ProsecutorDecisionType.SUMMONS;
    }

    /**
     * Whether the suspect was convicted at first instance.
     *
     * @return true for a conviction
     */
    public boolean isConvicted() {
        return verdict.outcome() == VerdictOutcome.CONVICTED;
    }
}
