package org.tipmonitor.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.followup.FollowUpDimension;
import org.tipmonitor.indicators.followup.FollowUpShare;
import org.tipmonitor.indicators.followup.FollowUpStage;
import org.tipmonitor.indicators.followup.FollowedReport;
import org.tipmonitor.indicators.followup.KaplanMeierCurve;
import org.tipmonitor.indicators.followup.PoliceReportFollowUp;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.io.MonitorData;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;

/**
 * The report's follow-up of victims' police reports (part of the police section): of the reports filed in a year,
 * the share followed within 12 and 24 months by registration at the public prosecutor, a summons and a
 * conviction, by Dublin status, origin group and form, and the Kaplan&ndash;Meier share registered within one and
 * two years.
 *
 * <p>The end of observation is the last day of the last year with a case registered at the public prosecutor in
 * the file, and never after the dataset period: the chain is not observed after it. Disclosure: the counts of the
 * 12-month registration follow-up go through the policy as a protected table; a share is published only if its
 * numerator x and complement n &minus; x are both not sensitive under the policy's threshold rule (else x, n &minus; x and
 * the share are withheld and only the number filed is shown); the Kaplan&ndash;Meier shares only if the events
 * and the censored subjects are not sensitive. Under a rounding policy the shares are withheld (exact counts would
 * undo the rounding of the table), and so are the counts of reports, which are sums of the table's cells (under
 * controlled rounding a second, independent rounding of them could narrow the table's cells).
 */
final class FollowUpSection {

    /** The section's heading. */
    static final String HEADING = "6a. Follow-up of victims' police reports (aangiften) in the criminal-justice chain";
    /** The protected table's name. */
    static final String TABLE = "police-report-follow-up-registration-12m";
    /** The protected table's title. */
    static final String TABLE_TITLE = "Police reports by year filed and registration of a case at the public"
            + " prosecutor within 12 months";
    /** The windows shown, in months. */
    static final int[] WINDOWS = {12, 24};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final ObjectNode json = JSON.createObjectNode();
    private CountTable table;
    private final DisclosurePolicy policy;

    private FollowUpSection(DisclosurePolicy policy) {
        this.policy = policy;
    }

    /**
     * Computes the section.
     *
     * @param data   the records
     * @param policy the disclosure policy, or null for an unprotected report
     * @param id     the dataset id
     * @return the section
     */
    static FollowUpSection of(MonitorData data, DisclosurePolicy policy, String id) {
        FollowUpSection section = new FollowUpSection(policy);
        section.build(data, id);
        return section;
    }

    /** The counts table to protect and publish, if there are reports. */
    Optional<CountTable> table() {
        return Optional.ofNullable(table);
    }

    /** The text lines after the table. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The JSON object of the section. */
    ObjectNode json() {
        return json;
    }

