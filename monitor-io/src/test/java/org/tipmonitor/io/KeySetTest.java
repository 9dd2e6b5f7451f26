package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.KeySet;

/**
 * The compact key set behaves exactly like a {@code HashSet<String>}, and with values like a
 * {@code HashMap<String, Integer>} filled with {@code putIfAbsent}.
 */
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void withValuesAgreesWithAHashMapThatKeepsTheFirstValue(long seed) {
        Random random = new Random(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-é";
        KeySet keys = KeySet.withValues();
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(20) == 0 ? 128 + random.nextInt(20) : 1 + random.nextInt(random.nextBoolean() ? 2 : 40);
            StringBuilder key = new StringBuilder();
            for (int c = 0; c < length; c++) {
                key.append(alphabet.charAt(random.nextInt(random.nextInt(50) == 0 ? alphabet.length() : 38)));
            }
            String k = key.toString();
            int value = random.nextInt();
            assertEquals(reference.getOrDefault(k, -7), keys.value(k, -7), k);
            assertEquals(reference.putIfAbsent(k, value) == null, keys.add(k, value), k);
            assertEquals(reference.get(k), keys.value(k, -7), k);
        }
        assertEquals(reference.size(), keys.size());
        for (Map.Entry<String, Integer> entry : reference.entrySet()) {
            assertEquals(entry.getValue(), keys.value(entry.getKey(), -7), entry.getKey());
        }
    }

    @Test
    void aSetWithoutValuesAnswersZeroForItsKeysAndTheDefaultForOthers() {
        KeySet keys = new KeySet();
        keys.add("present", 42);
        keys.add("é".repeat(3), 42);
        assertEquals(0, keys.value("present", -1));
        assertEquals(0, keys.value("é".repeat(3), -1));
        assertEquals(-1, keys.value("absent", -1));
        KeySet valued = KeySet.withValues();
        valued.add("plain");
        valued.add("min", Integer.MIN_VALUE);
        assertEquals(0, valued.value("plain", -1));
        assertEquals(Integer.MIN_VALUE, valued.value("min", -1));
        assertEquals(-1, valued.value("", -1));
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

    /**
     * Keys are compared as Latin-1 bytes when they are ASCII (issue 14): a character that Latin-1 cannot encode
     * (above U+00FF, or a lone surrogate) becomes '?' there, and must never make a key equal to one with a real '?'.
     */
    @Test
    void aCharacterLatin1CannotEncodeIsNotAQuestionMark() {
        KeySet keys = new KeySet();
        assertEquals(true, keys.add("a?b"));
        assertEquals(true, keys.add("a\u0100b"));
        assertEquals(true, keys.add("a\ud800b"));
        assertEquals(true, keys.add("a\u00e9b"));
        assertEquals(false, keys.add("a?b"));
        assertEquals(false, keys.add("a\u0100b"));
        assertEquals(false, keys.contains("a\u0101b"));
        assertEquals(false, keys.contains("a??b"));
        assertEquals(4, keys.size());
    }

    /** setLast sets the value of the key added last, also when that add grew the table or found the key there. */
    @Test
    void setLastAndSetChangeTheValueOfTheRightKey() {
        KeySet set = KeySet.withValues();
        for (int i = 0; i < 5000; i++) {
            String key = "record-" + i;
            assertEquals(true, set.add(key, -1));
            if (i % 3 == 0) {
                set.setLast(i);
            }
        }
        String notCompact = "caf\u00e9-" + "x".repeat(10);
        set.add(notCompact, -1);
        set.setLast(77);
        assertEquals(false, set.add("record-10", -1));
        set.setLast(10_000);
        set.set("record-11", 11_000);
        for (int i = 0; i < 5000; i++) {
            int expected = i == 10 ? 10_000 : i == 11 ? 11_000 : i % 3 == 0 ? i : -1;
            assertEquals(expected, set.value("record-" + i, Integer.MIN_VALUE), "record-" + i);
        }
        assertEquals(77, set.value(notCompact, Integer.MIN_VALUE));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> set.set("absent", 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new KeySet().setLast(1));
    }
}
