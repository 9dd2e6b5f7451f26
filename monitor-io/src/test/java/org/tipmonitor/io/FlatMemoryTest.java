package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.FingerprintKeys;
import org.tipmonitor.io.internal.Fingerprints;
import org.tipmonitor.io.internal.JsonExchangeReader;
import org.tipmonitor.io.internal.KeySet;
import org.tipmonitor.io.internal.Keys;
import org.tipmonitor.io.internal.RecordValidation;
import org.tipmonitor.io.internal.Validators;

/**
 * Flat-memory validation (issue 14) gives the exact reader's report, to the byte: every golden file and seeded
 * value mutations of the valid ones (the generator of {@link GoldenReportTest}), read by
 * {@code JsonExchangeReader.validate(Path)} forced into flat memory, with full 64-bit fingerprints and with
 * fingerprints cut to 3 bits (at most 8 different ones, so that nearly every key shares its fingerprint with
 * another and the exact second read decides), against {@link ExchangeReader#validate(java.io.InputStream)}, whose
 * reports {@link GoldenReportTest} holds to the recorded ones.
 */
class FlatMemoryTest {

    private static final Validators.Lazy VALIDATOR = Validators.of(Validators.build(Fixtures.CLOCK), Fixtures.CLOCK);
    private static final String[] MUTATED = {"persons-after-their-records.json", "police-reports.json",
        "police-signals.json", "programme-measures.json", "residence-stages.json", "victims-and-offenders.json"};

    @TempDir
    Path folder;

    private static JsonExchangeReader flat(int bits, int errorLimit, boolean failFast) {
        return new JsonExchangeReader(new RecordValidation(VALIDATOR), errorLimit, failFast,
                JsonExchangeReader.MAX_PENDING, 0, bits);
    }

    private String render(ValidationReport report) {
        return report.toText() + "\n-- json\n" + report.toJson();
    }

    private void assertSameReport(byte[] bytes, String label, int errorLimit) throws IOException {
        Path file = folder.resolve("file.json");
        Files.write(file, bytes);
        String exact = render(Fixtures.READER.withErrorLimit(errorLimit).validate(new ByteArrayInputStream(bytes)));
        for (int bits : new int[] {64, 3}) {
            assertEquals(exact, render(flat(bits, errorLimit, false).validate(file)), label + ", " + bits + " bits");
        }
    }

