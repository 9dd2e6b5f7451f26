package org.tipmonitor.examples.notebook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The training run of the notebook's class-data archive ({@code examples/target/jshell.jsa}): the build runs
 * {@code java -XX:ArchiveClassesAtExit=target/jshell.jsa -cp CLASS_PATH} with this class and JShell's arguments
 * ({@code --execution local --class-path CLASS_PATH jshell/monitor.jsh jshell/class-data.jsh}), where CLASS_PATH is
 * the notebook's, {@code monitor-cli/target/monitor.jar} then {@code examples/target/notebook.jar}.
 * It starts JShell as {@code examples/jshell.sh} does and gives it an empty input, so that JShell loads the files,
 * starts its console (the line editor and its terminal, as at the prompt) and ends at the end of its input: the
 * archive then holds what a start to the prompt loads, the console included (issue 14: the console's classes
 * outside the archive cost a start about 0.5 s of CPU), without a build ever waiting for input.
 *
 * <p>JShell's output is kept; the training fails (exit status 1, the output on standard error) unless JShell ends
 * with status 0 and its output shows no rejected snippet or exception.
 */
public final class NotebookTraining {

    private NotebookTraining() {
    }

    /**
     * Runs JShell with the given arguments and an empty input; exits with status 1 if the notebook failed.
     *
     * @param args JShell's arguments
     * @throws Exception if JShell cannot start
     */
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = JavaShellToolBuilder.builder()
                    .in(new ByteArrayInputStream(new byte[0]), null)
                    .out(out)
                    .err(out)
                    .start(args);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        if (status != 0 || !passed(text)) {
            System.err.println("notebook class-data training failed (JShell status " + status + "):");
            System.err.println(text);
            System.exit(1);
        }
        System.out.println(text);
    }

    /**
     * Whether JShell's own output shows no rejected snippet and no exception (the snippets, which run in this
     * virtual machine, print to standard output directly).
     */
    static boolean passed(String output) {
        return output.lines().noneMatch(line -> line.matches("^(\\|  )?(Error:|Exception |Caused by:).*"));
    }
}
