package org.tipmonitor.cli.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.YesNoUnknown;

/** The generator's police reports and their links to cases (issue 16). */
class SyntheticPoliceReportsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20191018L, 7L})
    void everyRecordedReportHasOneRecordAndItsLinksAreConsistent(long seed) {
        SyntheticMonitorData data = SyntheticMonitorData.of(seed);
        Map<RegistrationId, Registration> withReport = new HashMap<>();
        for (VictimHistory history : data.victimHistories()) {
            for (Registration r : history.registrations()) {
                if (r.policeReportFiled() == YesNoUnknown.YES) {
                    withReport.put(r.id(), r);
                }
            }
        }
        Map<CaseId, OffenderCase> cases = new HashMap<>();
        for (OffenderHistory history : data.offenderHistories()) {
            history.cases().forEach(c -> cases.put(c.id(), c));
        }
        List<PoliceReport> reports = new ArrayList<>();
        data.policeReports().forEach(reports::add);
        assertEquals(withReport.size(), reports.size());
        long[] reportsBy = new long[DublinStatus.values().length];
        long[] linkedBy = new long[DublinStatus.values().length];
        for (PoliceReport report : reports) {
            Registration registration = withReport.remove(report.registrationId());
            assertTrue(registration != null, "one report per registration that records one");
            assertFalse(report.filedDate().isAfter(registration.reportDate()));
            assertTrue(report.filedDate().isAfter(registration.reportDate().minusDays(31)));
            for (CaseId id : report.caseIds()) {
                OffenderCase offenderCase = cases.get(id);
                assertTrue(offenderCase != null, "the linked case is generated");
                assertFalse(offenderCase.prosecutorRegistrationDate().isBefore(report.filedDate()));
                assertEquals(registration.form(), offenderCase.form());
            }
            assertTrue(report.caseIds().size() <= 2);
            reportsBy[registration.dublinStatus().ordinal()]++;
            linkedBy[registration.dublinStatus().ordinal()] += report.isLinked() ? 1 : 0;
        }
        double dublin = (double) linkedBy[DublinStatus.DUBLIN.ordinal()] / reportsBy[DublinStatus.DUBLIN.ordinal()];
        double notDublin = (double) linkedBy[DublinStatus.NOT_DUBLIN.ordinal()]
                / reportsBy[DublinStatus.NOT_DUBLIN.ordinal()];
        // Fewer Dublin claimants' reports lead to a case; no more than the drawn link probability, since a link
        // can also fail for want of a later case of the same form.
        assertTrue(dublin < notDublin, dublin + " vs " + notDublin);
        assertTrue(notDublin <= SyntheticMonitorData.LINK_NOT_DUBLIN + 0.05, "share linked " + notDublin);
        assertTrue(notDublin > 0.15, "a plausible share is linked: " + notDublin);
        List<PoliceReport> again = new ArrayList<>();
        data.policeReports().forEach(again::add);
        assertEquals(reports, again, "iterating twice gives the same reports");
    }
}
