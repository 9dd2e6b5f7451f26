package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.cli.synthetic.SyntheticMonitorData;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.RecordCounts;
import org.tipmonitor.io.RecordKind;
import org.tipmonitor.io.ValidationReport;

/** monitor generate writes residence-stage histories that pass every check of the reader (issue 16). */
class GenerateResidenceStagesTest {

    static Stream<Named<Long>> seeds() {
        return Stream.of(20191018L, 7L, 424242L).map(s -> Named.of("seed " + s, s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theGeneratedFileValidates(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerateCommand.write(SyntheticMonitorData.of(seed).withRegisteredVictims(800), out, seed, false);
        ValidationReport report = ExchangeReader.withDefaults().validate(new ByteArrayInputStream(out.toByteArray()));
        assertTrue(report.isValid(), report::toText);
        RecordCounts counts = report.counts(RecordKind.RESIDENCE_HISTORY);
        assertTrue(counts.accepted() > 50 && counts.rejected() == 0, counts.toString());
    }
}
