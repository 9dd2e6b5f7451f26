package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import org.tipmonitor.indicators.offenders.ChainCrossSection;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.PoissonTrend;
import org.tipmonitor.indicators.trends.PoissonTrendFit;
import org.tipmonitor.indicators.trends.TrendEstimate;
import org.tipmonitor.indicators.trends.TrendNotEstimable;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.VerdictOutcome;

/**
 * The result codec (issue 15): each result in its documented shape with the values of the Java result exactly, the
 * disclosure policy kept (a withheld value is null with its marker, never the count), and every document valid
 * against the published result schema; the golden result documents (checked outside Java by ajv and Python's
 * jsonschema too) pass or fail as their folder says.
 */
class ResultJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ResultJson.schema(), InputFormat.JSON);
    private static final Path GOLDEN = Path.of("src/test/resources/org/tipmonitor/io/results");

    static List<Error> schemaErrors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON,
                context -> context.setExecutionConfig(ExecutionConfig.builder().formatAssertionsEnabled(true).build()));
    }

    private static void assertValid(String json) {
        assertEquals(List.of(), schemaErrors(json).stream().map(Error::toString).toList(), json);
    }

    /** A report document holding result fragments, as the command line's report places them. */
    private static String report(String field, String fragment) throws IOException {
        ObjectNode doc = JSON.createObjectNode().put("dataset", "d").put("protected", true)
                .put("libraryVersion", "test");
        doc.set(field, JSON.readTree(fragment));
        return doc.toString();
    }

    private static CaptureHistories ned() throws IOException {
        try (InputStream in = ResultJsonTest.class.getResourceAsStream("results/Ned.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CaptureHistories.fromCsv(reader);
        }
    }

    @Test
    void theSchemaIsPublishedBesideTheExchangeSchema() throws IOException {
        JsonNode schema = JSON.readTree(ResultJson.schema());
        assertEquals(ResultJson.SCHEMA_ID, schema.get("$id").asText());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertTrue(ResultJson.SCHEMA_RESOURCE.startsWith(ExchangeFormat.SCHEMA_RESOURCE.substring(0,
                ExchangeFormat.SCHEMA_RESOURCE.lastIndexOf('/') + 1)));
        for (String def : List.of("estimate", "share", "table", "trend", "chainYear", "interval", "report")) {
            assertTrue(schema.get("$defs").has(def), def);
        }
    }

    @Test
    void anEstimateOfTheDutchTableHasItsValuesAndTheSchemasShape() throws IOException {
        CaptureHistories table = ned();
        EstimationOutcome outcome = LogLinearEstimator.withDefaults().estimate(table,
                StepwiseSelection.withDefaults().select(table).model());
        Estimate e = (Estimate) outcome;
        String text = ResultJson.withDefaults().estimate(outcome);
        assertValid(text);
        JsonNode json = JSON.readTree(text);
        // SparseMSE::estimatepopulation.0(Ned): 111,139.371230396 (92,439.8581114246 - 133,991.467064263), deviance
        // 55.6557096058167 on 26 df (the reference of MonitorCliTest); the JSON carries the Java values exactly.
        assertEquals(111139.371230396, json.get("estimate").asDouble(), 111139.37 * 1e-6);
        assertEquals(e.estimate(), json.get("estimate").asDouble(), 0.0);
        assertEquals(e.observed(), json.get("observed").asLong());
        assertEquals(e.unobserved(), json.get("unobserved").asDouble(), 0.0);
        assertEquals(e.standardError(), json.get("standardError").asDouble(), 0.0);
        assertEquals(e.interval().lower(), json.at("/ci/lower").asDouble(), 0.0);
        assertEquals(e.interval().upper(), json.at("/ci/upper").asDouble(), 0.0);
        assertEquals(0.95, json.at("/ci/level").asDouble(), 0.0);
        assertEquals(e.interval().method().name().toLowerCase(java.util.Locale.ROOT), json.at("/ci/method").asText());
        assertEquals("[\"I\",\"K\",\"O\",\"P\",\"R\",\"Z\"]", json.get("lists").toString());
        assertEquals(e.fit().orElseThrow().formula(), json.at("/model/formula").asText());
        assertEquals(26, json.at("/model/df").asInt());
        assertEquals(55.6557096058167, json.at("/model/deviance").asDouble(), 1e-6);
        assertTrue(json.at("/model/terms").toString().contains("\"K:R\""), text);
        assertEquals(e.warnings().size(), json.get("warnings").size());
        assertEquals(e.provenance().definitions().get("model"), json.at("/provenance/definitions/model").asText());
        // the shape is one line unless indentation is asked for, with the same content
        assertFalse(text.contains("\n"));
        assertEquals(json, JSON.readTree(ResultJson.withDefaults().withIndentation(true).estimate(outcome)));
    }

    /** Issue 15: a plain ObjectMapper, without any module, writes an Estimate (no Optional component). */
    @Test
    void issue15PlainObjectMapperWritesAnEstimate() throws IOException {
        CaptureHistories table = ned();
        Estimate e = (Estimate) LogLinearEstimator.withDefaults().estimate(table, "I + K + O + P + R + Z");
        JsonNode plain = JSON.readTree(new ObjectMapper().writeValueAsString(e));
        assertEquals(e.estimate(), plain.get("estimate").asDouble(), 0.0);
        assertEquals("I + K + O + P + R + Z", plain.at("/modelFit/formula").asText());
        assertTrue(e.fit().isPresent());
        Estimate withoutFit = new Estimate("chao", List.of("A", "B"), 10, 12.5, 1.0,
                new ConfidenceInterval(10.5, 16.0, 0.95, e.interval().method()), Optional.empty(), List.of(),
                Provenance.of("chao"));
        assertTrue(JSON.readTree(new ObjectMapper().writeValueAsString(withoutFit)).get("modelFit").isNull());
        assertEquals(Optional.empty(), withoutFit.fit());
        assertEquals(null, withoutFit.modelFit());
    }

    @Test
    void anInfiniteLimitIsNullWithItsReasonAndAnEstimateWithoutAModelHasNoModel() throws IOException {
        Estimate e = new Estimate("chao", List.of("A", "B"), 10, 12.5, 1.0,
                new ConfidenceInterval(10.5, Double.POSITIVE_INFINITY, 0.95,
                        ((Estimate) LogLinearEstimator.withDefaults().estimate(ned(), "I + K + O + P + R + Z")).interval().method()),
                Optional.empty(), List.of("a warning"), Provenance.of("chao"));
        String text = ResultJson.withDefaults().estimate(e);
        assertValid(text);
        JsonNode json = JSON.readTree(text);
        assertTrue(json.at("/ci/upper").isNull(), text);
        assertEquals("the interval has no finite upper limit at this level", json.at("/ci/upperMissing").asText());
        assertEquals(10.5, json.at("/ci/lower").asDouble(), 0.0);
        assertFalse(json.has("model"), text);
        assertFalse(text.contains("Infinity"), text);
    }

    @Test
    void withoutIntervalsTheCiHasOnlyMethodNoneAndTheLevel() throws IOException {
        CaptureHistories table = ned();
        String text = ResultJson.withDefaults().withIntervals(false)
                .estimate(LogLinearEstimator.withDefaults().withConfidenceLevel(0.9).estimate(table,
                        "I + K + O + P + R + Z"));
        assertValid(text);
        assertEquals("{\"method\":\"none\",\"level\":0.9}", JSON.readTree(text).get("ci").toString());
    }

    @Test
    void anOutcomeThatIsNotAnEstimateIsAnErrorWithAStableCode() throws IOException {
        // Two lists that never overlap: the MLE of the unobserved count is not finite.
        CaptureHistories table = CaptureHistories.fromCsv("A,B,count\n1,0,5\n0,1,7\n");
        String text = ResultJson.withDefaults().estimate(LogLinearEstimator.withDefaults().estimate(table, "A + B"));
        assertValid(text);
        JsonNode json = JSON.readTree(text);
        assertEquals("not_estimable_mle_not_finite", json.at("/error/code").asText());
        assertEquals("[\"A\",\"B\"]", json.get("lists").toString());
        assertFalse(json.has("estimate"));
    }

    @Test
    void aShareHasItsValuesAndUnderThePolicyIsWithheldWithoutItsCounts() throws IOException {
        ShareEstimate share = ShareEstimator.withDefaults().estimate(40, 100, 12);
        org.tipmonitor.indicators.shares.Share s = (org.tipmonitor.indicators.shares.Share) share;
        JsonNode json = JSON.readTree(ResultJson.withDefaults().share(share));
        assertEquals(40, json.get("successes").asLong());
        assertEquals(s.trials(), json.get("trials").asLong());
        assertEquals(12, json.get("unknown").asLong());
        assertEquals(s.estimate(), json.get("estimate").asDouble(), 0.0);
        assertEquals(s.lower(), json.get("lower").asDouble(), 0.0);
        assertEquals(s.upper(), json.get("upper").asDouble(), 0.0);
        assertEquals(s.method().name().toLowerCase(java.util.Locale.ROOT), json.get("method").asText());
        assertTrue(json.get("defined").asBoolean());
        ResultJson protecting = ResultJson.withDefaults().withPolicy(DisclosurePolicy.withDefaults());
        // the same share passes the threshold rule (40, 60 and 12 are each 0 or at least 10)
        assertEquals(json, JSON.readTree(protecting.share(share)));
        // numerator, rest of the denominator, unknowns: each between 1 and 9 withholds the share
        for (long[] counts : new long[][] {{3, 100, 0}, {97, 100, 0}, {40, 100, 4}}) {
            String text = protecting.share(ShareEstimator.withDefaults().estimate(counts[0], counts[1], counts[2]));
            assertValid(report("minorsShare", "{\"labour\":" + text + "}"));
            JsonNode withheld = JSON.readTree(text);
            assertTrue(withheld.get("estimate").isNull(), text);
            assertEquals("a count between 1 and 9", withheld.get("withheld").asText());
            assertEquals(List.of("defined", "estimate", "withheld"), names(withheld), text);
        }
        String undefined = protecting.share(ShareEstimator.withDefaults().estimate(0, 0, 5));
        assertEquals("{\"defined\":false,\"estimate\":null}", undefined);
        assertValid(report("minorsShare", "{\"labour\":" + ResultJson.withDefaults().share(share) + ",\"criminal\":"
                + undefined + "}"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static CountTable yearByForm() {
        return CountTable.of(CountingUnit.REGISTRATIONS, List.of(Dimension.of("year", "2017", "2018"),
                Dimension.of("form", "labour", "criminal")), 40, 3, 55, 61);
    }

    @Test
    void aProtectedTableHasNamedColumnsAndWithholdsWithoutTheCount() throws IOException {
        ProtectedTable table = DisclosurePolicy.withDefaults().protect(yearByForm());
        String text = ResultJson.withDefaults().withPolicy(DisclosurePolicy.withDefaults())
                .table("by-year-form", "Registrations by year and form", table);
        assertValid(report("tables", "[" + text + "]"));
        JsonNode json = JSON.readTree(text);
        assertEquals("[{\"name\":\"year\",\"type\":\"string\"},{\"name\":\"form\",\"type\":\"string\"},"
                + "{\"name\":\"count\",\"type\":\"integer\"},{\"name\":\"status\",\"type\":\"string\"}]",
                json.get("columns").toString());
        assertEquals("registrations", json.get("unit").asText());
        assertTrue(json.get("protected").asBoolean());
        JsonNode rows = json.get("rows");
        assertEquals(3 * 3, rows.size(), "four cells and five margins");
        assertEquals(List.of("year", "form", "count", "status"), names(rows.get(0)));
        // the 3 is withheld (primary), so is every cell that would give it back; no withheld row has a count
        int withheld = 0;
        for (JsonNode row : rows) {
            if (row.get("status").asText().equals("withheld")) {
                withheld++;
                assertTrue(row.get("count").isNull(), row.toString());
            } else {
                int y = row.get("year").asText().equals("Total") ? CountTable.ALL
                        : List.of("2017", "2018").indexOf(row.get("year").asText());
                int f = row.get("form").asText().equals("Total") ? CountTable.ALL
                        : List.of("labour", "criminal").indexOf(row.get("form").asText());
                assertEquals(table.value(y, f).getAsLong(), row.get("count").asLong(), row.toString());
            }
        }
        assertEquals(table.suppressedCount(), withheld);
        assertTrue(rows.get(1).get("count").isNull(), "the cell of 3");
        assertEquals("{\"year\":\"Total\",\"form\":\"Total\",\"count\":159,\"status\":\"published\"}",
                rows.get(8).toString());
    }

    @Test
    void aRawTableIsWrittenOnlyWithoutAPolicy() throws IOException {
        JsonNode json = JSON.readTree(ResultJson.withDefaults().table("t", "T", yearByForm()));
        assertFalse(json.get("protected").asBoolean());
        assertEquals(3, json.at("/rows/1/count").asLong());
        assertEquals("published", json.at("/rows/1/status").asText());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultJson.withDefaults()
                .withPolicy(DisclosurePolicy.withDefaults()).table("t", "T", yearByForm()));
        assertTrue(e.getMessage().contains("protect it first"), e.getMessage());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> ResultJson.withDefaults()
                .table("t", "T", CountTable.oneWay(CountingUnit.PERSONS, "count", List.of("a"), 1)));
        assertTrue(clash.getMessage().contains("cannot be named count"), clash.getMessage());
    }

    @Test
    void aTrendHasBothIntervalsAndADispersion() throws IOException {
        TrendEstimate trend = PoissonTrend.withDefaults().fit(AnnualSeries.of(2014, 100, 118, 131, 160, 171));
        PoissonTrendFit fit = (PoissonTrendFit) trend;
        String text = ResultJson.withDefaults().trend(trend);
        assertValid(report("policeSignals", "{\"trend\":" + text + "}"));
        JsonNode json = JSON.readTree(text);
        assertEquals(fit.annualChange().estimate(), json.at("/annualChange/estimate").asDouble(), 0.0);
        assertEquals(fit.annualChange().lower(), json.at("/annualChange/lower").asDouble(), 0.0);
        assertEquals(fit.quasiAnnualChange().upper(), json.at("/quasiAnnualChange/upper").asDouble(), 0.0);
        assertEquals(fit.dispersion(), json.get("dispersion").asDouble(), 0.0);
        String none = ResultJson.withDefaults().trend(new TrendNotEstimable("fewer than three years",
                Provenance.of("poisson")));
        assertValid(report("policeSignals", "{\"trend\":" + none + "}"));
        assertEquals("not_estimable", JSON.readTree(none).at("/error/code").asText());
    }

    @Test
    void theChainWithholdsSmallCountsAndSumsBothDismissals() throws IOException {
        ShareEstimator shares = ShareEstimator.withDefaults();
        ChainCrossSection year = new ChainCrossSection(2016, 120,
                Map.of(ProsecutorDecisionType.SUMMONS, 60L, ProsecutorDecisionType.POLICY_DISMISSAL, 14L,
                        ProsecutorDecisionType.TECHNICAL_DISMISSAL, 6L),
                Map.of(VerdictOutcome.CONVICTED, 4L, VerdictOutcome.ACQUITTED, 30L),
                shares.estimate(20, 80), shares.estimate(4, 34), shares.estimate(2, 4), Optional.empty(),
                Provenance.of("chain"));
        String raw = ResultJson.withDefaults().chain(List.of(year));
        JsonNode all = JSON.readTree(raw).get(0);
        assertEquals(20, all.get("dismissed").asLong(), "14 policy and 6 technical dismissals");
        assertEquals(4, all.get("convicted").asLong());
        assertEquals(60, all.get("summons").asLong());
        String text = ResultJson.withDefaults().withPolicy(DisclosurePolicy.withDefaults()).chain(List.of(year));
        assertValid(report("offenderChain", text));
        JsonNode row = JSON.readTree(text).get(0);
        assertTrue(row.get("convicted").isNull(), text);
        assertEquals(120, row.get("registered").asLong());
        assertTrue(row.at("/convictionShare/estimate").isNull(), text);
        assertFalse(row.get("convictionShare").has("successes"), text);
        assertEquals(0.25, row.at("/dismissalShare/estimate").asDouble(), 0.0);
        assertFalse(row.has("custodyMonthsMedian"));
    }

    static Stream<Path> validDocuments() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN.resolve("valid"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Stream<Path> invalidDocuments() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN.resolve("invalid"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.endsWith("manifest.json")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDocuments")
    void everyGoldenValidDocumentPasses(Path file) throws IOException {
        assertValid(Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void everyGoldenInvalidDocumentIsRejected(Path file) throws IOException {
        assertFalse(schemaErrors(Files.readString(file)).isEmpty(), file.toString());
        JsonNode manifest = JSON.readTree(GOLDEN.resolve("invalid/manifest.json").toFile());
        boolean listed = false;
        for (JsonNode entry : manifest.get("files")) {
            listed |= entry.get("file").asText().equals(file.getFileName().toString());
        }
        assertTrue(listed, "listed in the manifest with the rule it breaks: " + file);
    }
}
