package org.tipmonitor.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.SparkSession;

/**
 * The scale benchmark run by {@code benchmarks/spark-scale.sh}: generates a victim table and an episode register of
 * ROWS rows ({@link ScaleGenerator}), then times, in local mode, reading and checking the register, linking it to
 * the victims (the linkage report) and aggregating the follow-up shares. Each phase ends in an action that touches
 * every register row; the checked rows are persisted after the read, as {@link ExtractReader} does by default.
 * Not a test: it has a main method and lives beside the tests to reuse the generator.
 *
 * <p>Arguments: rows, work directory, master (e.g. {@code local[2]}), shuffle partitions.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        String master = args.length > 2 ? args[2] : "local[2]";
        String partitions = args.length > 3 ? args[3] : "8";
        Files.createDirectories(dir);
        int victims = 5000;
        ScaleGenerator generator = new ScaleGenerator(20191018L, victims, 0.6, 1000);
        Path file = dir.resolve("episodes-" + rows + ".csv");
        long t = System.nanoTime();
        long broken = generator.writeEpisodes(file, rows);
        report("generate", rows, t, "bytes=" + Files.size(file));

        SparkSession spark = SparkSession.builder().appName("tipmonitor-spark-scale").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", partitions)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            ExchangeData data = generator.exchangeData(spark);
            data.victims().cache().count();
            data.registrations().cache().count();

            t = System.nanoTime();
            ExtractRead read = ExtractReader.of(spark).readCsv("episodes", List.of(file),
                    ExtractSchema.episodes(LocalDate.of(1990, 1, 1), ScaleGenerator.OBSERVED_TO));
            report("read", rows, t, read.summary() + " expected_rejected=" + broken);
            check(read.rejectedCount() == broken, "rejections differ from the generator's");

            t = System.nanoTime();
            LinkageReport linkage = Linkage.report(data, List.of(read));
            long linked = linkage.rows().stream().mapToLong(LinkageReport.Row::linked).sum();
            report("link", rows, t, "linked=" + linked + " true_links=" + generator.trueLinks());
            check(linked == generator.trueLinks(), "linked differs from the true links");

            t = System.nanoTime();
            FollowUpShares.Table table = FollowUpShares.withDefaults().compute(data, read.accepted(),
                    ScaleGenerator.OBSERVED_FROM, ScaleGenerator.OBSERVED_TO);
            long published = table.cells().stream().filter(FollowUpShares.Cell::isPublished).count();
            report("aggregate", rows, t, "cells=" + table.cells().size() + " published=" + published);
        } finally {
            spark.stop();
            if (!"1".equals(System.getenv("KEEP"))) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void report(String phase, long rows, long start, String detail) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "RESULT phase=%s rows=%d seconds=%.1f rows_per_s=%.0f %s",
                phase, rows, seconds, rows / seconds, detail));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
