package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever bytes arrive, the reader returns a report (never another exception), every problem is
 * located and coded, and the counts reconcile. Inputs are seeded random byte mutations of two valid files, one of
 * persons and their records, one of police-signal counts.
 */
class ExchangeReaderMutationTest {

    private static final byte[] VALID = Fixtures.golden("valid/victims-and-offenders.json");
    private static final byte[] SIGNALS = Fixtures.golden("valid/police-signals.json");
    private static final byte[] INTERESTING = "{}[]\",:0-1e.tfn \\\u00ffx".getBytes(StandardCharsets.ISO_8859_1);

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyMutationGivesALocatedCodedReconciledReport(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 250; round++) {
            byte[] bytes = mutate(round % 2 == 0 ? VALID : SIGNALS, random);
            ValidationReport report = Fixtures.READER.validate(new ByteArrayInputStream(bytes));
            String context = "seed " + seed + ", round " + round;
            for (Problem problem : report.problems()) {
                assertTrue(problem.line() >= 1 && problem.column() >= 1, context + ": " + problem);
                assertTrue(IoRule.fromCode(problem.code()).isPresent()
                        || org.tipmonitor.model.ModelRule.fromCode(problem.code()).isPresent(), context);
            }
            for (RecordCounts counts : report.counts().values()) {
                assertEquals(counts.read(), counts.accepted() + counts.rejected(), context);
            }
            if (report.isValid()) {
                assertEquals(List.of(), report.problems());
            }
        }
    }

    private static byte[] mutate(byte[] source, Random random) {
        byte[] bytes = source.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0:
                    bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    break;
                case 1: {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                    break;
                }
                default: {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }

    @Test
    void duplicatePersonKeysAndCaseIdsAreRejectedAtTheSecondOccurrence() {
        String json = Fixtures.goldenText("valid/victims-and-offenders.json")
                .replace("kq2w7e4r5t6y7u8i9o0p1a2s3d", "k7vd2m4xq9ht3bw6rn5pc8yz1a")
                .replace("\"id\": \"c2\"", "\"id\": \"c1\"");
        ValidationReport report = Fixtures.validate(json);
        assertEquals(List.of("/victims/1/key TM-IO-0031", "/offenderCases/1/id TM-IO-0031"),
                report.problems().stream().map(p -> p.pointer() + " " + p.code()).toList(), report::toText);
        assertEquals(new RecordCounts(2, 1, 1), report.counts(RecordKind.VICTIM));
        assertEquals(new RecordCounts(2, 2, 0), report.counts(RecordKind.REGISTRATION));
    }
}
