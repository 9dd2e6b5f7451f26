package org.tipmonitor.model;

import jakarta.validation.ConstraintViolation;
import java.util.Optional;

/**
 * The validation rules of the model, each with a stable code ({@code TM-M-nnn}) that appears at the start of
 * every violation message. This enum is the one place where the codes are listed; the message templates used by
 * the constraint annotations are the constants of {@link Messages}.
 *
 * <p>Use {@link #of(ConstraintViolation)} to get the rule a violation broke: it reads the code from the violation's
 * message template, so it does not depend on the message interpolator (the templates need no expression language
 * and read the same under Hibernate Validator's {@code ParameterMessageInterpolator}). Messages never repeat a
 * person key or any other value that could identify a person.
 */
public enum ModelRule implements Rule {

    /** A required value is missing; use the code list's {@code unknown} value when a value is not known. */
    REQUIRED("TM-M-001", "A required value is missing"),
    /** A person key is not a pseudonym of the accepted shape. */
    PERSON_KEY_SHAPE("TM-M-002", "Person key is not a pseudonym of the accepted shape"),
    /** A registration or case identifier does not have the accepted shape. */
    RECORD_ID_SHAPE("TM-M-003", "Record identifier does not have the accepted shape"),
    /** A country code is not ISO 3166-1 alpha-2 (nor {@code unknown}). */
    COUNTRY_CODE("TM-M-004", "Country code is not ISO 3166-1 alpha-2 or unknown"),
    /** A nationality code is not ISO 3166-1 alpha-2, {@code stateless} or {@code unknown}. */
    NATIONALITY_CODE("TM-M-005", "Nationality is not ISO 3166-1 alpha-2, stateless or unknown"),
    /** A date lies in the future. */
    NOT_IN_FUTURE("TM-M-006", "Date is in the future"),
    /** A birth date disagrees with its precision. */
    BIRTH_DATE_PRECISION("TM-M-007", "Birth date disagrees with its precision"),
    /** A birth date lies before 1900-01-01. */
    BIRTH_DATE_TOO_EARLY("TM-M-008", "Birth date is before 1900-01-01"),
    /** A statistical year lies outside 1990 to the current year. */
    YEAR_RANGE("TM-M-009", "Year is outside 1990 to the current year"),
    /** A non-investigative reporter on or after 2018-05-25 (the GDPR) must name a legal basis. */
    LEGAL_BASIS_AFTER_GDPR("TM-M-010", "Report by a non-investigative organisation on or after 2018-05-25 has no legal basis"),
    /** Only investigative authorities report on the basis of a statutory duty. */
    STATUTORY_DUTY_INVESTIGATIVE_ONLY("TM-M-011", "Statutory duty given for a reporter that is not an investigative authority"),
    /** The exploitation form contradicts the route (domestic versus cross-border). */
    FORM_ROUTE("TM-M-012", "Exploitation form contradicts the route"),
    /** A sex-industry sector is given for a form of exploitation outside the sex industry. */
    SECTOR_FORM("TM-M-013", "Sector does not fit the exploitation form"),
    /** The prosecutor's decision is dated before the registration at the public prosecutor. */
    DECISION_AFTER_REGISTRATION("TM-M-014", "Prosecutor's decision is dated before the registration at the public prosecutor"),
    /** The verdict is dated before the prosecutor's decision or the registration at the public prosecutor. */
    VERDICT_AFTER_DECISION("TM-M-015", "Verdict is dated before the decision or the registration at the public prosecutor"),
    /** A first-instance verdict (or a pending trial) requires a summons. */
    VERDICT_REQUIRES_SUMMONS("TM-M-016", "Verdict without a summons"),
    /** A sentence requires a conviction. */
    SENTENCE_REQUIRES_CONVICTION("TM-M-017", "Sentence without a conviction"),
    /** A pending or not-applicable stage of the prosecution chain carries no date. */
    STAGE_DATE("TM-M-018", "Pending or not-applicable stage has a date"),
    /** A count or amount is negative. */
    NON_NEGATIVE("TM-M-019", "Count or amount is negative"),
    /** A person's birth date lies after an event of that person (report, offence, registration). */
    BIRTH_BEFORE_EVENT("TM-M-020", "Birth date is after an event of the person"),
    /** A registration or case in a person's history belongs to another person. */
    HISTORY_KEY("TM-M-021", "Record in a person's history belongs to another person"),
    /** The offence is dated after the registration at the public prosecutor. */
    OFFENCE_BEFORE_REGISTRATION("TM-M-022", "Offence is dated after the registration at the public prosecutor"),
    /** Two records in one person's history share an identifier. */
    UNIQUE_IDS("TM-M-023", "Two records in one history share an identifier"),
    /** A programme measure's status history is empty or its effective dates do not increase. */
    STATUS_HISTORY_ORDER("TM-M-024", "Status history is empty or out of date order"),
    /** A programme measure's planned end is before its planned start. */
    PLANNED_DATES("TM-M-025", "Planned end is before the planned start"),
    /** A text of a programme measure is blank or too long, or an indicator name does not have the accepted shape. */
    TEXT_SHAPE("TM-M-026", "Text is blank, too long or not of the accepted shape"),
    /**
     * A programme measure links to an outcome indicator that is not in the catalogue ({@link OutcomeIndicator}).
     */
    UNKNOWN_OUTCOME_INDICATOR("TM-M-027", "Outcome indicator is not in the catalogue"),
    /**
     * A residence-stage history is empty, its effective dates do not increase strictly, or a change repeats the
     * stage before it.
     */
    STAGE_HISTORY_ORDER("TM-M-028", "Residence-stage history is empty, out of date order or repeats a stage"),
    /**
     * A residence-stage history continues after a terminal stage: continued residence, or none (left the scheme)
     * after a stage of the scheme.
     */
    STAGE_AFTER_TERMINAL("TM-M-029", "Residence stage after a terminal stage"),

