package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Person keys order by value, so that hash maps keyed by persons survive keys that share a String hash code. */
class PersonKeyTest {

    @Test
    void keysOrderByValueConsistentlyWithEquals() {
        PersonKey a = PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a");
        PersonKey b = PersonKey.of("kq2w7e4r5t6y7u8i9o0p1a2s3d");
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(a) > 0);
        assertEquals(0, a.compareTo(PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a")));
        assertTrue(PersonKey.of(null).compareTo(a) < 0);
        assertEquals(0, PersonKey.of(null).compareTo(PersonKey.of(null)));
    }

    /**
     * Issue 13: 65,536 keys of 16 blocks "Aa"/"BB" share one String hash code. A HashMap keyed by them puts all in
     * one bin; with comparable keys the bin is a tree searched in O(log n), so filling and querying the map takes
     * some 100 ms (without, each operation walks the whole bin: about 2^32 comparisons).
     */
    @Test
    void aHashMapOfKeysSharingAStringHashCodeStaysFast() {
        List<PersonKey> keys = new ArrayList<>();
        for (int i = 0; i < 1 << 16; i++) {
            StringBuilder key = new StringBuilder(32);
            for (int b = 15; b >= 0; b--) {
                key.append((i >>> b & 1) == 0 ? "Aa" : "BB");
            }
            keys.add(PersonKey.of(key.toString()));
        }
        assertEquals(1, keys.stream().mapToInt(PersonKey::hashCode).distinct().count());
        // The bound is on this thread's CPU time (a loaded machine does not fail it); the wall-clock limit only
        // ends a regression early.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuNanos = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long start = cpu.getCurrentThreadCpuTime();
            Map<PersonKey, Integer> map = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), i);
            }
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(i, map.get(keys.get(i)));
            }
            return cpu.getCurrentThreadCpuTime() - start;
        });
        assertTrue(cpuNanos < 5_000_000_000L, () -> "CPU time " + cpuNanos / 1e9 + " s");
    }
}
