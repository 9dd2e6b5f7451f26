package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipmonitor.io.internal.KeySet;
import org.tipmonitor.io.internal.SipHash;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Victim;

/**
 * Issue 13, hash flooding: valid person keys built from the blocks "Aa" and "BB" share one
 * {@link String#hashCode()}; the reader's key set must stay fast on them. The benchmark
 * {@code HashFloodingBenchmark} measures the same case; this test bounds its time.
 */
class HashFloodingTest {

    /** 65,536 valid person keys of 16 blocks "Aa"/"BB": all with one String hash code. */
    static List<String> collidingKeys() {
        List<String> keys = new ArrayList<>(1 << 16);
        for (int i = 0; i < 1 << 16; i++) {
            StringBuilder key = new StringBuilder(32);
            for (int b = 15; b >= 0; b--) {
                key.append((i >>> b & 1) == 0 ? "Aa" : "BB");
            }
            keys.add(key.toString());
        }
        return keys;
    }

    @Test
    void theKeysReallyCollideInStringHashCode() {
        List<String> keys = collidingKeys();
        assertEquals(1, keys.stream().mapToInt(String::hashCode).distinct().count());
        assertEquals(1 << 16, new HashSet<>(keys).size());
        assertTrue(keys.stream().allMatch(k -> PersonKey.of(k).isWellFormed()));
    }

    @Test
    void sipHashReproducesThePapersVectors() {
        // Aumasson and Bernstein (2012), appendix A: key 00..0f; the 15-byte message 00..0e hashes to
        // a129ca6149be45e5, and the empty message to 726fdb47dd0e0e31 (the reference implementation's vectors.h).
        SipHash sip = SipHash.of(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            message.append((char) i);
        }
        assertEquals(0xa129ca6149be45e5L, sip.hashLatin1(message));
        assertEquals(0x726fdb47dd0e0e31L, sip.hashLatin1(""));
    }

    @Test
    void collidingKeysGetDistinctKeyedHashes() {
        SipHash sip = SipHash.ofRunKey();
        Set<Long> hashes = new HashSet<>();
        collidingKeys().forEach(k -> hashes.add(sip.hashLatin1(k)));
        assertEquals(1 << 16, hashes.size(), "no 64-bit collision among 65,536 keys (expected 1e-10)");
    }

    @Test
    void keySetOfCollidingKeysTakesBoundedCpuTime() {
        List<String> keys = collidingKeys();
        // Before the fix each add probed past all earlier keys: about 2^31 comparisons of 32 characters, minutes
        // of CPU. Now some 50 ms. The bound is on this thread's CPU time, so that a loaded machine does not fail
        // it; the wall-clock limit only ends a regression early.
        long cpuNanos = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long start = CPU.getCurrentThreadCpuTime();
            KeySet set = KeySet.withValues();
            for (int i = 0; i < keys.size(); i++) {
                assertTrue(set.add(keys.get(i), i));
            }
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(i, set.value(keys.get(i), -1));
                assertTrue(!set.add(keys.get(i), -7));
            }
            assertEquals(keys.size(), set.size());
            return CPU.getCurrentThreadCpuTime() - start;
        });
        assertTrue(cpuNanos < 5_000_000_000L, () -> "CPU time " + cpuNanos / 1e9 + " s");
    }

    @Test
    void aFileOfCollidingVictimsIsReadExactlyWithItsDuplicate() {
        List<String> keys = new ArrayList<>(collidingKeys().subList(0, 1 << 12));
        keys.add(keys.get(1234));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = ExchangeWriter.withDefaults().open(out, Fixtures.DATASET)) {
            for (String key : keys) {
                writer.victim(new Victim(PersonKey.of(key), Sex.FEMALE, BirthDate.ofYear(1990), Nationality.UNKNOWN));
            }
        }
        ValidationReport report = Fixtures.validate(out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("TM-IO-0031"), report.codes(), report::toText);
        assertEquals("/victims/4096/key", report.problems().get(0).pointer());
        assertEquals(new RecordCounts(4097, 4096, 1), report.counts(RecordKind.VICTIM));
    }

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
}