    private void build(MonitorData data, String id) {
        List<PoliceReport> reports = data.policeReports();
        List<OffenderCase> cases = data.offenderCases();
        if (PrintedCount.rounds(policy) && !reports.isEmpty()) {
            json.putNull("reports"); // the table's total, rounded, says it
        } else {
            json.put("reports", reports.size());
        }
        if (reports.isEmpty() || cases.isEmpty()) {
            String reason = reports.isEmpty()
                    ? "the file has no police reports linked to cases (format 1.0 files carry none)"
                    : "the file has no offender cases";
            line("No follow-up: %s.", reason);
            json.putNull("observedUntil");
            json.put("reason", reason);
            return;
        }
        int lastCaseYear = data.offenderCaseYears().last();
        LocalDate observedUntil = LocalDate.of(lastCaseYear, 12, 31);
        if (observedUntil.isAfter(data.dataset().periodTo())) {
            observedUntil = data.dataset().periodTo();
        }
        // Years of filing: those of the registrations. A report filed in an earlier year belongs to a victim
        // registered later; that year holds only such reports, so it is incomplete and left out.
        int first = data.registrationYears().first();
        int last = Math.max(first, reports.stream().mapToInt(r -> r.filedDate().getYear()).max().orElseThrow());
        YearRange years = YearRange.of(first, last);
        long before = reports.stream().filter(r -> r.filedDate().getYear() < years.firstYear()).count();
        List<FollowedReport> followed = FollowedReport.join(data.victims(), cases, reports);
        long linked = reports.stream().filter(PoliceReport::isLinked).count();
        PoliceReportFollowUp followUp = PoliceReportFollowUp.of(years, observedUntil).withDatasetId(id);
        boolean rounds = PrintedCount.rounds(policy);
        if (rounds) {
            // the counts of reports are sums of the table's cells: printed only there, rounded
            line("Police reports in the file: counted by year filed in the table (rounded); those filed before %d"
                    + " (the first registration year) are left out as an incomplete year.", years.firstYear());
        } else {
            line("Police reports in the file: %,d, %,d of them linked to a case at the public prosecutor; %,d filed"
                    + " before %d (the first registration year) left out as an incomplete year.", reports.size(),
                    linked, before, years.firstYear());
        }
        json.put("period", years.toString());
        if (rounds) {
            json.putNull("filedBeforePeriod");
        } else {
            json.put("filedBeforePeriod", before);
        }
        line("End of observation: %s (default: the last day of the last year with a case registered at the public"
                + " prosecutor in the file). A report whose window ends after it is counted as not yet observable,"
                + " not as a report without prosecution.", observedUntil);
        json.put("observedUntil", observedUntil.toString());
        json.put("observedUntilRule", "last day of the last year with a case registered at the public prosecutor");
        if (rounds) {
            json.putNull("linked");
        } else {
            json.put("linked", linked);
        }
        json.put("shareRule", "x, n - x and the share withheld if either count is sensitive");
        table = followUp.table(followed, FollowUpStage.PROSECUTOR_REGISTRATION, 12);

        line("Share of observable reports followed within the window (95%% Wilson CI; n = observable reports):");
        line("%-6s %-38s %-34s %-34s", "year", "stage", "12 months", "24 months");
        ArrayNode all = json.putArray("shares");
        for (int year = first; year <= last; year++) {
            for (FollowUpStage stage : FollowUpStage.values()) {
                List<String> cells = new ArrayList<>();
                for (int window : WINDOWS) {
                    FollowUpShare share = followUp.share(followed, year, stage, window);
                    cells.add(describe(share));
                    all.add(shareJson(share));
                }
                line("%-6d %-38s %-34s %-34s", year, stage.label(), cells.get(0), cells.get(1));
            }
        }
        ObjectNode breakdowns = json.putObject("byGroup");
        for (FollowUpDimension dimension : FollowUpDimension.values()) {
            ArrayNode node = breakdowns.putArray(dimension.dimensionName());
            // JSON: every stage and window; text: registration within 12 months.
            for (FollowUpStage stage : FollowUpStage.values()) {
                for (int window : WINDOWS) {
                    followUp.shares(followed, stage, window, dimension).forEach(share -> node.add(shareJson(share)));
                }
            }
            List<FollowUpShare> shares = followUp.shares(followed, FollowUpStage.PROSECUTOR_REGISTRATION, 12,
                    dimension);
            line("Registered at the public prosecutor within 12 months, by %s (every stage and window in the"
                    + " JSON):", dimension.dimensionName());
            for (int year = first; year <= last; year++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %d:", year));
                for (FollowUpShare share : shares) {
                    if (share.year() == year && share.filed() > 0) {
                        row.append(' ').append(share.group()).append(' ').append(describe(share)).append(';');
                    }
                }
                lines.add(row.substring(0, row.length() - (row.charAt(row.length() - 1) == ';' ? 1 : 0)));
            }
        }
        KaplanMeierCurve curve = followUp.timeToStage(followed, FollowUpStage.PROSECUTOR_REGISTRATION);
        long events = java.util.Arrays.stream(curve.events()).sum();
        ObjectNode km = json.putObject("kaplanMeier");
        km.put("stage", FollowUpStage.PROSECUTOR_REGISTRATION.code());
        if (rounds) {
            km.putNull("subjects");
            km.putNull("censored");
        } else {
            km.put("subjects", curve.subjects());
            km.put("censored", curve.censored());
        }
        boolean publish = shareable(events, curve.censored());
        if (publish) {
            double[] year1 = curve.eventShareBy(365);
            double[] year2 = curve.eventShareBy(730);
            line("Kaplan-Meier (Greenwood, log-log 95%% CI), registered at the public prosecutor within 365 days:"
                    + " %s; within 730 days: %s (%,d reports, %,d censored at the end of observation).",
                    percent(year1), percent(year2), curve.subjects(), curve.censored());
            km.set("within365Days", interval(year1, curve.level()));
            km.set("within730Days", interval(year2, curve.level()));
        } else {
            line("Kaplan-Meier of the time to registration: withheld (small counts).");
            km.put("withheld", true);
        }
    }

    private boolean shareable(long x, long complement) {
        return policy == null || !PrintedCount.rounds(policy) && !policy.isSensitive(x)
                && !policy.isSensitive(complement);
    }

    private String describe(FollowUpShare share) {
        if (!share.share().isDefined()) {
            return share.filed() == 0 ? "-" : "not yet observable" + (PrintedCount.rounds(policy) ? ""
                    : " (" + share.notYetObservable() + ")");
        }
        Share s = (Share) share.share();
        if (!shareable(share.followed(), share.observable() - share.followed())) {
            return "x (n = " + (!PrintedCount.rounds(policy) ? Long.toString(share.observable()) : "x") + ")";
        }
        return String.format(Locale.ROOT, "%d/%d = %.1f%% (%.1f-%.1f)", s.successes(), s.trials(),
                100 * s.estimate(), 100 * s.lower(), 100 * s.upper());
    }

    private ObjectNode shareJson(FollowUpShare share) {
        ObjectNode node = JSON.createObjectNode();
        node.put("year", share.year());
        node.put("group", share.group());
        node.put("stage", share.stage().code());
        node.put("windowMonths", share.windowMonths());
        boolean rounded = PrintedCount.rounds(policy);
        if (rounded) {
            node.putNull("filed");
            node.putNull("notYetObservable");
        } else {
            node.put("filed", share.filed());
            node.put("notYetObservable", share.notYetObservable());
        }
        if (share.share() instanceof Share s && shareable(share.followed(), share.observable() - share.followed())) {
            node.put("followed", share.followed());
            node.put("observable", share.observable());
            node.put("estimate", s.estimate());
            node.put("lower", s.lower());
            node.put("upper", s.upper());
            node.put("level", s.level());
            node.put("method", s.method().id());
        } else {
            node.putNull("followed");
            node.putNull("estimate");
            node.put("withheld", share.share().isDefined());
        }
        return node;
    }

    private static String percent(double[] interval) {
        return String.format(Locale.ROOT, "%.1f%% (%.1f%% to %.1f%%)", 100 * interval[0], 100 * interval[1],
                100 * interval[2]);
    }

    private static ObjectNode interval(double[] interval, double level) {
        ObjectNode node = JSON.createObjectNode();
        node.put("estimate", interval[0]);
        node.put("lower", interval[1]);
        node.put("upper", interval[2]);
        node.put("level", level);
        return node;
    }

    private void line(String format, Object... args) {
        lines.add(String.format(Locale.ROOT, format, args));
    }
}
