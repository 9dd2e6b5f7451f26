package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipmonitor.model.testing.Records.with;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.testing.ModelGenerator;
import org.tipmonitor.model.testing.ModelValidators;

/**
 * {@link ModelRule#of} reads the rule from the message template, not from the interpolated message (issue 15): the
 * rules and the messages are the same under Hibernate Validator's default interpolator (with an expression
 * language), under its {@link ParameterMessageInterpolator} (without one) and under an interpolator that ignores
 * the template altogether.
 */
class ModelRuleTest {

    /** Expression-language-free interpolation, as a consumer without jakarta.el on the module path has it. */
    private static final ValidatorFactory PARAMETER = factory(new ParameterMessageInterpolator());

    /** An interpolator that replaces every message (a translation, say): the rule must still be found. */
    private static final ValidatorFactory OPAQUE = factory(new MessageInterpolator() {
        @Override
        public String interpolate(String template, Context context) {
            return "translated";
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return "translated";
        }
    });

    private static ValidatorFactory factory(MessageInterpolator interpolator) {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(interpolator)
                .clockProvider(() -> Clock.fixed(ModelValidators.NOW, ZoneOffset.UTC))
                .buildValidatorFactory();
    }

    @AfterAll
    static void close() {
        PARAMETER.close();
        OPAQUE.close();
    }

    /** Message by pointer-like key (property path and rule code), so two validators' results compare whole. */
    private static Map<String, String> messages(Validator validator, Object value) {
        Map<String, String> out = new TreeMap<>();
        for (ConstraintViolation<Object> v : validator.validate(value)) {
            out.put(v.getPropertyPath() + " " + ModelRule.of(v).code(), v.getMessage());
        }
        return out;
    }

    static Stream<Arguments> mutations() {
        return LongStream.of(11, 7930, 15849).boxed().flatMap(seed -> ModelValidationTest.MUTATIONS.stream()
                .map(m -> Arguments.of(seed, m.rule().code(), m.name(), m)));
    }

    @ParameterizedTest(name = "seed {0}: {1} {2}")
    @MethodSource("mutations")
    void everyMutationReadsTheSameUnderTheParameterInterpolator(long seed, String code, String name,
                                                                ModelValidationTest.Mutation mutation) {
        Object mutated = mutation.apply().apply(new ModelGenerator(seed));
        Map<String, String> withEl = messages(ModelValidators.validator(), mutated);
        Map<String, String> withoutEl = messages(PARAMETER.getValidator(), mutated);
        assertEquals(withEl, withoutEl, name);
        assertEquals(1, withoutEl.size(), name);
        String message = withoutEl.values().iterator().next();
        assertTrue(message.startsWith(code + ": "), message);
        assertFalse(message.contains("${") || message.contains("{") || message.contains("}"), message);
        // and the rule does not depend on the message at all
        Set<String> codes = new java.util.TreeSet<>();
        OPAQUE.getValidator().validate(mutated).forEach(v -> codes.add(ModelRule.of(v).code()));
        assertEquals(Set.of(code), codes, name);
    }

    @Test
    void negativeAmountNamesTheNumberUnderBothInterpolators() {
        Sentence sentence = with(Sentence.NONE, "fineEuros", -250L);
        String expected = "TM-M-019: must not be negative: -250";
        assertEquals(Map.of("fineEuros TM-M-019", expected), messages(ModelValidators.validator(), sentence));
        assertEquals(Map.of("fineEuros TM-M-019", expected), messages(PARAMETER.getValidator(), sentence));
    }

    @Test
    void yearOutsideTheRangeNamesTheYearUnderBothInterpolators() {
        PoliceSignalCount count = with(new ModelGenerator(3).policeSignalCount(), "year", 1985);
        String expected = "TM-M-009: year must lie between 1990 and the current year: 1985";
        assertEquals(Map.of("year TM-M-009", expected), messages(ModelValidators.validator(), count));
        assertEquals(Map.of("year TM-M-009", expected), messages(PARAMETER.getValidator(), count));
        // 2027 is after the fixed clock's 2026: the upper bound comes from the clock, not the interpolator
        PoliceSignalCount later = with(count, "year", 2027);
        assertEquals(Map.of("year TM-M-009", "TM-M-009: year must lie between 1990 and the current year: 2027"),
                messages(PARAMETER.getValidator(), later));
    }

    /** A bean with a constraint that is not the model's. */
    record Foreign(@NotNull String value) {
    }

    @Test
    void aViolationOfAnotherConstraintIsRefusedWithItsOwnRule() {
        ConstraintViolation<Foreign> violation =
                ModelValidators.validator().validate(new Foreign(null)).iterator().next();
        ModelException e = assertThrows(ModelException.class, () -> ModelRule.of(violation));
        assertEquals(ModelRule.NOT_A_MODEL_RULE, e.rule());
        assertEquals("TM-M-034", e.code());
        assertTrue(e.getMessage().startsWith("TM-M-034: "), e.getMessage());
    }

    @Test
    void modelExceptionsCarryTheirRule() {
        ModelException e = assertThrows(ModelException.class, () -> AgeGroup.of(-1));
        assertEquals(ModelRule.NEGATIVE_AGE, e.rule());
        assertEquals("TM-M-030: Age is negative: -1", e.getMessage());
        RuleException coded = e;
        assertEquals("TM-M-030", coded.code());
        assertFalse(ModelRule.NEGATIVE_AGE.isConstraint());
        assertTrue(ModelRule.STAGE_AFTER_TERMINAL.isConstraint());
    }

    @Test
    void everyRuleHasTheCommonShape() {
        for (ModelRule rule : ModelRule.values()) {
            Rule common = rule;
            assertEquals(rule.code(), common.code());
            assertEquals(rule.name(), common.name());
            assertFalse(common.description().isBlank(), rule.name());
        }
    }
}
