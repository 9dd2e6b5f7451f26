package org.tipmonitor.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.io.Problem;
import org.tipmonitor.io.RecordHandler;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;

/**
 * The accepted records of one exchange file, assembled per person: victims with their registrations, offenders
 * with their cases, the police-signal cells, the victims' police reports and a programme's measures. The indicators work on these collections, so the whole file is
 * held in memory (deliberately: a monitor report covers thousands of records, not millions; validate large files
 * with the streaming reader instead).
 *
 * @param dataset       the file's metadata
 * @param victims       victims with their accepted registrations, in file order
 * @param offenders     offenders with their accepted cases, in file order
 * @param policeSignals the police-signal cells
 * @param report        the validation report of the read
 * @param policeReports the victims' police reports with the cases they led to (format 1.1; none in a 1.0 file)
 * @param programmeMeasures the measures of a programme with their status history (format 1.1)
 * @param residenceHistories the dated residence-scheme stages of registrations' victims (format 1.1; none in a 1.0
 *                           file: no stage history)
 */
public record MonitorData(Dataset dataset, List<VictimHistory> victims, List<OffenderHistory> offenders,
                          List<PoliceSignalCount> policeSignals, ValidationReport report,
                          List<PoliceReport> policeReports, List<ProgrammeMeasure> programmeMeasures,
                          List<ResidenceHistory> residenceHistories) {

    /** The classpath location of the bundled synthetic sample. */
    public static final String SAMPLE = "/org/tipmonitor/cli/data/synthetic-monitor.json";

    /** The codes of the problems after which a read stops. */
    private static final java.util.Set<String> STOPPING = java.util.stream.Stream.of(IoRule.MALFORMED_INPUT,
            IoRule.TRUNCATED, IoRule.BYTE_ORDER_MARK, IoRule.INVALID_ENCODING, IoRule.LIMIT_EXCEEDED,
            IoRule.IO_FAILURE, IoRule.NOT_AN_OBJECT, IoRule.UNSUPPORTED_VERSION).map(IoRule::code)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Copies the lists. */
    public MonitorData {
        Objects.requireNonNull(dataset, "dataset");
        victims = List.copyOf(victims);
        offenders = List.copyOf(offenders);
        policeSignals = List.copyOf(policeSignals);
        Objects.requireNonNull(report, "report");
        policeReports = List.copyOf(policeReports);
        programmeMeasures = List.copyOf(programmeMeasures);
        residenceHistories = List.copyOf(residenceHistories);
    }

    /**
     * Data without residence-stage histories.
     *
     * @param dataset           the file's metadata
     * @param victims           victims with their accepted registrations
     * @param offenders         offenders with their accepted cases
     * @param policeSignals     the police-signal cells
     * @param report            the validation report of the read
     * @param policeReports     the victims' police reports
     * @param programmeMeasures the programme measures
     */
    public MonitorData(Dataset dataset, List<VictimHistory> victims, List<OffenderHistory> offenders,
                       List<PoliceSignalCount> policeSignals, ValidationReport report,
                       List<PoliceReport> policeReports, List<ProgrammeMeasure> programmeMeasures) {
        this(dataset, victims, offenders, policeSignals, report, policeReports, programmeMeasures, List.of());
    }

    /**
     * Data without police reports (a format 1.0 file).
     *
     * @param dataset       the file's metadata
     * @param victims       victims with their accepted registrations
     * @param offenders     offenders with their accepted cases
     * @param policeSignals the police-signal cells
     * @param report        the validation report of the read
     */
    public MonitorData(Dataset dataset, List<VictimHistory> victims, List<OffenderHistory> offenders,
                       List<PoliceSignalCount> policeSignals, ValidationReport report) {
        this(dataset, victims, offenders, policeSignals, report, List.of(), List.of());
    }

    /**
     * Reads an exchange file; records that fail validation are left out (see {@link #report()}).
     *
     * @param file the file
     * @return the data
     * @throws ExchangeException ({@link IoRule#REJECTED}) if the file has no valid dataset metadata or could not be
     *                            read to its end
     * @throws UncheckedIOException if the file cannot be read
     */
    public static MonitorData load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The bundled synthetic sample (no real person): 2014–2018 victims, 2013–2017 offender cases, 2013–2018 police
     * signals, generated from a known true population.
     *
     * @return the data
     */
    public static MonitorData sample() {
        try (InputStream in = MonitorData.class.getResourceAsStream(SAMPLE)) {
            return load(Objects.requireNonNull(in, "the bundled sample is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an exchange file from a stream.
     *
     * @param in the stream; not closed
     * @return the data
     * @throws ExchangeException ({@link IoRule#REJECTED}) if the file has no valid dataset metadata or could not be
     *                            read to its end
     */
    public static MonitorData load(InputStream in) {
        Collector collector = new Collector();
        ValidationReport report = ExchangeReader.withDefaults().read(in, collector);
        if (!report.isComplete()) {
            // A file read only in part (truncated, malformed, of another format version) gives no report: its
            // records may be read under the wrong rules, and what is missing is unknown (issue 13).
            throw new ExchangeException(IoRule.REJECTED, "the file could not be read to its end, so no report: "
                    + report.problems().stream().filter(p -> STOPPING.contains(p.code())).findFirst()
                            .map(Problem::toString).orElse("see monitor validate"));
        }
        if (collector.dataset == null) {
            throw new ExchangeException(IoRule.REJECTED, "the file has no valid dataset metadata, so no report: "
                    + report.problems().stream().findFirst().map(Problem::toString).orElse("no details"));
        }
        List<VictimHistory> victims = new ArrayList<>();
        collector.victims.forEach((key, victim) -> victims.add(new VictimHistory(victim,
                collector.registrations.getOrDefault(key, List.of()))));
        List<OffenderHistory> offenders = new ArrayList<>();
        collector.offenders.forEach((key, offender) -> offenders.add(new OffenderHistory(offender,
                collector.cases.getOrDefault(key, List.of()))));
        return new MonitorData(collector.dataset, victims, offenders, collector.policeSignals, report,
                collector.policeReports, collector.programmeMeasures, collector.residenceHistories);
    }

    /**
     * All accepted offender cases.
     *
     * @return the cases
     */
    public List<OffenderCase> offenderCases() {
        List<OffenderCase> cases = new ArrayList<>();
        offenders.forEach(h -> cases.addAll(h.cases()));
        return Collections.unmodifiableList(cases);
    }

    /**
     * All accepted registrations.
     *
     * @return the registrations
     */
    public List<Registration> registrations() {
        List<Registration> registrations = new ArrayList<>();
        victims.forEach(h -> registrations.addAll(h.registrations()));
        return Collections.unmodifiableList(registrations);
    }

    /** Collects the accepted records of a read. */
    private static final class Collector implements RecordHandler {
        private Dataset dataset;
        private final Map<PersonKey, Victim> victims = new LinkedHashMap<>();
        private final Map<PersonKey, List<Registration>> registrations = new LinkedHashMap<>();
        private final Map<PersonKey, Offender> offenders = new LinkedHashMap<>();
        private final Map<PersonKey, List<OffenderCase>> cases = new LinkedHashMap<>();
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
            victims.put(value.key(), value);
        }

        @Override
        public void registration(Registration value) {
            registrations.computeIfAbsent(value.victimKey(), k -> new ArrayList<>()).add(value);
        }

        @Override
        public void offender(Offender value) {
            offenders.put(value.key(), value);
        }

        @Override
        public void offenderCase(OffenderCase value) {
            cases.computeIfAbsent(value.offenderKey(), k -> new ArrayList<>()).add(value);
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
    }
}
