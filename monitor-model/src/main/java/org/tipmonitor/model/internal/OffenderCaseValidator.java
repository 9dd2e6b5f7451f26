package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.constraints.ConsistentOffenderCase;

/** Validates {@link ConsistentOffenderCase}. Not part of the API. */
public final class OffenderCaseValidator implements ConstraintValidator<ConsistentOffenderCase, OffenderCase> {

    @Override
    public boolean isValid(OffenderCase value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean valid = true;
        LocalDate registered = value.prosecutorRegistrationDate();
        ProsecutionDecision decision = value.decision();
        Verdict verdict = value.verdict();
        LocalDate decided = decision == null ? null : decision.date();
        LocalDate judged = verdict == null ? null : verdict.date();

        if (registered != null && value.offenceDate() != null && value.offenceDate().isAfter(registered)) {
            Violations.add(context, ModelRule.OFFENCE_BEFORE_REGISTRATION.code() + ": offence date "
                    + value.offenceDate() + " is after the registration at the public prosecutor on " + registered,
                    "offenceDate");
            valid = false;
        }
        if (registered != null && decided != null && decided.isBefore(registered)) {
            Violations.add(context, ModelRule.DECISION_AFTER_REGISTRATION.code() + ": decision date " + decided
                    + " is before the registration at the public prosecutor on " + registered, "decision", "date");
            valid = false;
        }
        if (judged != null) {
            LocalDate previous = decided != null ? decided : registered;
            if (previous != null && judged.isBefore(previous)) {
                Violations.add(context, ModelRule.VERDICT_AFTER_DECISION.code() + ": verdict date " + judged
                        + " is before " + (decided != null ? "the decision on " : "the registration on ")
                        + previous, "verdict", "date");
                valid = false;
            }
        }
        if (decision != null && verdict != null && decision.type() != null && verdict.outcome() != null) {
            VerdictOutcome outcome = verdict.outcome();
            ProsecutorDecisionType type = decision.type();
            boolean trial = outcome.isVerdict() || outcome == VerdictOutcome.PENDING;
            if (trial && type != ProsecutorDecisionType.SUMMONS && type != ProsecutorDecisionType.UNKNOWN) {
                Violations.add(context, ModelRule.VERDICT_REQUIRES_SUMMONS.code() + ": verdict '" + outcome.code()
                        + "' requires a summons, but the decision is '" + type.code() + "'", "verdict", "outcome");
                valid = false;
            }
        }
        Sentence sentence = value.sentence();
        if (sentence != null && sentence.measure() != null && !sentence.isNone() && verdict != null
                && verdict.outcome() != null && verdict.outcome() != VerdictOutcome.CONVICTED
                && verdict.outcome() != VerdictOutcome.UNKNOWN) {
            Violations.add(context, ModelRule.SENTENCE_REQUIRES_CONVICTION.code()
                    + ": a sentence requires a conviction, but the verdict is '" + verdict.outcome().code() + "'",
                    "sentence");
            valid = false;
        }
        if (decision != null && decision.type() == ProsecutorDecisionType.PENDING && decided != null) {
            Violations.add(context, ModelRule.STAGE_DATE.code() + ": a pending decision has no date, got "
                    + decided, "decision", "date");
            valid = false;
        }
        if (verdict != null && judged != null && (verdict.outcome() == VerdictOutcome.PENDING
                || verdict.outcome() == VerdictOutcome.NOT_APPLICABLE)) {
            Violations.add(context, ModelRule.STAGE_DATE.code() + ": a verdict '" + verdict.outcome().code()
                    + "' has no date, got " + judged, "verdict", "date");
            valid = false;
        }
        return valid;
    }
}
