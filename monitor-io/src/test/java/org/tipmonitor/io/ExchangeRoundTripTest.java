package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: reading what the writer wrote gives back equal records, over seeded generated data. */
class ExchangeRoundTripTest {

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void readOfWriteIsIdentity(long seed) {
        ExchangeFile file = Fixtures.generated(seed, 40, 20);
        assertTrue(!file.policeSignals().isEmpty() && !file.offenderCases().isEmpty(), "every kind is covered");
        for (boolean pretty : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExchangeWriter.withDefaults().withPrettyPrint(pretty).write(file, out);
            ExchangeFile back = Fixtures.READER.readFile(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(file, back, "seed " + seed + ", pretty " + pretty);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void countsOfAValidFileReconcileWithTheRecords(long seed) {
        ExchangeFile file = Fixtures.generated(seed, 30, 10);
        String json = ExchangeWriter.withDefaults().toJson(file);
        ValidationReport report = Fixtures.validate(json);
        assertTrue(report.isValid(), report::toText);
        assertEquals(new RecordCounts(30, 30, 0), report.counts(RecordKind.VICTIM));
        assertEquals(new RecordCounts(file.registrations().size(), file.registrations().size(), 0),
                report.counts(RecordKind.REGISTRATION));
        assertEquals(new RecordCounts(10, 10, 0), report.counts(RecordKind.OFFENDER));
        assertEquals(new RecordCounts(file.offenderCases().size(), file.offenderCases().size(), 0),
                report.counts(RecordKind.OFFENDER_CASE));
        assertEquals(new RecordCounts(file.policeSignals().size(), file.policeSignals().size(), 0),
                report.counts(RecordKind.POLICE_SIGNAL));
    }

    static Stream<Named<Object[]>> shapes() {
        return Fixtures.seeds(8).map(seed -> {
            long s = seed.getPayload();
            int[] sizes = {(int) (s % 3), (int) (s * 7 % 4), (int) (s * 5 % 3) * 20};
            return Named.of(seed.getName() + ", " + sizes[0] + " victims, " + sizes[1] + " offenders, up to "
                    + sizes[2] + " police signals", new Object[] {s, sizes});
        });
    }

    /** Edge cases beside the random ones: empty kinds, a file of police signals only, police signals only absent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readOfWriteIsIdentityForEveryMixOfKindsIncludingNone(Object[] shape) {
        long seed = (Long) shape[0];
        int[] sizes = (int[]) shape[1];
        ExchangeFile file = Fixtures.generated(seed, sizes[0], sizes[1], sizes[2]);
        String json = ExchangeWriter.withDefaults().toJson(file);
        assertEquals(file, Fixtures.READER.readFile(Fixtures.stream(json)), json);
        assertEquals(!file.policeSignals().isEmpty(), json.contains("\"policeSignals\""), json);
        ExchangeFile signalsOnly = ExchangeFile.ofPoliceSignals(file.dataset(), file.policeSignals());
        assertEquals(signalsOnly, Fixtures.READER.readFile(Fixtures.stream(
                ExchangeWriter.withDefaults().toJson(signalsOnly))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void writingIsDeterministicAndUtf8WithoutByteOrderMark(long seed) {
        ExchangeFile file = Fixtures.generated(seed, 5, 5);
        byte[] first = ExchangeWriter.withDefaults().toJson(file).getBytes(StandardCharsets.UTF_8);
        String again = ExchangeWriter.withDefaults().toJson(Fixtures.READER.readFile(new ByteArrayInputStream(first)));
        assertEquals(new String(first, StandardCharsets.UTF_8), again);
        assertEquals('{', (char) first[0]);
    }
}
