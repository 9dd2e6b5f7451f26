package org.tipmonitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.SafeText;
import org.tipmonitor.io.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code monitor validate FILE...}: schema and semantic validation of exchange files, with the located problems
 * and the counts of records read, accepted and rejected per kind. Exit status 1 if any file is invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate exchange files against the schema and the library's rules.")
final class ValidateCommand implements Callable<Integer> {

    /** The default of {@code --format}, as picocli and {@link #plain} read it. */
    static final String DEFAULT_FORMAT = "text";
    /** The default of {@code --max-errors}, as picocli and {@link #plain} read it. */
    static final String DEFAULT_MAX_ERRORS = "100";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exchange files (JSON, format v1).")
    List<Path> files;

    @Option(names = "--format", defaultValue = DEFAULT_FORMAT, paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--max-errors", defaultValue = DEFAULT_MAX_ERRORS, paramLabel = "N",
            description = "Report at most N problems per file, 1 to " + ExchangeReader.MAX_ERROR_LIMIT
                    + "; counting goes on (default: ${DEFAULT-VALUE}).")
    int maxErrors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (maxErrors < 1 || maxErrors > ExchangeReader.MAX_ERROR_LIMIT) {
            throw new ParameterException(spec.commandLine(),
                    "--max-errors must be from 1 to " + ExchangeReader.MAX_ERROR_LIMIT + ": " + maxErrors);
        }
        if (format == OutputFormat.CSV) {
            throw new ParameterException(spec.commandLine(), "--format csv is for the report's tables; validate"
                    + " writes text or json");
        }
        return validateAll(files, format, maxErrors, spec.commandLine().getOut());
    }

    /**
     * The files of a command line that is {@code validate FILE...} and nothing else, or null for any other: one
     * with an option (or what picocli would read as one, an argument starting with {@code -}), an argument file
     * ({@code @...}), an empty or impossible path, or a {@code picocli.*} system property set. {@link MonitorCli}
     * runs such a command line with {@link #runPlain} without setting picocli up (issue 14: picocli's set-up for
     * this command, its reflection over the annotations and classes the class-data archive cannot hold, was
     * 0.17 s of each run); every other goes to picocli.
     *
     * @param args the command line
     * @return the files, or null
     */
    static List<Path> plain(String[] args) {
        if (args.length < 2 || !"validate".equals(args[0])
                || System.getProperties().stringPropertyNames().stream().anyMatch(n -> n.startsWith("picocli."))) {
            return null;
        }
        List<Path> paths = new ArrayList<>(args.length - 1);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
                return null;
            }
            try {
                paths.add(Path.of(arg));
            } catch (InvalidPathException e) {
                return null; // picocli says what is wrong with it
            }
        }
        return paths;
    }

    /**
     * Runs {@code validate FILE...} with every option at its default, as picocli would: the same reports, the
     * same exit status, the same exceptions for the caller to report.
     *
     * @param files the files ({@link #plain})
     * @param out   standard output
     * @return the exit status
     * @throws IOException if a file cannot be read
     */
    static int runPlain(List<Path> files, PrintStream out) throws IOException {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        try {
            return validateAll(files, OutputFormat.valueOf(DEFAULT_FORMAT.toUpperCase(Locale.ROOT)),
                    Integer.parseInt(DEFAULT_MAX_ERRORS), writer);
        } finally {
            writer.flush();
        }
    }

    private static int validateAll(List<Path> files, OutputFormat format, int maxErrors, PrintWriter out)
            throws IOException {
        ExchangeReader reader = ExchangeReader.withDefaults().withErrorLimit(maxErrors);
        List<ValidationReport> reports = new ArrayList<>();
        boolean allValid = true;
        for (Path file : files) {
            ValidationReport report = validate(reader, file);
            allValid &= report.isValid();
            if (format == OutputFormat.JSON) {
                reports.add(report);
            } else {
                out.println(SafeText.escape(file.toString(), Failure.MAX_MESSAGE) + ": "
                        + (report.isValid() ? "valid" : "INVALID"));
                out.print(report.toText().indent(2));
            }
        }
        if (format == OutputFormat.JSON) {
            out.println(JsonReports.render(files, reports, allValid));
        }
        out.flush();
        return allValid ? MonitorCli.OK : MonitorCli.DATA_FAILED;
    }

    /**
     * Validates one file. A file that cannot be opened or read (absent, a directory, unreadable, a read error half
     * way) is an I/O error with the operating system's reason, not a validation problem. A file larger than the
     * heap goes to {@link ExchangeReader#validate(Path)}, which checks it in flat memory.
     */
    private static ValidationReport validate(ExchangeReader reader, Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not an exchange file");
        }
        long size = Files.size(file);
        if (size > Runtime.getRuntime().maxMemory()) {
            // Larger than the heap: the library checks it in flat memory, which needs the path to read it again if
            // two keys share a fingerprint (ExchangeReader.validate(Path)); no progress line then.
            return reader.validate(file);
        }
        ValidationReport report;
        IOException failure;
        try (Progress progress = Progress.of(System.err, "validating " + file.getFileName() + ", bytes");
             CountingInputStream in = new CountingInputStream(Files.newInputStream(file),
                     n -> progress.update(n, size))) {
            report = reader.validate(in);
            failure = in.failure();
        }
        if (failure != null) {
            throw failure;
        }
        return report;
    }

    /**
     * The JSON rendering of the reports, in a class of its own: the command's class then refers to no type of
     * Jackson's data binding, whose some 300 classes a text report does not load (issue 14).
     */
    private static final class JsonReports {

        private JsonReports() {
        }

        static String render(List<Path> files, List<ValidationReport> reports, boolean allValid)
                throws IOException {
            ObjectMapper json = new ObjectMapper();
            ArrayNode entries = json.createArrayNode();
            for (int i = 0; i < reports.size(); i++) {
                ValidationReport report = reports.get(i);
                ObjectNode entry = entries.addObject();
                entry.put("file", files.get(i).toString()); // JSON escapes what a terminal would act on
                entry.put("valid", report.isValid());
                entry.set("report", json.readTree(report.toJson()));
            }
            ObjectNode root = json.createObjectNode();
            root.put("valid", allValid);
            root.set("files", entries);
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }
    }
}
