package org.tipmonitor.consumercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 1: the library as a user meets it. {@link ConsumerCheck} (a named module that requires
 * org.tipmonitor.model, .indicators and .io) runs in a separate JVM on the module path, with no
 * {@code --add-modules}, and on the class path, on exactly the run-time path Maven gives a user
 * ({@code target/runtime-path.txt}); both must print the same results. Compiling against an internal package
 * fails on the module path.
 */
class ConsumerCheckTest {

    private static final String MODULE = "org.tipmonitor.consumercheck";
    private static final String MAIN = "org.tipmonitor.consumercheck.ConsumerCheck";
    private static final Path GOLDEN = Path.of("..", "monitor-io", "src", "test", "resources", "org", "tipmonitor",
            "io", "golden");

    /** One public class of every internal package of the three library modules. */
    private static final List<String> INTERNAL_CLASSES = List.of("org.tipmonitor.model.internal.RecordScreen",
            "org.tipmonitor.io.internal.Jackson", "org.tipmonitor.indicators.internal.LinearProgram",
            "org.tipmonitor.indicators.estimation.internal.PoissonGlm",
            "org.tipmonitor.indicators.tables.internal.TextGrid");

    private static final Set<String> LIBRARY = Set.of("org.tipmonitor.model", "org.tipmonitor.indicators",
            "org.tipmonitor.io");

    private static String runtimePath;

    @BeforeAll
    static void readRuntimePath() throws IOException {
        // Written by maven-dependency-plugin (build-classpath, runtime scope) in generate-test-resources.
        runtimePath = Files.readString(Path.of("target", "runtime-path.txt"), StandardCharsets.UTF_8).strip();
        assertFalse(runtimePath.isEmpty(), "run-time path");
    }

    @Test
    void runsOnTheModulePathWithoutAddModules(@TempDir Path dir) throws Exception {
        List<String> output = run(dir, "--module-path", path(), "--module", MODULE + "/" + MAIN);
        assertEquals(expected("module path, " + MODULE, "org.tipmonitor.model, org.tipmonitor.indicators,"
                + " org.tipmonitor.io", "exported false, not accessible"), output);
    }

    @Test
    void runsOnTheClassPath(@TempDir Path dir) throws Exception {
        List<String> output = run(dir, "-cp", path(), MAIN);
        assertEquals(expected("class path", "unnamed, unnamed, unnamed", "exported true, accessible"), output);
    }

    /**
     * The expected output. The validation line: the golden file's second victim has the nationality "Dutch"; Hibernate
     * Validator reports TM-M-005 (a constraint of the model, checked by a validator in the model's internal
     * package), and the victim's registration is then rejected as unresolved (TM-IO-0032). The persons: the golden
     * valid file has one registration in 2017 and one in 2019. The estimates, independent of the library: two lists
     * with n1 = 50, n2 = 60 and m = 20 overlapping; the independence model A + B fits the three observed cells
     * exactly, so its estimate is Lincoln-Petersen's n1 n2 / m = 150; Chapman's (n1 + 1)(n2 + 1)/(m + 1) - 1 =
     * 3111/21 - 1 = 147.142857 (rounded to the 6 decimals printed).
     */
    private static List<String> expected(String path, String modules, String internal) {
        return List.of(
                "path: " + path,
                "library modules: " + modules,
                "bean validation provider: org.hibernate.validator.internal.engine.ValidatorImpl",
                "invalid file: valid false, codes [TM-M-005, TM-IO-0032], victims RecordCounts[read=2, accepted=1,"
                        + " rejected=1]",
                "valid file: 2 victims, 2 registrations; written and read back equal: true",
                "persons registered 2017-2019: 1, 0, 1",
                "population estimate: observed 90, log-linear A + B 150.000000, Chapman 147.142857",
                "internal package org.tipmonitor.indicators.estimation.internal: " + internal);
    }

    @Test
    void internalPackagesDoNotCompileOnTheModulePath(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path probe = src.resolve("probe").resolve("Probe.java");
        Files.createDirectories(probe.getParent());
        Files.writeString(src.resolve("module-info.java"), "module probe {\n    requires org.tipmonitor.model;\n"
                + "    requires org.tipmonitor.indicators;\n    requires org.tipmonitor.io;\n}\n");
        StringBuilder body = new StringBuilder("package probe;\n\nclass Probe {\n");
        body.append("    org.tipmonitor.indicators.estimation.Estimate apiType;\n");
        for (int i = 0; i < INTERNAL_CLASSES.size(); i++) {
            body.append("    ").append(INTERNAL_CLASSES.get(i)).append(" internal").append(i).append(";\n");
        }
        Files.writeString(probe, body.append("}\n").toString());

        String modular = compile("--module-path", path(), "-d", dir.resolve("modular").toString(),
                src.resolve("module-info.java").toString(), probe.toString());
        for (String type : INTERNAL_CLASSES) {
            String pkg = type.substring(0, type.lastIndexOf('.'));
            assertTrue(modular.contains("package " + pkg + " is not visible"), pkg + "\n" + modular);
        }
        assertFalse(modular.contains("org.tipmonitor.indicators.estimation is not visible"), modular);
        // The same class compiles on the class path: the module boundary, not a missing class, refuses it above.
        assertEquals("", compile("-cp", path(), "-d", dir.resolve("plain").toString(), probe.toString()));
    }

    @Test
    void libraryModulesExportNoInternalPackage() {
        ModuleFinder finder = ModuleFinder.of(Stream.of(runtimePath.split(File.pathSeparator)).map(Path::of)
                .toArray(Path[]::new));
        for (String name : LIBRARY) {
            ModuleDescriptor descriptor = finder.find(name).orElseThrow().descriptor();
            assertFalse(descriptor.isAutomatic(), name);
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                if (export.source().contains("internal")) {
                    // Only the model's fast record screen, to its one reader in monitor-io.
                    assertEquals("org.tipmonitor.model.internal -> [org.tipmonitor.io]",
                            export.source() + " -> " + export.targets(), name);
                }
            }
            assertTrue(descriptor.opens().stream().allMatch(ModuleDescriptor.Opens::isQualified), name);
            assertTrue(descriptor.packages().stream().anyMatch(p -> p.endsWith(".internal")), name);
        }
        for (String name : List.of("org.tipmonitor.indicators", "org.tipmonitor.io")) {
            assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
                    finder.find(name).orElseThrow().descriptor().requires().stream()
                            .filter(r -> r.name().equals("org.tipmonitor.model")).findFirst().orElseThrow()
                            .modifiers(), name);
        }
    }

    private static String path() {
        return Path.of("target", "classes") + File.pathSeparator + runtimePath;
    }

    private static String compile(String... args) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        javac.getTask(out, null, null, List.of(args).subList(0, args.length - countSources(args)),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(List.of(args).subList(args.length - countSources(args), args.length)
                                .toArray(String[]::new)))
                .call();
        return out.toString();
    }

    private static int countSources(String[] args) {
        int n = 0;
        for (int i = args.length - 1; i >= 0 && args[i].endsWith(".java"); i--) {
            n++;
        }
        return n;
    }

    private static List<String> run(Path dir, String... launch) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(List.of(launch));
        command.add(GOLDEN.resolve("valid").resolve("victims-and-offenders.json").toString());
        command.add(GOLDEN.resolve("invalid").resolve("TM-M-005-nationality-code.json").toString());
        command.add(dir.resolve("copy.json").toString());
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the check finishes within 120 s");
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), errors);
        return Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().collect(Collectors.toList());
    }
}
