package org.tipmonitor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tipmonitor.io.internal.JsonExchangeReader;
import org.tipmonitor.io.internal.RecordValidation;
import org.tipmonitor.io.internal.Validators;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/**
 * Reads and validates exchange files ({@link ExchangeFormat format v1}). Immutable and thread-safe: build it once
 * with {@link #withDefaults()} and the {@code withX} methods and share it.
 *
 * <p><b>What is checked.</b> The bytes (UTF-8, no byte-order mark), the JSON syntax, the structure the JSON
 * Schema describes (types, required and unknown properties, duplicate keys, codes, dates, integer ranges), every
 * record with the model's Bean Validation ({@link org.tipmonitor.model.ModelRule}), and across the file: unique
 * registration and case ids and person keys, every registration's victim key and every case's offender key
 * present among the accepted victims and offenders, no registration reported before its victim's earliest
 * possible birth day and no case's offence (or, without an offence date, its registration at the public
 * prosecutor) before its offender's ({@link org.tipmonitor.model.ModelRule#BIRTH_BEFORE_EVENT TM-M-020}, which
 * the model checks on a person's history and the reader checks across the file), counting dates within the
 * dataset period (a police-signal count's year must have a day in it), at most one police-signal count per cell
 * (year, series, form, origin group, Dublin status), and the dataset metadata before the records.
 *
 * <p><b>Speed.</b> Bean Validation runs only on a record that a direct check of the same constraints does not
 * pass; that record's problems and messages come from Bean Validation, so the report is the same as when every
 * record went through it. The Bean Validation provider is looked up when the reader is built and started when a
 * record first needs it: a valid file never starts it.
 *
 * <p><b>Streaming and memory.</b> {@link #read(InputStream, RecordHandler)} and {@link #validate(InputStream)}
 * hold one record at a time. The file-level checks need the sets of person keys and record ids in memory (about
 * 24 bytes plus the key's length per record; a person key 8 to 16 bytes more for the earliest possible birth day,
 * the only thing kept of a person), and a registration or case whose person comes later in the file is held until
 * the end, where the reference and the birth day are resolved. Files written by {@link ExchangeWriter} put persons
 * first, so nothing is held. At most 50,000 records are held (some 30 MB); a record that would wait beyond that is
 * rejected unchecked with rule {@link IoRule#LIMIT_EXCEEDED}, so that no file can exhaust the memory this way.
 * {@link #validate(Path)} checks a file longer than the Java virtual machine's largest heap
 * ({@link Runtime#maxMemory()}) in flat memory (issue 14): the key sets hold a fixed-size fingerprint per key (11 to
 * 21 bytes), the police reports and residence-stage histories wait in a temporary file, and the keys are recorded
 * in temporary files so that two keys with one fingerprint are found exactly after the read, which is then redone
 * with those keys kept whole; the report is the same, to the byte (a 1 GB file validates with {@code -Xmx128m}). A
 * report keeps at most {@link #MAX_ERROR_LIMIT} problems in detail, and a CSV row at most 1,000 cells.
 *
 * <p><b>Collect-all and fail-fast.</b> By default a read goes on after a problem and reports every problem (the
 * first {@link #withErrorLimit(int) error limit} in detail). {@link #withFailFast(boolean) Fail-fast} reads, and
 * {@link #readFile(InputStream)} always, stop at the first problem and throw an {@link ExchangeException} that
 * carries the report. Problems never stop a read otherwise, except those after which the rest of the input
 * cannot be read (malformed JSON, a read limit, an unsupported version); the report is then not complete.
 *
 * <p><b>For the indicators.</b> {@link #readData(InputStream)} (and its {@link Path} and in-memory
 * {@link ExchangeFile} overloads) gives a {@link MonitorData}: the accepted records joined per person, with the
 * report of the read.
 *
 * <p>No method closes the caller's stream.
 */
public final class ExchangeReader {

