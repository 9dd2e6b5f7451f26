package org.tipmonitor.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A print stream that remembers why writing failed. {@link PrintStream} swallows the {@link IOException} of its
 * target and only sets a flag ({@link #checkError()}); this one keeps the first exception, so that the tool can
 * say "No space left on device" when standard output is {@code /dev/full}.
 */
final class CheckedPrintStream extends PrintStream {

    private final Recorder recorder;

    private CheckedPrintStream(Recorder recorder) {
        super(recorder, true, StandardCharsets.UTF_8);
        this.recorder = recorder;
    }

    /**
     * A UTF-8 print stream, flushed at each line, over a target.
     *
     * @param target the target, e.g. {@code new FileOutputStream(FileDescriptor.out)}
     * @return the stream
     */
    static CheckedPrintStream of(OutputStream target) {
        return new CheckedPrintStream(new Recorder(target));
    }

    /**
     * The first failure of the target, or null.
     *
     * @return the exception
     */
    IOException failure() {
        return recorder.failure;
    }

    /** Passes bytes on and keeps the first exception. */
    private static final class Recorder extends FilterOutputStream {
        private IOException failure;

        Recorder(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
