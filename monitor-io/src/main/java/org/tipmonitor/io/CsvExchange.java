package org.tipmonitor.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.tipmonitor.io.internal.CsvSupport;
import org.tipmonitor.io.internal.CsvSupport.Column;
import org.tipmonitor.io.internal.ObjectSpec.Type;
import org.tipmonitor.io.internal.Problems;
import org.tipmonitor.io.internal.RecordValidation;
import org.tipmonitor.io.internal.Validators;
import org.tipmonitor.io.internal.Values;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DatePrecision;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.YesNoUnknown;

/**
 * Victims and registrations as CSV, police-signal counts to CSV, and any table of results as CSV. Immutable and
 * thread-safe; build it once with {@link #withDefaults()} and the {@code withX} methods.
 *
 * <p><b>Format.</b> One header row, then one record per row (RFC 4180 quoting); the separator is a comma or,
 * for spreadsheets in a Dutch locale, a semicolon; UTF-8, with or without a byte-order mark on reading (spreadsheet
 * programs write one), and with one on writing only when {@linkplain #withByteOrderMark(boolean) asked}. Columns
 * may come in any order; unknown, duplicate and missing columns are refused. An empty cell is a missing value.
 *
 * <p><b>Column mapping.</b> Victims: {@code key, sex, birthDate, birthDatePrecision, nationality}, where
 * {@code birthDate} is empty when the precision is {@code unknown}. Registrations: {@code id, victimKey,
 * reportDate, reporterType, form, route, sector, legalBasis, dublinStatus, residenceStage, policeReportFiled}.
 * Codes and dates as in the JSON format. Every row is checked like a JSON record (codes, dates, the model's Bean
 * Validation) and keys and ids must be unique within the file; whether a registration's victim exists cannot be
 * checked across two CSV files. A problem's pointer is {@code /rowIndex/column} (rows from 0, after the header).
 * Police-signal counts are written with the columns {@code year, series, form, origin, dublinStatus, count}, the
 * names of the JSON format.
 */
public final class CsvExchange {

    /** The victim columns, in the order written. */
    public static final List<String> VICTIM_COLUMNS =
            List.of("key", "sex", "birthDate", "birthDatePrecision", "nationality");
    /** The registration columns, in the order written. */
    public static final List<String> REGISTRATION_COLUMNS = List.of("id", "victimKey", "reportDate", "reporterType",
            "form", "route", "sector", "legalBasis", "dublinStatus", "residenceStage", "policeReportFiled");

    /** The police-signal columns, in the order written: the properties of the JSON format. */
    public static final List<String> POLICE_SIGNAL_COLUMNS =
            List.of("year", "series", "form", "origin", "dublinStatus", "count");

    private static final CsvSupport.Mapping VICTIMS = new CsvSupport.Mapping(RecordKind.VICTIM, "Victim", List.of(
            new Column("key", Type.STRING, true, null),
            new Column("sex", Type.CODE, true, Sex.class),
            new Column("birthDate", Type.DATE, false, null),
            new Column("birthDatePrecision", Type.CODE, true, DatePrecision.class),
            new Column("nationality", Type.STRING, true, null)),
            v -> new Victim(PersonKey.of((String) v[0]), (Sex) v[1], new BirthDate((LocalDate) v[2],
                    (DatePrecision) v[3]), Nationality.of((String) v[4])),
            record -> {
                Victim v = (Victim) record;
                return java.util.Arrays.asList(v.key(), v.sex(), v.birthDate().date(), v.birthDate().precision(),
                        v.nationality());
            },
            path -> path.equals("birthDate.precision") ? "birthDatePrecision"
                    : path.startsWith("birthDate") ? "birthDate" : path.isEmpty() ? null : path,
            record -> ((Victim) record).key().value(), "key");

