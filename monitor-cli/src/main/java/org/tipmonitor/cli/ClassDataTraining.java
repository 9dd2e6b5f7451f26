package org.tipmonitor.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The training run of the tool's class-data archive ({@code monitor-cli/target/monitor.jsa}): the build runs
 * {@code java -XX:DumpLoadedClassList=target/monitor.classlist -cp target/monitor.jar} with this class, which runs
 * the short commands in one virtual machine so that the list holds the classes each of them loads ({@code --version},
 * {@code --help}, {@code schema} and a subcommand's help, {@code generate} and {@code validate} of a small file,
 * {@code estimate} of the bundled Dutch table with its defaults, the BIC search and the stepwise selection with a
 * short bootstrap), and then dumps a static archive of that list ({@code java -Xshare:dump}; JDK 17 AppCDS, which
 * unlike a dynamic archive holds picocli's classes, compiled for Java 5). The launcher {@code monitor-cli/monitor} maps
 * the archive, which spares each run loading and parsing these classes again.
 *
 * <p>Every command's output is discarded; a command that does not end with status 0 fails the training (and the
 * build) with exit status 1 and its standard error, so that an archive of a broken run is never made quietly.
 */
public final class ClassDataTraining {

    /** The bundled Dutch six-list table. */
    private static final String TABLE = "/org/tipmonitor/cli/data/ned-2010-2015.csv";

    private ClassDataTraining() {
    }

    /**
     * Runs the training; exits with status 1 if a command failed.
     *
     * @param args none
     * @throws IOException if the temporary files cannot be written
     */
    public static void main(String[] args) throws IOException {
        int status = train(System.err);
        if (status != MonitorCli.OK) {
            System.exit(1);
        }
    }

    /**
     * Runs each training command in this virtual machine, its output discarded.
     *
     * @param err where a failed command's status and standard error are printed
     * @return 0 if every command ended with status 0, else the first other status
     * @throws IOException if the temporary files cannot be written
     */
    static int train(PrintStream err) throws IOException {
        Path work = Files.createTempDirectory("monitor-cds");
        try {
            Path exchange = work.resolve("small.json");
            Path table = work.resolve("ned.csv");
            try (InputStream in = Objects.requireNonNull(ClassDataTraining.class.getResourceAsStream(TABLE),
                    "the bundled table is missing")) {
                Files.copy(in, table, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String[]> commands = new ArrayList<>();
            commands.add(new String[] {"--version"});
            commands.add(new String[] {"--help"});
            commands.add(new String[] {"schema"});
            commands.add(new String[] {"generate", "--victims", "20", "--seed", "1", "--out", exchange.toString()});
            commands.add(new String[] {"validate", exchange.toString()});
            commands.add(new String[] {"schema", "--help"});
            commands.add(new String[] {"estimate", "--counts", table.toString()});
            commands.add(new String[] {"estimate", "--counts", table.toString(), "--model", "bic", "--ci", "none"});
            commands.add(new String[] {"estimate", "--counts", table.toString(), "--model", "stepwise", "--ci",
                "bootstrap-selection", "--replicates", "20"});
            for (String[] command : commands) {
                PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int status = MonitorCli.run(command, discard, new PrintStream(errors, true, StandardCharsets.UTF_8));
                if (status != MonitorCli.OK) {
                    err.println("class-data training: monitor " + String.join(" ", command) + " exited with "
                            + status + ": " + errors.toString(StandardCharsets.UTF_8));
                    return status;
                }
            }
            return MonitorCli.OK;
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}
