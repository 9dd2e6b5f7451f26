package org.tipmonitor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every chapter of the JShell notebook ({@code examples/jshell/NN-*.jsh}) after {@code monitor.jsh}, in this
 * JVM on the test class path and line by line as {@code examples/jshell.sh --all} loads them into a JShell of
 * their own. A chapter
 * fails on a rejected snippet or an exception, which includes every failed {@code check} of its key numbers, and
 * must print its closing line {@code CHAPTER PASSED: <name>}.
 */
class JShellChaptersTest {

    private static final Path NOTEBOOK = Path.of("jshell");

    static Stream<String> chapters() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOK)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.*\\.jsh")).sorted().toList();
            assertTrue(names.size() >= 3, "the notebook has its chapters: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void chapterRuns(String chapter) throws IOException {
        String setup = Files.readString(NOTEBOOK.resolve("monitor.jsh"), StandardCharsets.UTF_8);
        String script = Files.readString(NOTEBOOK.resolve(chapter), StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // The local execution engine shares this JVM's System.out: keep the chapter's output to check it.
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (JShellScripts shell = JShellScripts.onTestClassPath()) {
            shell.load(setup);
            shell.load(script);
        } catch (AssertionError e) {
            throw new AssertionError(chapter + ": " + e.getMessage() + "\nOutput so far:\n"
                    + printed.toString(StandardCharsets.UTF_8), e);
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        String name = chapter.substring(0, chapter.length() - ".jsh".length());
        assertTrue(output.contains("CHAPTER PASSED: " + name), () -> "no closing line:\n" + output);
    }
}
