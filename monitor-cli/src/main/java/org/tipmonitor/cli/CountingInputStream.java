package org.tipmonitor.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read through it and reports the running total; keeps the first read failure, which a reader
 * that turns failures into report entries would otherwise hide from the tool.
 */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer listener;
    private long count;
    private IOException failure;

    CountingInputStream(InputStream in, LongConsumer listener) {
        super(in);
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw remember(e);
        }
        if (b >= 0) {
            listener.accept(++count);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
        if (n > 0) {
            count += n;
            listener.accept(count);
        }
        return n;
    }

    /**
     * The first read failure, or null.
     *
     * @return the exception
     */
    IOException failure() {
        return failure;
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
