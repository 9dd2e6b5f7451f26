package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target of the CSV readers of {@link CsvExchange}: whatever bytes arrive, reading them as victims and as
 * registrations ends in a report whose problems are coded and located (line, and column except for a header
 * problem), whose counts reconcile with the records handed to the sink, and no other exception, no hang. The
 * separator is the one a spreadsheet user would pick: semicolon when the first line has a semicolon before any
 * comma.
 *
 * <p>In every build the inputs in {@code CsvExchangeFuzzTestInputs/} run as regression tests; README ("Testing")
 * says how to fuzz for longer.
 */
class CsvExchangeFuzzTest {

    private static final CsvExchange COMMA = CsvExchange.withDefaults().withClock(Fixtures.CLOCK);
    private static final CsvExchange SEMICOLON = COMMA.withSeparator(';');

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyInputEndsInALocatedReport(byte[] input) {
        CsvExchange csv = semicolonFirst(input) ? SEMICOLON : COMMA;

        Map<RecordKind, Long> victims = new EnumMap<>(RecordKind.class);
        ValidationReport victimReport = csv.readVictims(new ByteArrayInputStream(input),
                v -> victims.merge(RecordKind.VICTIM, 1L, Long::sum));
        FuzzInvariants.check(victimReport, victims, true);
        assertEquals(0, victimReport.counts(RecordKind.REGISTRATION).read());

        Map<RecordKind, Long> registrations = new EnumMap<>(RecordKind.class);
        ValidationReport registrationReport = csv.readRegistrations(new ByteArrayInputStream(input),
                r -> registrations.merge(RecordKind.REGISTRATION, 1L, Long::sum));
        FuzzInvariants.check(registrationReport, registrations, true);
        assertEquals(0, registrationReport.counts(RecordKind.VICTIM).read());
        assertTrue(victimReport.problemCount() + registrationReport.problemCount() > 0,
                "no header is both a victim header and a registration header");
    }

    private static boolean semicolonFirst(byte[] input) {
        for (byte b : input) {
            if (b == ';') {
                return true;
            }
            if (b == ',' || b == '\n') {
                return false;
            }
        }
        return false;
    }
}
