package org.tipmonitor.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.RecordHandler;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/**
 * Reads exchange files (any number of producers and years) with monitor-io's {@link ExchangeReader} on the driver
 * and hands the accepted victims and registrations to Spark. Exchange files are small (thousands of persons per
 * producer and year); the registers they are linked to are the large side and are read by {@link ExtractReader}.
 *
 * <p>Every file is read collect-all: what monitor-io rejects is counted in the file's {@link ValidationReport}
 * (with its {@code TM-IO} or {@code TM-M} code and location), never silently dropped.
 */
public final class ExchangeSource {

    private final SparkSession spark;
    private final ExchangeReader reader;

    private ExchangeSource(SparkSession spark, ExchangeReader reader) {
        this.spark = spark;
        this.reader = reader;
    }

    /**
     * A source on a session with monitor-io's default reader (collect-all, system clock).
     *
     * @param spark the session
     * @return the source
     */
    public static ExchangeSource of(SparkSession spark) {
        return new ExchangeSource(Objects.requireNonNull(spark, "spark"), ExchangeReader.withDefaults());
    }

    /**
     * A copy with another reader, e.g. with a fixed clock. A fail-fast reader is refused: a Spark read counts
     * rejections instead of stopping.
     *
     * @param newReader the reader
     * @return the copy
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if the reader is fail-fast
     */
    public ExchangeSource withReader(ExchangeReader newReader) {
        if (newReader.isFailFast()) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                    "a fail-fast exchange reader would stop at the first rejected record; use a collect-all reader");
        }
        return new ExchangeSource(spark, newReader);
    }

    /**
     * One file's name and validation report.
     *
     * @param file   the file name (not its path)
     * @param report the report
     */
    public record FileReport(String file, ValidationReport report) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is null
         */
        public FileReport {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Reads files.
     *
     * @param files the files, at least one
     * @return the accepted victims and registrations and each file's report
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if no file is given;
     *                               ({@link SparkRule#EXCHANGE_FILE_REJECTED}) if a file cannot be read at all
     *                               (it does not exist, or monitor-io refuses it as a whole), with monitor-io's
     *                               code in the message; ({@link SparkRule#EMPTY_SOURCE}) if no file holds a
     *                               victim
     */
    public ExchangeData read(List<Path> files) {
        if (files == null || files.isEmpty()) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "no exchange file given");
        }
        List<Row> victims = new ArrayList<>();
        List<Row> registrations = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            int index = i;
            ValidationReport report;
            try {
                report = reader.read(file, new RecordHandler() {
                    private long seq;

                    @Override
                    public void victim(Victim v) {
                        victims.add(RowFactory.create(index, seq++, v.key().value(), v.sex().code(),
                                v.birthDate().isKnown() ? v.birthDate().date() : null,
                                v.birthDate().precision().code(), v.nationalityRegion().code()));
                    }

                    @Override
                    public void registration(Registration r) {
                        registrations.add(RowFactory.create(index, seq++, r.id().value(), r.victimKey().value(),
                                r.reportDate(), r.reporterType().code(), r.form().code()));
                    }
                });
            } catch (ExchangeException e) {
                throw new SparkMonitorException(SparkRule.EXCHANGE_FILE_REJECTED, "exchange file "
                        + file.getFileName() + " cannot be read: " + e.getMessage(), e);
            }
            if (!report.isComplete()) {
                throw new SparkMonitorException(SparkRule.EXCHANGE_FILE_REJECTED, "exchange file "
                        + file.getFileName() + " was not read to its end: "
                        + (report.problems().isEmpty() ? "" : report.problems().get(0).toString()));
            }
            reports.add(new FileReport(file.getFileName().toString(), report));
        }
        if (victims.isEmpty()) {
            throw new SparkMonitorException(SparkRule.EMPTY_SOURCE, "no accepted victim in " + files.size()
                    + " exchange file(s)");
        }
        return new ExchangeData(spark.createDataFrame(victims, ExchangeData.VICTIMS),
                spark.createDataFrame(registrations, ExchangeData.REGISTRATIONS), reports);
    }

    @Override
    public String toString() {
        return "ExchangeSource[" + reader + "]";
    }
}
