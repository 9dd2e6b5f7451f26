package org.tipmonitor.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.RegistrationId;

/**
 * The screen's character loops accept exactly what the model's {@code @Pattern}s accept (issue 14): on seeded
 * random strings over an alphabet with every character class the patterns name and some they do not (space, dot,
 * line break, non-ASCII letters and digits), of lengths around each pattern's bounds, and the edge cases.
 * Whole records are compared with Bean Validation in monitor-io's {@code RecordScreenTest}.
 */
class RecordScreenTest {

    private static final String ALPHABET = "aZz09_-.~ \n\u00e9\u0660Kk";
    private static final Pattern KEY = Pattern.compile(PersonKey.PATTERN);
    private static final Pattern ID = Pattern.compile(CaseId.PATTERN);
    private static final Pattern INDICATOR = Pattern.compile(ProgrammeMeasure.INDICATOR_PATTERN);

    static Stream<Named<Long>> seeds() {
        return LongStream.rangeClosed(1, 6).mapToObj(seed -> Named.of("seed " + seed, seed));
    }

    private static List<String> strings(long seed) {
        Random random = new Random(seed);
        List<String> strings = new ArrayList<>(List.of("", "a", "0", "-", "0000000000000000", "000000000000000a",
                "a".repeat(15), "a".repeat(16), "a".repeat(64), "a".repeat(65), "a".repeat(63) + "\n",
                "1234567890123456-", "A-b_c"));
        for (int i = 0; i < 4000; i++) {
            int length = random.nextInt(4) == 0 ? random.nextInt(4) : 12 + random.nextInt(58);
            StringBuilder text = new StringBuilder();
            // Mostly characters the patterns allow, so that long strings still match now and then.
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(20) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : "aZk09_-".charAt(random.nextInt(7)));
            }
            strings.add(text.toString());
        }
        return strings;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void characterLoopsEqualTheModelPatterns(long seed) {
        for (String text : strings(seed)) {
            assertEquals(KEY.matcher(text).matches(), RecordScreen.key(PersonKey.of(text)), "key '" + text + "'");
            assertEquals(ID.matcher(text).matches(), RecordScreen.recordId(text), "id '" + text + "'");
            assertEquals(Pattern.compile(RegistrationId.PATTERN).matcher(text).matches(),
                    RecordScreen.recordId(text), "registration id '" + text + "'");
            String lower = text.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            assertEquals(INDICATOR.matcher(lower).matches(), RecordScreen.indicator(lower),
                    "indicator '" + lower + "'");
        }
    }
}
