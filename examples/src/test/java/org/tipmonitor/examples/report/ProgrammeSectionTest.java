package org.tipmonitor.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;

/** The "Programme progress" section on the bundled example of the letter's three police measures (issue 16). */
class ProgrammeSectionTest {

    static final String EXAMPLE = "/org/tipmonitor/examples/data/programme-samen-tegen-mensenhandel.json";

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
}
