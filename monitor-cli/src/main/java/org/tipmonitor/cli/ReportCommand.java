package org.tipmonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tipmonitor.cli.report.MonitorData;
import org.tipmonitor.cli.report.MonitorReport;
import org.tipmonitor.cli.report.ReportCharts;
import org.tipmonitor.cli.report.ReportTable;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.io.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code monitor report}: the monitor report on an exchange file, or on the bundled synthetic sample when no input
 * is given. Tables are protected by the default disclosure policy unless {@code --no-protect}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The monitor report: registrations, legal basis, minors, offenders, police signals, chain,"
                + " population estimate.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE",
            description = "Exchange file (default: the bundled synthetic sample).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write report.txt, report.json or one CSV per table, and PNG charts, into DIR instead of"
                    + " standard output; each file is replaced only once complete.")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--protect", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Apply the disclosure policy to every table (default); --no-protect for internal use.")
    boolean protect;

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
        MonitorData data = input == null ? MonitorData.sample() : MonitorData.load(input);
        if (schemeChange != null) {
            java.util.IntSummaryStatistics years = data.registrations().stream()
                    .mapToInt(org.tipmonitor.model.Registration::reportYear).summaryStatistics();
            if (years.getCount() == 0 || !schemeChange.isAfter(java.time.LocalDate.of(years.getMin(), 1, 1))
                    || schemeChange.isAfter(java.time.LocalDate.of(years.getMax(), 12, 31))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scheme-change must leave a"
                        + " day of the registration years on each side"
                        + (years.getCount() == 0 ? " (the file has no registrations)"
                        : " (" + years.getMin() + "-" + years.getMax() + ")") + ": " + schemeChange);
            }
        }
        MonitorReport report = MonitorReport.of(data, protect ? DisclosurePolicy.withDefaults() : null,
                schemeChange);
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format) {
            case JSON:
                emit(stdout, "report.json", report.toJson() + "\n");
                break;
            case CSV:
                if (out != null) {
                    Files.createDirectories(out);
                    for (ReportTable table : report.tables()) {
                        AtomicFile.writeString(out.resolve(table.name() + ".csv"), csv(table));
                    }
                } else {
                    for (ReportTable table : report.tables()) {
                        stdout.print("# " + table.name() + "\n" + csv(table) + "\n");
                    }
                }
                break;
            default:
                emit(stdout, "report.txt", report.toText());
        }
        if (out != null) {
            ReportCharts.write(report, out);
        }
        stdout.flush();
        // exit 1 also when the disclosure audit finds an exposed cell: the output must not be published
        return data.report().isValid() && report.auditPassed() ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    private void emit(PrintWriter stdout, String name, String content) throws IOException {
        if (out == null) {
            stdout.print(content);
        } else {
            Files.createDirectories(out);
            AtomicFile.writeString(out.resolve(name), content);
        }
    }

    /** A table as CSV: one column per dimension and a count column; withheld cells are empty with status x. */
    static String csv(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        List<String> header = table.dimensions().stream().map(d -> d.name()).collect(Collectors.toList());
        header.add("count");
        header.add("status");
        csv.append(String.join(",", header)).append('\n');
        for (List<String> row : table.rows()) {
            List<String> cells = row.subList(0, row.size() - 1).stream().map(ReportCommand::quote)
                    .collect(Collectors.toList());
            String value = row.get(row.size() - 1);
            cells.add("x".equals(value) ? "" : value);
            cells.add("x".equals(value) ? "x" : "");
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    /** A label cell: neutralised against spreadsheet formulas (OWASP), quoted if it holds a comma or a quote. */
    private static String quote(String label) {
        String cell = SafeText.spreadsheetCell(label);
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
