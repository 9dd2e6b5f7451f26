package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one sanitiser of issue 13: terminal control, bidi and format characters, length, identifying values. */
class SafeTextTest {

    @Test
    void controlCharactersThatForgeLinesOrDriveTheTerminalAreEscaped() {
        assertEquals("a\\u001B[2Jb\\r\\nFAKE LINE\\t", SafeText.escape("a\u001b[2Jb\r\nFAKE LINE\t"));
        // OSC 8 hyperlink, C1 CSI (U+009B), DEL
        assertEquals("\\u001B]8;;http://x\\u0007\\u009B31m\\u007F", SafeText.escape("\u001b]8;;http://x\u0007\u009b31m\u007f"));
    }

    @Test
    void bidiOverridesIsolatesAndZeroWidthCharactersAreEscaped() {
        assertEquals("abc\\u202Etxt.exe\\u2066\\u2069\\u200B\\u200E\\uFEFF\\u2028",
                SafeText.escape("abc\u202etxt.exe\u2066\u2069\u200b\u200e\ufeff\u2028"));
        // A format character outside the BMP (U+E0001 LANGUAGE TAG) and an unpaired surrogate.
        assertEquals("\\u{E0001}x\\uD800", SafeText.escape("\udb40\udc01x\ud800"));
        // Printable text of any script passes unchanged.
        assertEquals("Zoë 名前 😀 Ħ", SafeText.escape("Zoë 名前 😀 Ħ"));
    }

    @Test
    void lengthIsCappedAndTheCutSaysSo() {
        String text = "x".repeat(52_000_000 / 1000);
        String safe = SafeText.escape(text);
        assertEquals("x".repeat(SafeText.MAX_LENGTH) + "… (52000 characters)", safe);
        assertEquals("abc… (5 characters)", SafeText.escape("abcde", 3));
        assertThrows(IllegalArgumentException.class, () -> SafeText.escape("a", 0));
        assertEquals("null", SafeText.escape(null));
    }

    @Test
    void numbersOfEightOrMoreDigitsAndDatesAreWithheld() {
        assertEquals("BSN [withheld] Jan", SafeText.redact("BSN 123456782 Jan"));
        assertEquals("born [withheld], [withheld] and [withheld]",
                SafeText.redact("born 2001-03-04, 04-03-2001 and 4/3/2001"));
        assertEquals("[withheld]", SafeText.redact("01032001"));
        assertEquals("line 1234567 of 2014-2018", SafeText.redact("line 1234567 of 2014-2018"));
        // Redaction comes before the cut: a long number is never half shown.
        assertFalse(SafeText.redact("a".repeat(SafeText.MAX_LENGTH - 3) + "123456789").contains("123"));
    }

    static Stream<Named<Long>> seeds() {
        return IntStream.range(0, 20).mapToObj(i -> Named.of("seed " + (1300 + i), 1300L + i));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noUnsafeCharacterSurvivesAndNoLongDigitRun(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x30) : (char) random.nextInt(0x10000));
            if (random.nextInt(20) == 0) {
                text.append(100_000_000 + random.nextInt(900_000_000));
            }
        }
        String safe = SafeText.redact(text.toString());
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < safe.length()
                    && Character.isLowSurrogate(safe.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(safe.charAt(i - 1));
            assertTrue(pairedSurrogate || !SafeText.unsafe(c), "unsafe U+" + Integer.toHexString(c) + " at " + i);
        }
        assertFalse(safe.matches("(?s).*[0-9]{8}.*"), safe);
        assertTrue(safe.length() <= SafeText.MAX_LENGTH + 30, () -> "length " + safe.length());
    }

    @Test
    void spreadsheetFormulasAreNeutralisedAndRestoredOnReading() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            String cell = SafeText.spreadsheetCell(formula);
            assertEquals("'" + formula, cell);
            assertEquals(formula, SafeText.fromSpreadsheetCell(cell));
        }
        assertEquals("k7vd2m4xq9", SafeText.spreadsheetCell("k7vd2m4xq9"));
        assertEquals("'quoted", SafeText.fromSpreadsheetCell("'quoted"));
        assertEquals("", SafeText.spreadsheetCell(""));
        assertEquals("'", SafeText.fromSpreadsheetCell("'"));
    }
}
