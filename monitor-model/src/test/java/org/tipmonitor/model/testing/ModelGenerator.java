package org.tipmonitor.model.testing;

import java.time.LocalDate;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.synthetic.SyntheticRecords;

/**
 * The tests' name for the synthetic generator's record mode, {@link SyntheticRecords}, which it delegates to: the
 * same seed gives the same records as before the two generators were merged (issue 15), so the seeded tests of
 * model, io, indicators and spark and the benchmarks keep their cases. New code uses {@link SyntheticRecords}.
 */
public final class ModelGenerator {

    /** No generated date lies after this day. */
    public static final LocalDate LATEST_DATE = SyntheticRecords.LATEST_DATE;

    private final SyntheticRecords records;

    /**
     * A generator for a seed.
     *
     * @param seed the seed; the same seed yields the same sequence of records
     */
    public ModelGenerator(long seed) {
        this.records = SyntheticRecords.of(seed);
    }

    /** @return {@link SyntheticRecords#personKey()} */
    public PersonKey personKey() {
        return records.personKey();
    }

    /** @return {@link SyntheticRecords#victim()} */
    public Victim victim() {
        return records.victim();
    }

    /** @return {@link SyntheticRecords#victimHistory()} */
    public VictimHistory victimHistory() {
        return records.victimHistory();
    }

    /**
     * @param victimKey the victim's key
     * @param notBefore the earliest report date
     * @return {@link SyntheticRecords#registration(PersonKey, LocalDate)}
     */
    public Registration registration(PersonKey victimKey, LocalDate notBefore) {
        return records.registration(victimKey, notBefore);
    }

    /** @return {@link SyntheticRecords#offender()} */
    public Offender offender() {
        return records.offender();
    }

    /** @return {@link SyntheticRecords#offenderHistory()} */
    public OffenderHistory offenderHistory() {
        return records.offenderHistory();
    }

    /**
     * @param offenderKey the suspect's key
     * @param notBefore   the earliest offence or registration date
     * @return {@link SyntheticRecords#offenderCase(PersonKey, LocalDate)}
     */
    public OffenderCase offenderCase(PersonKey offenderKey, LocalDate notBefore) {
        return records.offenderCase(offenderKey, notBefore);
    }

    /** @return {@link SyntheticRecords#policeSignalCount()} */
    public PoliceSignalCount policeSignalCount() {
        return records.policeSignalCount();
    }
}
