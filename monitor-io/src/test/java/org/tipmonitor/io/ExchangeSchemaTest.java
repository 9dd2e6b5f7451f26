package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DatePrecision;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.io.internal.ObjectSpec;
import org.tipmonitor.io.internal.Specs;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.SentenceMeasure;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The published schema against the Java model in both directions: it is a valid draft 2020-12 schema, its code
 * lists are the Java enums, every file the writer produces validates, the golden valid files validate, and every
 * golden invalid file is rejected by the schema (where the schema can express its rule) and by the reader with
 * the expected code.
 */
class ExchangeSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SCHEMA = REGISTRY.getSchema(ExchangeFormat.schema(), InputFormat.JSON);

    /** Validates with format assertions on, as ajv-formats and Python's FormatChecker do. */
    static List<Error> schemaErrors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON,
                context -> context.setExecutionConfig(ExecutionConfig.builder().formatAssertionsEnabled(true).build()));
    }

    static JsonNode schemaTree() {
        try {
            return JSON.readTree(ExchangeFormat.schema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void schemaIsAValidDraft202012SchemaWithAnAbsoluteVersionedId() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = meta.validate(ExchangeFormat.schema(), InputFormat.JSON);
        assertEquals(List.of(), errors);
        JsonNode tree = schemaTree();
        assertEquals("https://json-schema.org/draft/2020-12/schema", tree.get("$schema").asText());
        assertEquals(ExchangeFormat.SCHEMA_ID, tree.get("$id").asText());
        assertTrue(ExchangeFormat.SCHEMA_ID.startsWith("https://") && ExchangeFormat.SCHEMA_ID.contains("/v1/"));
    }

    @Test
    void everyObjectForbidsAdditionalPropertiesAndNothingUsesUnevaluated() {
        List<String> problems = new ArrayList<>();
        walk(schemaTree(), "", problems);
        assertEquals(List.of(), problems);
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText()) && !node.path("additionalProperties").isBoolean()) {
                problems.add(path + " has no additionalProperties: false");
            }
            if ("object".equals(node.path("type").asText()) && node.path("additionalProperties").asBoolean(true)) {
                problems.add(path + " allows additional properties");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("unevaluated")) {
                    problems.add(path + " uses " + name);
                }
                walk(node.get(name), path + "/" + name, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
        }
    }

    static Stream<Named<Class<? extends Enum<?>>>> codeLists() {
        List<Class<? extends Enum<?>>> lists = List.of(Sex.class, DatePrecision.class, ReporterType.class,
                ExploitationForm.class, TraffickingRoute.class, Sector.class, LegalBasis.class, DublinStatus.class,
                ResidenceSchemeStage.class, YesNoUnknown.class, Article273fSubsection.class,
                ProsecutorDecisionType.class, VerdictOutcome.class, SentenceMeasure.class, PoliceSeries.class,
                VictimOriginGroup.class, ProducerType.class, org.tipmonitor.model.MeasureStatus.class);
        return lists.stream().map(type -> Named.of(type.getSimpleName(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeLists")
    void schemaEnumEqualsTheJavaCodeList(Class<? extends Enum<?>> type) {
        List<String> java = Arrays.stream(type.getEnumConstants()).map(c -> ((CodeList) c).code())
                .collect(Collectors.toList());
        List<String> schema = new ArrayList<>();
        schemaTree().path("$defs").path(type.getSimpleName()).path("enum").forEach(n -> schema.add(n.asText()));
        assertEquals(java, schema);
    }

    @Test
    void schemaCodeListsAreExactlyTheJavaCodeLists() {
        Set<String> defs = new TreeSet<>();
        schemaTree().path("$defs").fieldNames().forEachRemaining(name -> {
            if (Character.isUpperCase(name.charAt(0))) {
                defs.add(name);
            }
        });
        Set<String> java = codeLists().map(Named::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(java, defs);
    }

    static Stream<Named<Object[]>> objectShapes() {
        return Stream.of(
                shape("victim", Specs.VICTIM), shape("registration", Specs.REGISTRATION),
                shape("offender", Specs.OFFENDER), shape("offenderCase", Specs.OFFENDER_CASE),
                shape("policeSignal", Specs.POLICE_SIGNAL), shape("dataset", Specs.DATASET),
                shape("birthDate", Specs.BIRTH_DATE), shape("decision", Specs.DECISION),
                shape("verdict", Specs.VERDICT), shape("sentence", Specs.SENTENCE),
                shape("policeReport", Specs.POLICE_REPORT), shape("programmeMeasure", Specs.PROGRAMME_MEASURE),
                shape("statusChange", Specs.STATUS_CHANGE), shape("residenceHistory", Specs.RESIDENCE_HISTORY),
                shape("residenceStageChange", Specs.RESIDENCE_STAGE_CHANGE));
    }

    private static Named<Object[]> shape(String def, ObjectSpec spec) {
        return Named.of(def, new Object[] {def, spec});
    }

    /** The schema's objects have exactly the reader's properties, in canonical order, and the same required ones. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("objectShapes")
    void schemaObjectHasTheReadersPropertiesInCanonicalOrder(Object[] shape) {
        JsonNode def = schemaTree().path("$defs").path((String) shape[0]);
        ObjectSpec spec = (ObjectSpec) shape[1];
        List<String> properties = new ArrayList<>();
        def.path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(spec.fields().stream().map(ObjectSpec.Field::name).toList(), properties);
        List<String> required = new ArrayList<>();
        def.path("required").forEach(n -> required.add(n.asText()));
        assertEquals(spec.fields().stream().filter(ObjectSpec.Field::required).map(ObjectSpec.Field::name).toList(),
                required);
    }

    @Test
    void topLevelPropertiesAreTheReadersInCanonicalOrder() {
        List<String> properties = new ArrayList<>();
        schemaTree().path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(Specs.TOP_LEVEL, properties);
        assertEquals("#/$defs/policeSignal",
                schemaTree().path("properties").path("policeSignals").path("items").path("$ref").asText());
        assertEquals("#/$defs/policeReport",
                schemaTree().path("properties").path("policeReports").path("items").path("$ref").asText());
    }

    /** The schema's outcome indicators are exactly the catalogue's identifiers, in order (issue 16). */
    @Test
    void outcomeIndicatorsAreTheCatalogue() {
        List<String> schema = new ArrayList<>();
        schemaTree().path("$defs").path("outcomeIndicator").path("enum").forEach(n -> schema.add(n.asText()));
        assertEquals(org.tipmonitor.model.OutcomeIndicator.ids(), schema);
        assertEquals("#/$defs/outcomeIndicator", schemaTree().path("$defs").path("programmeMeasure")
                .path("properties").path("outcomeIndicators").path("items").path("$ref").asText());
        assertEquals("#/$defs/residenceHistory",
                schemaTree().path("properties").path("residenceStages").path("items").path("$ref").asText());
    }

    @Test
    void countryCodesAreTheModelsCountryTable() throws IOException {
        List<String> table = new ArrayList<>();
        try (InputStream in = org.tipmonitor.model.Country.class.getResourceAsStream("country-regions.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("code,")) {
                    table.add(line.substring(0, line.indexOf(',')));
                }
            }
        }
        List<String> countries = new ArrayList<>();
        schemaTree().path("$defs").path("countryCode").path("enum").forEach(n -> countries.add(n.asText()));
        List<String> expected = new ArrayList<>(table);
        expected.add("unknown");
        assertEquals(expected, countries);
        List<String> nationalities = new ArrayList<>();
        schemaTree().path("$defs").path("nationalityCode").path("enum").forEach(n -> nationalities.add(n.asText()));
        expected.add(expected.size() - 1, "stateless");
        assertEquals(expected, nationalities);
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyWrittenFileValidatesAgainstTheSchema(long seed) {
        String json = ExchangeWriter.withDefaults().withPrettyPrint(seed % 2 == 0)
                .toJson(Fixtures.generated(seed, 30, 15));
        assertEquals(List.of(), schemaErrors(json));
    }

    static Stream<Named<String>> validFiles() {
        return Stream.of("dataset-only.json", "persons-after-their-records.json", "victims-and-offenders.json",
                        "police-signals.json", "police-reports.json", "programme-measures.json",
                        "residence-stages.json")
                .map(name -> Named.of(name, name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void goldenValidFilesPassTheSchemaAndTheReader(String name) {
        String json = Fixtures.goldenText("valid/" + name);
        assertEquals(List.of(), schemaErrors(json));
        ValidationReport report = Fixtures.validate(json);
        assertTrue(report.isValid(), report::toText);
    }

    /** One case of {@code golden/format-edges.json}: a value put at a pointer, and each validator's recorded verdict. */
    record Edge(String pointer, String value, String note, boolean library, boolean networknt) {
        @Override
        public String toString() {
            return value + " at " + pointer + " (" + note + ")";
        }
    }

    static Stream<Named<Edge>> formatEdges() throws IOException {
        JsonNode edges = JSON.readTree(Fixtures.golden("format-edges.json"));
        List<Named<Edge>> cases = new ArrayList<>();
        for (JsonNode c : edges.get("cases")) {
            Edge edge = new Edge(c.get("pointer").asText(), c.get("value").asText(), c.get("note").asText(),
                    c.get("library").asBoolean(), c.get("networknt").asBoolean());
            cases.add(Named.of(edge.toString(), edge));
        }
        return cases.stream();
    }

    /**
     * Issue 15, item 5: where validators disagree on dates and timestamps, the disagreement is recorded in
     * {@code golden/format-edges.json} and asserted here for the library's reader and the networknt validator
     * ({@code .ci/ajv-check.sh} and {@code .ci/jsonschema-check.sh} assert the ajv and Python columns).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formatEdges")
    void formatEdgeCaseIsDecidedAsRecorded(Edge edge) throws IOException {
        JsonNode document = JSON.readTree(Fixtures.goldenText("valid/dataset-only.json"));
        String parent = edge.pointer().substring(0, edge.pointer().lastIndexOf('/'));
        String field = edge.pointer().substring(edge.pointer().lastIndexOf('/') + 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.at(parent)).put(field, edge.value());
        String json = JSON.writeValueAsString(document);
        assertEquals(edge.networknt(), schemaErrors(json).isEmpty(), "networknt json-schema-validator");
        ValidationReport report = Fixtures.validate(json);
        assertEquals(edge.library(), report.isValid(), report::toText);
    }

    /** One entry of the invalid corpus's manifest. */
    record Invalid(String file, List<String> codes, Boolean schemaRejects) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Named<Invalid>> invalidFiles() throws IOException {
        JsonNode manifest = JSON.readTree(Fixtures.golden("invalid/manifest.json"));
        List<Named<Invalid>> files = new ArrayList<>();
        for (JsonNode entry : manifest.get("files")) {
            List<String> codes = new ArrayList<>();
            entry.get("codes").forEach(code -> codes.add(code.asText()));
            JsonNode rejects = entry.get("schemaRejects");
            Invalid invalid = new Invalid(entry.get("file").asText(), codes,
                    rejects.isNull() ? null : rejects.asBoolean());
            files.add(Named.of(invalid.file(), invalid));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void goldenInvalidFileIsRejectedByTheReaderWithItsCode(Invalid invalid) {
        ValidationReport report = Fixtures.READER.validate(
                new java.io.ByteArrayInputStream(Fixtures.golden("invalid/" + invalid.file())));
        assertFalse(report.isValid());
        assertEquals(new TreeSet<>(invalid.codes()), new TreeSet<>(report.codes()), report::toText);
        assertTrue(invalid.file().startsWith(invalid.codes().get(0)), "file name starts with its first code");
        for (RecordCounts counts : report.counts().values()) {
            assertEquals(counts.read(), counts.accepted() + counts.rejected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void goldenInvalidFileIsRejectedByTheSchemaWhereItCanExpressTheRule(Invalid invalid) {
        byte[] bytes = Fixtures.golden("invalid/" + invalid.file());
        assumeTrue(invalid.schemaRejects() != null,
                () -> invalid.file() + ": the manifest does not say whether the schema can express this rule");
        List<Error> errors = schemaErrors(new String(bytes, StandardCharsets.UTF_8));
        if (invalid.schemaRejects()) {
            assertFalse(errors.isEmpty(), invalid.file() + " passes the schema");
        } else {
            assertEquals(List.of(), errors, invalid.file() + " should pass the schema (library-only rule)");
        }
    }

    @Test
    void everyRuleTheManifestNamesIsAKnownCode() throws IOException {
        Map<String, Boolean> known = new LinkedHashMap<>();
        invalidFiles().forEach(named -> named.getPayload().codes().forEach(code -> known.put(code,
                IoRule.fromCode(code).isPresent() || org.tipmonitor.model.ModelRule.fromCode(code).isPresent())));
        assertFalse(known.containsValue(false), known.toString());
    }
}
