package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The quick paths of the tool's start (issue 14): {@code --version} without picocli, and the root usage message from
 * the subcommands' names and descriptions only, which must say what the full models would say.
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
        CommandLine full = new CommandLine(new MonitorCli());
        for (Class<?> type : SUBCOMMANDS) {
            full.addSubcommand(type.getAnnotation(Command.class).name(), newInstance(type));
        }
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

    private static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName(), e);
        }
    }
}
