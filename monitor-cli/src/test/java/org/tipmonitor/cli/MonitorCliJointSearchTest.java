package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, items 3 and 5 on the command line: {@code --search exhaustive} with {@code --candidates} and
 * {@code --max-models}, and {@code --ci bootstrap-selection} for models with covariates.
 */
class MonitorCliJointSearchTest {

    @TempDir
    Path dir;

    private Path csv;

    /** The result of one run. */
    record Run(int status, String out, String err) {

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = MonitorCli.run(args, o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void table() throws IOException {
        csv = dir.resolve("g-year.csv");
        try (var in = MonitorCliJointSearchTest.class.getResourceAsStream("three-lists-g-year.csv")) {
            Files.write(csv, in.readAllBytes());
        }
    }

    @Test
    void exhaustiveSearchOverDeclaredCandidates() throws IOException {
        // 4 candidates of order two: 16 hierarchical subsets, all fitted.
        Run run = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--model", "bic",
                "--search", "exhaustive", "--candidates", "A:B,A:g,B:year,C:g", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode r = run.json();
        assertTrue(r.get("chosenBy").asText().startsWith("BIC exhaustive from the baseline"), r.toString());
        assertTrue(r.get("chosenBy").asText().contains("(16 models fitted, at most 4096)"), r.toString());
        assertEquals(5, r.get("sensitivity").size());
        double best = r.get("sensitivity").get(0).get("criterion").asDouble();
        assertEquals(r.get("model").get("bic").asDouble(), best, 1e-9);

        Run tooMany = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--search",
                "exhaustive", "--max-models", "100");
        assertEquals(2, tooMany.status());
        assertTrue(tooMany.err().contains("TM-MSE-540 Exhaustive search over 9 candidate terms would fit 512"),
                tooMany.err());
        Run candidatesWithPairs = run("estimate", "--counts", csv.toString(), "--covariates", "g,year",
                "--candidates", "A:B");
        assertEquals(2, candidatesWithPairs.status());
        assertTrue(candidatesWithPairs.err().contains("--candidates needs"), candidatesWithPairs.err());
        Run limitWithoutExhaustive = run("estimate", "--counts", csv.toString(), "--covariates", "g,year",
                "--max-models", "10");
        assertEquals(2, limitWithoutExhaustive.status());
        Run badLimit = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--search",
                "exhaustive", "--max-models", "0");
        assertEquals(2, badLimit.status());
    }

    @Test
    void bootstrapReRunningTheSelection() throws IOException {
        Run run = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--ci",
                "bootstrap-selection", "--replicates", "30", "--seed", "4", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode ci = run.json().get("ci");
        assertEquals("bootstrap-selection-percentile", ci.get("method").asText());
        assertEquals(30, ci.get("replicates").asInt());
        int chosen = 0;
        for (JsonNode n : ci.get("modelsChosen")) {
            chosen += n.asInt();
        }
        assertEquals(30, chosen + ci.get("failedReplicates").asInt());
        assertTrue(ci.get("description").asText().startsWith("nonparametric bootstrap re-running the selection"),
                ci.toString());
        JsonNode total = run.json().get("total");
        assertTrue(total.get("lower").asDouble() < total.get("estimate").asDouble()
                && total.get("estimate").asDouble() < total.get("upper").asDouble(), total.toString());

        Run text = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--ci",
                "bootstrap-selection", "--replicates", "20", "--seed", "4");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Intervals: 95%, nonparametric bootstrap re-running the selection in every"
                + " replicate (persons resampled, n fixed), percentile, 20 replicates (seed 4), "), text.out());
        assertTrue(text.out().contains("Models chosen in the replicates ("), text.out());

        // A fixed model has no selection to re-run: refused, not replaced by another bootstrap.
        Run fixed = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--model",
                "A + B + C + g + year + A:B", "--ci", "bootstrap-selection");
        assertEquals(2, fixed.status());
        assertTrue(fixed.err().contains("--ci bootstrap-selection re-runs the model selection"), fixed.err());
        Run few = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--ci",
                "bootstrap-selection", "--replicates", "5");
        assertEquals(2, few.status());
    }
}
