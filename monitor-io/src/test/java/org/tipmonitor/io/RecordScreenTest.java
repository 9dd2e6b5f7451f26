package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.JsonExchangeReader;
import org.tipmonitor.io.internal.RecordValidation;
import org.tipmonitor.io.internal.Validators;

/**
 * The model's screen in front of Bean Validation changes nothing (issue 14): over seeded value mutations of the
 * golden valid files (the same generator as {@link GoldenReportTest}, other seeds), the report of the reader with
 * the screen equals, to the byte, the report of a reader that sends every record through Bean Validation. A record
 * the screen passed while Bean Validation would have found a violation shows as a missing problem.
 */
class RecordScreenTest {

    private static final String[] FILES = {"persons-after-their-records.json", "police-reports.json",
        "police-signals.json", "programme-measures.json", "residence-stages.json", "victims-and-offenders.json"};
    private static final Validators.Lazy VALIDATOR = Validators.of(Validators.build(Fixtures.CLOCK), Fixtures.CLOCK);

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(8).map(n -> Named.of(n.getName(), 1000 + n.getPayload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void screenedReportEqualsTheReportOfBeanValidationAlone(long seed) {
        Random random = new Random(seed);
        for (String name : FILES) {
            String source = Fixtures.goldenText("valid/" + name);
            for (int round = 0; round < 6; round++) {
                String mutated = GoldenReportTest.mutate(source, random);
                ValidationReport screened = new JsonExchangeReader(new RecordValidation(VALIDATOR, true), 1000,
                        false).read(Fixtures.stream(mutated), new RecordHandler() { });
                ValidationReport unscreened = new JsonExchangeReader(new RecordValidation(VALIDATOR, false), 1000,
                        false).read(Fixtures.stream(mutated), new RecordHandler() { });
                String context = "seed " + seed + ", " + name + ", round " + round;
                assertEquals(unscreened.toJson(), screened.toJson(), context);
            }
        }
    }
}
