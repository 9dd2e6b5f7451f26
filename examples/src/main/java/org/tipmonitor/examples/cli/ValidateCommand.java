package org.tipmonitor.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.io.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code monitor validate FILE...}: schema and semantic validation of exchange files, with the located problems
 * and the counts of records read, accepted and rejected per kind. Exit status 1 if any file is invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate exchange files against the schema and the library's rules.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exchange files (JSON, format v1).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--max-errors", defaultValue = "100", paramLabel = "N",
            description = "Report at most N problems per file; counting goes on (default: ${DEFAULT-VALUE}).")
    int maxErrors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (maxErrors < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-errors must be at least 1: " + maxErrors);
        }
        ExchangeReader reader = ExchangeReader.withDefaults().withErrorLimit(maxErrors);
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        ArrayNode reports = json.createArrayNode();
        boolean allValid = true;
        for (Path file : files) {
            ValidationReport report = validate(reader, file);
            allValid &= report.isValid();
            if (format == OutputFormat.JSON) {
                ObjectNode entry = reports.addObject();
                entry.put("file", file.toString());
                entry.put("valid", report.isValid());
                entry.set("report", json.readTree(report.toJson()));
            } else {
                out.println(file + ": " + (report.isValid() ? "valid" : "INVALID"));
                out.print(report.toText().indent(2));
            }
        }
        if (format == OutputFormat.JSON) {
            ObjectNode root = json.createObjectNode();
            root.put("valid", allValid);
            root.set("files", reports);
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        }
        out.flush();
        return allValid ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    private ValidationReport validate(ExchangeReader reader, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot read file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        try (Progress progress = Progress.of(System.err, "validating " + file.getFileName() + ", bytes");
             InputStream in = new CountingInputStream(Files.newInputStream(file), n -> progress.update(n, size))) {
            return reader.validate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read file " + file, e);
        }
    }
}
