package org.tipmonitor.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
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
 * The accepted records of one exchange file, validated and joined per person: every victim with its registrations
 * ({@link VictimHistory}), every offender with its cases ({@link OffenderHistory}), the police-signal cells, the
 * police reports, the programme measures and the residence-stage histories, together with the
 * {@linkplain #report() report} of the read. These are the collections the indicators take, so that no caller
 * groups registrations by victim key itself.
 *
 * <p>Built by {@link ExchangeReader#readData(java.io.InputStream)} (or its {@link java.nio.file.Path} overload) from
 * a file, or by {@link ExchangeReader#readData(ExchangeFile)} from records already in memory, which are checked by
 * the same rules as a file. The reader's options apply: a collect-all reader (the default) leaves every rejected
 * record out and keeps its located problem in the report; a {@linkplain ExchangeReader#withFailFast(boolean)
 * fail-fast} one throws at the first problem. The accounting always holds: for every kind of record,
 * {@code read == accepted + rejected} ({@link ValidationReport#counts(RecordKind)}), and the accepted ones are
 * exactly the records held here (e.g. {@code report().counts(RecordKind.REGISTRATION).accepted() ==
 * registrations().size()}).
 *
 * <p>Every accepted registration belongs to an accepted victim and every accepted case to an accepted offender
 * (the reader rejects the others with {@link IoRule#UNRESOLVED_VICTIM} and {@link IoRule#UNRESOLVED_OFFENDER}), so
 * the histories hold every accepted record exactly once. Victims and offenders keep their file order, and so do
 * the registrations and cases within a history and in the flat lists.
 *
 * <p>The whole file is held in memory (deliberately: a monitor covers thousands of records, not millions); to only
 * validate a large file, use the streaming {@link ExchangeReader#validate(java.io.InputStream)}. Immutable and
 * thread-safe; every list and map returned is unmodifiable. {@link #toString()} gives counts only, never a person
 * key or a record identifier.
 */
public final class MonitorData {

    private final Dataset dataset;
    private final ValidationReport report;
    private final List<VictimHistory> victims;
    private final List<OffenderHistory> offenders;
    private final List<Registration> registrations;
    private final List<OffenderCase> offenderCases;
    private final List<PoliceSignalCount> policeSignals;
    private final List<PoliceReport> policeReports;
    private final List<ProgrammeMeasure> programmeMeasures;
    private final List<ResidenceHistory> residenceHistories;
    private final Map<PersonKey, VictimHistory> victimIndex;
    private final Map<PersonKey, OffenderHistory> offenderIndex;
    private final Map<PersonKey, Victim> victimsByKey;
    private final NavigableMap<Integer, List<Registration>> registrationsByYear;
    private final NavigableMap<Integer, List<OffenderCase>> casesByYear;
    private final NavigableMap<Integer, List<PoliceSignalCount>> signalsByYear;

    /**
     * Joins the accepted records of a read. The reader guarantees that every registration's victim and every
     * case's offender is among the accepted persons.
     */
    MonitorData(ExchangeFile accepted, ValidationReport report) {
        this.dataset = accepted.dataset();
        this.report = Objects.requireNonNull(report, "report");
        Map<PersonKey, List<Registration>> byVictim = new LinkedHashMap<>();
        for (Registration registration : accepted.registrations()) {
            byVictim.computeIfAbsent(registration.victimKey(), key -> new ArrayList<>()).add(registration);
        }
        Map<PersonKey, VictimHistory> victimMap = new LinkedHashMap<>();
        Map<PersonKey, Victim> victimKeys = new LinkedHashMap<>();
        for (Victim victim : accepted.victims()) {
            victimMap.put(victim.key(), new VictimHistory(victim, byVictim.getOrDefault(victim.key(), List.of())));
            victimKeys.put(victim.key(), victim);
        }
        Map<PersonKey, List<OffenderCase>> byOffender = new LinkedHashMap<>();
        for (OffenderCase offenderCase : accepted.offenderCases()) {
            byOffender.computeIfAbsent(offenderCase.offenderKey(), key -> new ArrayList<>()).add(offenderCase);
        }
        Map<PersonKey, OffenderHistory> offenderMap = new LinkedHashMap<>();
        for (Offender offender : accepted.offenders()) {
            offenderMap.put(offender.key(), new OffenderHistory(offender,
                    byOffender.getOrDefault(offender.key(), List.of())));
        }
        this.victimIndex = Collections.unmodifiableMap(victimMap);
        this.offenderIndex = Collections.unmodifiableMap(offenderMap);
        this.victimsByKey = Collections.unmodifiableMap(victimKeys);
        this.victims = List.copyOf(victimMap.values());
        this.offenders = List.copyOf(offenderMap.values());
        this.registrations = accepted.registrations();
        this.offenderCases = accepted.offenderCases();
        this.policeSignals = accepted.policeSignals();
        this.policeReports = accepted.policeReports();
        this.programmeMeasures = accepted.programmeMeasures();
        this.residenceHistories = accepted.residenceHistories();
        this.registrationsByYear = byYear(registrations, Registration::reportYear);
        this.casesByYear = byYear(offenderCases, OffenderCase::prosecutorRegistrationYear);
        this.signalsByYear = byYear(policeSignals, PoliceSignalCount::year);
    }

    private static <T> NavigableMap<Integer, List<T>> byYear(List<T> records, ToIntFunction<T> year) {
        TreeMap<Integer, List<T>> grouped = new TreeMap<>();
        for (T record : records) {
            grouped.computeIfAbsent(year.applyAsInt(record), y -> new ArrayList<>()).add(record);
        }
        grouped.replaceAll((y, list) -> List.copyOf(list));
        return Collections.unmodifiableNavigableMap(grouped);
    }

    /**
     * The file's metadata.
     *
     * @return the dataset
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * The report of the read: per kind of record how many were read, accepted and rejected, and the located
     * problem of every rejected record (up to the reader's error limit; the rest counted).
     *
     * @return the report
     */
    public ValidationReport report() {
        return report;
    }

    /**
     * Every accepted victim with its accepted registrations, in file order; a victim without a registration has an
     * empty history. The input of the victim indicators ({@code VictimTabulation}, {@code MinorShareEstimator},
     * {@code LegalBasisEffect}, {@code ResidenceScheme}).
     *
     * @return the histories (unmodifiable)
     */
    public List<VictimHistory> victims() {
        return victims;
    }

    /**
     * Every accepted offender with its accepted cases, in file order. The input of the offender indicators
     * ({@code YoungOffenderShareEstimator}).
     *
     * @return the histories (unmodifiable)
     */
    public List<OffenderHistory> offenders() {
        return offenders;
    }

    /**
     * Every accepted registration, in file order: the registrations of {@link #victims()}, not grouped. The input
     * of {@code LinkedRegistrations}.
     *
     * @return the registrations (unmodifiable)
     */
    public List<Registration> registrations() {
        return registrations;
    }

    /**
     * Every accepted case, in file order: the cases of {@link #offenders()}, not grouped. The input of
     * {@code OffenderChain} and {@code FollowedReport}.
     *
     * @return the cases (unmodifiable)
     */
    public List<OffenderCase> offenderCases() {
        return offenderCases;
    }

    /**
     * The accepted police-signal counts, one per cell, in file order. The input of {@code PoliceSignals}.
     *
     * @return the counts (unmodifiable)
     */
    public List<PoliceSignalCount> policeSignals() {
        return policeSignals;
    }

    /**
     * The accepted police reports with the cases they led to (format 1.1; none in a 1.0 file).
     *
     * @return the reports (unmodifiable)
     */
    public List<PoliceReport> policeReports() {
        return policeReports;
    }

    /**
     * The accepted programme measures with their status histories (format 1.1).
     *
     * @return the measures (unmodifiable)
     */
    public List<ProgrammeMeasure> programmeMeasures() {
        return programmeMeasures;
    }

    /**
     * The accepted residence-stage histories of registrations' victims (format 1.1; none in a 1.0 file).
     *
     * @return the histories (unmodifiable)
     */
    public List<ResidenceHistory> residenceHistories() {
        return residenceHistories;
    }

    /**
     * The history of one victim.
     *
     * @param key the victim's person key
     * @return the victim with its registrations, or empty when no accepted victim has the key
     */
    public Optional<VictimHistory> victim(PersonKey key) {
        return Optional.ofNullable(victimIndex.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * The history of one offender.
     *
     * @param key the offender's person key
     * @return the offender with the cases, or empty when no accepted offender has the key
     */
    public Optional<OffenderHistory> offender(PersonKey key) {
        return Optional.ofNullable(offenderIndex.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * The accepted victims by person key, in file order: the covariate lookup of
     * {@code LinkedRegistrations.stratified} and {@code LinkedRegistrations.table}.
     *
     * @return the map (unmodifiable)
     */
    public Map<PersonKey, Victim> victimsByKey() {
        return victimsByKey;
    }

    /**
     * The accepted registrations reported in one year (the victim monitor's counting year,
     * {@link Registration#reportYear()}), in file order.
     *
     * @param year the year
     * @return the registrations, empty when there are none (unmodifiable)
     */
    public List<Registration> registrationsIn(int year) {
        return registrationsByYear.getOrDefault(year, List.of());
    }

    /**
     * The accepted cases registered at the public prosecutor in one year (the offender monitor's counting year,
     * {@link OffenderCase#prosecutorRegistrationYear()}), in file order.
     *
     * @param year the year
     * @return the cases, empty when there are none (unmodifiable)
     */
    public List<OffenderCase> offenderCasesIn(int year) {
        return casesByYear.getOrDefault(year, List.of());
    }

    /**
     * The accepted police-signal counts of one year, in file order.
     *
     * @param year the year
     * @return the counts, empty when there are none (unmodifiable)
     */
    public List<PoliceSignalCount> policeSignalsIn(int year) {
        return signalsByYear.getOrDefault(year, List.of());
    }

    /**
     * The years in which at least one accepted registration was reported, ascending.
     *
     * @return the years (unmodifiable; empty without registrations)
     */
    public SortedSet<Integer> registrationYears() {
        return registrationsByYear.navigableKeySet();
    }

    /**
     * The years in which at least one accepted case was registered at the public prosecutor, ascending.
     *
     * @return the years (unmodifiable; empty without cases)
     */
    public SortedSet<Integer> offenderCaseYears() {
        return casesByYear.navigableKeySet();
    }

    /**
     * The years of the accepted police-signal counts, ascending.
     *
     * @return the years (unmodifiable; empty without counts)
     */
    public SortedSet<Integer> policeSignalYears() {
        return signalsByYear.navigableKeySet();
    }

    /**
     * The accepted records as a whole file, e.g. to write a cleaned copy with
     * {@link ExchangeWriter#write(ExchangeFile, java.io.OutputStream)} or to make a variant to read again with
     * {@link ExchangeReader#readData(ExchangeFile)}.
     *
     * @return the file: the metadata and the accepted records of every kind, in file order
     */
    public ExchangeFile toExchangeFile() {
        List<Victim> victimList = new ArrayList<>(victims.size());
        victims.forEach(history -> victimList.add(history.victim()));
        List<Offender> offenderList = new ArrayList<>(offenders.size());
        offenders.forEach(history -> offenderList.add(history.offender()));
        return new ExchangeFile(dataset, victimList, registrations, offenderList, offenderCases, policeSignals,
                policeReports, programmeMeasures, residenceHistories);
    }

    /** The dataset id and the number of records of each kind, and of problems; never a key or an identifier. */
    @Override
    public String toString() {
        return "MonitorData[dataset=" + dataset.id() + ", victims=" + victims.size() + ", registrations="
                + registrations.size() + ", offenders=" + offenders.size() + ", offenderCases="
                + offenderCases.size() + ", policeSignals=" + policeSignals.size() + ", policeReports="
                + policeReports.size() + ", programmeMeasures=" + programmeMeasures.size()
                + ", residenceHistories=" + residenceHistories.size() + ", problems=" + report.problemCount() + "]";
    }
}
