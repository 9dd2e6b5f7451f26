package org.tipmonitor.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.YesNoUnknown;

/** The monitor report on the bundled sample: its figures equal direct counts, and its tables are protected. */
class MonitorReportTest {

    private static MonitorData sample;
    private static MonitorReport protectedReport;

    @BeforeAll
    static void load() {
        sample = MonitorData.sample();
        protectedReport = MonitorReport.of(sample, DisclosurePolicy.withDefaults());
    }

    @Test
    void theSampleIsValidAndComplete() {
        assertTrue(sample.report().isValid(), sample.report().toText());
        assertEquals(sample.registrations().size(), sample.report().counts().values().stream()
                .filter(c -> c.read() == sample.registrations().size()).findFirst().orElseThrow().accepted());
    }

    @Test
    void registrationChangeEqualsDirectCounts() throws IOException {
        JsonNode json = new ObjectMapper().readTree(protectedReport.toJson());
        Set<PersonKey> first = new HashSet<>();
        Set<PersonKey> last = new HashSet<>();
        for (Registration r : sample.registrations()) {
            if (r.reportYear() == 2014) {
                first.add(r.victimKey());
            } else if (r.reportYear() == 2018) {
                last.add(r.victimKey());
            }
        }
        assertEquals(first.size(), json.at("/registrations/from").asLong());
        assertEquals(last.size(), json.at("/registrations/to").asLong());
        assertEquals((double) last.size() / first.size() - 1, json.at("/registrations/relativeChange").asDouble(),
                1e-12);
    }

    @Test
    void legalBasisEffectCountsNonInvestigativeReports() throws IOException {
        JsonNode json = new ObjectMapper().readTree(protectedReport.toJson());
        long before = 0;
        long after = 0;
        for (Registration r : sample.registrations()) {
            if (r.reporterInvestigative() == YesNoUnknown.NO) {
                if (r.isUnderGdpr()) {
                    after++;
                } else {
                    before++;
                }
            }
        }
        assertEquals(before, json.at("/legalBasis/before").asLong());
        assertEquals(after, json.at("/legalBasis/after").asLong());
        assertTrue(json.at("/legalBasis/rateRatio/upper").asDouble() < 0.5, "reports collapse after the GDPR");
    }

    @Test
    void everyProtectedTablePassesTheAudit() throws IOException {
        JsonNode json = new ObjectMapper().readTree(protectedReport.toJson());
        assertTrue(json.get("protected").asBoolean());
        assertTrue(json.get("auditPassed").asBoolean());
        assertTrue(protectedReport.tables().stream().allMatch(ReportTable::isProtected));
        assertTrue(protectedReport.tables().stream().anyMatch(t -> t.suppressed() > 0), "small cells are withheld");
        assertTrue(protectedReport.auditPassed());
        assertTrue(protectedReport.toText().contains("Disclosure audit: passed (linked set of "
                + protectedReport.tables().size() + " tables"), protectedReport.toText());
        assertTrue(protectedReport.toText().contains("protection margin 10"), protectedReport.toText());
    }

    @Test
    void sharesLieInTheUnitIntervalAndContainTheirEstimate() throws IOException {
        JsonNode json = new ObjectMapper().readTree(protectedReport.toJson());
        for (String section : new String[] {"minorsShare", "offendersUnder23"}) {
            json.get(section).fields().forEachRemaining(entry -> {
                JsonNode share = entry.getValue();
                if (share.has("withheld")) {
                    // withheld by the threshold rule (issue 12): no number is printed
                    assertTrue(share.get("estimate").isNull() && !share.has("successes"), share.toString());
                    return;
                }
                double estimate = share.get("estimate").asDouble();
                assertTrue(0 <= share.get("lower").asDouble() && share.get("lower").asDouble() <= estimate
                        && estimate <= share.get("upper").asDouble() && share.get("upper").asDouble() <= 1,
                        section + " " + entry.getKey() + " " + share);
            });
        }
        // The generator draws almost four in ten domestic sexual exploitation offenders under 23.
        double young = json.at("/offendersUnder23/domestic_sexual/estimate").asDouble();
        assertTrue(young > 0.33 && young < 0.45, "offenders under 23: " + young);
    }

    @Test
    void thePopulationEstimateIsAtLeastTheObservedCount() throws IOException {
        JsonNode json = new ObjectMapper().readTree(protectedReport.toJson());
        double estimate = json.at("/populationEstimate/estimate/estimate").asDouble();
        long observed = json.at("/populationEstimate/observed").asLong();
        assertTrue(estimate >= observed, estimate + " < " + observed);
        assertTrue(json.at("/populationEstimate/estimate/lower").asDouble() <= estimate);
    }

    @Test
    void anUnprotectedReportSaysSoAndWithholdsNothing() {
        MonitorReport raw = MonitorReport.of(sample, null);
        assertTrue(raw.toText().contains("NOT PROTECTED"));
        assertFalse(raw.tables().stream().anyMatch(ReportTable::isProtected));
        assertTrue(raw.tables().stream().allMatch(t -> t.suppressed() == 0));
        assertFalse(raw.toText().contains("Disclosure audit"));
    }
}
