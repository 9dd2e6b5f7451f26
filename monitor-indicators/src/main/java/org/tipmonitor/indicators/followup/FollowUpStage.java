package org.tipmonitor.indicators.followup;

import java.time.LocalDate;
import java.util.Optional;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.VerdictOutcome;

/** A stage of the criminal-justice chain that can follow a police report, with the date a case reached it. */
public enum FollowUpStage {

    /** Registration of a case at the public prosecutor (inschrijving bij het OM). */
    PROSECUTOR_REGISTRATION("prosecutor_registration", "registered at the public prosecutor") {
        @Override
        public Optional<LocalDate> date(OffenderCase offenderCase) {
            return Optional.of(offenderCase.prosecutorRegistrationDate());
        }
    },
    /** A summons (dagvaarding): the date of the prosecutor's decision to summon. */
    SUMMONS("summons", "summons") {
        @Override
        public Optional<LocalDate> date(OffenderCase offenderCase) {
            return offenderCase.decision().type() == ProsecutorDecisionType.SUMMONS
                    ? Optional.ofNullable(offenderCase.decision().date()) : Optional.empty();
        }
    },
    /** A first-instance conviction (veroordeling): the date of the verdict. */
    CONVICTION("conviction", "conviction") {
        @Override
        public Optional<LocalDate> date(OffenderCase offenderCase) {
            return offenderCase.verdict().outcome() == VerdictOutcome.CONVICTED
                    ? Optional.ofNullable(offenderCase.verdict().date()) : Optional.empty();
        }
    };

    private final String code;
    private final String label;

    FollowUpStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The date the case reached this stage.
     *
     * @param offenderCase the case
     * @return the date, or empty if the case has not reached the stage (or its date is not recorded)
     */
    public abstract Optional<LocalDate> date(OffenderCase offenderCase);

    /**
     * The stage's code in reports, lower_snake_case.
     *
     * @return e.g. {@code "summons"}
     */
    public String code() {
        return code;
    }

    /**
     * The stage in words.
     *
     * @return e.g. {@code "registered at the public prosecutor"}
     */
    public String label() {
        return label;
    }
}