    private static final CsvSupport.Mapping REGISTRATIONS = new CsvSupport.Mapping(RecordKind.REGISTRATION,
            "Registration", List.of(
            new Column("id", Type.STRING, true, null),
            new Column("victimKey", Type.STRING, true, null),
            new Column("reportDate", Type.DATE, true, null),
            new Column("reporterType", Type.CODE, true, ReporterType.class),
            new Column("form", Type.CODE, true, ExploitationForm.class),
            new Column("route", Type.CODE, true, TraffickingRoute.class),
            new Column("sector", Type.CODE, true, Sector.class),
            new Column("legalBasis", Type.CODE, true, LegalBasis.class),
            new Column("dublinStatus", Type.CODE, true, DublinStatus.class),
            new Column("residenceStage", Type.CODE, true, ResidenceSchemeStage.class),
            new Column("policeReportFiled", Type.CODE, true, YesNoUnknown.class)),
            v -> new Registration(RegistrationId.of((String) v[0]), PersonKey.of((String) v[1]), (LocalDate) v[2],
                    (ReporterType) v[3], (ExploitationForm) v[4], (TraffickingRoute) v[5], (Sector) v[6],
                    (LegalBasis) v[7], (DublinStatus) v[8], (ResidenceSchemeStage) v[9], (YesNoUnknown) v[10]),
            record -> {
                Registration r = (Registration) record;
                return java.util.Arrays.asList(r.id(), r.victimKey(), r.reportDate(), r.reporterType(), r.form(),
                        r.route(), r.sector(), r.legalBasis(), r.dublinStatus(), r.residenceStage(),
                        r.policeReportFiled());
            },
            path -> path.isEmpty() ? null : path,
            record -> ((Registration) record).id().value(), "id");

    private final char separator;
    private final boolean byteOrderMark;
    private final int errorLimit;
    private final boolean failFast;
    private final Validators.Lazy validator;

    private CsvExchange(char separator, boolean byteOrderMark, int errorLimit, boolean failFast,
                        Validators.Lazy validator) {
        this.separator = separator;
        this.byteOrderMark = byteOrderMark;
        this.errorLimit = errorLimit;
        this.failFast = failFast;
        this.validator = validator;
    }

    /**
     * Comma-separated, no byte-order mark on writing, collect-all with an error limit of
     * {@value ExchangeReader#DEFAULT_ERROR_LIMIT}, dates validated against the system clock.
     *
     * @return the configuration
     * @throws ExchangeException ({@link IoRule#NO_VALIDATION_PROVIDER}) if no Bean Validation provider is on the
     *                           class path
     */
    public static CsvExchange withDefaults() {
        return new CsvExchange(',', false, ExchangeReader.DEFAULT_ERROR_LIMIT, false, Validators.lazySystemDefault());
    }

