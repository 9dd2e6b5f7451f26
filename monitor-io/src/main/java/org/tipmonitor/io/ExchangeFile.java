package org.tipmonitor.io;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.Victim;

/**
 * A whole exchange file in memory: the dataset metadata and the nine kinds of record, in file order. For large
 * files use the streaming {@link ExchangeReader#read(java.io.InputStream, RecordHandler)} and
 * {@link ExchangeWriter#open(java.io.OutputStream, Dataset)} instead.
 *
 * @param dataset       the metadata
 * @param victims       the victims (copied, unmodifiable)
 * @param registrations the registrations (copied, unmodifiable)
 * @param offenders     the offenders (copied, unmodifiable)
 * @param offenderCases the offenders' cases (copied, unmodifiable)
 * @param policeSignals the police-signal counts, one per cell (copied, unmodifiable)
 * @param policeReports the police reports with the cases they led to, format 1.1 (copied, unmodifiable)
 * @param programmeMeasures the measures of a programme with their status history, format 1.1 (copied,
 *                          unmodifiable)
 * @param residenceHistories the dated residence-scheme stages of registrations' victims, format 1.1 (copied,
 *                           unmodifiable)
 */
public record ExchangeFile(Dataset dataset, List<Victim> victims, List<Registration> registrations,
                           List<Offender> offenders, List<OffenderCase> offenderCases,
                           List<PoliceSignalCount> policeSignals, List<PoliceReport> policeReports,
                           List<ProgrammeMeasure> programmeMeasures, List<ResidenceHistory> residenceHistories) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component or an element is null
     */
    public ExchangeFile {
        Objects.requireNonNull(dataset, "dataset");
        victims = List.copyOf(victims);
        registrations = List.copyOf(registrations);
        offenders = List.copyOf(offenders);
        offenderCases = List.copyOf(offenderCases);
        policeSignals = List.copyOf(policeSignals);
        policeReports = List.copyOf(policeReports);
        programmeMeasures = List.copyOf(programmeMeasures);
        residenceHistories = List.copyOf(residenceHistories);
    }

    /**
     * A file without residence-stage histories.
     *
     * @param dataset           the metadata
     * @param victims           the victims
     * @param registrations     the registrations
     * @param offenders         the offenders
     * @param offenderCases     the offenders' cases
     * @param policeSignals     the police-signal counts
     * @param policeReports     the police reports
     * @param programmeMeasures the programme measures
     * @throws NullPointerException if a component or an element is null
     */
    public ExchangeFile(Dataset dataset, List<Victim> victims, List<Registration> registrations,
                        List<Offender> offenders, List<OffenderCase> offenderCases,
                        List<PoliceSignalCount> policeSignals, List<PoliceReport> policeReports,
                        List<ProgrammeMeasure> programmeMeasures) {
        this(dataset, victims, registrations, offenders, offenderCases, policeSignals, policeReports,
                programmeMeasures, List.of());
    }

    /**
     * A file without programme measures.
     *
     * @param dataset       the metadata
     * @param victims       the victims
     * @param registrations the registrations
     * @param offenders     the offenders
     * @param offenderCases the offenders' cases
     * @param policeSignals the police-signal counts
     * @param policeReports the police reports
     * @throws NullPointerException if a component or an element is null
     */
    public ExchangeFile(Dataset dataset, List<Victim> victims, List<Registration> registrations,
                        List<Offender> offenders, List<OffenderCase> offenderCases,
                        List<PoliceSignalCount> policeSignals, List<PoliceReport> policeReports) {
        this(dataset, victims, registrations, offenders, offenderCases, policeSignals, policeReports, List.of());
    }

    /**
     * A file without police reports (the record arrays of format 1.0).
     *
     * @param dataset       the metadata
     * @param victims       the victims
     * @param registrations the registrations
     * @param offenders     the offenders
     * @param offenderCases the offenders' cases
     * @param policeSignals the police-signal counts
     * @throws NullPointerException if a component or an element is null
     */
    public ExchangeFile(Dataset dataset, List<Victim> victims, List<Registration> registrations,
                        List<Offender> offenders, List<OffenderCase> offenderCases,
                        List<PoliceSignalCount> policeSignals) {
        this(dataset, victims, registrations, offenders, offenderCases, policeSignals, List.of(), List.of());
    }

    /**
     * The format version a file with this content needs: 1.1 with police reports, programme measures or
     * residence-stage histories, else 1.0.
     *
     * @return {@link ExchangeFormat#FORMAT_VERSION_1_1} or {@link ExchangeFormat#FORMAT_VERSION}
     */
    public String formatVersion() {
        return policeReports.isEmpty() && programmeMeasures.isEmpty() && residenceHistories.isEmpty()
                ? ExchangeFormat.FORMAT_VERSION
                : ExchangeFormat.FORMAT_VERSION_1_1;
    }

    /**
     * A file without police-signal counts (the four record arrays of the format before {@code policeSignals}).
     *
     * @param dataset       the metadata
     * @param victims       the victims
     * @param registrations the registrations
     * @param offenders     the offenders
     * @param offenderCases the offenders' cases
     * @throws NullPointerException if a component or an element is null
     */
    public ExchangeFile(Dataset dataset, List<Victim> victims, List<Registration> registrations,
                        List<Offender> offenders, List<OffenderCase> offenderCases) {
        this(dataset, victims, registrations, offenders, offenderCases, List.of());
    }

    /**
     * A file of the victim monitor: victims and their registrations.
     *
     * @param dataset       the metadata
     * @param victims       the victims
     * @param registrations the registrations
     * @return the file
     */
    public static ExchangeFile ofVictims(Dataset dataset, List<Victim> victims, List<Registration> registrations) {
        return new ExchangeFile(dataset, victims, registrations, List.of(), List.of());
    }

    /**
     * A file of the offender monitor: offenders and their cases.
     *
     * @param dataset       the metadata
     * @param offenders     the offenders
     * @param offenderCases the cases
     * @return the file
     */
    public static ExchangeFile ofOffenders(Dataset dataset, List<Offender> offenders,
                                           List<OffenderCase> offenderCases) {
        return new ExchangeFile(dataset, List.of(), List.of(), offenders, offenderCases);
    }

    /**
     * A file of the police-signal view: counts only.
     *
     * @param dataset       the metadata
     * @param policeSignals the counts, one per cell
     * @return the file
     */
    public static ExchangeFile ofPoliceSignals(Dataset dataset, List<PoliceSignalCount> policeSignals) {
        return new ExchangeFile(dataset, List.of(), List.of(), List.of(), List.of(), policeSignals);
    }
}
