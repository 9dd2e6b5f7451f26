package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.tipmonitor.model.constraints.ConsistentOffenderCase;
import org.tipmonitor.model.internal.BuildCheck;

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

    /**
     * A builder of an offender case, for callers who would rather name the 9 values than give them in order.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this record's values, to make a copy with some of them changed.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).offenderKey(offenderKey).offenceDate(offenceDate).prosecutorRegistrationDate(prosecutorRegistrationDate).form(form).subsection(subsection).decision(decision).verdict(verdict).sentence(sentence);
    }

    /**
     * Builds a {@link OffenderCase} value by value and checks it on {@link #build()}. Not thread-safe; a builder may
     * build several records. The canonical constructor remains and accepts anything (validation then reports each
     * broken rule); the builder refuses an incomplete or inconsistent record at once.
     */
    public static final class Builder {
        private CaseId id;
        private PersonKey offenderKey;
        private LocalDate offenceDate;
        private LocalDate prosecutorRegistrationDate;
        private ExploitationForm form;
        private Article273fSubsection subsection;
        private ProsecutionDecision decision;
        private Verdict verdict;
        private Sentence sentence;

        private Builder() {
        }

        /**
         * Sets the case identifier.
         *
         * @param value the identifier
         * @return this builder
         */
        public Builder id(CaseId value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the suspect's key.
         *
         * @param value the key
         * @return this builder
         */
        public Builder offenderKey(PersonKey value) {
            this.offenderKey = value;
            return this;
        }

        /**
         * Sets the (first) date of the offence.
         *
         * @param value the date, or {@code null} when not known
         * @return this builder
         */
        public Builder offenceDate(LocalDate value) {
            this.offenceDate = value;
            return this;
        }

        /**
         * Sets the date of registration at the public prosecutor.
         *
         * @param value the date
         * @return this builder
         */
        public Builder prosecutorRegistrationDate(LocalDate value) {
            this.prosecutorRegistrationDate = value;
            return this;
        }

        /**
         * Sets the form of exploitation.
         *
         * @param value the form
         * @return this builder
         */
        public Builder form(ExploitationForm value) {
            this.form = value;
            return this;
        }

        /**
         * Sets the subsection of article 273f(1).
         *
         * @param value the subsection
         * @return this builder
         */
        public Builder subsection(Article273fSubsection value) {
            this.subsection = value;
            return this;
        }

        /**
         * Sets the prosecutor's decision.
         *
         * @param value the decision
         * @return this builder
         */
        public Builder decision(ProsecutionDecision value) {
            this.decision = value;
            return this;
        }

        /**
         * Sets the first-instance verdict.
         *
         * @param value the verdict
         * @return this builder
         */
        public Builder verdict(Verdict value) {
            this.verdict = value;
            return this;
        }

        /**
         * Sets the sentence.
         *
         * @param value the sentence, {@link Sentence#NONE} without one
         * @return this builder
         */
        public Builder sentence(Sentence value) {
            this.sentence = value;
            return this;
        }

        /**
         * Sets the case identifier.
         *
         * @param value the identifier's text
         * @return this builder
         */
        public Builder id(String value) {
            return id(value == null ? null : new CaseId(value));
        }

        /**
         * Builds the case and checks it: every required value present (the offence date may be null), the
         * identifier and the key of the accepted shape, and the rules of {@link ConsistentOffenderCase} (the
         * prosecution chain in date order and consistent). That dates are not in the future depends on the
         * validating clock and is left to validation (the readers check it).
         *
         * @return the record
         * @throws org.tipmonitor.model.ModelException ({@link ModelRule#REQUIRED}) if a required value is
         *         missing; ({@link ModelRule#RECORD_ID_SHAPE}, {@link ModelRule#PERSON_KEY_SHAPE}) if the identifier
         *         or the key has another shape; the code of each broken rule of {@link ConsistentOffenderCase}, the
         *         messages of every broken rule joined
         */
        public OffenderCase build() {
            String type = "OffenderCase";
            BuildCheck.required(type, "id", id);
            BuildCheck.id(type, "id", id.value(), CaseId.PATTERN);
            BuildCheck.key(type, "offenderKey", offenderKey);
            BuildCheck.required(type, "prosecutorRegistrationDate", prosecutorRegistrationDate);
            BuildCheck.required(type, "form", form);
            BuildCheck.required(type, "subsection", subsection);
            BuildCheck.required(type, "decision", decision);
            BuildCheck.required(type, "verdict", verdict);
            BuildCheck.required(type, "sentence", sentence);
            return BuildCheck.rules(new OffenderCase(id, offenderKey, offenceDate, prosecutorRegistrationDate, form, subsection, decision, verdict, sentence));
        }
    }
}
