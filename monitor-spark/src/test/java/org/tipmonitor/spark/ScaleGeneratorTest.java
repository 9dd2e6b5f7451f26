package org.tipmonitor.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generator's known truth is what the reader and the linkage find. */
class ScaleGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void readerAndLinkageRecoverTheKnownRejectionsAndLinks() throws Exception {
        ScaleGenerator generator = new ScaleGenerator(42, 120, 0.6, 37);
        Path file = dir.resolve("episodes.csv");
        long broken = generator.writeEpisodes(file, 1500);
        assertEquals(1501, Files.readAllLines(file).size());

        ExtractRead read = ExtractReader.of(SparkTestSession.get()).readCsv("youth_care", List.of(file),
                ExtractSchema.episodes(LocalDate.of(1990, 1, 1), ScaleGenerator.OBSERVED_TO));
        assertEquals(1500, read.read());
        assertEquals(broken, read.rejectedCount());
        // The three kinds of breakage take turns.
        Map<String, Long> byRule = read.rejectionsByRule();
        assertEquals(broken, byRule.get("TM-SP-012") + byRule.get("TM-SP-016") + byRule.get("TM-SP-017"));

        LinkageReport report = Linkage.report(generator.exchangeData(SparkTestSession.get()), List.of(read));
        assertEquals(generator.trueLinks(), report.rows().stream().mapToLong(LinkageReport.Row::linked).sum());
        assertEquals(120, report.rows().stream().mapToLong(LinkageReport.Row::victims).sum());
    }
}
