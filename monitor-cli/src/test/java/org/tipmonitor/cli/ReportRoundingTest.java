package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.cli.MonitorCliTest.Run;
import org.tipmonitor.cli.report.MonitorReport;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.MonitorData;
import org.tipmonitor.io.ResultJson;
import org.tipmonitor.model.synthetic.SyntheticMonitorData;

/**
 * {@code monitor report --protection rounding} (issue 12, item 6): the options, their refusals (exit 2 with the
 * reason) and the stated default base; the JSON under the result schema; every count a multiple of the base; and a
 * small intruder, written apart from the library with another LP solver (commons-math3's simplex), who from the
 * published rounded tables, the links between the registration tables, the rounding rule and the facts the police
 * sentences state about exact counts, bounds cells by linear programming.
 */
class ReportRoundingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ResultJson.schema(), InputFormat.JSON);
    private static final String[] REGISTRATIONS = {"registrations-by-year-form", "registrations-by-year-reporter",
        "registrations-by-year-legal-basis"};
    private static final String POLICE = "police-signals-by-year-origin";

    @TempDir
    static Path dir;
    private static Path sample;

    @BeforeAll
    static void writeTheSample() {
        sample = dir.resolve("sample.json");
        assertEquals(0, MonitorCliTest.run("generate", "--victims", "300", "--seed", "7", "--out",
                sample.toString()).status());
    }

    private static void assertValid(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON, context -> context.setExecutionConfig(
                ExecutionConfig.builder().formatAssertionsEnabled(true).build()));
        assertEquals(List.of(), errors.stream().map(Error::toString).limit(5).toList());
    }

    /** The default base is the margin + 1 = 11, stated in the text, the JSON and the audit line. */
    @Test
    void defaultBaseIsStatedAndEveryTableIsRounded() throws IOException {
        Run text = MonitorCliTest.run("report", "--input", sample.toString(), "--protection", "rounding");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Tables are protected by controlled rounding to base 11"), text.out());
        assertTrue(text.out().contains("Disclosure audit: passed (controlled rounding to base 11 of the linked set of"),
                text.out());
        Run run = MonitorCliTest.run("report", "--input", sample.toString(), "--protection", "rounding", "--format",
                "json");
        assertEquals(0, run.status(), run.err());
        assertValid(run.out());
        JsonNode json = run.json();
        assertEquals("controlled-rounding", json.at("/protection/method").asText());
        assertEquals(11, json.at("/protection/roundingBase").asLong());
        assertEquals("controlled-rounding", json.at("/disclosureAudit/method").asText());
        assertTrue(json.at("/disclosureAudit/passed").asBoolean());
        assertTrue(json.at("/disclosureAudit/auditedValues").asLong() > 100);
        for (JsonNode table : json.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                assertEquals("rounded", row.get("status").asText(), table.get("name").asText());
                assertEquals(0, row.get("count").asLong() % 11, table.get("name").asText() + " " + row);
            }
        }
        List<String> exact = new ArrayList<>();
        collectNotMultiple("", json, 11, exact);
        assertEquals(List.of(), exact);
        // the exact observed count cannot be recovered from the estimate document either
        JsonNode pooled = json.get("populationEstimate");
        if (pooled.has("estimate")) {
            assertEquals(pooled.get("estimate").asDouble() - pooled.get("observed").asLong(),
                    pooled.get("unobserved").asDouble(), 1e-9);
        }
        // the suppression report is unchanged by the option's existence
        Run suppressed = MonitorCliTest.run("report", "--input", sample.toString(), "--format", "json");
        assertEquals("suppression", suppressed.json().at("/protection/method").asText());
        assertValid(suppressed.out());
    }

    @Test
    void givenBaseAndCsv() throws IOException {
        Path out = dir.resolve("csv15");
        Run run = MonitorCliTest.run("report", "--input", sample.toString(), "--protection", "rounding",
                "--rounding-base", "15", "--format", "csv", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.readString(out.resolve("protection.csv")).contains("roundingBase,15"));
        String form = Files.readString(out.resolve("registrations-by-year-form.csv"));
        for (String line : form.split("\n")) {
            if (!line.startsWith("year")) {
                String[] cells = line.split(",");
                assertEquals(0, Long.parseLong(cells[2]) % 15, line);
                assertEquals("rounded", cells[3].strip(), line);
            }
        }
    }

    @Test
    void refusals() {
        Run small = MonitorCliTest.run("report", "--input", sample.toString(), "--protection", "rounding",
                "--rounding-base", "10");
        assertEquals(2, small.status());
        assertTrue(small.err().contains("--rounding-base 10 cannot meet the policy's protection margin 10: a value"
                + " published as 0 could be narrowed to [0, 9], narrower than 10; use at least 11"), small.err());
        Run withoutRounding = MonitorCliTest.run("report", "--input", sample.toString(), "--rounding-base", "11");
        assertEquals(2, withoutRounding.status());
        assertTrue(withoutRounding.err().contains("--rounding-base needs --protection rounding"),
                withoutRounding.err());
        Run unprotected = MonitorCliTest.run("report", "--input", sample.toString(), "--protection", "rounding",
                "--no-protect");
        assertEquals(2, unprotected.status());
        assertTrue(unprotected.err().contains("cannot be combined with --no-protect"), unprotected.err());
        Run unknown = MonitorCliTest.run("report", "--input", sample.toString(), "--protection", "noise");
        assertEquals(2, unknown.status());
    }

    /**
     * The intruder's exact LP bounds, from the published JSON alone: every cell of the legal-basis table (through
     * all three registration tables and their shared year margins) and the police cells the stated facts touch are at
     * least the margin 10 wide. The datasets are those of {@link ReportDisclosureTest} (150 to 1,000 victims).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tipmonitor.cli.ReportDisclosureTest#datasets")
    void intruderOnARoundedReport(String name, long seed, int victims) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        GenerateCommand.write(SyntheticMonitorData.of(seed).withRegisteredVictims(victims), file, seed, false);
        MonitorData data = ExchangeReader.withDefaults().readData(new ByteArrayInputStream(file.toByteArray()));
        MonitorReport report = MonitorReport.of(data, DisclosurePolicy.withDefaults().withControlledRounding(11));
        assertTrue(report.auditPassed(), report.toText());
        assertValid(report.toJson());
        JsonNode json = JSON.readTree(report.toJson());
        Intruder intruder = new Intruder(11);
        for (JsonNode table : json.get("tables")) {
            String table1 = table.get("name").asText();
            if (List.of(REGISTRATIONS).contains(table1) || table1.equals(POLICE)) {
                intruder.table(table);
            }
        }
        for (int t = 1; t < REGISTRATIONS.length; t++) {
            for (String year : intruder.rowLabels(REGISTRATIONS[0])) {
                intruder.equal(REGISTRATIONS[0] + "|" + year + "|Total", REGISTRATIONS[t] + "|" + year + "|Total");
            }
            intruder.equal(REGISTRATIONS[0] + "|Total|Total", REGISTRATIONS[t] + "|Total|Total");
        }
        List<String> checked = new ArrayList<>();
        for (String cell : intruder.cells()) {
            if (cell.startsWith(REGISTRATIONS[2] + "|")) {
                checked.add(cell);
            }
        }
        JsonNode police = json.get("policeSignals");
        if (police != null && police.has("fromYear")) {
            String from = POLICE + "|" + police.get("fromYear").asText() + "|";
            String to = POLICE + "|" + police.get("toYear").asText() + "|";
            String text = report.toText();
            if (text.contains("(exact counts: increase)")) {
                intruder.atLeast(to + "Total", from + "Total", 1);
            } else if (text.contains("(exact counts: decrease)")) {
                intruder.atLeast(from + "Total", to + "Total", 1);
            }
            checked.add(from + "Total");
            checked.add(to + "Total");
            if (police.has("soleDriver")) {
                boolean rose = text.contains("(exact counts: increase)");
                for (String group : intruder.columnLabels(POLICE)) {
                    if (!group.equals(police.get("soleDriver").asText())) {
                        // "did not rise": to - from <= 0, i.e. from - to >= 0 (and the reverse for a fall)
                        intruder.atLeast(rose ? from + group : to + group, rose ? to + group : from + group, 0);
                        checked.add(from + group);
                        checked.add(to + group);
                    }
                }
            }
        }
        for (String cell : checked) {
            long[] bounds = intruder.bounds(cell);
            assertTrue(bounds[1] - bounds[0] >= 10, name + " " + cell + " narrowed to [" + bounds[0] + ", "
                    + bounds[1] + "]");
        }
    }

    private static void collectNotMultiple(String path, JsonNode node, long base, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (List.of("successes", "trials", "unknown", "registered", "summons", "dismissed", "convicted",
                        "before", "after", "from", "to", "observed").contains(e.getKey()) && v.isIntegralNumber()
                        && v.asLong() % base != 0 && !path.contains("residenceScheme")) {
                    found.add(path + "/" + e.getKey() + "=" + v.asLong());
                }
                collectNotMultiple(path + "/" + e.getKey(), v, base, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNotMultiple(path + "/" + i, node.get(i), base, found);
            }
        }
    }

    /**
     * The intruder: a variable y = x - lower per published cell ("table|row|column"), 0 &le; y &le; upper - lower with
     * [lower, upper] = [max(0, r - b + 1), r + b - 1], a line row per margin, and the links and facts added.
     */
    private static final class Intruder {

        private final long base;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<long[]> boxes = new ArrayList<>();
        private final List<Map<String, Double>> rows = new ArrayList<>();
        private final List<Relationship> relations = new ArrayList<>();
        private final List<Double> rhs = new ArrayList<>();
        private final Map<String, List<String>> rowLabels = new HashMap<>();
        private final Map<String, List<String>> columnLabels = new HashMap<>();

        Intruder(long base) {
            this.base = base;
        }

        void table(JsonNode table) {
            String name = table.get("name").asText();
            String rowDim = table.get("columns").get(0).get("name").asText();
            String colDim = table.get("columns").get(1).get("name").asText();
            List<String> rs = new ArrayList<>();
            List<String> cs = new ArrayList<>();
            for (JsonNode row : table.get("rows")) {
                String r = row.get(rowDim).asText();
                String c = row.get(colDim).asText();
                long v = row.get("count").asLong();
                String cell = name + "|" + r + "|" + c;
                index.put(cell, names.size());
                names.add(cell);
                boxes.add(new long[] {Math.max(0, v - base + 1), v + base - 1});
                if (!r.equals("Total") && !rs.contains(r)) {
                    rs.add(r);
                }
                if (!c.equals("Total") && !cs.contains(c)) {
                    cs.add(c);
                }
            }
            rowLabels.put(name, rs);
            columnLabels.put(name, cs);
            List<String> allRows = new ArrayList<>(rs);
            allRows.add("Total");
            List<String> allCols = new ArrayList<>(cs);
            allCols.add("Total");
            for (String r : allRows) {
                Map<String, Double> line = new HashMap<>();
                cs.forEach(c -> line.put(name + "|" + r + "|" + c, 1.0));
                line.put(name + "|" + r + "|Total", -1.0);
                add(line, Relationship.EQ, 0);
            }
            for (String c : allCols) {
                Map<String, Double> line = new HashMap<>();
                rs.forEach(r -> line.put(name + "|" + r + "|" + c, 1.0));
                line.put(name + "|Total|" + c, -1.0);
                add(line, Relationship.EQ, 0);
            }
        }

        List<String> rowLabels(String table) {
            return rowLabels.get(table);
        }

        List<String> columnLabels(String table) {
            return columnLabels.get(table);
        }

        List<String> cells() {
            return List.copyOf(names);
        }

        void equal(String a, String b) {
            add(Map.of(a, 1.0, b, -1.0), Relationship.EQ, 0);
        }

        /** a - b &ge; k. */
        void atLeast(String a, String b, double k) {
            add(Map.of(a, 1.0, b, -1.0), Relationship.GEQ, k);
        }

        private void add(Map<String, Double> row, Relationship relation, double value) {
            rows.add(row);
            relations.add(relation);
            rhs.add(value);
        }

        long[] bounds(String cell) {
            int n = names.size();
            List<LinearConstraint> constraints = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double[] unit = new double[n];
                unit[j] = 1;
                constraints.add(new LinearConstraint(unit, Relationship.LEQ, boxes.get(j)[1] - boxes.get(j)[0]));
                constraints.add(new LinearConstraint(unit, Relationship.GEQ, 0));
            }
            for (int k = 0; k < rows.size(); k++) {
                double[] a = new double[n];
                double shift = 0;
                for (Map.Entry<String, Double> e : rows.get(k).entrySet()) {
                    int j = index.get(e.getKey());
                    a[j] += e.getValue();
                    shift += e.getValue() * boxes.get(j)[0];
                }
                constraints.add(new LinearConstraint(a, relations.get(k), rhs.get(k) - shift));
            }
            int j = index.get(cell);
            double[] c = new double[n];
            c[j] = 1;
            LinearConstraintSet set = new LinearConstraintSet(constraints);
            double min = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(c, 0), set,
                    GoalType.MINIMIZE, new NonNegativeConstraint(true)).getValue();
            double max = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(c, 0), set,
                    GoalType.MAXIMIZE, new NonNegativeConstraint(true)).getValue();
            return new long[] {boxes.get(j)[0] + (long) Math.ceil(min - 1e-6),
                boxes.get(j)[0] + (long) Math.floor(max + 1e-6)};
        }
    }
}
