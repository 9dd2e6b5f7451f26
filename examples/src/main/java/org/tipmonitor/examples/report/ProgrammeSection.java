package org.tipmonitor.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tipmonitor.indicators.programme.MeasureProgress;
import org.tipmonitor.indicators.programme.OrganisationProgress;
import org.tipmonitor.indicators.programme.ProgrammeProgress;
import org.tipmonitor.indicators.programme.ProgressCategory;
import org.tipmonitor.model.ProgrammeMeasure;

/**
 * The report's "Programme progress" section: each measure's status and progress category on the last day of the
 * dataset period (the default, stated in the output), its linked outcome indicators, and the categories per
 * responsible organisation. Counts of measures describe organisations, not persons: no disclosure policy applies.
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
        ProgrammeSection section = new ProgrammeSection();
        section.build(data.programmeMeasures(), data.dataset().periodTo());
        return section;
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
