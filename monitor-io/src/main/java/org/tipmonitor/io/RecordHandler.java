package org.tipmonitor.io;

import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.Victim;

/**
 * Receives what a streaming read accepts, in file order. Only records that pass every check reach the handler:
 * a registration (or case) whose victim (or offender) has not been read yet is held back until the end of the
 * file and then handed over or rejected. Every method does nothing by default.
 *
 * <p>Records reach the handler while the file is still being read. If the file later turns out to be broken (a
 * syntax error, a truncated file), the records handed over so far stay valid, but the file as a whole is not:
 * commit them only when the returned {@link ValidationReport#isValid()} (or use a fail-fast read).
 *
 * <p>An exception thrown by a method stops the read and reaches the caller unchanged.
 */
public interface RecordHandler {

    /**
     * The dataset metadata, once it has passed its checks.
     *
     * @param dataset the metadata
     */
    default void dataset(Dataset dataset) {
    }

    /**
     * An accepted victim.
     *
     * @param victim the victim
     */
    default void victim(Victim victim) {
    }

    /**
     * An accepted registration.
     *
     * @param registration the registration
     */
    default void registration(Registration registration) {
    }

    /**
     * An accepted offender.
     *
     * @param offender the offender
     */
    default void offender(Offender offender) {
    }

    /**
     * An accepted case.
     *
     * @param offenderCase the case
     */
    default void offenderCase(OffenderCase offenderCase) {
    }

    /**
     * An accepted police-signal count.
     *
     * @param policeSignal the count of one cell of the police-signal view
     */
    default void policeSignal(PoliceSignalCount policeSignal) {
    }

    /**
     * An accepted police report with the cases it led to (format 1.1). Police reports reach the handler at the
     * end of the file, after every registration and case, once their registration and cases are known to be
     * accepted.
     *
     * @param policeReport the report
     */
    default void policeReport(PoliceReport policeReport) {
    }

    /**
     * An accepted programme measure (format 1.1).
     *
     * @param measure the measure
     */
    default void programmeMeasure(ProgrammeMeasure measure) {
    }

    /**
     * An accepted residence-stage history (format 1.1). Histories reach the handler at the end of the file, after
     * every registration, once their registration is known to be accepted and their dates to fit it.
     *
     * @param history the history
     */
    default void residenceHistory(ResidenceHistory history) {
    }
}
