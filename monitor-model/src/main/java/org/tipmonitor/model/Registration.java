package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.tipmonitor.model.constraints.ConsistentRegistration;
import org.tipmonitor.model.internal.BuildCheck;

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

    /**
     * A builder of a registration, for callers who would rather name the 11 values than give them in order.
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
        return new Builder().id(id).victimKey(victimKey).reportDate(reportDate).reporterType(reporterType).form(form).route(route).sector(sector).legalBasis(legalBasis).dublinStatus(dublinStatus).residenceStage(residenceStage).policeReportFiled(policeReportFiled);
    }

    /**
     * Builds a {@link Registration} value by value and checks it on {@link #build()}. Not thread-safe; a builder may
     * build several records. The canonical constructor remains and accepts anything (validation then reports each
     * broken rule); the builder refuses an incomplete or inconsistent record at once.
     */
    public static final class Builder {
        private RegistrationId id;
        private PersonKey victimKey;
        private LocalDate reportDate;
        private ReporterType reporterType;
        private ExploitationForm form;
        private TraffickingRoute route;
        private Sector sector;
        private LegalBasis legalBasis;
        private DublinStatus dublinStatus;
        private ResidenceSchemeStage residenceStage;
        private YesNoUnknown policeReportFiled;

        private Builder() {
        }

        /**
         * Sets the identifier.
         *
         * @param value the identifier
         * @return this builder
         */
        public Builder id(RegistrationId value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the victim's key.
         *
         * @param value the key
         * @return this builder
         */
        public Builder victimKey(PersonKey value) {
            this.victimKey = value;
            return this;
        }

        /**
         * Sets the report date.
         *
         * @param value the date
         * @return this builder
         */
        public Builder reportDate(LocalDate value) {
            this.reportDate = value;
            return this;
        }

        /**
         * Sets the reporter type.
         *
         * @param value the type
         * @return this builder
         */
        public Builder reporterType(ReporterType value) {
            this.reporterType = value;
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
         * Sets the route.
         *
         * @param value the route
         * @return this builder
         */
        public Builder route(TraffickingRoute value) {
            this.route = value;
            return this;
        }

        /**
         * Sets the sector.
         *
         * @param value the sector
         * @return this builder
         */
        public Builder sector(Sector value) {
            this.sector = value;
            return this;
        }

        /**
         * Sets the legal basis.
         *
         * @param value the basis
         * @return this builder
         */
        public Builder legalBasis(LegalBasis value) {
            this.legalBasis = value;
            return this;
        }

        /**
         * Sets the Dublin status.
         *
         * @param value the status
         * @return this builder
         */
        public Builder dublinStatus(DublinStatus value) {
            this.dublinStatus = value;
            return this;
        }

        /**
         * Sets the residence-scheme stage at the report.
         *
         * @param value the stage
         * @return this builder
         */
        public Builder residenceStage(ResidenceSchemeStage value) {
            this.residenceStage = value;
            return this;
        }

        /**
         * Sets whether the victim filed a police report.
         *
         * @param value yes, no or unknown
         * @return this builder
         */
        public Builder policeReportFiled(YesNoUnknown value) {
            this.policeReportFiled = value;
            return this;
        }

        /**
         * Sets the identifier.
         *
         * @param value the identifier's text
         * @return this builder
         */
        public Builder id(String value) {
            return id(value == null ? null : new RegistrationId(value));
        }

        /**
         * Builds the registration and checks it: every value present, the identifier and the key of the accepted
         * shape, and the cross-field rules of {@link ConsistentRegistration}. That the report date is not in the
         * future depends on the validating clock and is left to validation (the readers check it).
         *
         * @return the record
         * @throws org.tipmonitor.model.ModelException ({@link ModelRule#REQUIRED}) if a value is missing;
         *         ({@link ModelRule#RECORD_ID_SHAPE}, {@link ModelRule#PERSON_KEY_SHAPE}) if the identifier or the
         *         key has another shape; ({@link ModelRule#LEGAL_BASIS_AFTER_GDPR},
         *         {@link ModelRule#STATUTORY_DUTY_INVESTIGATIVE_ONLY}, {@link ModelRule#FORM_ROUTE},
         *         {@link ModelRule#SECTOR_FORM}) if a cross-field rule is broken, the messages of every broken
         *         rule joined
         */
        public Registration build() {
            String type = "Registration";
            BuildCheck.required(type, "id", id);
            BuildCheck.id(type, "id", id.value(), RegistrationId.PATTERN);
            BuildCheck.key(type, "victimKey", victimKey);
            BuildCheck.required(type, "reportDate", reportDate);
            BuildCheck.required(type, "reporterType", reporterType);
            BuildCheck.required(type, "form", form);
            BuildCheck.required(type, "route", route);
            BuildCheck.required(type, "sector", sector);
            BuildCheck.required(type, "legalBasis", legalBasis);
            BuildCheck.required(type, "dublinStatus", dublinStatus);
            BuildCheck.required(type, "residenceStage", residenceStage);
            BuildCheck.required(type, "policeReportFiled", policeReportFiled);
            return BuildCheck.rules(new Registration(id, victimKey, reportDate, reporterType, form, route, sector, legalBasis, dublinStatus, residenceStage, policeReportFiled));
        }
    }
}
