package org.tipmonitor.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tipmonitor.io.SafeText;

/**
 * Every section of the monitor report as CSV files with named header columns, derived from the report's JSON
 * document, so that the CSV holds exactly what the JSON (and so the text) publishes: a withheld value is an empty
 * cell beside its marker ({@code status} {@code withheld}, or a {@code ...withheld} field), never the raw count.
 *
 * <ul>
 *   <li>each count table: {@code <table-name>.csv} with its columns (the dimensions, {@code count}, {@code status});
 *   <li>an array of objects (the offender chain, the population by year): one file, one row per element, one column
 *       per field (nested fields joined by dots, e.g. {@code dismissalShare.estimate});
 *   <li>every other section: {@code <section>.csv} with the columns {@code field} and {@code value}, nested fields
 *       joined by dots, a list of plain values joined by {@code ;}; its arrays of objects are files of their own
 *       ({@code <section>-<field>.csv});
 *   <li>the report's own fields (dataset, protection, library version, audit verdict): {@code report.csv}.
 * </ul>
 *
 * <p>File names are the JSON names in kebab case. Cells are neutralised against spreadsheet formulas
 * ({@link SafeText#spreadsheetCell}) and quoted as RFC 4180 requires.
 */
public final class ReportCsv {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportCsv() {
    }

    /**
     * The report's CSV files, in the order of the JSON document (the report's own fields first).
     *
     * @param report the report
     * @return file name to CSV text
     */
    public static Map<String, String> of(MonitorReport report) {
        JsonNode root;
        try {
            root = JSON.readTree(report.toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<List<String>> own = new ArrayList<>();
        Map<String, String> later = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("tables")) {
                for (JsonNode table : value) {
                    put(later, table.get("name").asText() + ".csv", table(table));
                }
            } else if (isObjectArray(value)) {
                put(later, kebab(name) + ".csv", objects(value));
            } else if (value.isObject()) {
                List<List<String>> rows = new ArrayList<>();
                flatten("", value, rows, name, later);
                put(later, kebab(name) + ".csv", csv(List.of("field", "value"), rows));
            } else {
                own.add(List.of(name, scalar(value)));
            }
        }
        files.put("report.csv", csv(List.of("field", "value"), own));
        later.forEach((name, csv) -> put(files, name, csv));
        return files;
    }

    /** Adds a file; two parts of the report that would share a file name are a bug, never a silent overwrite. */
    private static void put(Map<String, String> files, String name, String csv) {
        if (files.putIfAbsent(name, csv) != null) {
            throw new IllegalStateException("Two parts of the report map to the CSV file " + name);
        }
    }

    /** A table document of the result codec: its named columns, one row per cell and margin. */
    private static String table(JsonNode table) {
        List<String> columns = new ArrayList<>();
        table.get("columns").forEach(c -> columns.add(c.get("name").asText()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            List<String> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(scalar(row.path(c))));
            rows.add(cells);
        }
        return csv(columns, rows);
    }

    private static String objects(JsonNode array) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode element : array) {
            Map<String, String> row = new LinkedHashMap<>();
            List<List<String>> pairs = new ArrayList<>();
            flatten("", element, pairs, null, null);
            pairs.forEach(p -> row.put(p.get(0), p.get(1)));
            columns.addAll(row.keySet());
            rows.add(row);
        }
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<String> line = new ArrayList<>();
            columns.forEach(c -> line.add(row.getOrDefault(c, "")));
            cells.add(line);
        }
        return csv(new ArrayList<>(columns), cells);
    }

    /**
     * Flattens an object into (dotted path, value) pairs; arrays of objects become files of their own when a
     * section is given, and are flattened with their index otherwise.
     */
    private static void flatten(String prefix, JsonNode node, List<List<String>> rows, String section,
            Map<String, String> files) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(path, value, rows, section, files);
            } else if (isObjectArray(value) && section != null) {
                put(files, kebab(section) + "-" + kebab(path.replace('.', '-')) + ".csv", objects(value));
            } else if (isObjectArray(value)) {
                for (int i = 0; i < value.size(); i++) {
                    flatten(path + "." + i, value.get(i), rows, null, null);
                }
            } else {
                rows.add(List.of(path, scalar(value)));
            }
        }
    }

    private static boolean isObjectArray(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** A plain value as a cell: null as empty, a list of plain values joined by ';'. */
    private static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(scalar(v)));
            return String.join(";", parts);
        }
        // text is neutralised against spreadsheet formulas; numbers (e.g. a negative change) are written as numbers
        return value.isTextual() ? SafeText.spreadsheetCell(value.asText())
                : value.isContainerNode() ? value.toString() : value.asText();
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(r -> line(csv, r));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quote(cells.get(i)));
        }
        csv.append('\n');
    }

    /** A cell (text already neutralised), quoted if it holds a comma, a quote or a line break. */
    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