    /** The default number of problems kept in a report. */
    public static final int DEFAULT_ERROR_LIMIT = 1000;

    /**
     * The most problems a report keeps in detail, whatever the error limit asked: 100,000 problems hold a few tens
     * of megabytes. The problems beyond the limit are still counted exactly.
     */
    public static final int MAX_ERROR_LIMIT = 100_000;

    /** The codes of the problems after which a read stops. */
    private static final java.util.Set<String> STOPPING = java.util.stream.Stream.of(IoRule.MALFORMED_INPUT,
            IoRule.TRUNCATED, IoRule.EMPTY_INPUT, IoRule.BYTE_ORDER_MARK, IoRule.INVALID_ENCODING,
            IoRule.LIMIT_EXCEEDED, IoRule.IO_FAILURE, IoRule.TRAILING_CONTENT, IoRule.NOT_AN_OBJECT,
            IoRule.UNSUPPORTED_VERSION).map(IoRule::code).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final int errorLimit;
    private final boolean failFast;
    private final Clock clock;
    private final Validators.Lazy validator;

    private ExchangeReader(int errorLimit, boolean failFast, Clock clock, Validators.Lazy validator) {
        this.errorLimit = errorLimit;
        this.failFast = failFast;
        this.clock = clock;
        this.validator = validator;
    }

    /**
     * A collect-all reader that keeps {@value #DEFAULT_ERROR_LIMIT} problems and validates dates against the system
     * clock.
     *
     * @return the reader
     * @throws ExchangeException ({@link IoRule#NO_VALIDATION_PROVIDER}) if no Bean Validation provider is on the
     *                           class path
     */
    public static ExchangeReader withDefaults() {
        return new ExchangeReader(DEFAULT_ERROR_LIMIT, false, null, Validators.lazySystemDefault());
    }

