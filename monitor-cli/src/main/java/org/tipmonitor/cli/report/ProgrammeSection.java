package org.tipmonitor.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tipmonitor.indicators.programme.MeasureProgress;
import org.tipmonitor.indicators.programme.OrganisationProgress;
import org.tipmonitor.indicators.programme.ProgrammeProgress;
import org.tipmonitor.indicators.programme.ProgressCategory;
import org.tipmonitor.model.OutcomeIndicator;
import org.tipmonitor.model.ProgrammeMeasure;

/**
 * The report's "Programme progress" section: each measure's status and progress category on the last day of the
 * dataset period (the default, stated in the output), its linked outcome indicators, and the categories per
 * responsible organisation, and beside each measure the latest value of every outcome indicator it links to, as this
 * report published it ({@link Headlines}: what the disclosure policy withheld stays withheld). Counts of measures
 * describe organisations, not persons: no disclosure policy applies to them.
 */
final class ProgrammeSection {

    /** The section's heading. */
    static final String HEADING = "Programme progress";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final ObjectNode json = JSON.createObjectNode();

    private ProgrammeSection() {
    }

    /**
     * Computes the section.
     *
     * @param data the records
     * @return the section
     */
    static ProgrammeSection of(MonitorData data) {
        return of(data, Map.of());
    }

    /**
     * Computes the section with the outcome indicators' headline values.
     *
     * @param data      the records
     * @param headlines the headline value of each catalogued indicator in this report
     * @return the section
     */
    static ProgrammeSection of(MonitorData data, Map<OutcomeIndicator, Headlines.Headline> headlines) {
        ProgrammeSection section = new ProgrammeSection();
        section.build(data.programmeMeasures(), data.dataset().periodTo());
        section.outcomes(data.programmeMeasures(), headlines);
        return section;
    }

    private void outcomes(List<ProgrammeMeasure> measures, Map<OutcomeIndicator, Headlines.Headline> headlines) {
        if (measures.isEmpty()) {
            return;
        }
        lines.add("Latest values of the linked outcome indicators in this report:");
        ArrayNode rows = (ArrayNode) json.get("byMeasure");
        for (int i = 0; i < measures.size(); i++) {
            ProgrammeMeasure m = measures.get(i);
            ArrayNode values = ((ObjectNode) rows.get(i)).putArray("outcomeValues");
            for (String id : m.outcomeIndicators()) {
                ObjectNode value = values.addObject().put("indicator", id);
                OutcomeIndicator indicator = OutcomeIndicator.fromId(id).orElse(null);
                Headlines.Headline headline = indicator == null ? null : headlines.get(indicator);
                String text = indicator == null ? "not in the catalogue of outcome indicators"
                        : headline == null ? "not in this report" : headline.text();
                if (indicator != null) {
                    value.put("headline", indicator.headline());
                }
                if (headline != null) {
                    value.setAll(headline.json());
                } else {
                    value.putNull("value");
                    value.put("reason", text);
                }
                lines.add(String.format(Locale.ROOT, "  %-24s %-26s %s%s", m.id(), id, text,
                        indicator == null ? "" : " (" + indicator.headline() + ")"));
            }
        }
    }

    /** The text lines. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The JSON object of the section. */
    ObjectNode json() {
        return json;
    }

    private void build(List<ProgrammeMeasure> measures, LocalDate asOf) {
        json.put("measures", measures.size());
        if (measures.isEmpty()) {
            lines.add("No programme measures in the file.");
            return;
        }
        ProgrammeProgress progress = ProgrammeProgress.asOf(asOf);
        json.put("asOf", asOf.toString());
        lines.add(String.format(Locale.ROOT, "As of %s (default: the last day of the dataset period); %d measures.",
                asOf, measures.size()));
        lines.add(String.format(Locale.ROOT, "%-24s %-26s %-20s %-26s %-12s %s", "measure", "organisation", "status",
                "progress", "planned end", "outcome indicators"));
        ArrayNode rows = json.putArray("byMeasure");
        for (MeasureProgress p : progress.assess(measures)) {
            ProgrammeMeasure m = p.measure();
            String status = p.status().map(s -> s.code()).orElse("-");
            String plannedEnd = m.plannedEnd() == null ? "not stated" : m.plannedEnd().toString();
            lines.add(String.format(Locale.ROOT, "%-24s %-26s %-20s %-26s %-12s %s", m.id(),
                    m.responsibleOrganisation(), status, p.category().code(), plannedEnd,
                    String.join(", ", m.outcomeIndicators())));
            ObjectNode row = rows.addObject();
            row.put("id", m.id());
            row.put("programme", m.programme());
            row.put("title", m.title());
            row.put("responsibleOrganisation", m.responsibleOrganisation());
            row.put("status", p.status().map(s -> s.code()).orElse(null));
            row.put("category", p.category().code());
            row.put("plannedEnd", m.plannedEnd() == null ? null : m.plannedEnd().toString());
            m.actualImplementation().ifPresent(d -> row.put("implemented", d.toString()));
            m.outcomeIndicators().forEach(row.putArray("outcomeIndicators")::add);
        }
        ObjectNode organisations = json.putObject("byOrganisation");
        for (OrganisationProgress o : progress.byOrganisation(measures)) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d measures", o.organisation(),
                    o.measures()));
            ObjectNode node = organisations.putObject(o.organisation());
            for (ProgressCategory category : ProgressCategory.values()) {
                node.put(category.code(), o.count(category));
                if (o.count(category) > 0) {
                    line.append(", ").append(o.count(category)).append(' ').append(category.code());
                }
            }
            lines.add(line.toString());
        }
    }
}
