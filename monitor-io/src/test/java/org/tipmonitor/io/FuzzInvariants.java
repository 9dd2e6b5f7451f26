package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.tipmonitor.model.ModelRule;

/**
 * The invariants every fuzz target of this module checks on a report: every problem is coded and located, the
 * counts reconcile, and the handler received exactly the records the report counts as accepted.
 */
final class FuzzInvariants {

    private FuzzInvariants() {
    }

    /** Counts what a handler receives, per kind of record. */
    static final class CountingHandler implements RecordHandler {
        final Map<RecordKind, Long> received = new EnumMap<>(RecordKind.class);

        void count(RecordKind kind) {
            received.merge(kind, 1L, Long::sum);
        }

        @Override
        public void victim(org.tipmonitor.model.Victim victim) {
            count(RecordKind.VICTIM);
        }

        @Override
        public void registration(org.tipmonitor.model.Registration registration) {
            count(RecordKind.REGISTRATION);
        }

        @Override
        public void offender(org.tipmonitor.model.Offender offender) {
            count(RecordKind.OFFENDER);
        }

        @Override
        public void offenderCase(org.tipmonitor.model.OffenderCase offenderCase) {
            count(RecordKind.OFFENDER_CASE);
        }
    }

    /**
     * Checks a report against the records a handler received.
     *
     * @param report    the report
     * @param received  records received per kind
     * @param csv       whether the input was CSV (a header problem has no column there)
     */
    static void check(ValidationReport report, Map<RecordKind, Long> received, boolean csv) {
        for (Problem problem : report.problems()) {
            assertTrue(IoRule.fromCode(problem.code()).isPresent() || ModelRule.fromCode(problem.code()).isPresent(),
                    () -> "unknown code: " + problem);
            assertTrue(problem.message().startsWith(problem.code()), problem::toString);
            assertTrue(problem.line() >= 1, () -> "no line: " + problem);
            boolean headerProblem = csv && problem.code().equals(IoRule.CSV_HEADER.code());
            assertTrue(problem.column() >= 1 || headerProblem && problem.column() == -1,
                    () -> "no column: " + problem);
            assertTrue(problem.pointer().isEmpty() || problem.pointer().startsWith("/"), problem::toString);
        }
        for (Map.Entry<RecordKind, RecordCounts> entry : report.counts().entrySet()) {
            RecordCounts counts = entry.getValue();
            assertEquals(counts.read(), counts.accepted() + counts.rejected(), entry.getKey().code());
            assertEquals(counts.accepted(), received.getOrDefault(entry.getKey(), 0L).longValue(),
                    () -> "handler received another number of " + entry.getKey().code() + " records than accepted");
        }
        assertEquals(report.isValid(), report.isComplete() && report.problemCount() == 0);
        assertTrue(report.isComplete() || report.problemCount() >= 1, "a read that stopped names its reason");
        long rejected = report.counts().values().stream().mapToLong(RecordCounts::rejected).sum();
        assertTrue(report.problemCount() >= rejected, "every rejected record has a problem");
    }
}
