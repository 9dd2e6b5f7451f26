package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.ObjectSpec;
import org.tipmonitor.io.internal.Specs;
import org.tipmonitor.model.CodeList;

/**
 * The reader finds a code's constant from the input's bytes or from characters through a hash table (issue 14,
 * item 2): for every code property of every shape, each code of its list is found, at any offset of a larger
 * buffer, as {@link CodeList#fromCode} finds it; and seeded near misses (a character changed, added or removed,
 * another case) are not found, as they are not in the list.
 */
class CodeLookupTest {

    private static final List<ObjectSpec> SPECS = List.of(Specs.BIRTH_DATE, Specs.DECISION, Specs.VERDICT,
            Specs.SENTENCE, Specs.VICTIM, Specs.REGISTRATION, Specs.OFFENDER, Specs.OFFENDER_CASE,
            Specs.POLICE_SIGNAL, Specs.STATUS_CHANGE, Specs.RESIDENCE_STAGE_CHANGE, Specs.DATASET);

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyCodeIsFoundAndNearMissesAreNot(long seed) {
        Random random = new Random(seed);
        int checked = 0;
        for (ObjectSpec spec : SPECS) {
            for (int i = 0; i < spec.fields().size(); i++) {
                ObjectSpec.Field field = spec.field(i);
                if (field.type() != ObjectSpec.Type.CODE) {
                    continue;
                }
                for (Enum<?> constant : field.codeList().getEnumConstants()) {
                    String code = ((CodeList) constant).code();
                    Object expected = spec.code(i, code);
                    assertSame(expected, lookUp(spec, i, code, random), code);
                    String miss = nearMiss(code, random);
                    assertSame(spec.code(i, miss), lookUp(spec, i, miss, random), miss);
                    checked++;
                }
                assertNull(lookUp(spec, i, "", random));
            }
        }
        assertEquals(true, checked > 50, "codes checked: " + checked);
    }

    /** The constant found from bytes and from characters at a random offset; both must agree. */
    private static Object lookUp(ObjectSpec spec, int i, String code, Random random) {
        int offset = random.nextInt(9);
        byte[] bytes = new byte[offset + code.length() + random.nextInt(5)];
        random.nextBytes(bytes);
        byte[] encoded = code.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(encoded, 0, bytes, offset, encoded.length);
        char[] chars = new char[offset + code.length() + random.nextInt(5)];
        code.getChars(0, code.length(), chars, offset);
        Object fromChars = spec.code(i, chars, offset, code.length());
        Object fromBytes = encoded.length == code.length() ? spec.code(i, bytes, offset, encoded.length) : null;
        assertSame(fromChars, fromBytes, code);
        return fromChars;
    }

    private static String nearMiss(String code, Random random) {
        StringBuilder miss = new StringBuilder(code);
        switch (random.nextInt(4)) {
            case 0 -> miss.append('x');
            case 1 -> {
                if (miss.length() > 0) {
                    miss.deleteCharAt(random.nextInt(miss.length()));
                }
            }
            case 2 -> {
                if (miss.length() > 0) {
                    int at = random.nextInt(miss.length());
                    miss.setCharAt(at, (char) (miss.charAt(at) + 1));
                }
            }
            default -> {
                return code.toUpperCase(java.util.Locale.ROOT).equals(code) ? code.toLowerCase(java.util.Locale.ROOT)
                        : code.toUpperCase(java.util.Locale.ROOT);
            }
        }
        return miss.toString();
    }
}
