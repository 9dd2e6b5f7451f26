package org.tipmonitor.indicators.estimation.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointEstimatorTest;
import org.tipmonitor.indicators.estimation.fit.JointFit;

/** The exhaustive search over a declared candidate set, checked against an independent count of its models. */
class JointSelectionExhaustiveTest {

    private static final CovariateTable TABLE = JointEstimatorTest.table(JointEstimatorTest.TABLE);

    /**
     * Counts the subsets of the candidates in which every term finds each of its sub-terms of order two or more in
     * the subset or in the start model, by trying all 2^k subsets on the terms' names (independent of the search's
     * depth-first enumeration over bit masks).
     */
    private static int hierarchicalSubsets(List<String> candidates, Set<String> start) {
        int count = 0;
        for (int bits = 0; bits < 1 << candidates.size(); bits++) {
            Set<Set<String>> chosen = new HashSet<>();
            for (int i = 0; i < candidates.size(); i++) {
                if ((bits >> i & 1) == 1) {
                    chosen.add(Set.of(candidates.get(i).split(":")));
                }
            }
            boolean ok = true;
            for (Set<String> term : chosen) {
                for (Set<String> sub : subTerms(term)) {
                    ok &= sub.size() < 2 || chosen.contains(sub) || start.contains(String.join(":", sorted(sub)));
                }
            }
            count += ok ? 1 : 0;
        }
        return count;
    }

    private static List<Set<String>> subTerms(Set<String> term) {
        List<String> names = new ArrayList<>(term);
        List<Set<String>> out = new ArrayList<>();
        for (int bits = 1; bits < (1 << names.size()) - 1; bits++) {
            Set<String> s = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if ((bits >> i & 1) == 1) {
                    s.add(names.get(i));
                }
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    /** Every term's sub-terms are in the model, by names. */
    private static void assertHierarchical(List<String> terms) {
        Set<Set<String>> all = new HashSet<>();
        for (String t : terms) {
            all.add(Set.of(t.split(":")));
        }
        for (Set<String> t : all) {
            for (Set<String> sub : subTerms(t)) {
                assertTrue(all.contains(sub), terms + " lacks " + sub);
            }
        }
    }

    @Test
    void fitsEveryHierarchicalSubsetOfTheDefaultCandidatesAndBeatsStepwise() {
        JointSelection exhaustive = JointSelection.withDefaults().withExhaustive();
        JointSelection.Result e = exhaustive.select(TABLE, JointEstimator.withDefaults());
        List<String> candidates = JointSelection.defaultCandidates(TABLE.lists(), TABLE.covariates());
        assertEquals(9, candidates.size());
        // All candidates of order two: 2^9 subsets, every one hierarchical.
        assertEquals(512, hierarchicalSubsets(candidates, Set.of()));
        assertEquals(512, e.ranked().size());
        assertEquals(512, e.ranked().stream().map(JointSelection.Candidate::model).distinct().count());
        for (JointSelection.Candidate c : e.ranked()) {
            assertHierarchical(c.model().terms());
        }
        for (int i = 1; i < e.ranked().size(); i++) {
            assertTrue(e.ranked().get(i - 1).criterion() <= e.ranked().get(i).criterion());
        }
        JointSelection.Result s = JointSelection.withDefaults().select(TABLE, JointEstimator.withDefaults());
        double best = e.ranked().get(0).criterion();
        assertTrue(best <= s.ranked().get(0).criterion() + 1e-9, best + " " + s.ranked().get(0).criterion());
        JointFit chosen = JointEstimatorTest.fit(e.chosen());
        assertEquals(best, chosen.criterion(InformationCriterion.BIC), 1e-9);
        assertEquals(List.of(), e.steps());
        assertTrue(exhaustive.description().startsWith("BIC exhaustive"), exhaustive.description());
    }

    @Test
    void higherOrderCandidatesComeOnlyWithTheirSubTerms() {
        // The start model (baseline) crosses the covariates, so A:g:year needs A:g and A:year only.
        List<String> candidates = List.of("A:g", "A:year", "A:g:year", "B:C", "A:B", "A:C", "A:B:C");
        Set<String> start = Set.of("g:year");
        int expected = hierarchicalSubsets(candidates, start);
        // {A:g, A:year, A:g:year} gives 5 choices, {A:B, A:C, B:C, A:B:C} 9: 45.
        assertEquals(45, expected);
        for (InformationCriterion ic : InformationCriterion.values()) {
            JointSelection search = JointSelection.withDefaults().withCriterion(ic).withCandidates(candidates)
                    .withExhaustive();
            JointSelection.Result r = search.select(TABLE, JointEstimator.withDefaults());
            assertEquals(expected, r.ranked().size(), ic.name());
            for (JointSelection.Candidate c : r.ranked()) {
                assertHierarchical(c.model().terms());
            }
            JointSelection.Result stepwise = JointSelection.withDefaults().withCriterion(ic)
                    .withCandidates(candidates).select(TABLE, JointEstimator.withDefaults());
            assertTrue(r.ranked().get(0).criterion() <= stepwise.ranked().get(0).criterion() + 1e-9, ic.name());
        }
        // A higher term declared without its sub-terms brings them in as candidates: A:B:C alone gives the same 9
        // subsets of {A:B, A:C, B:C, A:B:C}.
        JointSelection.Result alone = JointSelection.withDefaults().withCandidates(List.of("A:B:C"))
                .withExhaustive().select(TABLE, JointEstimator.withDefaults());
        assertEquals(hierarchicalSubsets(List.of("A:B", "A:C", "B:C", "A:B:C"), start), alone.ranked().size());
        assertEquals(9, alone.ranked().size());
    }

    @Test
    void refusesMoreModelsThanItsLimitWithTheCountAndHowToChangeIt() {
        IndicatorException e = assertThrows(IndicatorException.class, () -> JointSelection.withDefaults()
                .withExhaustive(100).select(TABLE, JointEstimator.withDefaults()));
        assertTrue(e.getMessage().startsWith("TM-MSE-540: Exhaustive search over 9 candidate terms would fit 512"),
                e.getMessage());
        assertTrue(e.getMessage().contains("limit of 100") && e.getMessage().contains("--max-models")
                && e.getMessage().contains("65,536"), e.getMessage());
        for (int bad : new int[] {0, -1, 65_537}) {
            IndicatorException limit = assertThrows(IndicatorException.class,
                    () -> JointSelection.withDefaults().withExhaustive(bad));
            assertTrue(limit.getMessage().startsWith("TM-MSE-541"), limit.getMessage());
        }
        // Exactly at the limit is allowed.
        assertEquals(512, JointSelection.withDefaults().withExhaustive(512).select(TABLE,
                JointEstimator.withDefaults()).ranked().size());
        assertTrue(Arrays.asList(JointSelection.withDefaults().withExhaustive().withStepwise().exhaustive(),
                JointSelection.withDefaults().withExhaustive().exhaustive()).equals(List.of(false, true)));
    }

    @Test
    void keepsTheCovariateTermsAndSearchesThePairsExhaustively() {
        JointSelection.Result r = JointSelection.withDefaults().withCovariateTermsKept().withExhaustive()
                .select(TABLE, JointEstimator.withDefaults());
        assertEquals(8, r.ranked().size());
        for (JointSelection.Candidate c : r.ranked()) {
            for (String term : List.of("A:g", "A:year", "B:g", "B:year", "C:g", "C:year")) {
                assertTrue(c.model().terms().contains(term), c.model().formula());
            }
        }
    }
}
