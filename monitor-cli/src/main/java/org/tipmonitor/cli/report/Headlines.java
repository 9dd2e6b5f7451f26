package org.tipmonitor.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.tipmonitor.model.OutcomeIndicator;

/**
 * The headline value of each catalogued outcome indicator ({@link OutcomeIndicator}) as this report published it,
 * read from the report's own JSON: a value withheld by the disclosure policy stays withheld, and a section that was
 * not computed or has no data says so. The "Programme progress" section shows them beside the measures that link to
 * the indicator.
 */
final class Headlines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One indicator's headline.
     *
     * @param indicator the indicator
     * @param text      the value as text, e.g. {@code "2018: 651"}
     * @param json      the value as JSON: {@code period}, {@code value} (null if withheld or absent) and, for
     *                  estimates, {@code lower}, {@code upper}, {@code level}
     */
    record Headline(OutcomeIndicator indicator, String text, ObjectNode json) {
    }

    private Headlines() {
    }

    /**
     * The headlines of the report so far.
     *
     * @param report the report's JSON
     * @return one headline per indicator of the catalogue
     */
    static Map<OutcomeIndicator, Headline> of(ObjectNode report) {
        Map<OutcomeIndicator, Headline> headlines = new EnumMap<>(OutcomeIndicator.class);
        for (OutcomeIndicator indicator : OutcomeIndicator.values()) {
            headlines.put(indicator, headline(indicator, report));
        }
        return headlines;
    }

    private static Headline headline(OutcomeIndicator indicator, ObjectNode report) {
        switch (indicator) {
            case REGISTRATIONS: {
                JsonNode node = report.path("registrations");
                if (!node.has("toYear")) {
                    return absent(indicator, node);
                }
                return count(indicator, node.get("toYear").asText(), node.get("to"));
            }
            case REGISTRATIONS_BY_REPORTER:
                return tableCell(indicator, report, "registrations-by-year-reporter", "police");
            case POLICE_SIGNALS:
                return tableCell(indicator, report, "police-signals-by-year-origin", "Total");
            case POLICE_REPORT_FOLLOW_UP: {
                JsonNode last = null;
                for (JsonNode share : report.path("policeReportFollowUp").path("shares")) {
                    if ("all".equals(share.path("group").asText())
                            && "prosecutor_registration".equals(share.path("stage").asText())
                            && share.path("windowMonths").asInt() == 12 && share.path("estimate").isNumber()) {
                        last = share;
                    }
                }
                if (last == null) {
                    return absent(indicator, report.path("policeReportFollowUp"));
                }
                return estimate(indicator, last.get("year").asText(), last.get("estimate").asDouble(),
                        last.get("lower").asDouble(), last.get("upper").asDouble(), last.get("level").asDouble(),
                        true, String.format(Locale.ROOT, ", %d of %d", last.get("followed").asLong(),
                                last.get("observable").asLong()));
            }
            case REFLECTION_PERIOD_TIME: {
                JsonNode last = null;
                for (JsonNode time : report.path("residenceScheme").path("reflectionTime").path("byYear")) {
                    if ("all".equals(time.path("group").asText()) && time.path("median").path("days").isNumber()) {
                        last = time;
                    }
                }
                if (last == null) {
                    return absent(indicator, report.path("residenceScheme").path("reflectionTime"));
                }
                JsonNode median = last.get("median");
                ObjectNode json = JSON.createObjectNode();
                json.put("period", last.get("from").asText().substring(0, 4));
                json.put("value", median.get("days").asInt());
                json.set("lower", median.get("lower"));
                json.set("upper", median.get("upper"));
                json.put("level", median.get("level").asDouble());
                String upper = median.get("upper").isNull() ? "not reached" : median.get("upper").asText();
                return new Headline(indicator, String.format(Locale.ROOT, "%s: median %d days (%.0f%% CI %s to %s)",
                        json.get("period").asText(), median.get("days").asInt(), 100 * median.get("level").asDouble(),
                        median.get("lower").isNull() ? "-" : median.get("lower").asText(), upper), json);
            }
            case OFFENDER_CASES: {
                JsonNode last = null;
                for (JsonNode row : report.path("offenderChain")) {
                    last = row;
                }
                if (last == null) {
                    return absent(indicator, report.path("offendersUnder23"));
                }
                return count(indicator, last.get("year").asText(), last.get("registered"));
            }
            case POPULATION_ESTIMATE: {
                JsonNode node = report.path("populationEstimate").path("estimate");
                if (!node.path("estimate").isNumber()) {
                    return absent(indicator, report.path("populationEstimate"));
                }
                return estimate(indicator, report.path("registrations").path("fromYear").asText() + "-"
                        + report.path("registrations").path("toYear").asText(), node.get("estimate").asDouble(),
                        node.get("lower").asDouble(), node.get("upper").asDouble(), node.get("level").asDouble(),
                        false, "");
            }
            default:
                throw new IllegalStateException("indicator " + indicator);
        }
    }

    /** A cell of a published table in the last year of its first dimension (years). */
    private static Headline tableCell(OutcomeIndicator indicator, ObjectNode report, String table, String column) {
        for (JsonNode t : report.path("tables")) {
            if (!table.equals(t.path("name").asText())) {
                continue;
            }
            String year = null;
            JsonNode value = null;
            for (JsonNode row : t.path("rows")) {
                String label = row.get(0).asText();
                if (!"Total".equals(label) && column.equals(row.get(1).asText())
                        && (year == null || label.compareTo(year) > 0)) {
                    year = label;
                    value = row.get(2);
                }
            }
            if (year != null) {
                return count(indicator, year, value);
            }
        }
        return absent(indicator, report.path(table));
    }

    private static Headline count(OutcomeIndicator indicator, String period, JsonNode value) {
        ObjectNode json = JSON.createObjectNode();
        json.put("period", period);
        boolean shown = value != null && value.isNumber();
        if (shown) {
            json.put("value", value.asLong());
        } else {
            json.putNull("value");
            json.put("withheld", true);
        }
        return new Headline(indicator, period + ": " + (shown ? String.format(Locale.ROOT, "%,d", value.asLong())
                : "x (withheld)"), json);
    }

    private static Headline estimate(OutcomeIndicator indicator, String period, double estimate, double lower,
                                     double upper, double level, boolean percent, String suffix) {
        ObjectNode json = JSON.createObjectNode();
        json.put("period", period);
        json.put("value", estimate);
        json.put("lower", lower);
        json.put("upper", upper);
        json.put("level", level);
        String text = percent
                ? String.format(Locale.ROOT, "%s: %.1f%% (%.0f%% CI %.1f%% to %.1f%%)%s", period, 100 * estimate,
                        100 * level, 100 * lower, 100 * upper, suffix)
                : String.format(Locale.ROOT, "%s: %,.0f (%.0f%% CI %,.0f to %,.0f)%s", period, estimate, 100 * level,
                        lower, upper, suffix);
        return new Headline(indicator, text, json);
    }

    private static Headline absent(OutcomeIndicator indicator, JsonNode section) {
        ObjectNode json = JSON.createObjectNode();
        json.putNull("value");
        String reason = section.has("notComputed") ? "not computed on this file"
                : section.has("withheld") ? "withheld" : "no data in this file";
        json.put("reason", reason);
        return new Headline(indicator, reason, json);
    }
}
