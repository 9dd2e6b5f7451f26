package org.tipmonitor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Bytes to a {@link PrintStream} that stop with an {@link IOException} as soon as the print stream fails, rather
 * than go on writing into the void: a command that streams gigabytes to a full disk ends at once. The print stream
 * is checked after each write, so write in large blocks (through a buffer).
 */
final class StopOnErrorOutputStream extends OutputStream {

    private final PrintStream target;

    StopOnErrorOutputStream(PrintStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        check();
    }

    private void check() throws IOException {
        if (target.checkError()) {
            IOException cause = target instanceof CheckedPrintStream checked ? checked.failure() : null;
            throw new IOException("writing standard output failed"
                    + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }
}
