package org.tipmonitor.indicators.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.VictimOriginGroup;

/**
 * One police report with what the follow-up indicators group by and the cases it led to: the filing day, the form
 * of exploitation and Dublin status of its registration, the victim's origin group, and the linked cases.
 *
 * @param filedDate    the day the report was filed
 * @param form         the form of exploitation of the registration
 * @param dublinStatus the Dublin status of the registration
 * @param origin       the victim's origin group (from the nationality)
 * @param cases        the cases the report led to, possibly none; copied
 */
public record FollowedReport(LocalDate filedDate, ExploitationForm form, DublinStatus dublinStatus,
                             VictimOriginGroup origin, List<OffenderCase> cases) {


    /**
     * Checks the components and copies the cases.
     *
     * @throws NullPointerException if a component or a case is null
     */
    public FollowedReport {
        Objects.requireNonNull(filedDate, "filedDate");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(dublinStatus, "dublinStatus");
        Objects.requireNonNull(origin, "origin");
        cases = List.copyOf(cases);
    }

    /**
     * The first day on which one of the report's cases reached a stage.
     *
     * @param stage the stage
     * @return the earliest date over the linked cases, or empty if none reached it
     */
    public Optional<LocalDate> first(FollowUpStage stage) {
        LocalDate first = null;
        for (OffenderCase offenderCase : cases) {
            LocalDate date = stage.date(offenderCase).orElse(null);
            if (date != null && (first == null || date.isBefore(first))) {
                first = date;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Joins police reports to their registrations, victims and cases.
     *
     * @param victims the victims with their registrations
     * @param cases   the offender cases
     * @param reports the police reports
     * @return one followed report per police report, in the order of the reports
     * @throws IndicatorException if a report refers to a registration or case that is not given (the exchange
     *                            reader never delivers such a report: rules TM-IO-0035 and TM-IO-0036)
     * @throws NullPointerException if an argument is null
     */
    public static List<FollowedReport> join(Collection<VictimHistory> victims, Collection<OffenderCase> cases,
                                            Collection<PoliceReport> reports) {
        Map<RegistrationId, Registration> registrations = new HashMap<>();
        Map<RegistrationId, VictimOriginGroup> origins = new HashMap<>();
        for (VictimHistory history : victims) {
            VictimOriginGroup origin = VictimOriginGroup.of(history.victim().nationalityRegion());
            for (Registration registration : history.registrations()) {
                registrations.put(registration.id(), registration);
                origins.put(registration.id(), origin);
            }
        }
        Map<CaseId, OffenderCase> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        List<FollowedReport> followed = new ArrayList<>(reports.size());
        int index = 0;
        for (PoliceReport report : reports) {
            Registration registration = registrations.get(report.registrationId());
            if (registration == null) {
                throw IndicatorException.of(IndicatorRule.FOLLOW_UP_UNKNOWN_REGISTRATION, index);
            }
            List<OffenderCase> linked = new ArrayList<>();
            for (CaseId id : report.caseIds()) {
                OffenderCase offenderCase = byId.get(id);
                if (offenderCase == null) {
                    throw IndicatorException.of(IndicatorRule.FOLLOW_UP_UNKNOWN_CASE, index);
                }
                linked.add(offenderCase);
            }
            followed.add(new FollowedReport(report.filedDate(), registration.form(), registration.dublinStatus(),
                    origins.get(report.registrationId()), linked));
            index++;
        }
        return followed;
    }
}
