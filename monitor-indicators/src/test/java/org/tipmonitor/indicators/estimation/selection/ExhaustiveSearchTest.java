package org.tipmonitor.indicators.estimation.selection;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.InformationCriterion;
import org.tipmonitor.indicators.estimation.NotEstimable;
import org.tipmonitor.indicators.estimation.SimulatedPopulations;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.ExistenceCheck;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.internal.SelectionAccess;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExhaustiveSearchTest {

    @Test
    void catalogueSizesMatchMultipleSystemsEstimation() {
        // MultipleSystemsEstimation 1.2.0 package data `hiermodels` (docs/background/algorithms.md section 4)
        assertEquals(8, ExhaustiveSearch.catalogue(3, 2).size());
        assertEquals(113, ExhaustiveSearch.catalogue(4, 3).size());
        assertEquals(6212, ExhaustiveSearch.catalogue(5, 3).size());
        assertEquals(32768, ExhaustiveSearch.catalogue(6, 2).size());
        assertEquals(1, ExhaustiveSearch.catalogue(2, 1).size());
    }

    @Test
    void catalogueMasksAreHierarchicalAndInTheModelsTermOrder() {
        // ranking builds its models with ofCanonicalMasks, which trusts the catalogue: the checked factory agrees
        for (int k = 2; k <= 6; k++) {
            List<String> names = CaptureHistories.builder(List.of("A", "B", "C", "D", "E", "F").subList(0, k)).build()
                    .listNames();
            for (int[] masks : ExhaustiveSearch.catalogue(k, ExhaustiveSearch.defaultMaxOrder(k))) {
                assertEquals(SelectionAccess.models().ofMasks(names, masks),
                        SelectionAccess.models().ofCanonicalMasks(names, masks));
            }
        }
    }

    @Test
    void nedSixListTwoWaySearch() {
        // All 2^15 two-way models for 6 lists: each passes SparseMSE::checkident on Ned (the all-pairs model does,
        // data/README.md), so none is excluded.
        CaptureHistories ned = Tables.load("Ned");
        ExhaustiveSearch.Result r = ExhaustiveSearch.withDefaults().search(ned);
        assertEquals(32768, r.catalogue());
        assertEquals(0, r.excluded());
        assertEquals(2, r.maxOrder());
        LogLinearModel stepwise = StepwiseSelection.withDefaults().select(ned).model();
        ExhaustiveSearch.RankedModel s = r.ranking().stream().filter(m -> m.model().equals(stepwise)).findFirst()
                .orElseThrow();
        // MultipleSystemsEstimation BIC of the stepwise model: -2 logLik + 15 log(8234) (docs/background/algorithms.md section 1.2)
        assertEquals(312.4252691794, s.criterionValue(), 312.4252691794 * 1e-6);
        assertEquals(111139.371230396, s.estimate(), 111139.371230396 * 1e-6);
        for (int i = 1; i < r.ranking().size(); i++) {
            assertTrue(r.ranking().get(i - 1).criterionValue() <= r.ranking().get(i).criterionValue());
        }
        Estimate best = r.best().orElseThrow();
        assertEquals(r.ranking().get(0).estimate(), best.estimate(), best.estimate() * 1e-6);
        assertEquals(r.ranking().get(0).criterionValue(), best.fit().orElseThrow().bic(), 1e-6);
        assertEquals("BIC", best.provenance().definitions().get("criterion"));
    }

    static Stream<Arguments> smallTables() {
        Stream<Arguments> published = Stream.of("Korea", "Kosovo", "Artificial_3", "Rcapture_HIV",
                "Rcapture_lesbian").map(n -> Arguments.of(n, Tables.load(n)));
        // sparse simulated tables (few cases, many empty cells) exercise the fit-based shortcut of the check
        Stream<Arguments> sparse = LongStream.range(100, 106).mapToObj(seed -> {
            CaptureHistories full = SimulatedPopulations.simulate(seed, 4, 4).table();
            CaptureHistories.Builder b = CaptureHistories.builder(full.listNames());
            long[] c = full.countsByMask();
            for (int h = 1; h < c.length; h++) {
                b.addMask(h, c[h] / 20);
            }
            return Arguments.of("sparse seed=" + seed, b.build());
        }).filter(a -> ((CaptureHistories) a.get()[1]).observed() > 0);
        return Stream.concat(published, sparse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallTables")
    void keepsExactlyTheModelsPassingTheExistenceCheck(String name, CaptureHistories table) {
        ExhaustiveSearch.Result r = ExhaustiveSearch.withDefaults().withCriterion(InformationCriterion.AIC)
                .search(table);
        Set<LogLinearModel> kept = new HashSet<>();
        r.ranking().forEach(m -> kept.add(m.model()));
        int k = table.listCount();
        for (int[] masks : ExhaustiveSearch.catalogue(k, ExhaustiveSearch.defaultMaxOrder(k))) {
            LogLinearModel model = SelectionAccess.models().ofMasks(table.listNames(), masks);
            boolean passes = ExistenceCheck.run(table, model).status() == ExistenceStatus.OK;
            assertEquals(passes, kept.contains(model), model.formula());
            if (passes) {
                Estimate e = LogLinearEstimator.withDefaults().estimate(table, model).orElseThrow();
                ExhaustiveSearch.RankedModel rm = r.ranking().stream().filter(m -> m.model().equals(model))
                        .findFirst().orElseThrow();
                assertEquals(e.fit().orElseThrow().aic(), rm.criterionValue(), 1e-6);
            } else {
                assertInstanceOf(NotEstimable.class, LogLinearEstimator.withDefaults().estimate(table, model),
                        model.formula());
            }
        }
    }

    @Test
    void threadCountDoesNotChangeTheRanking() {
        CaptureHistories kosovo = Tables.load("Kosovo");
        assertEquals(ExhaustiveSearch.withDefaults().withThreads(1).search(kosovo).ranking(),
                ExhaustiveSearch.withDefaults().withThreads(2).search(kosovo).ranking());
    }

    /**
     * Each model is fitted from a start made of other models' fits (the catalogue's tree), so the values must not
     * depend on which thread fits what: on a catalogue large enough to be split between threads (6,212 models,
     * subtrees of at least 32 forked), every ranked value is the same, to the bit, on 1, 2 and 3 threads.
     */
    @Test
    void threadCountDoesNotChangeTheRankingOfALargeCatalogue() {
        CaptureHistories uk5 = Tables.load("UKdat_5");
        List<ExhaustiveSearch.RankedModel> one = ExhaustiveSearch.withDefaults().withThreads(1).search(uk5).ranking();
        assertEquals(one, ExhaustiveSearch.withDefaults().withThreads(2).search(uk5).ranking());
        assertEquals(one, ExhaustiveSearch.withDefaults().withThreads(3).search(uk5).ranking());
    }

    /** The tree the search walks: a model's parent is the model without its last interaction, listed before it. */
    @Test
    void everyModelsParentIsTheModelWithoutItsLastInteraction() {
        for (int k = 2; k <= 6; k++) {
            List<int[]> catalogue = ExhaustiveSearch.catalogue(k, ExhaustiveSearch.defaultMaxOrder(k));
            int[] parent = ExhaustiveSearch.Tree.parents(catalogue);
            assertEquals(-1, parent[0], k + " lists: the root");
            assertEquals(0, catalogue.get(0).length, k + " lists: the root is the main-effects model");
            for (int i = 1; i < catalogue.size(); i++) {
                int[] model = catalogue.get(i);
                assertTrue(parent[i] >= 0 && parent[i] < i, k + " lists, model " + i);
                assertArrayEquals(Arrays.copyOf(model, model.length - 1), catalogue.get(parent[i]),
                        k + " lists, model " + i);
            }
        }
    }

    /** Issue 6: in JShell a search prints its best models as a table and the best estimate (toString). */
    @Test
    void toStringShowsTheBestModels() {
        ExhaustiveSearch.Result r = ExhaustiveSearch.withDefaults().withCriterion(InformationCriterion.AIC)
                .search(Tables.load("Artificial_3"));
        List<String> lines = r.toString().lines().toList();
        assertEquals("ExhaustiveSearch by AIC: 8 models up to order 2, 4 excluded; the best 4:", lines.get(0));
        assertEquals("  model                      AIC  estimate  deviance  df", lines.get(1));
        assertEquals("  A + B + C + A:C        33.8633     396.0    4.5884   1", lines.get(3));
        assertEquals("  A + B + C              36.1474     539.1    8.8725   3", lines.get(5));
        assertEquals("Best: Estimate (poisson-loglinear) from lists A, B, C", lines.get(6));
    }
}
