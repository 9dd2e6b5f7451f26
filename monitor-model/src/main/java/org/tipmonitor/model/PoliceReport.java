package org.tipmonitor.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.List;

/**
 * The police report (aangifte) a registered victim filed, with the offender cases it led to: the pseudonymous link
 * from a {@link Registration} to the {@link OffenderCase}s at the public prosecutor (one case per suspect). It holds
 * record identifiers only, never a person's identifier. A report that led to no case (yet) has no case identifiers.
 *
 * <p>Rules across records, checked where the records meet (the exchange reader): the registration exists and
 * records a police report filed ({@link YesNoUnknown#YES}); each case exists; a case the report led to was
 * registered at the public prosecutor on or after the day the report was filed; a registration has at most one
 * police report and a report names each case once.
 *
 * <p>The follow-up of police reports (the 2019 letter to parliament: the reports of victims with a Dublin status
 * "often do not lead to prosecution") is computed from these links.
 *
 * @param registrationId the registration whose victim filed the report
 * @param filedDate      the day the report was filed with the police
 * @param caseIds        the cases at the public prosecutor the report led to, possibly none; copied
 */
public record PoliceReport(
        @NotNull(message = ModelRule.Messages.REQUIRED) @Valid RegistrationId registrationId,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        @PastOrPresent(message = ModelRule.Messages.NOT_IN_FUTURE) LocalDate filedDate,
        @NotNull(message = ModelRule.Messages.REQUIRED)
        List<@NotNull(message = ModelRule.Messages.REQUIRED) @Valid CaseId> caseIds) {

    /**
     * Copies the case identifiers.
     *
     * @throws NullPointerException if caseIds is null or holds null (validation of a record read from input
     *                              reports a missing value as rule {@link ModelRule#REQUIRED} before this point)
     */
    public PoliceReport {
        caseIds = caseIds == null ? null : List.copyOf(caseIds);
    }

    /**
     * A report that has led to no case in the data.
     *
     * @param registrationId the registration
     * @param filedDate      the day the report was filed
     * @return the report
     */
    public static PoliceReport withoutCase(RegistrationId registrationId, LocalDate filedDate) {
        return new PoliceReport(registrationId, filedDate, List.of());
    }

    /**
     * Whether the data link the report to at least one case.
     *
     * @return true if there is a case
     */
    public boolean isLinked() {
        return caseIds != null && !caseIds.isEmpty();
    }
}
