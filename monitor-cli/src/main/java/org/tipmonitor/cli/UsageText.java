package org.tipmonitor.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The root usage message ({@code monitor --help}, and {@code monitor} without a command) rendered by picocli when the
 * tool is built, so that a run that only shows it needs no picocli model (issue 14: picocli's setup, by reflection
 * over annotations and with classes that are verified by the old verifier, was most of such a run).
 *
 * <p>The build runs {@link #main} after compiling (Maven's {@code process-classes} phase), which writes the message
 * as picocli renders it, plain and with ANSI styles, beside this class in the class directory. {@link #of} reads the
 * one picocli would print: the ANSI one when picocli's {@code Ansi.AUTO} is enabled (a terminal, or the environment
 * asking for colours), else the plain one. It answers {@code null} when the messages were not built (classes
 * compiled by an IDE) or when a {@code picocli.*} system property is set (a usage width or colour scheme the
 * rendering did not see); the caller then asks picocli. Tests check that both equal picocli's rendering.
 */
final class UsageText {

    /** The plain message's resource, beside this class. */
    static final String PLAIN = "usage.txt";
    /** The message with ANSI styles, beside this class. */
    static final String STYLED = "usage-ansi.txt";

    private UsageText() {
    }

    /**
     * Writes both messages into a class directory.
     *
     * @param args the class directory (Maven's {@code target/classes})
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: UsageText CLASS_DIRECTORY");
        }
        Path directory = Path.of(args[0]).resolve(UsageText.class.getPackageName().replace('.', '/'));
        Files.createDirectories(directory);
        Files.write(directory.resolve(PLAIN), render(Ansi.OFF));
        Files.write(directory.resolve(STYLED), render(Ansi.ON));
    }

    /**
     * The root usage message as picocli renders it for the tool's root command line.
     *
     * @param ansi whether picocli styles it
     * @return the message in UTF-8
     */
    static byte[] render(Ansi ansi) {
        CommandLine root = MonitorCli.usageCommandLine();
        root.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            root.usage(out);
        }
        return bytes.toByteArray();
    }

    /**
     * The message picocli would print now, as it was rendered when the tool was built.
     *
     * @return the message in UTF-8, or {@code null} when it must be asked of picocli
     */
    static byte[] of() {
        if (System.getProperties().stringPropertyNames().stream().anyMatch(name -> name.startsWith("picocli."))) {
            return null;
        }
        String name = Ansi.AUTO.enabled() ? STYLED : PLAIN;
        try (InputStream in = UsageText.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
