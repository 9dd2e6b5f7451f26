package org.tipmonitor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code monitor} command-line tool: the monitor report, validation of exchange files, population estimates,
 * the JSON Schema and synthetic data.
 *
 * <p>Exit status: 0 when all went well; 1 when the data failed validation or an estimate could not be made; 2 for
 * a usage or I/O error (standard output that cannot be written included); 3 when the virtual machine ran out of
 * memory or another resource; 4 for an internal error. Every error goes to standard error as one line that starts
 * with a stable code ({@link CliRule} for the tool's own, the library's codes for the data); a stack trace follows
 * only with {@code --debug}. The policy is {@link Failure}'s.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = MonitorCli.Version.class,
        description = "Dutch human-trafficking monitor data: report, validate, estimate, schema, generate.")
public final class MonitorCli implements Callable<Integer> {

    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: the data failed validation, or an estimate could not be made. */
    public static final int DATA_FAILED = 1;
    /** Exit status: a usage or I/O error. */
    public static final int USAGE_OR_IO = 2;
    /** Exit status: the virtual machine ran out of memory or another resource. */
    public static final int OUT_OF_RESOURCES = 3;
    /** Exit status: an internal error (a defect of the tool). */
    public static final int INTERNAL_ERROR = 4;

    /** Holds the validator's logger once configured (java.util.logging keeps loggers only weakly). */
    private static java.util.logging.Logger validatorLog;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error after its one-line message.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard output as bytes, for commands that stream (generate); set by {@link #run}. */
    PrintStream stdout;

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Over the file descriptor, not System.out: a PrintStream over System.out would never see its failures.
        System.exit(run(args, CheckedPrintStream.of(new FileOutputStream(FileDescriptor.out)),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)));
    }

    /**
     * Runs the tool with the given streams, without exiting.
     *
     * @param args the command line
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        boolean[] reported = new boolean[1];
        int status;
        try {
            status = execute(args, out, err, reported);
        } catch (Throwable thrown) { // the policy covers every Throwable, OutOfMemoryError included
            reported[0] = true;
            status = report(thrown, debug, err);
        }
        out.flush();
        if (out.checkError()) {
            // Lost output is never success; it gets its own line unless an error (the same failure, seen by the
            // command that wrote) was reported already.
            if (!reported[0]) {
                IOException cause = out instanceof CheckedPrintStream checked ? checked.failure() : null;
                err.println("monitor: " + CliRule.OUTPUT.code() + ": writing standard output failed"
                        + (cause == null ? "" : ": " + Failure.reason(cause)) + "; the output is incomplete");
            }
            return Math.max(status, CliRule.OUTPUT.exitStatus());
        }
        return status;
    }

    private static int execute(String[] args, PrintStream out, PrintStream err, boolean[] reported)
            throws IOException {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // picocli's answer, without setting picocli up: its classes (compiled for Java 5, so neither in the
            // class-data archive nor quickly verified) would be most of the run
            out.println(new Version().getVersion()[0]);
            return OK;
        }
        if (args.length == 0 || args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            // The root usage message as picocli rendered it when the tool was built (UsageText), when it applies
            byte[] usage = UsageText.of();
            if (usage != null) {
                out.write(usage, 0, usage.length);
                return args.length == 0 ? USAGE_OR_IO : OK; // as call() answers a run without a command
            }
        }
        if (args.length == 1 && "schema".equals(args[0])) {
            // What SchemaCommand prints, without picocli: the schema needs no option
            byte[] schema = SchemaCommand.text(false).getBytes(StandardCharsets.UTF_8);
            out.write(schema, 0, schema.length);
            return OK;
        }
        List<Path> plainFiles = ValidateCommand.plain(args);
        if (plainFiles != null) {
            // `validate FILE...` without options: what ValidateCommand does with its defaults, without picocli
            quietValidatorLog();
            return ValidateCommand.runPlain(plainFiles, out);
        }
        MonitorCli root = new MonitorCli();
        root.stdout = out;
        CommandLine commandLine = new CommandLine(root);
        addSubcommands(commandLine, args);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            reported[0] = true;
            err.println("monitor: " + Failure.usage(exception,
                    exception.getCommandLine().getCommandSpec().qualifiedName()));
            return USAGE_OR_IO;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            reported[0] = true;
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (exception instanceof CommandLine.ParameterException usage) {
                err.println("monitor: " + Failure.usage(usage,
                        usage.getCommandLine().getCommandSpec().qualifiedName()));
                return USAGE_OR_IO;
            }
            return report(exception, debug, err);
        });
        int status = commandLine.execute(args);
        commandLine.getOut().flush();
        return status;
    }

    /** Prints the one line of a failure (and its trace with --debug) and returns its exit status. */
    private static int report(Throwable thrown, boolean debug, PrintStream err) {
        Failure.Outcome outcome = Failure.of(thrown);
        err.println("monitor: " + outcome.line());
        if (debug) {
            thrown.printStackTrace(err);
        }
        return outcome.exitStatus();
    }

    /**
     * Registers the subcommand the arguments name; when they name none, or one that does not exist, the usage
     * message needs only the subcommands' names and descriptions, so each is registered as a bare specification
     * with these. Picocli builds a command's model by reflection
     * when it is registered (its options, their types, their converters), which would otherwise be most of a
     * short run. The root's options take no value, so the first argument that is not an option names the
     * subcommand. Only the subcommands that validate records set up java.util.logging for Hibernate Validator.
     */
    private static void addSubcommands(CommandLine commandLine, String[] args) {
        String named = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                named = arg;
                break;
            }
        }
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("report", ReportCommand.class);
        all.put("validate", ValidateCommand.class);
        all.put("estimate", EstimateCommand.class);
        all.put("schema", SchemaCommand.class);
        all.put("generate", GenerateCommand.class);
        if (named != null && all.containsKey(named)) {
            if (!"estimate".equals(named) && !"schema".equals(named)) {
                quietValidatorLog(); // estimate does it itself, only when it reads an exchange file
            }
            commandLine.addSubcommand(named, instantiate(named));
        } else {
            all.forEach((name, type) -> commandLine.addSubcommand(name, new CommandLine(
                    usageOnly(name, type.getAnnotation(Command.class).description()))));
        }
    }

    /**
     * The root command line as a run without a subcommand sets it up: the root and each subcommand's name and
     * description (what its usage message shows; {@link UsageText} renders it when the tool is built).
     *
     * @return the root command line, its output streams picocli's defaults
     */
    static CommandLine usageCommandLine() {
        CommandLine commandLine = new CommandLine(new MonitorCli());
        addSubcommands(commandLine, new String[0]);
        return commandLine;
    }

    /** A new instance of the named subcommand. */
    private static Object instantiate(String name) {
        return switch (name) {
            case "report" -> new ReportCommand();
            case "validate" -> new ValidateCommand();
            case "estimate" -> new EstimateCommand();
            case "schema" -> new SchemaCommand();
            case "generate" -> new GenerateCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** A subcommand's specification with only what the root's usage message shows: its name and description. */
    private static CommandLine.Model.CommandSpec usageOnly(String name, String[] description) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /**
     * Keeps Hibernate Validator's start-up announcement (INFO) off standard error, which the tool keeps for
     * errors; called before a command first validates (setting up java.util.logging costs a short run about
     * 20 ms, so commands that never validate skip it).
     */
    static synchronized void quietValidatorLog() {
        if (validatorLog == null) {
            validatorLog = java.util.logging.Logger.getLogger("org.hibernate.validator");
            validatorLog.setLevel(java.util.logging.Level.WARNING);
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE_OR_IO;
    }

    /** The tool's version: the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"monitor " + org.tipmonitor.indicators.Provenance.currentLibraryVersion()};
        }
    }
}
