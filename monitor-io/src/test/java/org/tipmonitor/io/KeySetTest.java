package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.KeySet;

/** The compact key set behaves exactly like a {@code HashSet<String>}. */
class KeySetTest {

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void agreesWithAHashSet(long seed) {
        Random random = new Random(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_.-é";
        KeySet keys = new KeySet();
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 60_000; i++) {
            int length = random.nextInt(10) == 0 ? 100 + random.nextInt(100) : 1 + random.nextInt(random.nextBoolean() ? 3 : 64);
            StringBuilder key = new StringBuilder();
            for (int c = 0; c < length; c++) {
                key.append(alphabet.charAt(random.nextInt(random.nextInt(50) == 0 ? alphabet.length() : 39)));
            }
            String k = key.toString();
            assertEquals(reference.contains(k), keys.contains(k), k);
            assertEquals(reference.add(k), keys.add(k), k);
        }
        assertEquals(reference.size(), keys.size());
    }

    @Test
    void edgeCases() {
        KeySet keys = new KeySet();
        assertEquals(true, keys.add(""));
        assertEquals(false, keys.add(""));
        assertEquals(true, keys.add("a"));
        assertEquals(true, keys.add("A"));
        assertEquals(false, keys.contains("b"));
        assertEquals(3, keys.size());
    }
}
