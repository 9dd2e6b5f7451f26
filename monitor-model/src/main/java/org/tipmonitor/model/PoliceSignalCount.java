package org.tipmonitor.model;

import jakarta.validation.constraints.NotNull;
import org.tipmonitor.model.constraints.MonitorYear;
import org.tipmonitor.model.constraints.NonNegative;

/**
 * One cell of the police-signal view: the number of presumed victims identified by the police (or of police
 * reports filed) in a year, by exploitation form, victim origin group and Dublin status.
 *
 * <p><b>Why a record of its own and not a query on {@link Registration}s.</b> The police signals come from the
 * police's own systems and are delivered as counts, not as person records. They are a different series from the
 * registrations the police make at the registration centre: the police identify victims they never report
 * there, report others later, and count police reports filed (aangiften) separately again (the monitors give
 * 1,015 identified victims and 1,045 reports for 2019). Deriving the view from registrations would silently
 * substitute one series for another. The 2019 letter's statements about police reports (the first rise in five
 * years, driven by African victims with Dublin status) are statements about this series.
 *
 * @param year         the calendar year
 * @param series       identified victims or reports filed
 * @param form         the form of exploitation
 * @param origin       the victim origin group
 * @param dublinStatus whether the Dublin Regulation applies
 * @param count        the number in the cell
 */
public record PoliceSignalCount(
        @MonitorYear int year,
        @NotNull(message = ModelRule.Messages.REQUIRED) PoliceSeries series,
        @NotNull(message = ModelRule.Messages.REQUIRED) ExploitationForm form,
        @NotNull(message = ModelRule.Messages.REQUIRED) VictimOriginGroup origin,
        @NotNull(message = ModelRule.Messages.REQUIRED) DublinStatus dublinStatus,
        @NonNegative long count) {
}
