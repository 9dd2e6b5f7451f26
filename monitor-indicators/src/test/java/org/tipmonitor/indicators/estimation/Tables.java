package org.tipmonitor.indicators.estimation;

import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the published tables copied into the test resources (see README.md there). */
public final class Tables {

    private Tables() {
    }

    public static CaptureHistories load(String name) {
        try (InputStream in = Tables.class.getResourceAsStream(name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name + ".csv");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CaptureHistories.fromCsv(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
