package org.tipmonitor.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.data.ListDefinition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Spark snippet (the block fenced {@code ```java spark}, which examples' JShell test leaves alone as it
 * has no Spark on its class path) is this test's code between the SNIPPET markers, line for line, and runs here.
 */
class ReadmeSparkSnippetTest {

    private static final Pattern SPARK_BLOCK = Pattern.compile("```java spark\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theReadmeSnippetIsThisCodeAndRuns() throws Exception {
        ScaleGenerator generator = new ScaleGenerator(7, 200, 0.5, 50);
        Path exchangeFile = dir.resolve("registrations.json");
        Path youthCareCsv = dir.resolve("youth-care.csv");
        generator.writeEpisodes(youthCareCsv, 1000);
        ExchangeFiles.write(exchangeFile, 11, 150);
        SparkSession spark = SparkTestSession.get();
        // SNIPPET START
        ExchangeData victims = ExchangeSource.of(spark).read(List.of(exchangeFile));
        ExtractRead youthCare = ExtractReader.of(spark).readCsv("youth_care", List.of(youthCareCsv),
                ExtractSchema.episodes(LocalDate.of(2010, 1, 1), LocalDate.of(2024, 12, 31)));
        System.out.println(youthCare.summary());    // counts by rule; rejected(): source, file, line, rule, column
        LinkageReport linkage = Linkage.report(victims, List.of(youthCare));
        System.out.print(linkage.toText());
        CaptureHistories table = SparkCaptureHistories.of(victims.registrations(), ListDefinition.dutchSixLists(),
                YearRange.of(2016, 2023));            // to the library's estimators, on the driver
        FollowUpShares.Table shares = FollowUpShares.withDefaults().compute(victims, youthCare.accepted(),
                LocalDate.of(2010, 1, 1), LocalDate.of(2024, 12, 31));
        System.out.print(shares.toText());          // withheld cells show x
        // SNIPPET END
        assertEquals(1000, youthCare.read());
        assertTrue(table.observed() > 0);
        assertTrue(linkage.rows().size() > 0);

        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = SPARK_BLOCK.matcher(readme);
        assertTrue(m.find(), "README has a ```java spark block");
        String source = Files.readString(Path.of("src", "test", "java", "org", "tipmonitor", "spark",
                "ReadmeSparkSnippetTest.java"), StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("// SNIPPET START\n") + 17,
                source.indexOf("        // SNIPPET END"));
        assertEquals(strip(snippet), strip(m.group(1)));
    }

    private static String strip(String block) {
        return block.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
