package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.cli.MonitorCliTest.Run;
import org.tipmonitor.io.ResultJson;

/**
 * The command line's results as documents (issue 15): 'estimate' and 'report' write JSON that the published result
 * schema accepts, with the same shape for the same result; the report's CSV covers every section and table with
 * named header columns and lists every file it writes, charts included; withheld values stay withheld.
 */
class ResultDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ResultJson.schema(), InputFormat.JSON);

    @TempDir
    static Path dir;
    private static Path sample;
    private static JsonNode report;

    @BeforeAll
    static void writeTheSample() throws IOException {
        // a generated file smaller than the bundled sample, so that the four reports below stay quick
        sample = dir.resolve("sample.json");
        assertEquals(0, MonitorCliTest.run("generate", "--victims", "400", "--seed", "5", "--out",
                sample.toString()).status());
        Run run = MonitorCliTest.run("report", "--input", sample.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertValid(run.out());
        report = run.json();
    }

    private static void assertValid(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON, context -> context.setExecutionConfig(
                ExecutionConfig.builder().formatAssertionsEnabled(true).build()));
        assertEquals(List.of(), errors.stream().map(Error::toString).limit(5).toList());
    }

    private static Path ned() throws IOException {
        Path file = dir.resolve("ned.csv");
        if (!Files.exists(file)) {
            try (InputStream in = MonitorCli.class.getResourceAsStream(
                    "/org/tipmonitor/cli/data/ned-2010-2015.csv")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    @Test
    void theSchemaCommandPrintsTheResultSchema() throws IOException {
        Run run = MonitorCliTest.run("schema", "--results");
        assertEquals(0, run.status(), run.err());
        assertEquals(ResultJson.SCHEMA_ID, run.json().get("$id").asText());
        assertEquals(JSON.readTree(ResultJson.schema()), run.json());
    }

    @Test
    void everyEstimateDocumentIsValid() throws IOException {
        for (String[] options : new String[][] {{}, {"--ci", "none"}, {"--model", "independence", "--ci", "profile"},
            {"--model", "independence", "--ci", "bootstrap", "--replicates", "20"}}) {
            List<String> args = new ArrayList<>(List.of("estimate", "--counts", ned().toString(), "--format", "json"));
            args.addAll(List.of(options));
            Run run = MonitorCliTest.run(args.toArray(String[]::new));
            assertEquals(0, run.status(), run.err());
            assertValid(run.out());
        }
        Path apart = Files.writeString(dir.resolve("apart.csv"), "A,B,count\n1,0,5\n0,1,7\n");
        Run none = MonitorCliTest.run("estimate", "--counts", apart.toString(), "--format", "json");
        assertEquals(1, none.status());
        assertValid(none.out());
        assertEquals("not_estimable_mle_not_finite", none.json().at("/error/code").asText());
    }

    /**
     * The joint estimate with covariates and Rcapture's models side by side are result documents too: the schema
     * gives their shapes ({@code $defs/jointEstimate}, {@code $defs/modelComparison}), checked here on real output.
     */
    @Test
    void jointAndComparisonDocumentsAreValid() throws IOException {
        Path joint = dir.resolve("g-year.csv");
        if (!Files.exists(joint)) {
            try (InputStream in = ResultDocumentsTest.class.getResourceAsStream("three-lists-g-year.csv")) {
                Files.copy(in, joint);
            }
        }
        for (String[] options : new String[][] {{"--model", "bic"}, {"--model", "bic", "--ci", "none"},
            {"--ci", "bootstrap-selection", "--replicates", "20", "--seed", "4"},
            {"--model", "bic", "--search", "exhaustive", "--candidates", "A:B,A:g"}}) {
            List<String> args = new ArrayList<>(List.of("estimate", "--counts", joint.toString(), "--covariates",
                    "g,year", "--format", "json"));
            args.addAll(List.of(options));
            Run run = MonitorCliTest.run(args.toArray(String[]::new));
            assertEquals(0, run.status(), run.err());
            assertValid(run.out());
            assertTrue(run.json().has("byLevel") && run.json().has("total"), run.out());
        }
        Run rcapture = MonitorCliTest.run("estimate", "--counts", ned().toString(), "--model", "rcapture",
                "--format", "json");
        assertEquals(0, rcapture.status(), rcapture.err());
        assertValid(rcapture.out());
        assertTrue(rcapture.json().get("models").size() > 1, rcapture.out());
        // a document of one shape is not accepted as another: a joint estimate without its lists is invalid
        JsonNode broken = MonitorCliTest.run("estimate", "--counts", joint.toString(), "--covariates", "g,year",
                "--model", "bic", "--ci", "none", "--format", "json").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("lists");
        assertFalse(SCHEMA.validate(broken.toString(), InputFormat.JSON).isEmpty());
    }

    @Test
    void theReportsEstimateHasTheShapeAndValuesOfTheEstimateCommand() throws IOException {
        JsonNode pooled = report.get("populationEstimate");
        String period = pooled.get("period").asText();
        Run run = MonitorCliTest.run("estimate", "--input", sample.toString(), "--period", period, "--format",
                "json");
        assertEquals(0, run.status(), run.err());
        JsonNode estimate = run.json();
        Set<String> fields = new TreeSet<>();
        pooled.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("naivePooled", "period"));
        Set<String> estimateFields = new TreeSet<>();
        estimate.fieldNames().forEachRemaining(estimateFields::add);
        assertEquals(estimateFields, fields);
        assertTrue(pooled.get("lists").isArray(), "lists is an array in both (issue 15)");
        // the same stepwise model on the same linked registrations: the same numbers
        for (String field : List.of("/lists", "/observed", "/estimate", "/ci", "/model/formula", "/model/terms")) {
            assertEquals(estimate.at(field), pooled.at(field), field);
        }
    }

    @Test
    void theUnprotectedReportIsValidAndSaysSo() throws IOException {
        Run run = MonitorCliTest.run("report", "--input", sample.toString(), "--format", "json", "--no-protect");
        assertEquals(0, run.status(), run.err());
        assertValid(run.out());
        for (JsonNode table : run.json().get("tables")) {
            assertFalse(table.get("protected").asBoolean());
            table.get("rows").forEach(row -> assertEquals("published", row.get("status").asText()));
        }
    }

    @Test
    void everyTableHasNamedColumnsAndAWithheldCellNoCount() {
        int withheld = 0;
        for (JsonNode table : report.get("tables")) {
            List<String> columns = new ArrayList<>();
            table.get("columns").forEach(c -> columns.add(c.get("name").asText()));
            assertEquals(List.of("count", "status"), columns.subList(columns.size() - 2, columns.size()));
            for (JsonNode row : table.get("rows")) {
                List<String> names = new ArrayList<>();
                row.fieldNames().forEachRemaining(names::add);
                assertEquals(columns, names, table.get("name").asText());
                if (row.get("status").asText().equals("withheld")) {
                    withheld++;
                    assertTrue(row.get("count").isNull(), row.toString());
                }
            }
        }
        assertEquals(report.at("/disclosureAudit/withheldCells").asInt(), withheld);
    }

    @Test
    void theCsvCoversEverySectionAndTableAndListsEveryFile() throws IOException {
        Path out = dir.resolve("csv");
        Run run = MonitorCliTest.run("report", "--input", sample.toString(), "--format", "csv", "--out",
                out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> listed = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            assertTrue(line.startsWith("wrote " + out), line);
            listed.add(Path.of(line.substring("wrote ".length())).getFileName().toString());
        }
        List<String> onDisk;
        try (var files = Files.list(out)) {
            onDisk = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(onDisk, listed.stream().sorted().toList(), "every file written is listed, and only those");
        for (String chart : List.of("registrations-by-reporter", "police-signals-by-origin", "population-estimate")) {
            assertTrue(listed.contains(chart + ".png") && listed.contains(chart + ".svg"), chart);
        }
        // every table: its named columns as the header, a withheld cell empty beside status withheld
        int withheld = 0;
        for (JsonNode table : report.get("tables")) {
            List<CSVRecord> records = csv(out.resolve(table.get("name").asText() + ".csv"));
            List<String> header = new ArrayList<>();
            table.get("columns").forEach(c -> header.add(c.get("name").asText()));
            assertEquals(table.get("rows").size(), records.size());
            for (int i = 0; i < records.size(); i++) {
                assertEquals(header, new ArrayList<>(records.get(i).toMap().keySet()));
                JsonNode row = table.get("rows").get(i);
                assertEquals(row.get("count").isNull() ? "" : row.get("count").asText(), records.get(i).get("count"));
                if (records.get(i).get("status").equals("withheld")) {
                    withheld++;
                    assertEquals("", records.get(i).get("count"));
                }
            }
        }
        assertEquals(report.at("/disclosureAudit/withheldCells").asInt(), withheld);
        // every other section of the JSON has a file of its own (or files, for its arrays of objects)
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (section.getValue().isContainerNode() && !section.getKey().equals("tables")) {
                String file = section.getKey().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                assertTrue(listed.stream().anyMatch(f -> f.equals(file + ".csv") || f.startsWith(file + "-")),
                        section.getKey() + " in " + listed);
            }
        }
        // a section as field,value: the pooled estimate's lists and interval as the JSON has them
        Map<String, String> estimate = new java.util.HashMap<>();
        csv(out.resolve("population-estimate.csv")).forEach(r -> estimate.put(r.get("field"), r.get("value")));
        assertEquals("I;K;O;P;R;Z", estimate.get("lists"));
        assertEquals(report.at("/populationEstimate/ci/lower").asText(), estimate.get("ci.lower"));
        // the chain: one row a year, a withheld share empty beside its marker
        List<CSVRecord> chain = csv(out.resolve("offender-chain.csv"));
        assertEquals(report.get("offenderChain").size(), chain.size());
        Set<String> years = new HashSet<>();
        chain.forEach(r -> years.add(r.get("year")));
        assertEquals(chain.size(), years.size());
        for (int i = 0; i < chain.size(); i++) {
            JsonNode share = report.get("offenderChain").get(i).get("convictionShare");
            assertEquals(share.path("estimate").isNumber() ? share.get("estimate").asText() : "",
                    chain.get(i).get("convictionShare.estimate"));
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }
}
