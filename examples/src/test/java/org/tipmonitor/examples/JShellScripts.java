package org.tipmonitor.examples;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A JShell that runs in this JVM on the test class path and evaluates scripts snippet by snippet, failing the test
 * on a rejected snippet or an exception. Used for the README's snippets and the JShell notebook's chapters.
 *
 * <p>{@link #run} reads a whole text as Java source; {@link #load} reads it line by line as the {@code jshell}
 * tool loads a file, so that a line which completes a snippet ends it even if the next line would continue it. A
 * line that starts a snippet with {@code /} (a JShell command such as {@code /exit} or {@code /set}) is skipped:
 * commands steer a JShell session, not the Java the test checks.
 */
final class JShellScripts implements AutoCloseable {

    /** Receives the value of each top-level expression snippet. */
    @FunctionalInterface
    interface ValueCheck {
        /**
         * Checks one value.
         *
         * @param source    the snippet's source
         * @param remaining the script text after the snippet (where a trailing comment would be)
         * @param value     the value as JShell prints it
         */
        void check(String source, String remaining, String value);
    }

    private final JShell shell;

    private JShellScripts(JShell shell) {
        this.shell = shell;
    }

    /**
     * A fresh JShell whose class path is this test's, executing in this JVM.
     *
     * @return the shell
     */
    static JShellScripts onTestClassPath() {
        JShell shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
        return new JShellScripts(shell);
    }

    /**
     * Evaluates a script without checking values.
     *
     * @param script the source
     */
    void run(String script) {
        run(script, (source, remaining, value) -> { });
    }

    /**
     * Evaluates a script snippet by snippet; fails on an incomplete or rejected snippet or an exception.
     *
     * @param script the source
     * @param check  called with the value of every top-level expression that has one
     */
    void run(String script, ValueCheck check) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = script;
        while (!remaining.isBlank()) {
            String stripped = remaining.stripLeading();
            if (isCommand(stripped)) {
                int end = stripped.indexOf('\n');
                remaining = end < 0 ? "" : stripped.substring(end + 1);
                continue;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || source.isBlank()) {
                fail("Incomplete snippet: " + remaining);
            }
            remaining = info.remaining();
            String after = remaining;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.status() == Snippet.Status.REJECTED) {
                    fail("Rejected: " + source + " " + shell.diagnostics(event.snippet())
                            .map(d -> d.getMessage(Locale.ROOT)).toList());
                }
                assertNull(event.exception(), () -> "Threw: " + source + " " + describe(event.exception()));
                if (event.causeSnippet() == null && hasValue(event.snippet())
                        && event.value() != null && !event.value().isEmpty()) {
                    check.check(source, after, event.value());
                }
            }
        }
    }

    /**
     * Evaluates a script as the {@code jshell} tool loads a file: line by line, each snippet evaluated as soon as
     * its lines are complete; fails on an incomplete or rejected snippet or an exception.
     *
     * @param script the source
     */
    void load(String script) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (pending.isEmpty() && isCommand(line)) {
                continue;
            }
            pending.append(line).append('\n');
            SourceCodeAnalysis.Completeness completeness = analysis.analyzeCompletion(pending.toString())
                    .completeness();
            if (completeness == SourceCodeAnalysis.Completeness.EMPTY) {
                pending.setLength(0);
            } else if (completeness.isComplete()) {
                run(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.toString().isBlank()) {
            fail("Incomplete snippet at the end: " + pending);
        }
    }

    /**
     * Whether a snippet has a value a trailing comment can state: a bare expression ({@code x}), an expression
     * JShell keeps in a temporary variable ({@code report.isValid()}, {@code $1}). JShell gives a method call the
     * kind of a variable, not of an expression, so checking {@link Snippet.Kind#EXPRESSION} alone would skip almost
     * every stated value. A declaration's comment is prose, not a value: to state a value, write the expression.
     */
    private static boolean hasValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static boolean isCommand(String text) {
        String stripped = text.stripLeading();
        return stripped.startsWith("/") && !stripped.startsWith("//") && !stripped.startsWith("/*");
    }

    private static String describe(Throwable exception) {
        if (exception instanceof jdk.jshell.EvalException e) {
            return e.getExceptionClassName() + ": " + e.getMessage();
        }
        return String.valueOf(exception);
    }

    @Override
    public void close() {
        shell.close();
    }
}
