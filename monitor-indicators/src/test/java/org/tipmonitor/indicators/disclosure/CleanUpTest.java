package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * Issue 12, item 5: after the clean-up pass no secondary cell can be published again without exposing a withheld cell
 * (checked by {@link DisclosureAudit#audit(CountTable, java.util.Collection)}, the audit of a pattern made elsewhere,
 * with the policy's margin), so a whole year (a row with its total) is withheld only if no smaller pattern obtained by
 * publishing one of its secondary cells protects. Seeded year-by-form tables with many small counts.
 */
class CleanUpTest {

    static Stream<Arguments> tables() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed = 1; seed <= 16; seed++) {
            cases.add(Arguments.of("seed=" + seed, seed));
        }
        return cases.stream();
    }

    private static CountTable table(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int years = 4 + random.nextInt(3);
        int forms = 3 + random.nextInt(3);
        String[] y = new String[years];
        for (int i = 0; i < years; i++) {
            y[i] = Integer.toString(2014 + i);
        }
        String[] f = new String[forms];
        for (int j = 0; j < forms; j++) {
            f[j] = "form" + j;
        }
        long[] cells = new long[years * forms];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = random.nextInt(10) < 5 ? random.nextInt(10) : 10 + random.nextInt(40);
        }
        return CountTable.of(CountingUnit.REGISTRATIONS, List.of(Dimension.of("year", y), Dimension.of("form", f)),
                cells);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void noSecondaryCellCanBePublishedAgain(String name, long seed) {
        CountTable table = table(seed);
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        ProtectedTable published = policy.protect(table);
        DisclosureAudit audit = DisclosureAudit.of(policy);
        assertTrue(audit.audit(published).passed());
        ExtendedIndex index = new ExtendedIndex(table.shape());
        List<List<Integer>> withheld = new ArrayList<>();
        List<List<Integer>> secondary = new ArrayList<>();
        for (int o = 0; o < index.size(); o++) {
            int[] c = index.coords(o);
            List<Integer> coords = Arrays.stream(c).boxed().toList();
            if (published.status(c).isSuppressed()) {
                withheld.add(coords);
            }
            if (published.status(c) == CellStatus.SECONDARY) {
                secondary.add(coords);
            }
        }
        Assumptions.assumeFalse(secondary.isEmpty(), "no secondary suppression needed");
        for (List<Integer> cell : secondary) {
            List<List<Integer>> smaller = new ArrayList<>(withheld);
            smaller.remove(cell);
            assertFalse(audit.audit(table, smaller).passed(),
                    () -> "publishing secondary cell " + cell + " again still protects: the pattern is not clean");
        }
    }

    /** The greedy pattern (clean-up off) and the cleaned one (every size) of a table and of a linked set. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void theCleanUpLimitOnlyDecidesWhetherSecondaryCellsArePublishedAgain(String name, long seed) {
        CountTable table = table(seed);
        DisclosurePolicy greedy = DisclosurePolicy.withDefaults().withCleanUpLimit(0);
        DisclosurePolicy cleaned = DisclosurePolicy.withDefaults().withCleanUpLimit(Integer.MAX_VALUE);
        ProtectedTable before = greedy.protect(table);
        ProtectedTable after = cleaned.protect(table);
        assertEquals("0", before.provenance().definitions().get("disclosure.cleanUpLimit"));
        assertEquals(Integer.toString(Integer.MAX_VALUE),
                after.provenance().definitions().get("disclosure.cleanUpLimit"));
        assertEquals(after.suppressedCount(), DisclosurePolicy.withDefaults().protect(table).suppressedCount(),
                "tables this small are under the default limit");
        assertWithin(before, after);
        assertTrue(DisclosureAudit.of(greedy).audit(before).passed());
        assertTrue(DisclosureAudit.of(cleaned).audit(after).passed());

        LinkedTables set = LinkedTablesTest.registrations(seed, 150 + (int) (seed * 40));
        ProtectedLinkedTables linkedBefore = greedy.protect(set);
        ProtectedLinkedTables linkedAfter = cleaned.protect(set);
        for (String t : set.tables().keySet()) {
            assertWithin(linkedBefore.table(t), linkedAfter.table(t));
        }
        assertTrue(DisclosureAudit.of(cleaned).audit(linkedAfter, List.of()).passed());
    }

    /** The cleaned pattern withholds a subset of the greedy one, with the same primary cells. */
    private static void assertWithin(ProtectedTable greedy, ProtectedTable cleaned) {
        ExtendedIndex index = new ExtendedIndex(greedy.dimensions().stream().mapToInt(Dimension::size).toArray());
        for (int o = 0; o < index.size(); o++) {
            int[] c = index.coords(o);
            if (cleaned.status(c).isSuppressed()) {
                assertTrue(greedy.status(c).isSuppressed(), () -> "cell " + Arrays.toString(c) + " withheld only"
                        + " after clean-up");
            }
            assertEquals(greedy.status(c) == CellStatus.PRIMARY, cleaned.status(c) == CellStatus.PRIMARY);
        }
    }

    @Test
    void theCleanUpPublishesCellsAgainInSomeDrawsAndRejectsANegativeLimit() {
        int fewer = 0;
        for (long seed = 1; seed <= 16; seed++) {
            CountTable table = table(seed);
            fewer += DisclosurePolicy.withDefaults().withCleanUpLimit(0).protect(table).suppressedCount()
                    > DisclosurePolicy.withDefaults().protect(table).suppressedCount() ? 1 : 0;
        }
        assertTrue(fewer > 0, "the clean-up changes no pattern of seeds 1-16");
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> DisclosurePolicy.withDefaults().withCleanUpLimit(-1));
        assertEquals("TM-DC-0003: Clean-up limit is negative: -1", e.getMessage());
        assertEquals(DisclosurePolicy.DEFAULT_CLEAN_UP_LIMIT, DisclosurePolicy.withDefaults().cleanUpLimit());
        assertEquals("DisclosurePolicy[threshold=10, zerosSensitive=false, protectionMargin=10, cleanUpLimit=0]",
                DisclosurePolicy.withDefaults().withCleanUpLimit(0).toString());
    }
}
