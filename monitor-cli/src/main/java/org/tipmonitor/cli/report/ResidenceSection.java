package org.tipmonitor.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.followup.KaplanMeierCurve;
import org.tipmonitor.indicators.residence.ReflectionPeriod;
import org.tipmonitor.indicators.residence.ReflectionSpell;
import org.tipmonitor.indicators.residence.ReflectionTime;
import org.tipmonitor.indicators.residence.ResidenceScheme;
import org.tipmonitor.indicators.residence.ResidenceSchemeChange;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.io.MonitorData;
import org.tipmonitor.model.DublinStatus;

/**
 * The report's residence-scheme section: stages of Dublin claimants by year, entries into the reflection period by
 * Dublin status, the observed stage transitions (three protected tables), the time in the reflection period from
 * dated stages (format 1.1: what followed the reflection period per year of entry, a fourth protected table, and the
 * Kaplan&ndash;Meier quartiles and the share leaving within three months by year of entry and Dublin status), and,
 * when a scheme-change date is given, the before/after comparison for Dublin claimants, with the median time in the
 * reflection period on either side. Under a disclosure policy the comparison's counts and shares are shown only if
 * none of the counts behind them is sensitive under the threshold rule; under rounding they are withheld. The time in
 * the reflection period follows the follow-up section's rule: a count is printed only if it passes the threshold
 * rule, quartiles only if the ended and the censored periods both do, a share only if its numerator and complement
 * both do; under rounding the counts and shares are withheld. The end of observation is the dataset's creation date
 * (UTC), stated in the output.
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
        List<ReflectionSpell> spells = ReflectionSpell.of(data.victims(), data.residenceHistories());
        LocalDate observedUntil = LocalDate.ofInstant(data.dataset().created(), ZoneOffset.UTC);
        ReflectionPeriod reflection = ReflectionPeriod.of(years, observedUntil).withDatasetId(id);
        if (data.residenceHistories().isEmpty()) {
            section.lines.add("Time in the reflection period: not computed, the file has no dated residence stages"
                    + " (format 1.1 array residenceStages).");
            section.json.putNull("reflectionTime");
        } else {
            section.add("residence-reflection-outcomes", "Reflection periods by year of entry and what followed them"
                    + " by " + observedUntil, reflection.outcomes(spells));
            section.reflection(reflection, spells, years, policy);
        }
        if (schemeChange == null) {
            section.lines.add("No scheme-change date given (--scheme-change DATE): no before/after comparison.");
            section.json.putNull("schemeChange");
        } else {
            section.compare(scheme.compare(data.victims(), schemeChange, DublinStatus.DUBLIN), policy);
            if (!spells.isEmpty()) {
                section.compareTime(reflection, spells, schemeChange, years, policy);
            }
        }
        return section;
    }

    private void reflection(ReflectionPeriod reflection, List<ReflectionSpell> spells, YearRange years,
                            DisclosurePolicy policy) {
        ObjectNode node = json.putObject("reflectionTime");
        node.put("observedUntil", reflection.observedUntil().toString());
        long outside = spells.stream().filter(s -> s.entered().isAfter(reflection.observedUntil())
                || !years.contains(s.entered())).count();
        lines.add(String.format(Locale.ROOT, "Time in the reflection period (bedenktijd, up to three months) by year of"
                + " entry, from dated residence stages; end of observation %s (the dataset's creation date, UTC):"
                + " a period with no recorded end by then is censored there (still in it), quartiles are"
                + " Kaplan-Meier with Brookmeyer-Crowley %s intervals, 'n.r.' = not reached; the share leaving"
                + " within 3 months counts periods entered at least 3 months before the end.", reflection.observedUntil(),
                "95%"));
        if (outside > 0) {
            lines.add("Reflection periods entered outside the registration years: " + count(outside, policy)
                    + " (not shown).");
        }
        node.put("outsideYears", printable(outside, policy) ? outside : null);
        ArrayNode rows = node.putArray("byYear");
        for (ReflectionTime time : reflection.times(spells)) {
            if (time.periods() == 0 && time.group().isPresent()) {
                continue;
            }
            rows.add(timeJson(time, policy));
            lines.add(String.format(Locale.ROOT, "  %d %-10s %s", time.from().getYear(), time.groupLabel(),
                    describe(time, policy)));
        }
    }

    private void compareTime(ReflectionPeriod reflection, List<ReflectionSpell> spells, LocalDate cut, YearRange years,
                             DisclosurePolicy policy) {
        ObjectNode node = (ObjectNode) json.get("schemeChange");
        ReflectionTime before = reflection.time(spells, years.firstDay(), cut.minusDays(1), DublinStatus.DUBLIN);
        ReflectionTime after = reflection.time(spells, cut, years.lastDay(), DublinStatus.DUBLIN);
        lines.add("Dublin claimants' time in the reflection period, entered before " + cut + ": "
                + describe(before, policy) + "; from " + cut + " on: " + describe(after, policy) + ".");
        node.set("reflectionTimeBefore", timeJson(before, policy));
        node.set("reflectionTimeAfter", timeJson(after, policy));
    }

    private static boolean printable(long n, DisclosurePolicy policy) {
        return policy == null || !PrintedCount.rounds(policy) && !policy.isSensitive(n);
    }

    private static String count(long n, DisclosurePolicy policy) {
        return printable(n, policy) ? String.format(Locale.ROOT, "%,d", n) : "x";
    }

    private static String describe(ReflectionTime time, DisclosurePolicy policy) {
        if (time.periods() == 0) {
            return "no reflection periods";
        }
        if (!printable(time.periods(), policy)) {
            return "x periods: withheld (small counts)";
        }
        StringBuilder text = new StringBuilder(count(time.periods(), policy)).append(" periods, ")
                .append(count(time.censored(), policy)).append(" still in it");
        if (printable(time.ended(), policy) && printable(time.censored(), policy)) {
            text.append("; median ").append(quantile(time.median())).append(", quartiles ")
                    .append(time.firstQuartile().estimate().isPresent()
                            ? Integer.toString(time.firstQuartile().estimate().getAsInt()) : "n.r.")
                    .append(" and ").append(time.thirdQuartile().estimate().isPresent()
                            ? Integer.toString(time.thirdQuartile().estimate().getAsInt()) : "n.r.");
        } else {
            text.append("; quartiles withheld (small counts)");
        }
        if (time.leftWithin3Months() instanceof Share s) {
            text.append("; left within 3 months: ").append(printable(s.successes(), policy)
                    && printable(s.trials() - s.successes(), policy) ? share(s) : "withheld (small counts)");
        } else {
            text.append("; left within 3 months: not yet observable");
        }
        return text.toString();
    }

    private static String quantile(KaplanMeierCurve.Quantile q) {
        if (q.estimate().isEmpty()) {
            return "not reached";
        }
        return String.format(Locale.ROOT, "%d days (%.0f%% CI %s to %s)", q.estimate().getAsInt(), 100 * q.level(),
                q.lower().isPresent() ? Integer.toString(q.lower().getAsInt()) : "-",
                q.upper().isPresent() ? Integer.toString(q.upper().getAsInt()) : "n.r.");
    }

    private static ObjectNode timeJson(ReflectionTime time, DisclosurePolicy policy) {
        ObjectNode node = JSON.createObjectNode();
        node.put("from", time.from().toString());
        node.put("to", time.to().toString());
        node.put("group", time.groupLabel());
        boolean shown = printable(time.periods(), policy);
        putCount(node, "periods", time.periods(), shown, policy);
        putCount(node, "ended", time.ended(), shown, policy);
        putCount(node, "censored", time.censored(), shown, policy);
        putCount(node, "notYetObservable", time.notYetObservable(), shown, policy);
        boolean quartiles = shown && printable(time.ended(), policy) && printable(time.censored(), policy);
        if (quartiles && time.periods() > 0) {
            node.set("firstQuartile", quantileJson(time.firstQuartile()));
            node.set("median", quantileJson(time.median()));
            node.set("thirdQuartile", quantileJson(time.thirdQuartile()));
        } else {
            node.putNull("median");
            node.put("withheld", time.periods() > 0);
        }
        if (time.leftWithin3Months() instanceof Share s && shown && printable(s.successes(), policy)
                && printable(s.trials() - s.successes(), policy)) {
            node.set("leftWithin3Months", shareJson(s));
        } else {
            node.putNull("leftWithin3Months");
        }
        return node;
    }

    private static void putCount(ObjectNode node, String field, long n, boolean shown, DisclosurePolicy policy) {
        if (shown && printable(n, policy)) {
            node.put(field, n);
        } else {
            node.putNull(field);
        }
    }

    private static ObjectNode quantileJson(KaplanMeierCurve.Quantile q) {
        ObjectNode node = JSON.createObjectNode();
        node.put("probability", q.probability());
        if (q.estimate().isPresent()) {
            node.put("days", q.estimate().getAsInt());
        } else {
            node.putNull("days");
        }
        if (q.lower().isPresent()) {
            node.put("lower", q.lower().getAsInt());
        } else {
            node.putNull("lower");
        }
        if (q.upper().isPresent()) {
            node.put("upper", q.upper().getAsInt());
        } else {
            node.putNull("upper");
        }
        node.put("level", q.level());
        return node;
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
        boolean publish = policy == null || !PrintedCount.rounds(policy)
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
