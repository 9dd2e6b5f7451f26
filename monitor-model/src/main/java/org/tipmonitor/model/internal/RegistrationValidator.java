package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.YesNoUnknown;
import org.tipmonitor.model.constraints.ConsistentRegistration;

/** Validates {@link ConsistentRegistration}. Not part of the API. */
public final class RegistrationValidator implements ConstraintValidator<ConsistentRegistration, Registration> {

    @Override
    public boolean isValid(Registration value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean valid = true;
        if (value.reportDate() != null && value.reporterType() != null && value.legalBasis() != null) {
            YesNoUnknown investigative = value.reporterInvestigative();
            if (investigative == YesNoUnknown.NO && value.isUnderGdpr()
                    && value.legalBasis() == LegalBasis.UNKNOWN) {
                Violations.add(context, ModelRule.LEGAL_BASIS_AFTER_GDPR.code()
                        + ": a report by a non-investigative organisation ('" + value.reporterType().code()
                        + "') on or after " + Registration.GDPR_DATE + " must name its legal basis"
                        + " (explicit_consent or other_basis), got 'unknown' on " + value.reportDate(),
                        "legalBasis");
                valid = false;
            }
            if (investigative == YesNoUnknown.NO && value.legalBasis() == LegalBasis.STATUTORY_DUTY) {
                Violations.add(context, ModelRule.STATUTORY_DUTY_INVESTIGATIVE_ONLY.code()
                        + ": only investigative authorities report on a statutory duty, got reporter '"
                        + value.reporterType().code() + "'", "legalBasis");
                valid = false;
            }
        }
        ExploitationForm form = value.form();
        TraffickingRoute route = value.route();
        if (form != null && route != null
                && (form == ExploitationForm.DOMESTIC_SEXUAL && route == TraffickingRoute.CROSS_BORDER
                || form == ExploitationForm.CROSS_BORDER_SEXUAL && route == TraffickingRoute.DOMESTIC)) {
            Violations.add(context, ModelRule.FORM_ROUTE.code() + ": form '" + form.code()
                    + "' contradicts route '" + route.code() + "'", "route");
            valid = false;
        }
        if (form != null && value.sector() != null && value.sector().isSexIndustry() && !form.isSexual()
                && form != ExploitationForm.OTHER && form != ExploitationForm.UNKNOWN) {
            Violations.add(context, ModelRule.SECTOR_FORM.code() + ": sector '" + value.sector().code()
                    + "' is part of the sex industry but the form is '" + form.code() + "'", "sector");
            valid = false;
        }
        return valid;
    }
}
