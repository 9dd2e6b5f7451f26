package org.tipmonitor.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;

/**
 * The published tables the estimation benchmarks run on, copied unchanged from monitor-indicators' test resources
 * (see the README there for their sources): {@code Ned} (six lists I, K, O, P, R, Z; 8,234 presumed victims,
 * Netherlands 2010–2015; Silverman 2020, Table 2) and {@code Ned_5} (the same with I and O merged).
 */
final class PublishedTables {

    private PublishedTables() {
    }

    /**
     * Loads a table.
     *
     * @param name {@code "Ned"} or {@code "Ned_5"}
     * @return the table
     */
    static CaptureHistories load(String name) {
        try (InputStream in = PublishedTables.class.getResourceAsStream(name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("no table " + name + ".csv");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CaptureHistories.fromCsv(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
