package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.SimulatedPopulations;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.data.StratifiedHistories;
import org.tipmonitor.indicators.estimation.bootstrap.BootstrapEstimator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class StratifiedEstimatorTest {

    private static StratifiedHistories threeYears() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        for (long seed = 11; seed <= 13; seed++) {
            CaptureHistories t = SimulatedPopulations.simulate(seed, 3, 3).table();
            // rename the simulated lists to A, B, C
            CaptureHistories.Builder b = CaptureHistories.builder(List.of("A", "B", "C"));
            long[] c = t.countsByMask();
            for (int h = 1; h < c.length; h++) {
                b.addMask(h, c[h]);
            }
            strata.put("y" + seed, b.build());
        }
        return StratifiedHistories.of("year", strata);
    }

    @Test
    void fullyInteractedModelEqualsSeparateFits() {
        // Independent reasoning: with every list term interacting with the covariate, the likelihood factorises
        // over the levels, so each level's estimate is that of its own independence model.
        StratifiedHistories data = threeYears();
        StratifiedEstimator.Result r = StratifiedEstimator.withDefaults()
                .estimate(data, "A + B + C + year + A:year + B:year + C:year");
        double total = 0;
        for (String level : data.levels()) {
            Estimate separate = LogLinearEstimator.withDefaults().estimate(data.stratum(level), "A + B + C")
                    .orElseThrow();
            Estimate joint = r.level(level).orElseThrow();
            assertEquals(separate.estimate(), joint.estimate(), separate.estimate() * 1e-8, level);
            assertEquals(separate.interval().lower(), joint.interval().lower(), separate.estimate() * 1e-6);
            assertEquals(separate.interval().upper(), joint.interval().upper(), separate.estimate() * 1e-6);
            total += separate.estimate();
        }
        assertEquals(total, r.total().orElseThrow().estimate(), total * 1e-8);
        assertEquals(data.observed(), r.total().orElseThrow().observed());
    }

    @Test
    void covariateMainEffectOnlyCollapsesToThePooledTable() {
        // With log mu = gamma_s + list effects, the fitted table is the pooled fit split in proportion to the
        // levels' totals: the total equals the pooled independence estimate, and U_s / n_s is common.
        StratifiedHistories data = threeYears();
        StratifiedEstimator.Result r = StratifiedEstimator.withDefaults().estimate(data, "A + B + C + year");
        Estimate pooled = LogLinearEstimator.withDefaults().estimate(data.pooled(), "A + B + C").orElseThrow();
        Estimate total = r.total().orElseThrow();
        assertEquals(pooled.estimate(), total.estimate(), pooled.estimate() * 1e-8);
        double ratio = pooled.unobserved() / pooled.observed();
        for (String level : data.levels()) {
            Estimate e = r.level(level).orElseThrow();
            assertEquals(ratio, e.unobserved() / e.observed(), ratio * 1e-8, level);
            assertTrue(e.interval().contains(e.estimate()));
        }
        assertTrue(total.interval().contains(total.estimate()));
        assertEquals("total", total.provenance().definitions().get("stratum"));
    }

    @Test
    void listAbsentFromALevelIsFixedAtMinusInfinity() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("adult", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,30\n0,1,0,20\n0,0,1,25\n1,1,0,6\n"
                + "1,0,1,5\n0,1,1,4\n1,1,1,1\n"));
        strata.put("minor", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,12\n0,1,0,9\n1,1,0,3\n"));
        StratifiedHistories data = StratifiedHistories.of("age", strata);
        StratifiedEstimator.Result r = StratifiedEstimator.withDefaults()
                .estimate(data, "A + B + C + age + C:age");
        Estimate total = r.total().orElseThrow();
        assertEquals(List.of("C:age[minor]"), total.fit().orElseThrow().infiniteTerms());
        assertTrue(total.estimate() >= data.observed());
    }

    @Test
    void linkerBuildsLevelsInOrderOfAppearance() {
        StratifiedHistories data = StratifiedHistories.<Integer>linker(List.of("police", "shelters"), "sex")
                .addMembership(1, "police").setLevel(1, "female")
                .addMembership(2, "police").addMembership(2, "shelters").setLevel(2, "male")
                .addMembership(3, "shelters").setLevel(3, "female")
                .build();
        assertEquals(List.of("female", "male"), data.levels());
        assertEquals(2, data.stratum("female").observed());
        assertEquals(1, data.stratum("male").count(1, 1));
        assertThrows(IndicatorException.class, () -> StratifiedHistories.<Integer>linker(List.of("a", "b"), "sex")
                .addMembership(1, "a").build());
        assertThrows(IndicatorException.class, () -> StratifiedHistories.<Integer>linker(List.of("a", "b"), "sex")
                .setLevel(1, "f").setLevel(1, "m"));
    }

    @Test
    void parametricBootstrapPerLevelAndTotal() {
        // Cruyff's scheme for the Dutch estimates by level. Independent checks: the total's percentile interval is
        // close to the Wald-log interval of the same well-determined fit; each level's interval is wider than its
        // Wald-log interval, because one multinomial over all levels also lets the level's own size vary
        // (sd about sqrt(N pi_l (1 - pi_l)), 27 for the first level here).
        StratifiedHistories data = threeYears();
        String formula = "A + B + C + year + A:year";
        StratifiedEstimator.Result wald = StratifiedEstimator.withDefaults().estimate(data, formula);
        StratifiedEstimator.Result boot = BootstrapEstimator.withDefaults().withReplicates(300).parametric(data,
                formula);
        Estimate total = boot.total().orElseThrow();
        Estimate waldTotal = wald.total().orElseThrow();
        assertEquals(PopulationInterval.PARAMETRIC_BOOTSTRAP_PERCENTILE, total.interval().method());
        assertEquals(waldTotal.estimate(), total.estimate());
        double totalWidth = waldTotal.interval().upper() - waldTotal.interval().lower();
        assertEquals(waldTotal.interval().lower(), total.interval().lower(), 0.25 * totalWidth);
        assertEquals(waldTotal.interval().upper(), total.interval().upper(), 0.25 * totalWidth);
        for (String level : data.levels()) {
            Estimate b = boot.level(level).orElseThrow();
            Estimate w = wald.level(level).orElseThrow();
            assertTrue(b.interval().contains(b.estimate()), level + " " + b.interval());
            assertTrue(b.interval().upper() - b.interval().lower() > w.interval().upper() - w.interval().lower(),
                    level + " " + b.interval() + " vs " + w.interval());
        }
        assertEquals("1234", total.provenance().definitions().get("seed"));
    }

    @Test
    void readsCountsCsvWithACovariateColumn() {
        StratifiedHistories data = StratifiedHistories.fromCsv(new java.io.StringReader(
                "A,B,sex,C,Freq\n1,0,f,0,5\n1,1,m,0,2\n0,1,f,1,3\n1,0,m,0,4\n0,0,m,1,1\n"), "sex");
        assertEquals(List.of("f", "m"), data.levels());
        assertEquals(List.of("A", "B", "C"), data.listNames());
        assertEquals(8, data.stratum("f").observed());
        assertEquals(2, data.stratum("m").count(1, 1, 0));
        assertEquals(15, data.pooled().observed());
    }

    @Test
    void stratifiedCsvErrorsNameTheLine() {
        String dup = assertThrows(IndicatorException.class, () -> StratifiedHistories.fromCsv(
                new java.io.StringReader("A,B,sex,count\n1,0,f,5\n1,0,m,2\n1,0,f,3\n"), "sex")).getMessage();
        assertTrue(dup.contains("Line 4:") && dup.contains("level 'f'") && dup.contains("line 2"), dup);
        String missing = assertThrows(IndicatorException.class, () -> StratifiedHistories.fromCsv(
                new java.io.StringReader("A,B,count\n1,0,5\n"), "sex")).getMessage();
        assertTrue(missing.contains("Line 1:") && missing.contains("'sex'"), missing);
        String empty = assertThrows(IndicatorException.class, () -> StratifiedHistories.fromCsv(
                new java.io.StringReader("A,B,sex,count\n1,0,f,5\n1,1,,2\n"), "sex")).getMessage();
        assertTrue(empty.contains("Line 3:"), empty);
    }

    @Test
    void rejectsBadInput() {
        Map<String, CaptureHistories> one = new LinkedHashMap<>();
        one.put("x", CaptureHistories.fromCsv("A,B,count\n1,1,3\n"));
        assertThrows(IndicatorException.class, () -> StratifiedHistories.of("year", one));
        Map<String, CaptureHistories> clash = new LinkedHashMap<>(one);
        clash.put("y", CaptureHistories.fromCsv("A,B,count\n1,0,3\n"));
        assertThrows(IndicatorException.class, () -> StratifiedHistories.of("A", clash));
        StratifiedHistories ok = StratifiedHistories.of("year", clash);
        assertThrows(IndicatorException.class, () -> StratifiedEstimator.withDefaults().estimate(ok, "A + B"));
    }

    /** Issue 6: in JShell stratified estimates print as a table of levels and total (toString). */
    @Test
    void toStringIsATableOfLevels() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("adult", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,30\n0,1,0,20\n0,0,1,25\n1,1,0,6\n"
                + "1,0,1,5\n0,1,1,4\n"));
        strata.put("minor", CaptureHistories.fromCsv("A,B,C,count\n1,0,0,12\n0,1,0,9\n0,0,1,10\n1,1,0,3\n"
                + "1,0,1,2\n0,1,1,2\n"));
        StratifiedEstimator.Result r = StratifiedEstimator.withDefaults()
                .estimate(StratifiedHistories.of("age", strata), "A + B + C + age");
        assertEquals("""
                StratifiedEstimator by age (95% wald-log-unobserved intervals)
                  age    observed  estimate  lower  upper
                  adult        90     225.9  168.6  324.9
                  minor        38      95.4   69.5  142.3
                  total       128     321.2  241.1  458.1
                """, r.toString());
    }

    /** Level y: list C reports nobody there (issue 11: the result depended on which level came first). */
    private static StratifiedHistories cNeverReportsInY(boolean xFirst) {
        CaptureHistories.Builder x = CaptureHistories.builder(List.of("A", "B", "C"));
        x.addMask(0b001, 40).addMask(0b010, 35).addMask(0b100, 30).addMask(0b011, 12).addMask(0b101, 9)
                .addMask(0b110, 8).addMask(0b111, 3);
        CaptureHistories.Builder y = CaptureHistories.builder(List.of("A", "B", "C"));
        y.addMask(0b001, 25).addMask(0b010, 20).addMask(0b011, 6);
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        if (xFirst) {
            strata.put("x", x.build());
            strata.put("y", y.build());
        } else {
            strata.put("y", y.build());
            strata.put("x", x.build());
        }
        return StratifiedHistories.of("g", strata);
    }

    @Test
    void theFaceOfTheZeroMarginsDoesNotDependOnTheReferenceLevel() {
        // Issue 11: with levels [x, y] the C:g column of level y had a zero sufficient statistic and was fixed at
        // -Infinity, with [y, x] the reference level absorbed it and the model was refused. On the face of the zero
        // margins both orders fit the same table: the C = 1 cells of level y are fixed at 0 either way.
        String formula = "A + B + C + g + A:B + C:g";
        StratifiedEstimator.Result first = StratifiedEstimator.withDefaults().estimate(cNeverReportsInY(true), formula);
        StratifiedEstimator.Result second = StratifiedEstimator.withDefaults().estimate(cNeverReportsInY(false),
                formula);
        for (String level : List.of("x", "y", "total")) {
            EstimationOutcome a = level.equals("total") ? first.total() : first.level(level);
            EstimationOutcome b = level.equals("total") ? second.total() : second.level(level);
            Estimate ea = assertInstanceOf(Estimate.class, a, level);
            Estimate eb = assertInstanceOf(Estimate.class, b, level);
            assertEquals(ea.estimate(), eb.estimate(), ea.estimate() * 1e-9, level);
            assertEquals(ea.interval().lower(), eb.interval().lower(), ea.estimate() * 1e-7, level);
            assertEquals(ea.interval().upper(), eb.interval().upper(), ea.estimate() * 1e-7, level);
        }
    }
}
