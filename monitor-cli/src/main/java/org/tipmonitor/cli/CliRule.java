package org.tipmonitor.cli;

import org.tipmonitor.model.Rule;

/**
 * The errors of the {@code monitor} tool itself, each with a stable code ({@code TM-CLI-nnn}) and the exit status it
 * ends with. Errors of the data carry the library's own codes ({@code TM-IO-nnnn}, {@code TM-M-nnn},
 * {@code TM-MSE-nnn}, ...) and end with {@link MonitorCli#DATA_FAILED}. This enum is the one place where the tool's
 * codes are listed; the README's "Errors and exit codes" repeats it. It has the library's {@link Rule} shape, so the
 * tool handles its own errors and the library's the same way.
 */
enum CliRule implements Rule {

    /** An option or argument is not accepted (unknown, out of its stated bounds, or combined wrongly). */
    USAGE("TM-CLI-001", MonitorCli.USAGE_OR_IO, "An option or argument is not accepted"),
    /** A file could not be read or written; the operating system's reason follows. */
    IO("TM-CLI-002", MonitorCli.USAGE_OR_IO, "A file could not be read or written"),
    /** Standard output could not be written (a full disk, a closed pipe): the output is incomplete. */
    OUTPUT("TM-CLI-003", MonitorCli.USAGE_OR_IO, "Standard output could not be written: the output is incomplete"),
    /** The Java heap is exhausted; the message says how to give the tool more. */
    OUT_OF_MEMORY("TM-CLI-004", MonitorCli.OUT_OF_RESOURCES, "The Java heap is exhausted"),
    /** Another resource of the virtual machine is exhausted (the thread stack, for example). */
    OUT_OF_RESOURCES("TM-CLI-005", MonitorCli.OUT_OF_RESOURCES,
            "Another resource of the virtual machine is exhausted"),
    /** An error the tool did not foresee: a defect; rerun with {@code --debug} and report the trace. */
    INTERNAL("TM-CLI-009", MonitorCli.INTERNAL_ERROR, "An error the tool did not foresee (a defect)");

    private final String code;
    private final int exitStatus;
    private final String description;

    CliRule(String code, int exitStatus, String description) {
        this.code = code;
        this.exitStatus = exitStatus;
        this.description = description;
    }

    /**
     * The stable code.
     *
     * @return e.g. {@code "TM-CLI-002"}
     */
    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * The exit status the tool ends with.
     *
     * @return the status
     */
    int exitStatus() {
        return exitStatus;
    }
}
