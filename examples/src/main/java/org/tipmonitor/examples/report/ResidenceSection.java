package org.tipmonitor.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.residence.ResidenceScheme;
import org.tipmonitor.indicators.residence.ResidenceSchemeChange;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.model.DublinStatus;

/**
 * The report's residence-scheme section: stages of Dublin claimants by year, entries into the reflection period by
 * Dublin status, the observed stage transitions (three protected tables), and, when a scheme-change date is given,
 * the before/after comparison for Dublin claimants. Under a disclosure policy the comparison's counts and shares
 * are shown only if none of the counts behind them is sensitive under the threshold rule; under rounding they are
 * withheld.
 */
final class ResidenceSection {

    /** The section's heading. */
    static final String HEADING = "6b. Residence scheme for victims of trafficking (B8/3) by Dublin status";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CountTable> tables = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final ObjectNode json = JSON.createObjectNode();

    private ResidenceSection() {
    }

    /**
     * Computes the section.
     *
     * @param data         the records
     * @param policy       the disclosure policy, or null
     * @param years        the registration years
     * @param schemeChange the first day under a changed scheme, or null for no comparison
     * @param id           the dataset id
     * @return the section
     * @throws org.tipmonitor.indicators.IndicatorException if the date does not leave a day of the years on each
     *                                                      side
     */
    static ResidenceSection of(MonitorData data, DisclosurePolicy policy, YearRange years, LocalDate schemeChange,
                               String id) {
        ResidenceSection section = new ResidenceSection();
        ResidenceScheme scheme = ResidenceScheme.of(years).withDatasetId(id);
        section.add("residence-stages-dublin", "Registrations of Dublin claimants by year and residence-scheme stage",
                scheme.stages(data.victims(), DublinStatus.DUBLIN));
        section.add("residence-reflection-entries", "Persons entering the reflection period by year and Dublin status",
                scheme.entries(data.victims()));
        section.add("residence-stage-transitions", "Residence-scheme stages of consecutive registrations of a person"
                + " (observed transitions)", scheme.transitions(data.victims()));
        section.lines.add("The time spent in the reflection period is not shown: a registration records the stage on"
                + " its report date, not the dates the stage began and ended.");
        if (schemeChange == null) {
            section.lines.add("No scheme-change date given (--scheme-change DATE): no before/after comparison.");
            section.json.putNull("schemeChange");
        } else {
            section.compare(scheme.compare(data.victims(), schemeChange, DublinStatus.DUBLIN), policy);
        }
        return section;
    }

    private void add(String name, String title, CountTable table) {
        tables.put(name, table);
        titles.put(name, title);
    }

    /** The tables to protect and publish, by name, in order. */
    Map<String, CountTable> tables() {
        return tables;
    }

    /** The title of a table. */
    String title(String name) {
        return titles.get(name);
    }

    /** The text lines after the tables. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The JSON object of the section. */
    ObjectNode json() {
        return json;
    }

    private void compare(ResidenceSchemeChange change, DisclosurePolicy policy) {
        ObjectNode node = json.putObject("schemeChange");
        node.put("cutDate", change.cutDate().toString());
        node.put("group", change.group().code());
        long[] counts = {change.before(), change.after(), change.reflectionBefore().successes(),
            change.reflectionBefore().trials() - change.reflectionBefore().successes(),
            change.reflectionAfter().successes(),
            change.reflectionAfter().trials() - change.reflectionAfter().successes()};
        boolean publish = policy == null || policy.rounding().isEmpty()
                && java.util.Arrays.stream(counts).noneMatch(policy::isSensitive);
        if (!publish) {
            lines.add(String.format(Locale.ROOT, "Scheme change on %s (given): the comparison for Dublin claimants is"
                    + " withheld (small counts).", change.cutDate()));
            node.put("withheld", true);
            return;
        }
        lines.add(String.format(Locale.ROOT, "Scheme change on %s (given): Dublin claimants' registrations before:"
                + " %,d in %,d days (%.1f a year); after: %,d in %,d days (%.1f a year).", change.cutDate(),
                change.before(), change.daysBefore(), change.annualRateBefore(), change.after(), change.daysAfter(),
                change.annualRateAfter()));
        change.rateRatio().ifPresent(r -> lines.add(String.format(Locale.ROOT, "Rate ratio after/before: %.3f"
                + " (%.0f%% CI %.3f to %.3f).", r.estimate(), 100 * r.level(), r.lower(), r.upper())));
        lines.add("Share in the reflection period: before " + share(change.reflectionBefore()) + "; after "
                + share(change.reflectionAfter()) + ".");
        change.difference().ifPresent(d -> lines.add(String.format(Locale.ROOT, "Difference after - before: %+.1f"
                + " points (%.0f%% Newcombe CI %+.1f to %+.1f).", 100 * d.difference(), 100 * d.level(),
                100 * d.lower(), 100 * d.upper())));
        node.put("before", change.before());
        node.put("after", change.after());
        node.put("daysBefore", change.daysBefore());
        node.put("daysAfter", change.daysAfter());
        change.rateRatio().ifPresent(r -> node.set("rateRatio", interval(r.estimate(), r.lower(), r.upper(),
                r.level())));
        node.set("reflectionBefore", shareJson(change.reflectionBefore()));
        node.set("reflectionAfter", shareJson(change.reflectionAfter()));
        change.difference().ifPresent(d -> node.set("difference", interval(d.difference(), d.lower(), d.upper(),
                d.level())));
    }

    private static String share(ShareEstimate estimate) {
        if (estimate instanceof Share s) {
            return String.format(Locale.ROOT, "%d of %d = %.1f%% (%.0f%% CI %.1f%% to %.1f%%)", s.successes(),
                    s.trials(), 100 * s.estimate(), 100 * s.level(), 100 * s.lower(), 100 * s.upper());
        }
        return "not defined";
    }

    private static ObjectNode shareJson(ShareEstimate estimate) {
        ObjectNode node = JSON.createObjectNode();
        if (estimate instanceof Share s) {
            node.put("successes", s.successes());
            node.put("trials", s.trials());
            node.put("unknown", s.unknown());
            node.put("estimate", s.estimate());
            node.put("lower", s.lower());
            node.put("upper", s.upper());
            node.put("level", s.level());
        } else {
            node.putNull("estimate");
        }
        return node;
    }

    private static ObjectNode interval(double estimate, double lower, double upper, double level) {
        return MonitorReport.interval(estimate, lower, upper, level);
    }
}
