package org.tipmonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tipmonitor.cli.report.MonitorReport;
import org.tipmonitor.cli.report.ReportCharts;
import org.tipmonitor.cli.report.ReportCsv;
import org.tipmonitor.cli.report.Sample;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.MonitorData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code monitor report}: the monitor report on an exchange file, or on the bundled synthetic sample when no input
 * is given. Tables are protected by the default disclosure policy unless {@code --no-protect}: by cell suppression,
 * or with {@code --protection rounding} by controlled rounding of the linked set to {@code --rounding-base}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The monitor report: registrations, legal basis, minors, offenders, police signals, chain,"
                + " population estimate.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE",
            description = "Exchange file (default: the bundled synthetic sample).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write report.txt, report.json or one CSV per section and table, and the charts (PNG and"
                    + " SVG), into DIR instead of standard output, and list the files written; each file is replaced"
                    + " only once complete (default: the report on standard output, no charts).")
    Path out;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json (the result schema's report"
            + " document) or csv (one file per section and table, named header columns) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--protect", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Apply the disclosure policy to every table (default); --no-protect for internal use.")
    boolean protect;

    /** How the report's tables are protected. */
    enum Protection {
        /** Primary and secondary cell suppression (the default). */
        suppression,
        /** Controlled rounding of the linked set of tables, every other count rounded too. */
        rounding
    }

    @Option(names = "--protection", defaultValue = "suppression", paramLabel = "METHOD",
            description = "suppression (withhold small cells and their complements) or rounding (controlled rounding"
                    + " of every table jointly, additive, shared margins equal; every other count rounded to the same"
                    + " base) (default: ${DEFAULT-VALUE}).")
    Protection protection;

    @Option(names = "--rounding-base", paramLabel = "N",
            description = "The base of --protection rounding, at least the policy's protection margin + 1 (default:"
                    + " the protection margin + 1, 11 with the default policy; stated in the output).")
    Long roundingBase;

    @Option(names = "--scheme-change", paramLabel = "DATE",
            description = "First day under a changed residence scheme (yyyy-mm-dd): compare Dublin claimants before"
                    + " and after it (default: no comparison). Must leave a day of the registration years on each"
                    + " side.")
    java.time.LocalDate schemeChange;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() throws IOException {
        if (input != null && Files.isDirectory(input)) {
            throw new FileSystemException(input.toString(), null, "is a directory, not an exchange file");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new FileSystemException(out.toString(), null, "exists and is not a directory (--out names a"
                    + " directory)");
        }
        DisclosurePolicy policy = policy();
        MonitorData data = input == null ? Sample.data() : ExchangeReader.withDefaults().readData(input);
        if (schemeChange != null) {
            java.util.SortedSet<Integer> years = data.registrationYears();
            if (years.isEmpty() || !schemeChange.isAfter(java.time.LocalDate.of(years.first(), 1, 1))
                    || schemeChange.isAfter(java.time.LocalDate.of(years.last(), 12, 31))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scheme-change must leave a"
                        + " day of the registration years on each side"
                        + (years.isEmpty() ? " (the file has no registrations)"
                        : " (" + years.first() + "-" + years.last() + ")") + ": " + schemeChange);
            }
        }
        MonitorReport report = MonitorReport.of(data, policy, schemeChange);
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> written = new ArrayList<>();
        switch (format) {
            case JSON:
                emit(stdout, "report.json", report.toJson() + "\n", written);
                break;
            case CSV:
                for (Map.Entry<String, String> file : ReportCsv.of(report).entrySet()) {
                    if (out == null) {
                        stdout.print("# " + file.getKey() + "\n" + file.getValue() + "\n");
                    } else {
                        emit(stdout, file.getKey(), file.getValue(), written);
                    }
                }
                break;
            default:
                emit(stdout, "report.txt", report.toText(), written);
        }
        if (out != null) {
            written.addAll(ReportCharts.write(report, out));
            // With --out nothing else goes to standard output: every file written (table, section, chart), one a
            // line, so that a caller or a person sees what was written where (issue 15).
            written.forEach(file -> stdout.print("wrote " + file + "\n"));
        }
        stdout.flush();
        // exit 1 also when the disclosure audit finds an exposed cell: the output must not be published
        return data.report().isValid() && report.auditPassed() ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    /**
     * The policy the options ask for: none with --no-protect, the default suppression, or controlled rounding to a
     * base that can meet the policy's protection margin p (b &ge; p + 1: a value published as 0 lies in [0, b &minus; 1],
     * see {@code ControlledRounding}); default b = p + 1.
     */
    private DisclosurePolicy policy() {
        DisclosurePolicy defaults = DisclosurePolicy.withDefaults();
        long margin = defaults.protectionMargin();
        if (protection != Protection.rounding) {
            if (roundingBase != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounding-base needs"
                        + " --protection rounding");
            }
            return protect ? defaults : null;
        }
        if (!protect) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--protection rounding protects the"
                    + " tables: it cannot be combined with --no-protect");
        }
        long base = roundingBase == null ? margin + 1 : roundingBase;
        if (base < margin + 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounding-base " + base
                    + " cannot meet the policy's protection margin " + margin + ": a value published as 0 could be"
                    + " narrowed to [0, " + (base - 1) + "], narrower than " + margin + "; use at least "
                    + (margin + 1));
        }
        return defaults.withControlledRounding(base);
    }

    private void emit(PrintWriter stdout, String name, String content, List<Path> written) throws IOException {
        if (out == null) {
            stdout.print(content);
        } else {
            Files.createDirectories(out);
            AtomicFile.writeString(out.resolve(name), content);
            written.add(out.resolve(name));
        }
    }
}
