package org.tipmonitor.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;

/** The "Programme progress" section on the bundled example of the letter's three police measures (issue 16). */
class ProgrammeSectionTest {

    static final String EXAMPLE = "/org/tipmonitor/cli/data/programme-samen-tegen-mensenhandel.json";

    @Test
    void theLettersPoliceMeasuresAreUnderWayNoneImplemented() throws Exception {
        MonitorData data;
        try (InputStream in = ProgrammeSectionTest.class.getResourceAsStream(EXAMPLE)) {
            data = MonitorData.load(in);
        }
        assertTrue(data.report().isValid(), data.report().toText());
        assertEquals(3, data.programmeMeasures().size());
        MonitorReport report = MonitorReport.of(data, DisclosurePolicy.withDefaults());
        JsonNode json = new ObjectMapper().readTree(report.toJson()).get("programmeProgress");
        assertEquals("2019-11-28", json.get("asOf").asText());
        assertEquals(3, json.at("/byOrganisation/Nationale Politie/under_way").asLong());
        assertEquals(0, json.at("/byOrganisation/Nationale Politie/implemented_on_time").asLong());
        for (JsonNode measure : json.get("byMeasure")) {
            assertEquals("partly_implemented", measure.get("status").asText());
            assertTrue(measure.get("implemented") == null, "none fully implemented, as the letter says");
        }
        assertTrue(report.toText().contains("As of 2019-11-28 (default: the last day of the dataset period)"));
    }

    @Test
    void aFileWithoutMeasuresSaysSo() {
        ProgrammeSection section = ProgrammeSection.of(MonitorData.sample());
        assertEquals(java.util.List.of("No programme measures in the file."), section.lines());
    }

    /**
     * Beside each measure, the latest value of each linked indicator as the report published it (issue 16): the
     * bundled sample's records with the letter's measures. The expected values are counted here from the records
     * and checked against the protected tables' published cells.
     */
    @Test
    void eachMeasureShowsItsIndicatorsLatestPublishedValues() throws Exception {
        MonitorData sample = MonitorData.sample();
        MonitorData measures;
        try (InputStream in = ProgrammeSectionTest.class.getResourceAsStream(EXAMPLE)) {
            measures = MonitorData.load(in);
        }
        MonitorData data = new MonitorData(sample.dataset(), sample.victims(), sample.offenders(),
                sample.policeSignals(), sample.report(), sample.policeReports(), measures.programmeMeasures(),
                sample.residenceHistories());
        MonitorReport report = MonitorReport.of(data, DisclosurePolicy.withDefaults());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        long signals2018 = sample.policeSignals().stream().filter(c -> c.year() == 2018
                && c.series() == org.tipmonitor.model.PoliceSeries.IDENTIFIED_VICTIMS)
                .mapToLong(org.tipmonitor.model.PoliceSignalCount::count).sum();
        long police2018 = sample.registrations().stream().filter(r -> r.reportYear() == 2018
                && r.reporterType() == org.tipmonitor.model.ReporterType.POLICE).count();
        JsonNode webcrawler = json.at("/programmeProgress/byMeasure/0/outcomeValues");
        assertEquals("police-signals", webcrawler.get(0).get("indicator").asText());
        assertEquals("2018", webcrawler.get(0).get("period").asText());
        assertEquals(signals2018, webcrawler.get(0).get("value").asLong());
        assertEquals("registrations-by-reporter", webcrawler.get(1).get("indicator").asText());
        assertEquals(police2018, webcrawler.get(1).get("value").asLong());
        JsonNode followUp = json.at("/programmeProgress/byMeasure/1/outcomeValues/1");
        assertEquals("police-report-follow-up", followUp.get("indicator").asText());
        JsonNode lastShare = null;
        for (JsonNode share : json.at("/policeReportFollowUp/shares")) {
            if ("all".equals(share.get("group").asText()) && share.get("windowMonths").asInt() == 12
                    && "prosecutor_registration".equals(share.get("stage").asText()) && share.get("estimate").isNumber()) {
                lastShare = share;
            }
        }
        assertEquals(lastShare.get("year").asText(), followUp.get("period").asText());
        assertEquals(lastShare.get("estimate").asDouble(), followUp.get("value").asDouble(), 0.0);
        String text = report.toText();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "np-webcrawler            police-signals"
                + "             2018: %,d (presumed victims identified by the police", signals2018)), text);
        // Every catalogued indicator has a headline on the sample.
        var headlines = Headlines.of((com.fasterxml.jackson.databind.node.ObjectNode) json);
        for (var headline : headlines.values()) {
            assertTrue(headline.json().has("period"), headline.toString());
        }
    }
}