    /**
     * A copy that keeps at most {@code limit} problems in detail; the rest are counted.
     *
     * @param limit the limit, from 1 to {@link #MAX_ERROR_LIMIT}
     * @return the copy
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the limit is below 1 or above
     *                           {@link #MAX_ERROR_LIMIT}
     */
    public ExchangeReader withErrorLimit(int limit) {
        if (limit < 1 || limit > MAX_ERROR_LIMIT) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "error limit must be from 1 to "
                    + MAX_ERROR_LIMIT + ": " + limit);
        }
        return new ExchangeReader(limit, failFast, clock, validator);
    }

    /**
     * A copy that stops at the first problem ({@code true}) or collects all ({@code false}).
     *
     * @param failFast whether to stop at the first problem
     * @return the copy
     */
    public ExchangeReader withFailFast(boolean failFast) {
        return new ExchangeReader(errorLimit, failFast, clock, validator);
    }

    /**
     * A copy whose "today" (for the rule that dates are not in the future) comes from a clock, e.g. a fixed
     * clock in tests or a reporting date.
     *
     * @param clock the clock
     * @return the copy
     * @throws ExchangeException ({@link IoRule#NO_VALIDATION_PROVIDER}) if no Bean Validation provider is on the
     *                           class path
     */
    public ExchangeReader withClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new ExchangeReader(errorLimit, failFast, clock, Validators.lazy(clock));
    }

    /**
     * The number of problems kept in detail.
     *
     * @return the limit
     */
    public int errorLimit() {
        return errorLimit;
    }

    /**
     * Whether reads stop at the first problem.
     *
     * @return true for fail-fast
     */
    public boolean isFailFast() {
        return failFast;
    }

    /**
     * Reads a file and hands what is accepted to a handler, in file order.
     *
     * @param in      the input, UTF-8 JSON; not closed
     * @param handler receives the dataset and the accepted records
     * @return the report
     * @throws ExchangeException ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport read(InputStream in, RecordHandler handler) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        return new JsonExchangeReader(new RecordValidation(validator), errorLimit, failFast).read(in, handler);
    }

    /**
     * Reads a file from a path and hands what is accepted to a handler.
     *
     * @param file    the file
     * @param handler receives the dataset and the accepted records
     * @return the report
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the file cannot be opened;
     *                           ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport read(Path file, RecordHandler handler) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, handler);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot read file " + file.getFileName() + ": "
                    + org.tipmonitor.io.internal.Values.reason(e), e);
        }
    }

    /**
     * Validates a file without keeping any record.
     *
     * @param in the input; not closed
     * @return the report
     * @throws ExchangeException ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport validate(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new JsonExchangeReader(new RecordValidation(validator), errorLimit, failFast).validate(in);
    }

    /**
     * Validates a file at a path without keeping any record. A file larger than the heap
     * ({@link Runtime#maxMemory()}) is checked in flat memory, with temporary files (see the class description); the
     * report is the same.
     *
     * @param file the file
     * @return the report
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the file cannot be opened, or a temporary file of the
     *                           flat-memory check cannot be made, written or read;
     *                           ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport validate(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new JsonExchangeReader(new RecordValidation(validator), errorLimit, failFast).validate(file);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot read file " + file.getFileName() + ": "
                    + org.tipmonitor.io.internal.Values.reason(e), e);
        }
    }

    /**
     * Reads a whole file into memory, fail-fast: every record is checked and the first problem stops the read.
     *
     * @param in the input; not closed
     * @return the file
     * @throws ExchangeException ({@link IoRule#REJECTED}) at the first problem, with the report
     */
    public ExchangeFile readFile(InputStream in) {
        Collector collector = new Collector();
        withFailFast(true).read(in, collector);
        return collector.file();
    }

    /**
     * Reads a whole file at a path into memory, fail-fast.
     *
     * @param file the file
     * @return the file's content
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the file cannot be opened;
     *                           ({@link IoRule#REJECTED}) at the first problem, with the report
     */
    public ExchangeFile readFile(Path file) {
        Collector collector = new Collector();
        withFailFast(true).read(file, collector);
        return collector.file();
    }

    /**
     * Reads a file into a {@link MonitorData}: the accepted records joined per person, with the report of the read.
     * With this reader's options: a collect-all reader (the default) leaves each rejected record out and keeps its
     * located problem in {@link MonitorData#report()}; a fail-fast reader throws at the first problem.
     *
     * @param in the input, UTF-8 JSON; not closed
     * @return the data
     * @throws ExchangeException ({@link IoRule#REJECTED}, with the report) if the input could not be read to its
     *                           end (malformed or truncated JSON, a read limit, an unsupported version: what is
     *                           missing is unknown) or has no valid dataset metadata; in fail-fast mode, at the
     *                           first problem
     */
    public MonitorData readData(InputStream in) {
        Objects.requireNonNull(in, "in");
        Collector collector = new Collector();
        return collector.data(read(in, collector));
    }

    /**
     * Reads a file at a path into a {@link MonitorData}, as {@link #readData(InputStream)} does.
     *
     * @param file the file
     * @return the data
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the file cannot be opened or read;
     *                           ({@link IoRule#REJECTED}, with the report) as {@link #readData(InputStream)}
     */
    public MonitorData readData(Path file) {
        Objects.requireNonNull(file, "file");
        Collector collector = new Collector();
        return collector.data(read(file, collector));
    }

    /**
     * Checks records already in memory by the rules of a file and joins the accepted ones into a
     * {@link MonitorData}, as {@link #readData(InputStream)} does with a file. The records are checked as the
     * canonical file {@link ExchangeWriter} makes of them, so a record is accepted here exactly when it would be
     * accepted in that file. A problem's {@link Problem#index() index} is the record's index in its list and its
     * {@link Problem#pointer() pointer} names the list ({@code /registrations/3/form}); its line and column are
     * unknown (-1).
     *
     * @param records the records
     * @return the data
     * @throws ExchangeException ({@link IoRule#INCOMPLETE_RECORD}) if a record lacks a required value (the
     *                           canonical constructor accepts null, the format does not);
     *                           ({@link IoRule#REJECTED}, with the report) in fail-fast mode, at the first problem
     */
    public MonitorData readData(ExchangeFile records) {
        Objects.requireNonNull(records, "records");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ExchangeWriter.withDefaults().write(records, bytes);
        Collector collector = new Collector();
        ValidationReport report;
        try {
            report = read(new java.io.ByteArrayInputStream(bytes.toByteArray()), collector);
        } catch (ExchangeException e) {
            throw e.report().map(r -> new ExchangeException(inMemory(r))).orElse(e);
        }
        return collector.data(inMemory(report));
    }

    /** The report of records in memory: the lines and columns of the canonical file mean nothing to the caller. */
    private static ValidationReport inMemory(ValidationReport report) {
        List<Problem> problems = new ArrayList<>(report.problems().size());
        for (Problem p : report.problems()) {
            problems.add(new Problem(p.kind(), p.index(), p.pointer(), -1, -1, p.code(), p.message()));
        }
        return ValidationReport.of(problems, report.counts(), report.omittedProblems(), report.isComplete());
    }

    /** Collects a whole file. */
    private static final class Collector implements RecordHandler {
        private Dataset dataset;
        private final List<Victim> victims = new ArrayList<>();
        private final List<Registration> registrations = new ArrayList<>();
        private final List<Offender> offenders = new ArrayList<>();
        private final List<OffenderCase> offenderCases = new ArrayList<>();
        private final List<PoliceSignalCount> policeSignals = new ArrayList<>();
        private final List<PoliceReport> policeReports = new ArrayList<>();
        private final List<ProgrammeMeasure> programmeMeasures = new ArrayList<>();
        private final List<ResidenceHistory> residenceHistories = new ArrayList<>();

        @Override
        public void dataset(Dataset value) {
            dataset = value;
        }

        @Override
        public void victim(Victim value) {
            victims.add(value);
        }

        @Override
        public void registration(Registration value) {
            registrations.add(value);
        }

        @Override
        public void offender(Offender value) {
            offenders.add(value);
        }

        @Override
        public void offenderCase(OffenderCase value) {
            offenderCases.add(value);
        }

        @Override
        public void policeSignal(PoliceSignalCount value) {
            policeSignals.add(value);
        }

        @Override
        public void policeReport(PoliceReport value) {
            policeReports.add(value);
        }

        @Override
        public void programmeMeasure(ProgrammeMeasure value) {
            programmeMeasures.add(value);
        }

        @Override
        public void residenceHistory(ResidenceHistory value) {
            residenceHistories.add(value);
        }

        MonitorData data(ValidationReport report) {
            if (!report.isComplete()) {
                // A file read only in part gives no dataset: what is missing is unknown (issue 13).
                throw ExchangeException.withReport(IoRule.REJECTED, "the input could not be read to its end, so"
                        + " it gives no dataset: " + report.problems().stream()
                        .filter(p -> STOPPING.contains(p.code())).findFirst().map(Problem::toString)
                        .orElse("see the report"), report);
            }
            if (dataset == null) {
                throw ExchangeException.withReport(IoRule.REJECTED, "the input has no valid dataset metadata, so it"
                        + " gives no dataset: " + report.problems().stream().findFirst().map(Problem::toString)
                        .orElse("see the report"), report);
            }
            return new MonitorData(file(), report);
        }

        ExchangeFile file() {
            return new ExchangeFile(dataset, victims, registrations, offenders, offenderCases, policeSignals,
                    policeReports, programmeMeasures, residenceHistories);
        }
    }

    @Override
    public String toString() {
        return "ExchangeReader[errorLimit=" + errorLimit + ", failFast=" + failFast
                + (clock == null ? "" : ", clock=" + clock) + "]";
    }
}
