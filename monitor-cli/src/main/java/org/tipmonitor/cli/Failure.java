package org.tipmonitor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.io.SafeText;
import org.tipmonitor.model.ModelException;
import org.tipmonitor.model.RuleException;
import picocli.CommandLine;

/**
 * The tool's one error policy: every {@link Throwable} that ends a command becomes one line on standard error,
 * starting with a stable code, and an exit status:
 *
 * <ul>
 *   <li>the library's exceptions ({@link ExchangeException}, {@link IndicatorException}, {@link ModelException}:
 *       each a {@link RuleException}) carry their own rule and end with {@link MonitorCli#DATA_FAILED}, except a
 *       failed read or write ({@link IoRule#IO_FAILURE}), which is {@link CliRule#IO}; what the options got wrong
 *       is a usage error ({@link #usage}) with the library rule's code;</li>
 *   <li>an {@link IOException} anywhere in the chain of causes is {@link CliRule#IO}, with the operating system's
 *       reason ("No space left on device", "Is a directory");</li>
 *   <li>{@link OutOfMemoryError} is {@link CliRule#OUT_OF_MEMORY} with the heap in use and how to raise it; any
 *       other {@link VirtualMachineError} is {@link CliRule#OUT_OF_RESOURCES};</li>
 *   <li>anything else is {@link CliRule#INTERNAL}.</li>
 * </ul>
 *
 * Stack traces are printed only with {@code --debug}. Every text from the input or the file system is escaped by
 * {@link SafeText}.
 */
final class Failure {

    /** A failure as the tool reports it. */
    record Outcome(int exitStatus, String line) {
    }

    /** The most characters of one message. */
    static final int MAX_MESSAGE = 1000;

    private Failure() {
    }

    /**
     * The line and exit status of a failure.
     *
     * @param thrown what ended the command
     * @return the outcome
     */
    static Outcome of(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() >> 20;
            // The virtual machine's own preallocated error, thrown when it cannot even fill in a message, has none.
            String what = thrown.getMessage() == null ? "" : SafeText.escape(thrown.getMessage()) + ", ";
            return outcome(CliRule.OUT_OF_MEMORY, "out of memory (" + what + "maximum heap " + max
                    + " MiB): give the Java virtual machine more, e.g. JAVA_OPTS=-Xmx" + suggestedHeap(max)
                    + "m with monitor-cli/monitor, or java -Xmx" + suggestedHeap(max)
                    + "m -jar monitor.jar (validate needs some 80 bytes a record, report and estimate hold the"
                    + " records)");
        }
        if (thrown instanceof VirtualMachineError) {
            return outcome(CliRule.OUT_OF_RESOURCES, thrown.getClass().getSimpleName() + ": the virtual machine ran"
                    + " out of a resource" + (thrown instanceof StackOverflowError
                    ? " (thread stack; raise it with -Xss, e.g. JAVA_OPTS=-Xss8m)" : ""));
        }
        if (thrown instanceof CommandLine.ParameterException) {
            return outcome(CliRule.USAGE, message(thrown.getMessage()));
        }
        if (thrown instanceof RuleException coded && coded.rule() != IoRule.IO_FAILURE) {
            // The exchange reader's messages never repeat a value; the others may quote an input (a counts CSV's
            // header or cell): there long numbers and dates are withheld.
            return new Outcome(MonitorCli.DATA_FAILED, thrown instanceof ExchangeException
                    ? message(thrown.getMessage()) : redacted(thrown.getMessage()));
        }
        IOException io = ioCause(thrown);
        if (io != null) {
            String context = thrown instanceof ExchangeException exchange ? message(withoutCode(exchange))
                    : thrown instanceof UncheckedIOException ? message(thrown.getMessage()) : null;
            String why = reason(io);
            return outcome(CliRule.IO, "I/O error: " + why
                    + (context == null || context.isEmpty() || context.contains(why) ? "" : " (" + context + ")"));
        }
        if (thrown instanceof ExchangeException exchange) {
            return new Outcome(MonitorCli.USAGE_OR_IO, message(exchange.getMessage()));
        }
        return outcome(CliRule.INTERNAL, "internal error " + thrown.getClass().getName()
                + (thrown.getMessage() == null ? "" : ": " + SafeText.redact(thrown.getMessage()))
                + "; rerun with --debug and report the trace");
    }

    /**
     * The operating system's reason for a failed file operation, with the file.
     *
     * @param e the exception
     * @return e.g. {@code "out.json: No space left on device"}
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String why = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof DirectoryNotEmptyException ? "directory not empty"
                    : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            String file = fs.getFile() == null ? "" : SafeText.escape(fs.getFile());
            String other = fs.getOtherFile() == null ? "" : " -> " + SafeText.escape(fs.getOtherFile());
            return file.isEmpty() ? why : file + other + ": " + why;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : SafeText.escape(e.getMessage());
    }

    private static IOException ioCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The message after its rule's code and colon (the library puts them first). */
    private static String withoutCode(ExchangeException e) {
        String prefix = e.code() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    /** Twice the current maximum, rounded up to 256 MiB, at least 1 GiB. */
    private static long suggestedHeap(long maxMiB) {
        long twice = Math.max(1024, 2 * maxMiB);
        return (twice + 255) / 256 * 256;
    }

    private static Outcome outcome(CliRule rule, String message) {
        return new Outcome(rule.exitStatus(), rule.code() + ": " + message);
    }

    /**
     * The line for an unusable option: {@link CliRule#USAGE} with picocli's message, or, when the library refused
     * what the option asked for (a model formula, a reference level), that {@link RuleException}'s message, which
     * starts with its own code: one code either way.
     *
     * @param usage     the exception
     * @param qualified the command's qualified name
     * @return the line, without the tool's prefix
     */
    static String usage(CommandLine.ParameterException usage, String qualified) {
        String see = " (see '" + qualified + " --help')";
        if (usage.getCause() instanceof RuleException && usage.getCause().getMessage() != null) {
            return message(usage.getCause().getMessage()) + see;
        }
        return CliRule.USAGE.code() + ": " + message(usage.getMessage()) + see;
    }

    /**
     * A message on one line: line breaks become spaces, other control and format characters are escaped, and it is
     * cut at {@link #MAX_MESSAGE} characters.
     *
     * @param message the message, or null
     * @return the line
     */
    static String message(String message) {
        return message == null ? "" : SafeText.escape(oneLine(message), MAX_MESSAGE);
    }

    /**
     * A message on one line, as {@link #message(String)}, with long numbers and dates withheld
     * ({@link SafeText#redact(String, int)}).
     *
     * @param message the message, or null
     * @return the line
     */
    static String redacted(String message) {
        return message == null ? "" : SafeText.redact(oneLine(message), MAX_MESSAGE);
    }

    private static String oneLine(String message) {
        return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    }
}
