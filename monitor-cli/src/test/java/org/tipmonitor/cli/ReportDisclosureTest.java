package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.cli.report.MonitorData;
import org.tipmonitor.cli.report.MonitorReport;
import org.tipmonitor.cli.synthetic.SyntheticMonitorData;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;

/**
 * The protected report on generated datasets of 150 to 1,000 victims (issue 12): its linked set passes the audit with
 * the policy's margin and every stated fact, and no count printed outside the tables is between 1 and 9.
 */
class ReportDisclosureTest {

    private static final Set<String> COUNT_FIELDS = Set.of("successes", "trials", "unknown", "registered",
            "summons", "dismissed", "convicted", "before", "after", "from", "to");

    static Stream<Arguments> datasets() {
        List<Arguments> cases = new ArrayList<>();
        int[] victims = {150, 300, 600, 1000};
        for (int i = 0; i < victims.length; i++) {
            long seed = 1200 + i;
            cases.add(Arguments.of("seed=" + seed + " victims=" + victims[i], seed, victims[i]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void everyPrintedNumberObeysThePolicy(String name, long seed, int victims) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        GenerateCommand.write(SyntheticMonitorData.of(seed).withRegisteredVictims(victims), file, seed, false);
        MonitorData data = MonitorData.load(new ByteArrayInputStream(file.toByteArray()));
        MonitorReport report = MonitorReport.of(data, DisclosurePolicy.withDefaults());
        assertTrue(report.auditPassed(), report.toText());
        assertTrue(report.toText().contains("Disclosure audit: passed (linked set of "), report.toText());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertTrue(json.at("/disclosureAudit/passed").asBoolean());
        assertTrue(json.at("/disclosureAudit/protectionMargin").asLong() == 10);
        List<String> small = new ArrayList<>();
        for (String section : new String[] {"registrations", "legalBasis", "minorsShare", "offendersUnder23",
                "offenderChain"}) {
            collectSmall(section, json.get(section), small);
        }
        assertTrue(small.isEmpty(), () -> "counts 1-9 printed: " + small);
        // a decomposition sentence is either stated (and audited) or withheld with its reason
        JsonNode police = json.get("policeSignals");
        assertTrue(police.has("soleDriver") || police.has("soleDriverWithheld")
                || report.toText().contains("No single group drove the change."), report.toText());
    }

    private static void collectSmall(String path, JsonNode node, List<String> small) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (COUNT_FIELDS.contains(e.getKey()) && v.isIntegralNumber() && v.asLong() > 0 && v.asLong() < 10) {
                    small.add(path + "/" + e.getKey() + "=" + v.asLong());
                }
                collectSmall(path + "/" + e.getKey(), v, small);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSmall(path + "/" + i, node.get(i), small);
            }
        }
    }
}