    // Arguments of the model's factory methods ({@link ModelException}), not constraints on records.

    /** An age in years is negative. */
    NEGATIVE_AGE("TM-M-030", "Age is negative"),
    /** An age needs a known birth-date precision, or its bounds are not ordered. */
    AGE_BOUNDS("TM-M-031", "Age bounds are not ordered or the birth-date precision is unknown"),
    /** An event of a person is dated before the person's birth date. */
    EVENT_BEFORE_BIRTH("TM-M-032", "Event date is before the birth date"),
    /** A reporter type's designation period ends before it starts, or no designation covers a date. */
    DESIGNATION("TM-M-033", "Reporter designation period is inverted or does not cover the date"),
    /** A constraint violation passed to {@link #of(ConstraintViolation)} is not one of a model rule. */
    NOT_A_MODEL_RULE("TM-M-034", "Violation is not of a model rule");

    private final String code;
    private final String description;

    ModelRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The stable code, e.g. {@code "TM-M-010"}.
     *
     * @return the code
     */
    @Override
    public String code() {
        return code;
    }

    /**
     * A one-line English description of the rule.
     *
     * @return the description
     */
    @Override
    public String description() {
        return description;
    }

    /**
     * Whether a constraint on the model's records checks this rule (a Bean Validation violation carries it); the
     * rules from {@code TM-M-030} on are those of the factory methods' arguments, thrown as {@link ModelException}.
     *
     * @return true for {@code TM-M-001} to {@code TM-M-029}
     */
    public boolean isConstraint() {
        return compareTo(NEGATIVE_AGE) < 0;
    }

    /**
     * Finds the rule with the given code.
     *
     * @param code a code such as {@code "TM-M-010"}
     * @return the rule, or empty if no rule has that code
     */
    public static Optional<ModelRule> fromCode(String code) {
        for (ModelRule rule : values()) {
            if (rule.code.equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * The rule a constraint violation of this model broke, read from the code at the start of its message template
     * (the violation's own template, else its constraint's), never from the interpolated message: the result does
     * not depend on the message interpolator or its locale.
     *
     * @param violation a violation reported by a Bean Validation provider for a model type
     * @return the rule
     * @throws ModelException ({@link #NOT_A_MODEL_RULE}) if neither template starts with a model rule code (the
     *                        violation did not come from a constraint of this model)
     */
    public static ModelRule of(ConstraintViolation<?> violation) {
        Optional<ModelRule> rule = fromTemplate(violation.getMessageTemplate());
        if (rule.isEmpty() && violation.getConstraintDescriptor() != null) {
            rule = fromTemplate(violation.getConstraintDescriptor().getMessageTemplate());
        }
        return rule.orElseThrow(() -> new ModelException(NOT_A_MODEL_RULE,
                "Violation's message template does not start with a model rule code"));
    }

    private static Optional<ModelRule> fromTemplate(String template) {
        if (template == null) {
            return Optional.empty();
        }
        int colon = template.indexOf(':');
        return colon < 0 ? Optional.empty() : fromCode(template.substring(0, colon));
    }

    /**
     * The message templates of the model's constraints. Each starts with its rule's code and a colon. Templates
     * of constraints on identifiers never include the rejected value, which could be a raw identifier.
     */
    public static final class Messages {
        /** Template for {@link #REQUIRED}. */
        public static final String REQUIRED =
                "TM-M-001: a value is required (use the code list's unknown value when it is not known)";
        /** Template for {@link #PERSON_KEY_SHAPE}; the value is withheld because it may be a raw identifier. */
        public static final String PERSON_KEY_SHAPE =
                "TM-M-002: person key must be a pseudonym of 16 to 64 characters from [A-Za-z0-9_-] with at least"
                        + " one non-digit (value withheld: it may be a raw identifier)";
        /** Template for {@link #RECORD_ID_SHAPE}. */
        public static final String RECORD_ID_SHAPE =
                "TM-M-003: identifier must be 1 to 64 characters from [A-Za-z0-9_.-], starting with a letter or digit"
                        + " (value withheld)";
        /** Template for {@link #COUNTRY_CODE}; the value is withheld because a wrong field may hold an identifier. */
        public static final String COUNTRY_CODE =
                "TM-M-004: country must be an upper-case ISO 3166-1 alpha-2 code (or XK) or 'unknown'"
                        + " (value withheld)";
        /** Template for {@link #NATIONALITY_CODE}; the value is withheld. */
        public static final String NATIONALITY_CODE =
                "TM-M-005: nationality must be an upper-case ISO 3166-1 alpha-2 code (or XK), 'stateless' or"
                        + " 'unknown' (value withheld)";
        /** Template for {@link #NOT_IN_FUTURE}; the value is withheld because it may be a date of birth. */
        public static final String NOT_IN_FUTURE = "TM-M-006: date is in the future (value withheld)";
        /** Template for {@link #NON_NEGATIVE}; the validator adds the rejected number after a colon. */
        public static final String NON_NEGATIVE = "TM-M-019: must not be negative";
        /** Template for {@link #TEXT_SHAPE} on lists and indicator names. */
        public static final String TEXT_SHAPE =
                "TM-M-026: at most 20 outcome indicators, each 1 to 64 characters from [a-z0-9-] (value withheld)";
        /** Template for {@link #YEAR_RANGE}; the validator adds the rejected year after a colon. */
        public static final String YEAR_RANGE =
                "TM-M-009: year must lie between 1990 and the current year";

        private Messages() {
        }
    }
}
