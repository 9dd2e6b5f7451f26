package org.tipmonitor.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.MonitorData;

/**
 * The bundled synthetic sample (no real person): victims 2014-2018, offender cases 2013-2017, police signals
 * 2013-2018, generated from a known true population, read into the library's {@link MonitorData}.
 */
public final class Sample {

    /** The classpath location of the bundled sample. */
    public static final String RESOURCE = "/org/tipmonitor/cli/data/synthetic-monitor.json";

    private Sample() {
    }

    /**
     * Reads and validates the bundled sample.
     *
     * @return the data
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static MonitorData data() {
        try (InputStream in = Sample.class.getResourceAsStream(RESOURCE)) {
            return ExchangeReader.withDefaults().readData(Objects.requireNonNull(in, "the bundled sample is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
