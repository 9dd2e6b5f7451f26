package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.cli.synthetic.SyntheticMonitorData;

/** The command-line tool end to end: output, exit status and one-line errors. */
class MonitorCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The result of one run. */
    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = MonitorCli.run(args, o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path bundled(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = MonitorCli.class.getResourceAsStream("/org/tipmonitor/cli/data/" + name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    void estimateJsonReproducesSparseMseOnTheDutchTable() throws IOException {
        Run run = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode result = run.json();
        // SparseMSE::estimatepopulation.0(Ned): 111,139.371230396 (92,439.8581114246 - 133,991.467064263),
        // deviance 55.6557096058167 on 26 df, AIC 207.184861144466 (values from the project's reference notes).
        assertEquals(8234, result.get("observed").asLong());
        assertEquals(111139.371230396, result.get("estimate").asDouble(), 111139.37 * 1e-6);
        assertEquals(92439.8581114246, result.at("/ci/lower").asDouble(), 92439.86 * 1e-4);
        assertEquals(133991.467064263, result.at("/ci/upper").asDouble(), 133991.47 * 1e-4);
        assertEquals(55.6557096058167, result.at("/model/deviance").asDouble(), 1e-6);
        assertEquals(26, result.at("/model/df").asInt());
        assertEquals(207.184861144466, result.at("/model/aic").asDouble(), 1e-6);
        assertEquals(0.95, result.at("/ci/level").asDouble());
        assertTrue(result.at("/model/terms").toString().contains("\"K:R\""), result.toString());
        assertEquals(result.get("estimate").asDouble() - 8234, result.get("unobserved").asDouble(), 1e-6);
    }

    @Test
    void independenceWithProfileIntervalReproducesRcapture() throws IOException {
        Run run = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--model", "independence",
                "--ci", "profile", "--format", "json");
        assertEquals(0, run.status(), run.err());
        // Rcapture::closedpCI.t(Ned, dfreq = TRUE, m = "Mt"): 52,814.0812876975 (48,541.5779810742 - 57,648.304613425)
        assertEquals(52814.0812876975, run.json().get("estimate").asDouble(), 52814.08 * 1e-6);
        assertEquals(48541.5779810742, run.json().at("/ci/lower").asDouble(), 48541.58 * 2e-3);
        assertEquals(57648.304613425, run.json().at("/ci/upper").asDouble(), 57648.30 * 2e-3);
    }

    @Test
    void noEstimateIsAJsonErrorWithStatusOne() throws IOException {
        // Two lists that never overlap: no finite estimate of the unobserved count exists.
        Path table = dir.resolve("disjoint.csv");
        Files.writeString(table, "A,B,C,count\n1,0,0,30\n0,1,0,25\n0,0,1,20\n1,0,1,5\n0,1,1,4\n");
        Run run = run("estimate", "--counts", table.toString(), "--model", "A + B + C + A:B + A:C + B:C",
                "--format", "json");
        assertEquals(1, run.status(), run.out() + run.err());
        JsonNode error = run.json().get("error");
        assertTrue(error.get("code").asText().startsWith("not_estimable"), run.out());
        assertTrue(error.get("message").asText().contains("A:B"), run.out());
    }

    @Test
    void usageErrorsAreOneLineWithStatusTwo() throws IOException {
        Run run = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--format", "xml");
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("monitor: TM-CLI-001: Invalid value for option '--format'"), run.err());

        Run missing = run("validate", dir.resolve("absent.json").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        Run formula = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--model", "P + Q");
        assertEquals(1, formula.status());
        assertTrue(formula.err().contains("TM-MSE-20"), formula.err());
    }

    @Test
    void generatedFilesValidateAndTheBundledSampleIsWhatTheGeneratorWrites() throws IOException {
        Path file = dir.resolve("small.json");
        Run generate = run("generate", "--victims", "400", "--seed", "5", "--out", file.toString());
        assertEquals(0, generate.status(), generate.err());
        Run validate = run("validate", file.toString(), "--format", "json");
        assertEquals(0, validate.status(), validate.out());
        JsonNode report = validate.json();
        assertTrue(report.get("valid").asBoolean());
        JsonNode counts = report.at("/files/0/report/counts");
        assertTrue(counts.toString().contains("registrations"), counts.toString());

        ByteArrayOutputStream regenerated = new ByteArrayOutputStream();
        GenerateCommand.write(SyntheticMonitorData.of(20191018L).withRegisteredVictims(5133), regenerated,
                20191018L, false);
        try (InputStream in = MonitorCli.class.getResourceAsStream(
                "/org/tipmonitor/cli/data/synthetic-monitor.json")) {
            assertArrayEquals(in.readAllBytes(), regenerated.toByteArray(),
                    "regenerate with: monitor generate --victims 5133 --seed 20191018 --out ...");
        }
    }

    @Test
    void validateReportsProblemsWithStatusOne() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"formatVersion\": \"1.0\", \"dataset\": {\"id\": \"x\"");
        Run run = run("validate", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().contains("INVALID"), run.out());
        assertTrue(run.out().contains("TM-IO-"), run.out());
    }

    @Test
    void estimateFromLinkedRegistrationsOfTheSample() throws IOException {
        Run run = run("estimate", "--input", bundled("synthetic-monitor.json").toString(), "--period", "2014-2018",
                "--model", "independence", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode result = run.json();
        assertEquals("[\"I\",\"K\",\"O\",\"P\",\"R\",\"Z\"]", result.get("lists").toString());
        assertTrue(result.get("estimate").asDouble() >= result.get("observed").asDouble());
        assertTrue(result.get("observed").asLong() > 4500, result.toString());
    }

    /** Issue 4: with R's random numbers the stepwise bootstrap gives SparseMSE's interval to the digit. */
    @Test
    void estimateWithRsRandomNumbers() throws IOException {
        Run run = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--ci",
                "bootstrap-selection", "--random", "r", "--seed", "1234", "--format", "json");
        assertEquals(0, run.status(), run.err());
        // SparseMSE::estimatepopulation(z, nboot = 1000), seed 1234: 45,758.9 - 171,107.9
        assertEquals(45758.9, run.json().get("ci").get("lower").asDouble(), 0.05);
        assertEquals(171107.9, run.json().get("ci").get("upper").asDouble(), 0.05);
        Run parametric = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--ci", "bootstrap",
                "--random", "r");
        assertEquals(2, parametric.status());
        assertTrue(parametric.err().contains("--random r reproduces R's nonparametric bootstraps"),
                parametric.err());
    }

    /** Issue 4: Rcapture's models side by side, as closedp.t prints them. */
    @Test
    void estimateComparesRcapturesModels() throws IOException {
        Run run = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--model", "rcapture",
                "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode models = run.json().get("models");
        assertEquals(10, models.size());
        // Rcapture::closedp.t(z, dfreq = TRUE): M0 67871.9439848274, Mt 52823.4639331113
        assertEquals("M0", models.get(0).get("model").asText());
        assertEquals(67871.9439848274, models.get(0).get("estimate").asDouble(), 67871.94 * 1e-6);
        JsonNode mt = models.get(1);
        assertEquals(52823.4639331113, mt.get("estimate").asDouble(), 52823.46 * 1e-6);
        // SparseMSE's Wald-log interval of the independence model (data README): 48,523.90 - 57,581.85
        assertEquals(48523.90, mt.get("ci").get("lower").asDouble(), 0.01);
        assertEquals(57581.85, mt.get("ci").get("upper").asDouble(), 0.01);

        Run text = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--model", "rcapture");
        assertTrue(text.out().contains("Mth Chao (LB)"), text.out());
        assertTrue(text.out().contains("lower"), text.out());
        Run none = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--model", "rcapture",
                "--ci", "none");
        assertTrue(!none.out().contains("lower") && none.out().contains("Mth Darroch"), none.out());
        Run profile = run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(), "--model", "rcapture",
                "--ci", "profile");
        assertEquals(2, profile.status());
    }

    /** Issue 4: "minors of domestic sexual exploitation" is a level of minor crossed with form. */
    @Test
    void estimateByCovariatesFitsOneJointModel() throws IOException {
        // Issue 11: --by fits one model over the lists and the covariates, with list x covariate terms, not a
        // main-effect scaling of every level by one factor.
        Run crossed = run("estimate", "--input", bundled("synthetic-monitor.json").toString(), "--period",
                "2014-2018", "--by", "minor,form", "--merge", "form=organ_removal+other", "--model", "independence",
                "--format", "json");
        assertEquals(0, crossed.status(), crossed.err());
        JsonNode result = crossed.json();
        assertEquals("em", result.get("unknownValues").asText());
        assertTrue(result.get("model").get("terms").toString().contains("\"P:minor\""), result.toString());
        JsonNode minor = result.get("byLevel").get("minor");
        double adultFactor = minor.get(0).get("estimate").asDouble() / minor.get(0).get("observed").asDouble();
        double minorFactor = minor.get(1).get("estimate").asDouble() / minor.get(1).get("observed").asDouble();
        assertTrue(Math.abs(adultFactor - minorFactor) > 0.5, adultFactor + " " + minorFactor);
        double observed = 0;
        for (JsonNode level : minor) {
            observed += level.get("observed").asDouble();
        }
        assertEquals(result.get("total").get("observed").asDouble(), observed, 1e-6);
        assertEquals(result.get("total").get("estimate").asDouble(), minor.get(0).get("estimate").asDouble()
                + minor.get(1).get("estimate").asDouble(), 1e-6);
        assertEquals(2 * 5, result.get("byCrossing").size(), result.get("byCrossing").toString());
        // Without the merge, organ removal is seen by too few lists: the refusal names the cell.
        Run unmerged = run("estimate", "--input", bundled("synthetic-monitor.json").toString(), "--period",
                "2014-2018", "--by", "minor,form", "--model", "independence", "--format", "json");
        assertEquals(1, unmerged.status());
        assertTrue(unmerged.out().contains("form=organ_removal"), unmerged.out());

        Run twice = run("estimate", "--input", bundled("synthetic-monitor.json").toString(), "--by", "form,form");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("--by names a covariate twice: form,form"), twice.err());

        Run profile = run("estimate", "--input", bundled("synthetic-monitor.json").toString(), "--by", "minor",
                "--ci", "profile");
        assertEquals(2, profile.status());
        assertTrue(profile.err().contains("--ci profile is not available for models with covariates"),
                profile.err());
    }

    @Test
    void estimateFromACountsTableWithCovariateColumns() throws IOException {
        // R's data-frame layout (a copy of the table that monitor-indicators/src/test/python/covariate_models.py
        // writes); the fixed model's total equals that script's independent scipy maximisation of the Poisson
        // likelihood, N = 507.945454545.
        Path csv = dir.resolve("g-year.csv");
        try (var in = MonitorCliTest.class.getResourceAsStream("three-lists-g-year.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        Run run = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--model",
                "A + B + C + g + year + A:B + A:g + B:year", "--share", "g=x", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode result = run.json();
        assertEquals(507.945454545, result.get("total").get("estimate").asDouble(), 1e-6);
        assertEquals(280.727272727 / 507.945454545, result.get("shares").get(0).get("estimate").asDouble(), 1e-9);
        assertEquals("x", result.get("model").get("referenceLevels").get("g").asText());

        Run text = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--reference", "g=y");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Reference levels: {g=y, year=2016}"), text.out());
        assertTrue(text.out().contains("Model chosen by: BIC stepwise over the list pairs, every list x covariate"
                + " term kept"), text.out());

        Run boot = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--model",
                "A + B + C + g + year + A:B + A:g + B:year", "--ci", "bootstrap", "--replicates", "50", "--seed", "3",
                "--format", "json");
        assertEquals(0, boot.status(), boot.err());
        JsonNode b = boot.json();
        assertEquals("bootstrap-percentile", b.get("ci").get("method").asText());
        assertEquals(50, b.get("ci").get("replicates").asInt());
        assertEquals(507.945454545, b.get("total").get("estimate").asDouble(), 1e-6);
        assertTrue(b.get("total").get("lower").asDouble() < 507.9 && b.get("total").get("upper").asDouble() > 508);
        Run fewReplicates = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--ci",
                "bootstrap", "--replicates", "5");
        assertEquals(2, fewReplicates.status());

        Run badReference = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--reference",
                "g=z");
        assertEquals(2, badReference.status());
        assertTrue(badReference.err().contains("TM-MSE-515"), badReference.err());
        Run badFormula = run("estimate", "--counts", csv.toString(), "--covariates", "g,year", "--model",
                "A + B + C + g + year + A:h");
        assertEquals(2, badFormula.status());
        assertTrue(badFormula.err().contains("TM-MSE-522"), badFormula.err());
        Run badColumn = run("estimate", "--counts", csv.toString(), "--covariates", "h");
        assertEquals(2, badColumn.status());
        assertTrue(badColumn.err().contains("TM-MSE-503"), badColumn.err());
    }

    @Test
    void schemaCarriesItsId() {
        Run run = run("schema");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("https://schemas.tipmonitor.org/exchange/v1/exchange.schema.json"));
    }

    @Test
    void reportOnTheBundledSampleWritesTextAndCharts() throws Exception {
        Path out = dir.resolve("report");
        Run run = run("report", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.contains("Registrations by year and exploitation form (organ removal, other and unknown forms"
                + " together) (registrations, protected)"), text);
        assertTrue(text.contains("Disclosure audit: "), text);
        // Every chart in both formats (issue 15): PNG by its signature, SVG parsed as XML.
        for (String chart : new String[] {"registrations-by-reporter", "police-signals-by-origin",
            "minors-domestic-sexual", "population-estimate"}) {
            byte[] png = Files.readAllBytes(out.resolve(chart + ".png"));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', chart);
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            assertEquals("svg", factory.newDocumentBuilder().parse(out.resolve(chart + ".svg").toFile())
                    .getDocumentElement().getTagName(), chart);
        }
    }

    @Test
    void reportAsJsonAndCsv() throws IOException {
        Run json = run("report", "--format", "json", "--no-protect");
        assertEquals(0, json.status(), json.err());
        assertEquals(false, json.json().get("protected").asBoolean());

        Run csv = run("report", "--format", "csv");
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.out().startsWith("# registrations-by-year-form\nyear,exploitationForm,count,status\n"),
                csv.out().substring(0, 200));
        assertTrue(csv.out().contains(",,x\n"), "withheld cells are empty with status x");
    }

    @Test
    void badInputGetsOneLineAndTheRightStatus() throws IOException {
        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, "{\"formatVersion\": \"1.0\", [");
        Run report = run("report", "--input", malformed.toString());
        // Issue 13: bad data ends with 1, usage and I/O errors with 2.
        assertEquals(1, report.status(), report.out());
        assertTrue(report.err().startsWith("monitor: TM-IO-0054: "), report.err());
        assertEquals(1, report.err().strip().lines().count(), report.err());

        Path counts = dir.resolve("bad.csv");
        Files.writeString(counts, "A,B,count\n1,0,5\n2,1,3\n");
        Run estimate = run("estimate", "--counts", counts.toString());
        assertEquals(1, estimate.status());
        assertTrue(estimate.err().contains("Line 3"), estimate.err());
        assertEquals(1, estimate.err().strip().lines().count(), estimate.err());

        Run unknown = run("report", "--colour");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("monitor: TM-CLI-001: Unknown option: '--colour'"), unknown.err());
    }
}
