package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target of {@link ExchangeReader}: whatever bytes arrive, a collect-all read ends in a report whose problems
 * are coded and located, whose counts reconcile, and whose accepted records are exactly those handed to the
 * handler; a fail-fast read ends in a valid report or in an {@link ExchangeException} ({@code TM-IO-0054}) that
 * carries the report. No other exception, no hang.
 *
 * <p>In every build the inputs in {@code ExchangeReaderFuzzTestInputs/} (the golden files and any finding) run as
 * regression tests. README ("Testing") says how to fuzz for longer; the timeout bounds each regression input.
 */
class ExchangeReaderFuzzTest {

    private static final ExchangeReader FAIL_FAST = Fixtures.READER.withFailFast(true);
    private static final ExchangeReader SMALL_LIMIT = Fixtures.READER.withErrorLimit(2);

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyInputEndsInALocatedReport(byte[] input) {
        FuzzInvariants.CountingHandler handler = new FuzzInvariants.CountingHandler();
        ValidationReport report = Fixtures.READER.read(new ByteArrayInputStream(input), handler);
        FuzzInvariants.check(report, handler.received, false);

        FuzzInvariants.CountingHandler limited = new FuzzInvariants.CountingHandler();
        ValidationReport small = SMALL_LIMIT.read(new ByteArrayInputStream(input), limited);
        FuzzInvariants.check(small, limited.received, false);
        assertTrue(small.problems().size() <= 2);
        assertEquals(report.problemCount(), small.problemCount(), "the error limit only drops details");
        assertEquals(report.counts(), small.counts());

        try {
            ValidationReport failFast = FAIL_FAST.validate(new ByteArrayInputStream(input));
            assertTrue(failFast.isValid() && report.isValid(), failFast::toText);
        } catch (ExchangeException e) {
            assertEquals(IoRule.REJECTED, e.rule());
            ValidationReport carried = e.report().orElseThrow();
            assertFalse(carried.isValid());
            assertFalse(report.isValid());
            assertEquals(report.problems().get(0), carried.problems().get(0), "fail-fast stops at the first problem");
        }
    }
}
