package org.tipmonitor.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code monitor} command-line tool: the monitor report, validation of exchange files, population estimates,
 * the JSON Schema and synthetic data.
 *
 * <p>Exit status: 0 when all went well; 1 when the data failed validation or an estimate could not be made; 2 for
 * a usage or I/O error. Errors go to standard error, one line each, without a stack trace unless {@code --debug}
 * is given.
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

    /** Holds the validator's logger once configured (java.util.logging keeps loggers only weakly). */
    private static java.util.logging.Logger validatorLog;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
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
        MonitorCli root = new MonitorCli();
        CommandLine commandLine = new CommandLine(root);
        addSubcommands(commandLine, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("monitor: " + exception.getMessage().replace('\n', ' ').strip() + " (see '"
                    + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USAGE_OR_IO;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            err.println("monitor: " + oneLine(exception));
            if (debug) {
                exception.printStackTrace(err);
            }
            return USAGE_OR_IO;
        });
        return commandLine.execute(args);
    }

    /**
     * Registers the subcommand the arguments name, or all of them when they name none (for the usage message and
     * picocli's suggestions): picocli builds a command's model by reflection when it is registered, a noticeable
     * part of a short run. The root's options take no value, so the first argument that is not an option names
     * the subcommand.
     */
    private static void addSubcommands(CommandLine commandLine, String[] args) {
        String named = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                named = arg;
                break;
            }
        }
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("report", ReportCommand::new);
        all.put("validate", ValidateCommand::new);
        all.put("estimate", EstimateCommand::new);
        all.put("schema", SchemaCommand::new);
        all.put("generate", GenerateCommand::new);
        if (!"estimate".equals(named) && !"schema".equals(named)) {
            quietValidatorLog(); // estimate does it itself, only when it reads an exchange file
        }
        if (named != null && all.containsKey(named)) {
            commandLine.addSubcommand(named, all.get(named).get());
        } else {
            all.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
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

    private static String oneLine(Exception exception) {
        Throwable shown = exception instanceof UncheckedIOException ? exception.getCause() : exception;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        String kind = shown instanceof java.nio.file.NoSuchFileException ? "I/O error: no such file: "
                : shown instanceof java.nio.file.AccessDeniedException ? "I/O error: access denied: "
                : shown instanceof IOException ? "I/O error: " : "";
        return kind + message.replace('\n', ' ').replace('\r', ' ');
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
