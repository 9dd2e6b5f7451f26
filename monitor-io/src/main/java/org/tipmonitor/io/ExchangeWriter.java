package org.tipmonitor.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes exchange files ({@link ExchangeFormat format v1}) in canonical form: UTF-8 without a byte-order mark,
 * properties in the order of the format (the order of the model's record components), the four arrays
 * {@code victims}, {@code registrations}, {@code offenders} and {@code offenderCases} always present,
 * {@code policeSignals} only when it holds a count (so that a file without police signals is exactly what the
 * format's readers before that array accept), {@code policeReports} only when it holds a report, optional values
 * left out rather than written as {@code null}. The declared format version is 1.0 unless the file holds police
 * reports, programme measures or residence-stage histories ({@link ExchangeFormat#FORMAT_VERSION_1_1}); a streaming write that will hold them is opened from
 * {@link #withFormatVersion(String) withFormatVersion("1.1")}.
 * Immutable and thread-safe.
 *
 * <p>The writer checks only that required values are present; it does not validate records. Read the file
 * back, or validate the records, to check the model's rules. Reading a written file gives back equal records.
 */
public final class ExchangeWriter {

    private final boolean prettyPrint;
    private final String formatVersion;

    private ExchangeWriter(boolean prettyPrint, String formatVersion) {
        this.prettyPrint = prettyPrint;
        this.formatVersion = formatVersion;
    }

    /**
     * A writer of compact JSON.
     *
     * @return the writer
     */
    public static ExchangeWriter withDefaults() {
        return new ExchangeWriter(false, ExchangeFormat.FORMAT_VERSION);
    }

    /**
     * A copy that indents the JSON (two spaces, one property per line) or writes it compact.
     *
     * @param prettyPrint whether to indent
     * @return the copy
     */
    public ExchangeWriter withPrettyPrint(boolean prettyPrint) {
        return new ExchangeWriter(prettyPrint, formatVersion);
    }

    /**
     * A copy whose streaming writes declare this format version (default {@value ExchangeFormat#FORMAT_VERSION}).
     * Police reports can be written only under {@value ExchangeFormat#FORMAT_VERSION_1_1}. A whole-file write
     * ({@link #write(ExchangeFile, OutputStream)}) declares 1.1 by itself when the file holds police reports.
     *
     * @param version one of {@link ExchangeFormat#SUPPORTED_VERSIONS}
     * @return the copy
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the version is not supported
     */
    public ExchangeWriter withFormatVersion(String version) {
        if (!ExchangeFormat.SUPPORTED_VERSIONS.contains(version)) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "format version must be one of "
                    + ExchangeFormat.SUPPORTED_VERSIONS + ", got " + (version == null ? "null" : "another value"));
        }
        return new ExchangeWriter(prettyPrint, version);
    }

    /**
     * The format version a streaming write declares.
     *
     * @return e.g. {@code "1.0"}
     */
    public String formatVersion() {
        return formatVersion;
    }

    /**
     * Starts a streaming write: writes the format version and the dataset metadata; the records follow through
     * the returned writer, victims first, then registrations, offenders, cases and police-signal counts.
     *
     * @param out     the output; not closed
     * @param dataset the metadata
     * @return the record writer; close it to complete the document
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter open(OutputStream out, Dataset dataset) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(dataset, "dataset");
        return new RecordWriter(out, dataset, prettyPrint, formatVersion);
    }

    /**
     * Writes a whole file.
     *
     * @param file the content
     * @param out  the output; not closed
     * @throws ExchangeException ({@link IoRule#INCOMPLETE_RECORD}) if a record lacks a required value;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void write(ExchangeFile file, OutputStream out) {
        ExchangeWriter versioned = file.formatVersion().equals(ExchangeFormat.FORMAT_VERSION) ? this
                : withFormatVersion(ExchangeFormat.FORMAT_VERSION_1_1);
        try (RecordWriter writer = versioned.open(out, file.dataset())) {
            file.victims().forEach(writer::victim);
            file.registrations().forEach(writer::registration);
            file.offenders().forEach(writer::offender);
            file.offenderCases().forEach(writer::offenderCase);
            file.policeSignals().forEach(writer::policeSignal);
            file.policeReports().forEach(writer::policeReport);
            file.programmeMeasures().forEach(writer::programmeMeasure);
            file.residenceHistories().forEach(writer::residenceHistory);
        }
    }

    /**
     * Writes a whole file to a path, replacing it.
     *
     * @param file   the content
     * @param target the path
     * @throws ExchangeException ({@link IoRule#INCOMPLETE_RECORD}) if a record lacks a required value;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void write(ExchangeFile file, Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            write(file, out);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot write file " + target.getFileName() + ": "
                    + org.tipmonitor.io.internal.Values.reason(e), e);
        }
    }

    /**
     * A whole file as JSON text.
     *
     * @param file the content
     * @return the JSON
     * @throws ExchangeException ({@link IoRule#INCOMPLETE_RECORD}) if a record lacks a required value
     */
    public String toJson(ExchangeFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(file, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ExchangeWriter[prettyPrint=" + prettyPrint + ", formatVersion=" + formatVersion + "]";
    }

    /** Package-private view for {@link RecordWriter}: the kinds in canonical order. */
    static final RecordKind[] SECTIONS = {
        RecordKind.VICTIM, RecordKind.REGISTRATION, RecordKind.OFFENDER, RecordKind.OFFENDER_CASE,
        RecordKind.POLICE_SIGNAL, RecordKind.POLICE_REPORT, RecordKind.PROGRAMME_MEASURE,
        RecordKind.RESIDENCE_HISTORY};
    /** The first this many {@link #SECTIONS} are always written, empty or not; the others only with a record. */
    static final int ALWAYS_WRITTEN = 4;

    /** Fails fast on a missing required value. */
    static <T> T required(T value, String what) {
        if (value == null) {
            throw new ExchangeException(IoRule.INCOMPLETE_RECORD, what + " is required but null; validate records"
                    + " before writing them");
        }
        return value;
    }
}
