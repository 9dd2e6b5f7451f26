package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The quick paths of the tool's start (issue 14): {@code --version} and {@code schema} without picocli, the root
 * usage message rendered when the tool is built ({@link UsageText}) from the subcommands' names and descriptions
 * only, which must say what the full models would say, plain and styled; {@code validate FILE...} without picocli,
 * which must do what picocli does with the options at their defaults.
 */
class MonitorCliStartTest {

    /** Every subcommand with its class, in the order of the usage message. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ReportCommand.class, ValidateCommand.class,
            EstimateCommand.class, SchemaCommand.class, GenerateCommand.class);

    static Stream<String> versionOptions() {
        return Stream.of("--version", "-V");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionOptions")
    void versionAloneIsTheLibraryVersion(String option) {
        MonitorCliTest.Run run = MonitorCliTest.run(option);
        assertEquals(0, run.status(), run.err());
        assertEquals("monitor " + Provenance.currentLibraryVersion() + System.lineSeparator(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void versionThroughPicocliSaysTheSame() {
        // With a second option the quick path is not taken: picocli answers from the version provider.
        MonitorCliTest.Run run = MonitorCliTest.run("--debug", "--version");
        assertEquals(0, run.status(), run.err());
        assertEquals(MonitorCliTest.run("--version").out().strip(), run.out().strip());
    }

    @Test
    void helpEqualsTheUsageOfTheFullModels() {
        MonitorCliTest.Run help = MonitorCliTest.run("--help");
        assertEquals(0, help.status(), help.err());
        // The reference: the same root with every subcommand registered in full, as picocli builds it.
        CommandLine full = fullModels();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(expected, true, StandardCharsets.UTF_8)) {
            full.usage(out);
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                help.out().replace("\r\n", "\n"));
        for (Class<?> type : SUBCOMMANDS) {
            assertTrue(help.out().contains("  " + type.getAnnotation(Command.class).name() + " "), help.out());
        }
    }

    static Stream<Arguments> usageStyles() {
        return Stream.of(Arguments.of(CommandLine.Help.Ansi.OFF, UsageText.PLAIN),
                Arguments.of(CommandLine.Help.Ansi.ON, UsageText.STYLED));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usageStyles")
    void theUsageRenderedAtBuildIsPicocliRenderingOfTheFullModels(CommandLine.Help.Ansi ansi, String resource)
            throws IOException {
        // The build (process-classes) wrote the resource; the quick path of --help prints it.
        byte[] built;
        try (InputStream in = UsageText.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " was not built: run the build's process-classes phase");
            built = in.readAllBytes();
        }
        CommandLine full = fullModels();
        full.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(expected, true, StandardCharsets.UTF_8)) {
            full.usage(out);
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8), new String(built, StandardCharsets.UTF_8));
        assertEquals(ansi == CommandLine.Help.Ansi.ON, new String(built, StandardCharsets.UTF_8).contains("\u001B["));
    }

    @Test
    void aPicocliPropertyLeavesTheUsageToPicocli() {
        String width = System.getProperty("picocli.usage.width");
        System.setProperty("picocli.usage.width", "100");
        try {
            assertNull(UsageText.of());
            MonitorCliTest.Run help = MonitorCliTest.run("--help");
            assertEquals(0, help.status(), help.err());
            // at 100 columns the root's description fits on one line
            assertTrue(help.out().contains(
                    "Dutch human-trafficking monitor data: report, validate, estimate, schema, generate."), help.out());
        } finally {
            if (width == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", width);
            }
        }
    }

    @Test
    void schemaAloneEqualsTheSubcommandsOutput() {
        // `schema` alone takes the quick path; with --debug (an option every subcommand inherits) picocli runs
        // SchemaCommand.
        MonitorCliTest.Run quick = MonitorCliTest.run("schema");
        MonitorCliTest.Run full = MonitorCliTest.run("schema", "--debug");
        assertEquals(0, quick.status(), quick.err());
        assertEquals(0, full.status(), full.err());
        assertEquals(full.out(), quick.out());
        assertTrue(quick.out().endsWith("}\n"), quick.out());
        assertEquals("", quick.err());
    }

    @Test
    void noCommandPrintsTheUsageWithStatusTwo() {
        MonitorCliTest.Run run = MonitorCliTest.run();
        assertEquals(MonitorCli.USAGE_OR_IO, run.status());
        assertEquals(MonitorCliTest.run("--help").out(), run.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        MonitorCliTest.Run run = MonitorCliTest.run("valdate", "x.json");
        assertEquals(MonitorCli.USAGE_OR_IO, run.status());
        assertTrue(run.err().startsWith("monitor: TM-CLI-001: Unmatched arguments from index 0: 'valdate', 'x.json'"),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aSubcommandsHelpIsItsFullModel() {
        MonitorCliTest.Run run = MonitorCliTest.run("schema", "--help");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: monitor schema [-hV] [--debug]"), run.out());
    }

    @Test
    void theClassDataTrainingRunsEveryCommand() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(0, ClassDataTraining.train(stream), () -> err.toString(StandardCharsets.UTF_8));
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @TempDir
    Path dir;

    static Stream<String> plainValidations() {
        return Stream.of("a valid file", "an invalid file", "an absent file", "a directory", "two files");
    }

    /**
     * {@code validate FILE...} alone takes the quick path ({@link ValidateCommand#plain}); the same command line
     * with the options at their defaults goes through picocli; both must print, report and exit alike.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainValidations")
    void validateAloneEqualsPicocliWithTheDefaults(String files) throws IOException {
        Path valid = dir.resolve("synthetic-monitor.json");
        try (InputStream in = MonitorCli.class.getResourceAsStream(
                "/org/tipmonitor/cli/data/synthetic-monitor.json")) {
            Files.copy(in, valid, StandardCopyOption.REPLACE_EXISTING);
        }
        Path invalid = dir.resolve("broken.json");
        Files.writeString(invalid, "{\"formatVersion\": \"1.0\", \"dataset\": {\"id\": \"x\"");
        List<String> paths = switch (files) {
            case "a valid file" -> List.of(valid.toString());
            case "an invalid file" -> List.of(invalid.toString());
            case "an absent file" -> List.of(dir.resolve("absent.json").toString());
            case "a directory" -> List.of(dir.toString());
            case "two files" -> List.of(valid.toString(), invalid.toString());
            default -> throw new IllegalArgumentException(files);
        };
        String[] quickArgs = Stream.concat(Stream.of("validate"), paths.stream()).toArray(String[]::new);
        assertEquals(paths.stream().map(Path::of).toList(), ValidateCommand.plain(quickArgs));
        MonitorCliTest.Run quick = MonitorCliTest.run(quickArgs);
        String[] fullArgs = Stream.concat(Stream.of("validate", "--format", ValidateCommand.DEFAULT_FORMAT,
                "--max-errors", ValidateCommand.DEFAULT_MAX_ERRORS), paths.stream()).toArray(String[]::new);
        assertNull(ValidateCommand.plain(fullArgs));
        MonitorCliTest.Run full = MonitorCliTest.run(fullArgs);
        assertEquals(full, quick);
        int expected = switch (files) {
            case "a valid file" -> MonitorCli.OK;
            case "an invalid file", "two files" -> MonitorCli.DATA_FAILED;
            default -> MonitorCli.USAGE_OR_IO;
        };
        assertEquals(expected, quick.status(), quick.err());
    }

    static Stream<Arguments> notPlain() {
        return Stream.of(Arguments.of("no file", List.of("validate")),
                Arguments.of("an option", List.of("validate", "--format", "json", "a.json")),
                Arguments.of("an option after the file", List.of("validate", "a.json", "--max-errors", "5")),
                Arguments.of("the end of options", List.of("validate", "--", "a.json")),
                Arguments.of("an argument file", List.of("validate", "@arguments.txt")),
                Arguments.of("an empty argument", List.of("validate", "")),
                Arguments.of("an impossible path", List.of("validate", "a\u0000b.json")),
                Arguments.of("another command", List.of("report", "a.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notPlain")
    void everyOtherCommandLineGoesToPicocli(String name, List<String> args) {
        assertNull(ValidateCommand.plain(args.toArray(String[]::new)));
    }

    @Test
    void aPicocliPropertyLeavesValidateToPicocli() {
        assertEquals(List.of(Path.of("a.json")), ValidateCommand.plain(new String[] {"validate", "a.json"}));
        System.setProperty("picocli.trimQuotes", "true");
        try {
            assertNull(ValidateCommand.plain(new String[] {"validate", "a.json"}));
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
    }

    /** The root with every subcommand registered in full, as picocli builds it. */
    private static CommandLine fullModels() {
        CommandLine full = new CommandLine(new MonitorCli());
        for (Class<?> type : SUBCOMMANDS) {
            full.addSubcommand(type.getAnnotation(Command.class).name(), newInstance(type));
        }
        return full;
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName(), e);
        }
    }
}
