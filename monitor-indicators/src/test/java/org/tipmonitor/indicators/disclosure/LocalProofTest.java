package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * The cheap devices of {@link FeasibleIntervals} (observed tables, local programs around a reference table, propagated
 * bounds) never change a verdict: on seeded linked sets with random suppression patterns, with local programs forced on
 * every block, each withheld cell is protected with margin p exactly when the exact program over the whole set (a
 * fresh instance without a reference) says so, a cheap "protected" comes with an inner interval inside the exact one,
 * and a cheap "exposed" with an exact interval narrower than p. And the publisher's audit with the source gives the
 * plain audit's verdicts on sets protected by the policy.
 */
class LocalProofTest {

    static Stream<Arguments> patterns() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            cases.add(Arguments.of("seed=" + seed, seed));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void cheapVerdictsAgreeWithTheExactProgram(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedTables set = LinkedTablesTest.registrations(seed, 60 + random.nextInt(200));
        Layout layout = new Layout(indexes(set));
        List<FeasibleIntervals.Block> blocks = randomPattern(set, random, 0.45);
        double[] truth = blocks.stream().flatMapToDouble(b -> Arrays.stream(b.values())).toArray();
        List<FeasibleIntervals.Row> rows = layout.rows(set.links());
        int checked = 0;
        for (double p : new double[] {1, 5, 10}) {
            FeasibleIntervals cheap = new FeasibleIntervals(blocks, rows, true);
            cheap.localProgramsFrom(0);
            assertTrue(cheap.reference(truth), "the true tables are feasible");
            FeasibleIntervals exact = new FeasibleIntervals(blocks, rows, true);
            for (int t = 0, start = 0; t < blocks.size(); start += blocks.get(t).values().length, t++) {
                boolean[] suppressed = blocks.get(t).suppressed();
                for (int o = 0; o < suppressed.length; o++) {
                    if (!suppressed[o]) {
                        continue;
                    }
                    int cell = start + o;
                    double[] bounds = exact.interval(cell);
                    assertTrue(bounds[0] <= truth[cell] && truth[cell] <= bounds[1], "contains the truth");
                    boolean protectedExactly = !DisclosureAudit.isExposed(bounds, p);
                    FeasibleIntervals.Verdict verdict = cheap.cheapVerdict(cell, p, false, false);
                    if (verdict == FeasibleIntervals.Verdict.PROTECTED) {
                        double[] inner = cheap.observed(cell);
                        assertTrue(bounds[0] <= inner[0] && inner[1] <= bounds[1],
                                () -> "inner interval inside the exact one at cell " + cell);
                    }
                    if (verdict != FeasibleIntervals.Verdict.OPEN) {
                        assertEquals(protectedExactly, verdict == FeasibleIntervals.Verdict.PROTECTED,
                                () -> "verdict at cell " + cell + " with margin " + p);
                        checked++;
                    }
                    assertEquals(protectedExactly, cheap.isProtected(cell, p), () -> "cell " + cell);
                }
            }
        }
        Assumptions.assumeTrue(checked > 0, "no cell was decided cheaply");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void auditWithTheSourceGivesThePlainAuditsVerdicts(String name, long seed) {
        LinkedTables set = LinkedTablesTest.registrations(seed, 150 + (int) (seed * 70));
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        ProtectedLinkedTables published = policy.protect(set);
        LinkedAuditReport plain = DisclosureAudit.of(policy).audit(published, List.of());
        LinkedAuditReport withSource = DisclosureAudit.of(policy).audit(published, List.of(), set);
        assertTrue(withSource.passed());
        assertEquals(plain.auditedCells(), withSource.auditedCells());
        for (String table : set.tables().keySet()) {
            List<CellInterval> a = plain.tables().get(table).intervals();
            List<CellInterval> b = withSource.tables().get(table).intervals();
            for (int k = 0; k < a.size(); k++) {
                CellInterval exact = a.get(k);
                CellInterval fast = b.get(k);
                assertEquals(exact.coordinates(), fast.coordinates());
                assertEquals(exact.exposed(), fast.exposed());
                assertTrue(exact.lower() <= fast.lower() && fast.upper() <= exact.upper(), fast::toString);
                if (fast.exact()) {
                    assertEquals(exact, fast);
                }
            }
        }
    }

    /** Each table of the set with each cell withheld with the given probability, in the tables' order. */
    static List<FeasibleIntervals.Block> randomPattern(LinkedTables set, SplittableRandom random, double share) {
        List<FeasibleIntervals.Block> blocks = new ArrayList<>();
        for (CountTable table : set.tables().values()) {
            double[] values = Arrays.stream(table.extendedCounts()).asDoubleStream().toArray();
            boolean[] suppressed = new boolean[values.length];
            for (int o = 0; o < values.length; o++) {
                suppressed[o] = random.nextDouble() < share;
            }
            blocks.add(new FeasibleIntervals.Block(new ExtendedIndex(table.shape()), true, values, suppressed));
        }
        return blocks;
    }

    static Map<String, ExtendedIndex> indexes(
            LinkedTables set) {
        Map<String, ExtendedIndex> map =
                new LinkedHashMap<>();
        set.tables().forEach((k, v) -> map.put(k,
                new ExtendedIndex(v.shape())));
        return map;
    }
}