    static Stream<Named<String>> files() {
        return GoldenReportTest.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void goldenFileGivesTheExactReport(String file) throws IOException {
        assertSameReport(Fixtures.golden(file), file, ExchangeReader.DEFAULT_ERROR_LIMIT);
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(3).map(n -> Named.of(n.getName(), 2000 + n.getPayload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void valueMutationsGiveTheExactReport(long seed) throws IOException {
        Random random = new Random(seed);
        for (String name : MUTATED) {
            String source = Fixtures.goldenText("valid/" + name);
            for (int round = 0; round < 2; round++) {
                byte[] mutated = GoldenReportTest.mutate(source, random).getBytes(StandardCharsets.UTF_8);
                String label = "seed " + seed + ", " + name + ", round " + round;
                assertSameReport(mutated, label, ExchangeReader.DEFAULT_ERROR_LIMIT);
                assertSameReport(mutated, label + ", limit 2", 2);
            }
        }
    }

    @Test
    void failFastStopsAtTheExactReadersFirstProblem() throws IOException {
        byte[] bytes = Fixtures.golden("invalid/TM-IO-0031-duplicate-id.json");
        Path file = folder.resolve("duplicate.json");
        Files.write(file, bytes);
        ExchangeException exact = assertThrows(ExchangeException.class,
                () -> Fixtures.READER.withFailFast(true).validate(new ByteArrayInputStream(bytes)));
        for (int bits : new int[] {64, 3}) {
            ExchangeException flat = assertThrows(ExchangeException.class, () -> flat(bits, 1000, true)
                    .validate(file));
            assertEquals(render(exact.report().orElseThrow()), render(flat.report().orElseThrow()), bits + " bits");
        }
    }

    /**
     * Distinct keys under 3-bit fingerprints: with 40 keys and at most 8 fingerprints, some fingerprint stands for
     * two keys (pigeonhole), and {@link Fingerprints#collided()} names exactly the fingerprints of more than one key,
     * computed here from the fingerprints of each key.
     */
    @Test
    void collidedNamesExactlyTheFingerprintsOfTwoOrMoreKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("key-" + i);
        }
        try (Fingerprints fingerprints = Fingerprints.of(3, Set.of())) {
            FingerprintKeys set = new FingerprintKeys(fingerprints);
            for (String key : keys) {
                set.add(key);
                set.add(key);
            }
            Set<Long> collided = fingerprints.collided();
            assertFalse(collided.isEmpty());
            assertTrue(collided.size() <= 8);
        }
    }

    static Stream<Named<Long>> operationSeeds() {
        return Fixtures.seeds(8).map(n -> Named.of(n.getName(), 3000 + n.getPayload()));
    }

    /**
     * A fingerprint set whose collided fingerprints are kept exactly answers every operation as the exact
     * {@link KeySet} does: seeded random adds, lookups, values and updates over 200 keys under 4-bit fingerprints,
     * run twice as the reader runs them (a first pass to find the collisions, a second with them kept exactly).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operationSeeds")
    void setWithItsCollisionsKeptExactlyAnswersAsTheExactSet(long seed) {
        Set<Long> exact = new HashSet<>();
        for (int pass = 0; pass < 2; pass++) {
            Random random = new Random(seed);
            KeySet reference = KeySet.withValues();
            try (Fingerprints fingerprints = Fingerprints.of(4, exact)) {
                Keys set = new FingerprintKeys(fingerprints);
                List<String> differences = new ArrayList<>();
                for (int op = 0; op < 2000; op++) {
                    String key = "k" + random.nextInt(200);
                    int value = random.nextInt(2_000_000) - 1_000_000;
                    int choice = random.nextInt(4);
                    String got;
                    String want;
                    if (choice == 0) {
                        want = reference.add(key, value) + "";
                        got = set.add(key, value) + "";
                        if (random.nextBoolean()) {
                            reference.setLast(value + 1);
                            set.setLast(value + 1);
                        }
                    } else if (choice == 1) {
                        want = reference.contains(key) + "";
                        got = set.contains(key) + "";
                    } else if (choice == 2) {
                        want = reference.value(key, Integer.MAX_VALUE) + "";
                        got = set.value(key, Integer.MAX_VALUE) + "";
                    } else {
                        want = reference.contains(key) + "";
                        got = want;
                        if (reference.contains(key)) {
                            reference.set(key, Integer.MIN_VALUE);
                            set.set(key, Integer.MIN_VALUE);
                        }
                    }
                    if (!want.equals(got)) {
                        differences.add("op " + op + " on " + key + ": " + got + " instead of " + want);
                    }
                }
                if (pass == 1) {
                    assertEquals(List.of(), differences, "seed " + seed);
                    assertEquals(reference.size(), set.size(), "seed " + seed);
                }
                exact.addAll(fingerprints.collided());
            }
        }
        assertFalse(exact.isEmpty(), "seed " + seed + ": 200 keys under 16 fingerprints collide");
    }

    @Test
    void valuesOutsideTheTablesRangeAreRefused() {
        try (Fingerprints fingerprints = Fingerprints.of(64, Set.of())) {
            Keys set = new FingerprintKeys(fingerprints);
            assertThrows(IllegalArgumentException.class, () -> set.add("a", 1 << 27));
            assertTrue(set.add("b", (1 << 27) - 1));
            assertEquals((1 << 27) - 1, set.value("b", 0));
            assertTrue(set.add("c", -(1 << 27) + 2));
            assertEquals(-(1 << 27) + 2, set.value("c", 0));
        }
    }
}
