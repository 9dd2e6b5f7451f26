package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.Values;

/**
 * {@link Values#date} without the regular expression (issue 14) accepts exactly what the pattern
 * {@code ^[0-9]{4}-[0-9]{2}-[0-9]{2}$} followed by {@link LocalDate#parse} (ISO-8601, strict) accepted: on seeded
 * random near-dates (digits, hyphens, other characters, one to twelve characters) and the calendar's edges.
 */
class ValuesTest {

    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    /** The reference: the reader's date parsing before issue 14. */
    private static Optional<LocalDate> reference(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void dateEqualsThePatternAndIsoParsing(long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(List.of("2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29",
                "0000-01-01", "9999-12-31", "2024-00-10", "2024-13-01", "2024-04-31", "2024-04-30", "2024-1-01",
                "2024-01-01\n", " 2024-01-01", "2024/01/01", "+2024-01-01", "2024-01-0\u0661", ""));
        String characters = "0123456789-- x\u0661";
        for (int i = 0; i < 5_000; i++) {
            char[] text = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33)).toCharArray();
            if (random.nextInt(4) == 0) {
                text[random.nextInt(text.length)] = characters.charAt(random.nextInt(characters.length()));
            }
            String s = new String(text);
            texts.add(random.nextInt(20) == 0 ? s.substring(0, random.nextInt(s.length())) : s);
        }
        for (String text : texts) {
            assertEquals(reference(text), Values.date(text), "'" + text + "'");
        }
    }
}