    /**
     * A copy with another separator.
     *
     * @param separator {@code ','} or {@code ';'}
     * @return the copy
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) for any other character
     */
    public CsvExchange withSeparator(char separator) {
        if (separator != ',' && separator != ';') {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "separator must be ',' or ';', got '" + separator
                    + "'");
        }
        return new CsvExchange(separator, byteOrderMark, errorLimit, failFast, validator);
    }

    /**
     * A copy that starts written files with a UTF-8 byte-order mark (for spreadsheet programs) or not.
     *
     * @param byteOrderMark whether to write one
     * @return the copy
     */
    public CsvExchange withByteOrderMark(boolean byteOrderMark) {
        return new CsvExchange(separator, byteOrderMark, errorLimit, failFast, validator);
    }

    /**
     * A copy that keeps at most {@code limit} problems in detail.
     *
     * @param limit the limit, from 1 to {@link ExchangeReader#MAX_ERROR_LIMIT}
     * @return the copy
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the limit is below 1 or above
     *                           {@link ExchangeReader#MAX_ERROR_LIMIT}
     */
    public CsvExchange withErrorLimit(int limit) {
        if (limit < 1 || limit > ExchangeReader.MAX_ERROR_LIMIT) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "error limit must be from 1 to "
                    + ExchangeReader.MAX_ERROR_LIMIT + ": " + limit);
        }
        return new CsvExchange(separator, byteOrderMark, limit, failFast, validator);
    }

    /**
     * A copy that stops at the first problem, throwing an {@link ExchangeException} with the report.
     *
     * @param failFast whether to stop at the first problem
     * @return the copy
     */
    public CsvExchange withFailFast(boolean failFast) {
        return new CsvExchange(separator, byteOrderMark, errorLimit, failFast, validator);
    }

    /**
     * A copy whose "today" comes from a clock.
     *
     * @param clock the clock
     * @return the copy
     */
    public CsvExchange withClock(Clock clock) {
        return new CsvExchange(separator, byteOrderMark, errorLimit, failFast,
                Validators.lazy(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * The column separator.
     *
     * @return {@code ','} or {@code ';'}
     */
    public char separator() {
        return separator;
    }

    /**
     * Reads victims.
     *
     * @param in   the input; not closed
     * @param sink receives the accepted victims in file order
     * @return the report
     * @throws ExchangeException ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport readVictims(InputStream in, Consumer<? super Victim> sink) {
        Objects.requireNonNull(sink, "sink");
        return CsvSupport.read(Objects.requireNonNull(in, "in"), separator, VICTIMS, new RecordValidation(validator),
                new Problems(errorLimit, failFast), record -> sink.accept((Victim) record));
    }

    /**
     * Reads victims from a file.
     *
     * @param file the file
     * @param sink receives the accepted victims in file order
     * @return the report
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the file cannot be opened or read;
     *                           ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport readVictims(Path file, Consumer<? super Victim> sink) {
        Objects.requireNonNull(sink, "sink");
        return fromFile(file, in -> readVictims(in, sink));
    }

    /**
     * Reads registrations.
     *
     * @param in   the input; not closed
     * @param sink receives the accepted registrations in file order
     * @return the report
     * @throws ExchangeException ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport readRegistrations(InputStream in, Consumer<? super Registration> sink) {
        Objects.requireNonNull(sink, "sink");
        return CsvSupport.read(Objects.requireNonNull(in, "in"), separator, REGISTRATIONS,
                new RecordValidation(validator), new Problems(errorLimit, failFast),
                record -> sink.accept((Registration) record));
    }

    /**
     * Reads registrations from a file.
     *
     * @param file the file
     * @param sink receives the accepted registrations in file order
     * @return the report
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if the file cannot be opened or read;
     *                           ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem
     */
    public ValidationReport readRegistrations(Path file, Consumer<? super Registration> sink) {
        Objects.requireNonNull(sink, "sink");
        return fromFile(file, in -> readRegistrations(in, sink));
    }

    private static ValidationReport fromFile(Path file, java.util.function.Function<InputStream,
            ValidationReport> read) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read.apply(in);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot read file " + file.getFileName() + ": "
                    + Values.reason(e), e);
        }
    }

    private static void toFile(Path file, java.util.function.Consumer<OutputStream> write) {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = Files.newOutputStream(file)) {
            write.accept(out);
        } catch (IOException e) {
            throw new ExchangeException(IoRule.IO_FAILURE, "cannot write file " + file.getFileName() + ": "
                    + Values.reason(e), e);
        }
    }

    /**
     * Writes victims with the {@link #VICTIM_COLUMNS}.
     *
     * @param victims the victims
     * @param out     the output; not closed
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writeVictims(Iterable<Victim> victims, OutputStream out) {
        writeMapped(VICTIMS, victims, out);
    }

    /**
     * Writes victims to a file (created or replaced), as {@link #writeVictims(Iterable, OutputStream)}.
     *
     * @param victims the victims
     * @param file    the file
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writeVictims(Iterable<Victim> victims, Path file) {
        toFile(file, out -> writeVictims(victims, out));
    }

    /**
     * Writes registrations with the {@link #REGISTRATION_COLUMNS}.
     *
     * @param registrations the registrations
     * @param out           the output; not closed
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writeRegistrations(Iterable<Registration> registrations, OutputStream out) {
        writeMapped(REGISTRATIONS, registrations, out);
    }

    /**
     * Writes registrations to a file (created or replaced), as {@link #writeRegistrations(Iterable, OutputStream)}.
     *
     * @param registrations the registrations
     * @param file          the file
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writeRegistrations(Iterable<Registration> registrations, Path file) {
        toFile(file, out -> writeRegistrations(registrations, out));
    }

    /**
     * Writes police-signal counts with the {@link #POLICE_SIGNAL_COLUMNS}, codes as codes.
     *
     * @param policeSignals the counts
     * @param out           the output; not closed
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writePoliceSignals(Iterable<PoliceSignalCount> policeSignals, OutputStream out) {
        Objects.requireNonNull(policeSignals, "policeSignals");
        Iterable<List<Object>> rows = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<PoliceSignalCount> it = policeSignals.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Object> next() {
                PoliceSignalCount c = it.next();
                return java.util.Arrays.asList(c.year(), c.series(), c.form(), c.origin(), c.dublinStatus(),
                        c.count());
            }
        };
        writeTable(POLICE_SIGNAL_COLUMNS, rows, out);
    }

    /**
     * Writes police-signal counts to a file (created or replaced), as
     * {@link #writePoliceSignals(Iterable, OutputStream)}.
     *
     * @param policeSignals the counts
     * @param file          the file
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writePoliceSignals(Iterable<PoliceSignalCount> policeSignals, Path file) {
        toFile(file, out -> writePoliceSignals(policeSignals, out));
    }

    private void writeMapped(CsvSupport.Mapping mapping, Iterable<?> records, OutputStream out) {
        List<String> header = new ArrayList<>();
        for (Column column : mapping.columns()) {
            header.add(column.name());
        }
        Iterable<List<Object>> rows = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<?> it = records.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Object> next() {
                return mapping.cells().apply(it.next());
            }
        };
        writeTable(header, rows, out);
    }

    /**
     * Writes any table, e.g. an indicator result: a header row and the rows. Cells: {@code null} and empty
     * {@link Optional}s as empty cells, code lists as their codes, dates and times in ISO-8601, numbers with a
     * decimal point, single-value records (person keys, ids, countries) as their value, everything else that is
     * not a collection, array or record as {@link String#valueOf(Object)}. Text cells and column names that a
     * spreadsheet would take for a formula are neutralised by {@link SafeText#spreadsheetCell(String)}.
     *
     * @param header the column names, at least one
     * @param rows   the rows, each with as many cells as the header
     * @param out    the output; not closed
     * @throws ExchangeException ({@link IoRule#CSV_ROW_LENGTH}) if a row has another length;
     *                           ({@link IoRule#CSV_VALUE}) if a cell cannot be written;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writeTable(List<String> header, Iterable<? extends List<?>> rows, OutputStream out) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        if (header.isEmpty()) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "a table needs at least one column");
        }
        List<String> names = new ArrayList<>();
        for (String name : header) {
            names.add(SafeText.spreadsheetCell(name));
        }
        CsvSupport.write(names, rows, out, separator, byteOrderMark, CsvExchange::cell);
    }

    /**
     * Writes any table to a file (created or replaced), as {@link #writeTable(List, Iterable, OutputStream)}.
     *
     * @param header the column names, at least one
     * @param rows   the rows, each with as many cells as the header
     * @param file   the file
     * @throws ExchangeException ({@link IoRule#CSV_ROW_LENGTH}) if a row has another length;
     *                           ({@link IoRule#CSV_VALUE}) if a cell cannot be written;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public void writeTable(List<String> header, Iterable<? extends List<?>> rows, Path file) {
        toFile(file, out -> writeTable(header, rows, out));
    }

    /**
     * Writes records as a table: one column per record component, named after it, one row per record.
     *
     * @param type    the record type
     * @param records the records
     * @param out     the output; not closed
     * @param <R>     the record type
     * @throws ExchangeException ({@link IoRule#CSV_VALUE}) if a component cannot be written as a cell;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public <R extends Record> void writeRecords(Class<R> type, Iterable<? extends R> records, OutputStream out) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> header = new ArrayList<>();
        for (RecordComponent component : components) {
            header.add(component.getName());
        }
        Iterable<List<Object>> rows = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<? extends R> it = records.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Object> next() {
                return values(it.next(), components);
            }
        };
        writeTable(header, rows, out);
    }

    /**
     * Writes records as a table to a file (created or replaced), as
     * {@link #writeRecords(Class, Iterable, OutputStream)}.
     *
     * @param type    the record type
     * @param records the records
     * @param file    the file
     * @param <R>     the record type
     * @throws ExchangeException ({@link IoRule#CSV_VALUE}) if a component cannot be written as a cell;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public <R extends Record> void writeRecords(Class<R> type, Iterable<? extends R> records, Path file) {
        toFile(file, out -> writeRecords(type, records, out));
    }

    private static List<Object> values(Record record, RecordComponent[] components) {
        List<Object> values = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            values.add(access(record, component));
        }
        return values;
    }

    private static Object access(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ExchangeException(IoRule.CSV_VALUE, "cannot read component " + component.getName() + " of "
                    + record.getClass().getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Optional) {
            return cell(((Optional<?>) value).orElse(null));
        }
        if (value instanceof CodeList) {
            return ((CodeList) value).code();
        }
        if (value instanceof TemporalAccessor || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return SafeText.spreadsheetCell(value.toString());
        }
        if (value instanceof Record) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            if (components.length == 1) {
                return cell(access((Record) value, components[0]));
            }
        }
        if (value instanceof Iterable || value instanceof java.util.Map || value.getClass().isArray()
                || value instanceof Record) {
            throw new ExchangeException(IoRule.CSV_VALUE, "a value of type " + value.getClass().getSimpleName()
                    + " cannot be written as one CSV cell; flatten it into columns");
        }
        return SafeText.spreadsheetCell(String.valueOf(value));
    }

    @Override
    public String toString() {
        return "CsvExchange[separator='" + separator + "', byteOrderMark=" + byteOrderMark + ", errorLimit="
                + errorLimit + ", failFast=" + failFast + "]";
    }
}
