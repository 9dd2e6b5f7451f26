package org.tipmonitor.examples.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The notebook's helpers: the sample read once, the checks counted per session, the validator's INFO line off. */
@ResourceLock(Resources.SYSTEM_OUT)
class NotebookTest {

    @Test
    void theSampleIsReadOnceAndValid() {
        assertSame(Notebook.data(), Notebook.data());
        assertTrue(Notebook.data().report().isValid());
        // python3: len(json.load(open("synthetic-monitor.json"))["victims"]) == 5188
        assertEquals(5188, Notebook.data().victims().size());
    }

    @Test
    void theValidatorsAnnouncementIsOff() {
        Notebook.start();
        assertEquals(Level.WARNING, Logger.getLogger("org.hibernate.validator").getLevel());
    }

    @Test
    void checksAreCountedFromTheStartAndAFailureThrows() {
        String printed = capture(() -> {
            Notebook.start();
            Notebook.check("one", true);
            Notebook.checkEquals("two", 2, 2);
            Notebook.checkClose("three", 100.0, 100.00001, 1e-6);
            assertThrows(AssertionError.class, () -> Notebook.checkClose("four", 100.0, 100.001, 1e-6));
            assertEquals(1, Notebook.failures());
            assertThrows(AssertionError.class, () -> Notebook.finish("test"));
            Notebook.start();
            assertEquals(0, Notebook.failures());
            Notebook.check("five", true);
            Notebook.finish("test");
        });
        assertTrue(printed.contains("  ok      two: 2 (expected 2)"), printed);
        assertTrue(printed.contains("  FAILED  four: 100.001000 (reference 100.000000, rel. tol. 1e-06)"), printed);
        assertTrue(printed.endsWith("CHAPTER PASSED: test (1 checks)" + System.lineSeparator()), printed);
    }

    @Test
    void tablesAlignTheirColumns() {
        String printed = capture(() -> Notebook.table(List.of("form", "n"),
                List.<List<?>>of(List.of("sexual", 1234.5), List.of("labour", 7))));
        assertEquals(String.join(System.lineSeparator(), "  form          n", "  sexual  1,234.5",
                "  labour        7", ""), printed);
        assertEquals("26.5%", Notebook.percent(0.2648));
    }

    private static String capture(Runnable action) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
