package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.tipmonitor.model.constraints.ConsistentRegistration;

/**
 * One report (melding) of a presumed victim to the national registration centre (CoMensha). A registration is
 * not a person: one victim may be reported by several organisations, and counts of registrations by reporter
 * are not additive over persons.
 *
 * <p>Cross-field rules ({@link ConsistentRegistration}): a non-investigative organisation reporting on or after
 * {@link #GDPR_DATE} names a legal basis; a statutory duty is given only by investigative authorities; domestic
 * sexual exploitation is not cross-border (and vice versa); a sex-industry sector goes with sexual, other or
 * unknown exploitation.
 *
 * @param id                the registration's identifier, unique in a dataset
 * @param victimKey         the pseudonymous key of the victim
 * @param reportDate        the date of the report; its year is the registration year of the victim monitor
 * @param reporterType      the type of reporting organisation (aanmelder)
 * @param form              the form of exploitation
 * @param route             domestic or cross-border
 * @param sector            the sector of exploitation
 * @param legalBasis        the legal basis for reporting
 * @param dublinStatus      whether the Dublin Regulation applies
 * @param residenceStage    the stage of the B8/3 residence scheme at the report
 * @param policeReportFiled whether the victim filed a police report (aangifte)
 */
@ConsistentRegistration
public record Registration(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid RegistrationId id,
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid PersonKey victimKey,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate reportDate,
        @NotNull(message = ModelRule.Messages.REQUIRED) ReporterType reporterType,
        @NotNull(message = ModelRule.Messages.REQUIRED) ExploitationForm form,
        @NotNull(message = ModelRule.Messages.REQUIRED) TraffickingRoute route,
        @NotNull(message = ModelRule.Messages.REQUIRED) Sector sector,
        @NotNull(message = ModelRule.Messages.REQUIRED) LegalBasis legalBasis,
        @NotNull(message = ModelRule.Messages.REQUIRED) DublinStatus dublinStatus,
        @NotNull(message = ModelRule.Messages.REQUIRED) ResidenceSchemeStage residenceStage,
        @NotNull(message = ModelRule.Messages.REQUIRED) YesNoUnknown policeReportFiled) {

    /** The day the GDPR (AVG) applied: 2018-05-25. */
    public static final LocalDate GDPR_DATE = LocalDate.of(2018, 5, 25);

    /**
     * The registration year (the year of the report).
     *
     * @return the year
     */
    public int reportYear() {
        return reportDate.getYear();
    }

    /**
     * Whether the reporter was an investigative authority on the report date.
     *
     * @return yes, no, or unknown for an unknown reporter
     */
    public YesNoUnknown reporterInvestigative() {
        return reporterType.investigativeAuthorityOn(reportDate);
    }

    /**
     * Whether the report was made on or after the day the GDPR applied.
     *
     * @return true for reports from 2018-05-25 on
     */
    public boolean isUnderGdpr() {
        return !reportDate.isBefore(GDPR_DATE);
    }
}
