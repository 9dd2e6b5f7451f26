package org.tipmonitor.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;

/** The report's follow-up of police reports on the bundled sample (issue 16): its figures equal direct counts. */
class FollowUpSectionTest {

    private static MonitorData sample;
    private static JsonNode protectedJson;
    private static JsonNode rawJson;

    @BeforeAll
    static void load() throws Exception {
        sample = MonitorData.sample();
        ObjectMapper mapper = new ObjectMapper();
        protectedJson = mapper.readTree(FollowUpSection.of(sample, DisclosurePolicy.withDefaults(), "s").json()
                .toString());
        rawJson = mapper.readTree(FollowUpSection.of(sample, null, "s").json().toString());
    }

    /** The 2014 shares followed within 12 months by registration at the public prosecutor, counted directly. */
    @Test
    void sharesEqualDirectCounts() {
        Map<CaseId, OffenderCase> cases = new HashMap<>();
        sample.offenderCases().forEach(c -> cases.put(c.id(), c));
        Map<RegistrationId, Registration> registrations = new HashMap<>();
        sample.registrations().forEach(r -> registrations.put(r.id(), r));
        long filed = 0;
        long followed = 0;
        long dublinFiled = 0;
        long dublinFollowed = 0;
        for (PoliceReport report : sample.policeReports()) {
            if (report.filedDate().getYear() != 2014) {
                continue;
            }
            LocalDate end = report.filedDate().plusMonths(12);
            boolean hit = report.caseIds().stream().map(cases::get)
                    .anyMatch(c -> !c.prosecutorRegistrationDate().isAfter(end));
            boolean dublin = registrations.get(report.registrationId()).dublinStatus() == DublinStatus.DUBLIN;
            filed++;
            followed += hit ? 1 : 0;
            dublinFiled += dublin ? 1 : 0;
            dublinFollowed += dublin && hit ? 1 : 0;
        }
        assertEquals("2017-12-31", protectedJson.get("observedUntil").asText());
        JsonNode all = find(protectedJson.get("shares"), 2014, "all", "prosecutor_registration", 12);
        assertEquals(filed, all.get("filed").asLong());
        assertEquals(0, all.get("notYetObservable").asLong());
        assertEquals(followed, all.get("followed").asLong());
        assertEquals((double) followed / filed, all.get("estimate").asDouble(), 1e-15);
        JsonNode dublin = find(rawJson.get("byGroup").get("dublinStatus"), 2014, "dublin", "prosecutor_registration",
                12);
        assertEquals(dublinFiled, dublin.get("filed").asLong());
        assertEquals(dublinFollowed, dublin.get("followed").asLong());
        assertTrue(dublinFollowed < 10, "a small count, so the protected report withholds it");
        JsonNode withheld = find(protectedJson.get("byGroup").get("dublinStatus"), 2014, "dublin",
                "prosecutor_registration", 12);
        assertTrue(withheld.get("followed").isNull());
        assertTrue(withheld.get("withheld").asBoolean());
    }

    /** Reports of 2017 and later cannot have a 12-month window observed by the end of 2017. */
    @Test
    void recentReportsAreNotYetObservable() {
        JsonNode late = find(protectedJson.get("shares"), 2017, "all", "prosecutor_registration", 12);
        assertEquals(late.get("filed").asLong(), late.get("notYetObservable").asLong());
        assertTrue(late.get("estimate").isNull());
        assertFalse(late.get("withheld").asBoolean(), "not withheld: there is no share to publish");
    }

    @Test
    void aFileWithoutPoliceReportsSaysSo() {
        MonitorData withoutReports = new MonitorData(sample.dataset(), sample.victims(), sample.offenders(),
                sample.policeSignals(), sample.report());
        FollowUpSection section = FollowUpSection.of(withoutReports, DisclosurePolicy.withDefaults(), "s");
        assertTrue(section.table().isEmpty());
        assertTrue(section.lines().get(0).startsWith("No follow-up: the file has no police reports"),
                section.lines().get(0));
    }

    @Test
    void theReportShowsTheSectionAndAuditsItsTable() {
        MonitorReport report = MonitorReport.of(sample, DisclosurePolicy.withDefaults());
        assertTrue(report.toText().contains(FollowUpSection.HEADING), report.toText());
        assertTrue(report.tables().stream().anyMatch(t -> t.name().equals(FollowUpSection.TABLE)));
        assertTrue(report.toJson().contains("\"policeReportFollowUp\""));
    }

    private static JsonNode find(JsonNode array, int year, String group, String stage, int window) {
        for (JsonNode node : array) {
            if (node.get("year").asInt() == year && node.get("group").asText().equals(group)
                    && node.get("stage").asText().equals(stage) && node.get("windowMonths").asInt() == window) {
                return node;
            }
        }
        throw new AssertionError("no share for " + year + " " + group + " " + stage + " " + window);
    }
}
