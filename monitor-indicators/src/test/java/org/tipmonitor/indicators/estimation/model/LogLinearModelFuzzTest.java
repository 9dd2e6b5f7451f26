package org.tipmonitor.indicators.estimation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Fuzz target of the model-formula parser {@link LogLinearModel#parse(List, String)} over the six lists of the
 * Dutch table: whatever text arrives, the result is a hierarchical model with every main effect, whose
 * {@link LogLinearModel#formula() formula} parses back to the same model, or an {@link IndicatorException} with a
 * {@code TM-MSE-2nn} formula code and a character position inside the formula (or, for a missing main effect, the
 * list's name). No other exception, no hang.
 *
 * <p>In every build the inputs in {@code LogLinearModelFuzzTestInputs/} run as regression tests; README
 * ("Testing") says how to fuzz for longer.
 */
class LogLinearModelFuzzTest {

    private static final List<String> LISTS = List.of("I", "K", "O", "P", "R", "Z");
    private static final Pattern CODE = Pattern.compile("^TM-MSE-20[1-46]: ");

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyFormulaEndsInAModelOrALocatedError(byte[] input) {
        String formula = new String(input, StandardCharsets.UTF_8);
        LogLinearModel model;
        try {
            model = LogLinearModel.parse(LISTS, formula);
        } catch (IndicatorException e) {
            String message = e.getMessage();
            if (message.startsWith("TM-MSE-205: ")) {
                assertTrue(LISTS.stream().anyMatch(list -> message.endsWith("list '" + list + "'; every list must"
                        + " enter as a main effect")), message);
                return;
            }
            // The position is the one right before the quoted formula (a formula may itself quote a message).
            Matcher at = Pattern.compile(" at character (\\d+) of formula '" + Pattern.quote(formula) + "'")
                    .matcher(message);
            assertTrue(CODE.matcher(message).find() && at.find(), () -> "not a located formula error: " + message);
            int position = Integer.parseInt(at.group(1));
            assertTrue(position >= 1 && position <= formula.length() + 1,
                    () -> "position " + position + " outside the formula of length " + formula.length());
            return;
        }
        assertEquals(LISTS, model.lists());
        Set<Integer> terms = new HashSet<>();
        for (int mask : model.interactionMasks()) {
            assertTrue(Integer.bitCount(mask) >= 2 && mask < 1 << LISTS.size());
            terms.add(mask);
        }
        for (int mask : terms) {
            for (int bit = 1; bit <= mask; bit <<= 1) {
                int margin = mask & ~bit;
                if ((mask & bit) != 0 && Integer.bitCount(margin) >= 2) {
                    assertTrue(terms.contains(margin), () -> model + " lacks a margin");
                }
            }
        }
        assertEquals(model, LogLinearModel.parse(LISTS, model.formula()), "the formula parses back");
    }
}
