package org.tipmonitor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every Java snippet in README.md through JShell, on the test class path, so that the README cannot drift
 * from the library. An expression followed by a comment {@code // VALUE} (optionally {@code // VALUE (remark)})
 * must evaluate to VALUE, as JShell prints it. The snippets that read {@code monitor.json} read the golden invalid
 * file whose report the README shows (monitor-io's tests check that report line by line); {@code clean.json} is
 * a golden valid file.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaSnippetInTheReadmeRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertFalse(blocks.isEmpty(), "README has Java snippets");
        Path input = Path.of("monitor.json");
        Path copy = Path.of("copy.json");
        Path clean = Path.of("clean.json");
        Files.copy(Path.of("..", "monitor-io", "src", "test", "resources", "org", "tipmonitor", "io", "golden",
                "valid", "dataset-only.json"), clean, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("..", "monitor-io", "src", "test", "resources", "org", "tipmonitor", "io", "golden",
                "invalid", "TM-M-005-nationality-code.json"), input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> mismatches = new ArrayList<>();
        try {
            for (String block : blocks) {
                run(block, mismatches);
            }
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(copy);
            Files.deleteIfExists(clean);
        }
        assertEquals(List.of(), mismatches, "README values that differ from what the snippet gives");
    }

    /**
     * Evaluates a block of Java source in a fresh JShell whose class path is this test's, checking every value
     * written after an expression as a trailing comment.
     *
     * @param block      the source
     * @param mismatches where a stated value that differs from the evaluated one is added
     */
    static void run(String block, List<String> mismatches) {
        try (JShellScripts shell = JShellScripts.onTestClassPath()) {
            shell.run(block, (source, remaining, value) -> {
                String expected = expectedValue(remaining);
                if (expected != null && !expected.equals(value)) {
                    mismatches.add(source.strip() + " // README: " + expected + ", gives: " + value);
                }
            });
        }
    }

    /** The expected value written as a trailing comment at the start of the remaining text, if any. */
    private static String expectedValue(String remaining) {
        String line = remaining.lines().findFirst().orElse("").strip();
        if (!line.startsWith("//")) {
            return null;
        }
        String comment = line.substring(2).strip();
        int remark = comment.indexOf(" (");
        return remark < 0 ? comment : comment.substring(0, remark);
    }
}
