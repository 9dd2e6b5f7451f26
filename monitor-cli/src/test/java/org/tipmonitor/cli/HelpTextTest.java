package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help texts of issue 15: every default stated, a synopsis that does not break inside its brackets, the
 * bootstrap's replicates in the output, and the files a report writes into {@code --out} listed.
 */
class HelpTextTest {

    private static final List<Class<?>> SUBCOMMANDS = List.of(ReportCommand.class, ValidateCommand.class,
            EstimateCommand.class, SchemaCommand.class, GenerateCommand.class);

    @TempDir
    Path dir;

    private static CommandLine commandLine(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return new CommandLine(constructor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Every option of every subcommand that takes a value and may be left out, with its command's name. */
    static Stream<Arguments> optionsWithAValue() {
        List<Arguments> options = new ArrayList<>();
        for (Class<?> type : SUBCOMMANDS) {
            CommandLine command = commandLine(type);
            for (OptionSpec option : command.getCommandSpec().options()) {
                boolean flag = option.type() == boolean.class || option.type() == Boolean.class;
                ArgGroupSpec group = option.group();
                boolean chosenFromARequiredGroup = group != null && group.multiplicity().min() > 0;
                if (!flag && !option.required() && !chosenFromARequiredGroup && !option.usageHelp()
                        && !option.versionHelp()) {
                    options.add(Arguments.of(command.getCommandName() + " " + option.longestName(), option));
                }
            }
        }
        return options.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionsWithAValue")
    void everyOptionStatesItsDefault(String name, OptionSpec option) {
        String description = String.join(" ", option.description());
        assertTrue(description.toLowerCase(Locale.ROOT).contains("default"), name + ": " + description);
        if (option.defaultValue() != null) {
            assertTrue(description.contains("${DEFAULT-VALUE}") || description.contains(option.defaultValue()),
                    name + " defaults to " + option.defaultValue() + " but says: " + description);
        }
    }

    @Test
    void theDefaultsOfTheBootstrapAreShown() {
        String usage = commandLine(EstimateCommand.class).getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        assertTrue(usage.contains("Bootstrap seed (default: 1)."), usage);
        assertTrue(usage.contains("(default: 1000)."), usage);
        assertTrue(usage.contains("(default: every year, 1990-2100)."), usage);
    }

    static Stream<Class<?>> subcommands() {
        return SUBCOMMANDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subcommands")
    void synopsisLinesKeepTheirBracketsTogether(Class<?> type) {
        CommandLine command = commandLine(type);
        String synopsis = command.getHelp().synopsis(0);
        for (String line : synopsis.split("\\R")) {
            assertEquals(0, depth(line, '[', ']'), () -> "a line breaks inside [...]: " + line + "\n" + synopsis);
            assertEquals(0, depth(line, '(', ')'), () -> "a line breaks inside (...): " + line + "\n" + synopsis);
        }
        assertFalse(synopsis.contains("<"), () -> "an option without a label: " + synopsis);
    }

    private static int depth(String line, char open, char close) {
        int depth = 0;
        for (char c : line.toCharArray()) {
            depth += c == open ? 1 : c == close ? -1 : 0;
        }
        return depth;
    }

    @Test
    void estimateSynopsisIsTheRequiredChoiceAndTheOptions() {
        MonitorCliTest.Run run = MonitorCliTest.run("estimate", "--help");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Usage: monitor estimate (--counts=FILE.csv | --input=FILE) [OPTIONS]", lines.get(0));
        // The list options read as what to type, the description beside them (was --by=COVARIATE[,COVARIATE...]
        // on a line of its own, and [--candidates=TERMS[, / TERMS...]]... broken across the synopsis).
        String by = lines.stream().filter(l -> l.stripLeading().startsWith("--by=")).findFirst().orElseThrow();
        assertTrue(by.matches(" +--by=COVARIATES +With --input: one joint model.*"), by);
        assertTrue(lines.stream().anyMatch(l -> l.stripLeading().startsWith("--candidates=TERMS ")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.stripLeading().startsWith("--covariates=NAMES ")), run.out());
    }

    private Path bundled(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = MonitorCli.class.getResourceAsStream("/org/tipmonitor/cli/data/" + name)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    static Stream<String> bootstraps() {
        return Stream.of("bootstrap", "bootstrap-selection");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bootstraps")
    void bootstrapOutputStatesItsReplicatesAndSeed(String method) throws IOException {
        String table = bundled("ned-2010-2015.csv").toString();
        MonitorCliTest.Run text = MonitorCliTest.run("estimate", "--counts", table, "--model", "independence",
                "--ci", method, "--replicates", "20", "--seed", "7");
        assertEquals(0, text.status(), text.err());
        // The independence model fits every replicate of the Dutch table (no warning of dropped replicates).
        assertTrue(text.out().contains("; 20 replicates, 20 with an estimate; seed 7, SplittableRandom): "),
                text.out());
        MonitorCliTest.Run json = MonitorCliTest.run("estimate", "--counts", table, "--model", "independence",
                "--ci", method, "--replicates", "20", "--seed", "7", "--format", "json");
        assertEquals(0, json.status(), json.err());
        JsonNode ci = json.json().get("ci");
        assertEquals(20, ci.get("replicates").asInt(), ci.toString());
        assertEquals(20, ci.get("replicatesUsed").asInt(), ci.toString());
        assertEquals(7, ci.get("seed").asLong(), ci.toString());
        assertEquals("SplittableRandom", ci.get("randomSource").asText(), ci.toString());
    }

    @Test
    void otherIntervalsStateNoReplicates() throws IOException {
        MonitorCliTest.Run run = MonitorCliTest.run("estimate", "--counts", bundled("ned-2010-2015.csv").toString(),
                "--model", "independence", "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertFalse(run.json().get("ci").has("replicates"), run.out());
        MonitorCliTest.Run text = MonitorCliTest.run("estimate", "--counts",
                bundled("ned-2010-2015.csv").toString(), "--model", "independence");
        assertTrue(text.out().contains("95% interval (wald_log_unobserved): "), text.out());
    }

    @Test
    void reportListsEveryFileItWrites() throws IOException {
        Path out = dir.resolve("report");
        MonitorCliTest.Run run = MonitorCliTest.run("report", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.startsWith("wrote " + out)), run.out());
        Set<Path> listed = lines.stream().map(l -> Path.of(l.substring("wrote ".length())))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Path> present;
        try (Stream<Path> files = Files.list(out)) {
            present = files.collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed);
        assertEquals(out.resolve("report.txt"), Path.of(lines.get(0).substring("wrote ".length())));
        long png = listed.stream().filter(p -> p.toString().endsWith(".png")).count();
        long svg = listed.stream().filter(p -> p.toString().endsWith(".svg")).count();
        assertTrue(png > 0, run.out());
        assertEquals(png, svg, "every chart as PNG and SVG: " + run.out());
        assertEquals(1 + png + svg, listed.size(), run.out());
    }
}
