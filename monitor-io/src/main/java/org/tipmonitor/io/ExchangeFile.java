package org.tipmonitor.io;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/**
 * A whole exchange file in memory: the dataset metadata and the four kinds of record, in file order. For large
 * files use the streaming {@link ExchangeReader#read(java.io.InputStream, RecordHandler)} and
 * {@link ExchangeWriter#open(java.io.OutputStream, Dataset)} instead.
 *
 * @param dataset       the metadata
 * @param victims       the victims (copied, unmodifiable)
 * @param registrations the registrations (copied, unmodifiable)
 * @param offenders     the offenders (copied, unmodifiable)
 * @param offenderCases the offenders' cases (copied, unmodifiable)
 */
public record ExchangeFile(Dataset dataset, List<Victim> victims, List<Registration> registrations,
                           List<Offender> offenders, List<OffenderCase> offenderCases) {

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
}
