package org.tipmonitor.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tipmonitor.examples.report.MonitorData;
import org.tipmonitor.examples.report.MonitorReport;
import org.tipmonitor.examples.report.ReportCharts;
import org.tipmonitor.examples.report.ReportTable;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
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
                    + " standard output.")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--protect", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Apply the disclosure policy to every table (default); --no-protect for internal use.")
    boolean protect;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MonitorData data = input == null ? MonitorData.sample() : MonitorData.load(input);
        MonitorReport report = MonitorReport.of(data, protect ? DisclosurePolicy.withDefaults() : null);
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format) {
            case JSON:
                emit(stdout, "report.json", report.toJson() + "\n");
                break;
            case CSV:
                if (out != null) {
                    Files.createDirectories(out);
                    for (ReportTable table : report.tables()) {
                        Files.writeString(out.resolve(table.name() + ".csv"), csv(table), StandardCharsets.UTF_8);
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
            Files.writeString(out.resolve(name), content, StandardCharsets.UTF_8);
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

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
