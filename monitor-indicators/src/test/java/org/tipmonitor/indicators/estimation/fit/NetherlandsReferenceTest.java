package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.estimation.ConfidenceInterval;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.ExistenceStatus;
import org.tipmonitor.indicators.estimation.PopulationInterval;
import org.tipmonitor.indicators.estimation.ModelFit;
import org.tipmonitor.indicators.estimation.Tables;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.ProfileLikelihoodEstimator;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values for the Dutch tables Ned (6 lists) and Ned_5 (I and O merged), computed with the R packages
 * SparseMSE 2.0.1, MultipleSystemsEstimation 1.2.0 and Rcapture 1.4-4 under R 4.2.2 on the tables shipped in
 * SparseMSE (Silverman 2020, JRSS-A 183(3), Table 2). Tolerances: point estimates, deviances, AIC/BIC 1e-6
 * relative; Wald intervals 1e-4; profile intervals 2e-3 (Rcapture's root finder). {@code z} is the table read by
 * {@code read.csv} with the counts in the last column.
 */
public class NetherlandsReferenceTest {

    private static final CaptureHistories NED = Tables.load("Ned");
    private static final CaptureHistories NED_5 = Tables.load("Ned_5");

    private static void assertRel(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, Math.abs(expected) * tol, what);
    }

    private static Estimate independence(CaptureHistories h) {
        return LogLinearEstimator.withDefaults().estimate(h, LogLinearModel.mainEffects(h.listNames())).orElseThrow();
    }

    @Test
    void nedIndependenceModel() {
        // glm(count ~ ., family = poisson) on all 2^6 - 1 cells (zeros included); N = n + exp(intercept)
        Estimate e = independence(NED);
        ModelFit f = e.fit().orElseThrow();
        assertEquals(8234, e.observed());
        assertRel(52823.4639331121, e.estimate(), 1e-6, "N");
        assertRel(448.879648746115, f.deviance(), 1e-6, "deviance");
        assertEquals(56, f.degreesOfFreedom());
        assertRel(584.408800284764, f.aic(), 1e-6, "AIC");
        assertRel(633.520990701072, f.bic(), 1e-6, "BIC");
        assertRel(10.7052528754168, f.coefficient("(Intercept)").estimate(), 1e-6, "intercept");
        assertRel(0.05173396, f.coefficient("(Intercept)").standardError(), 1e-6, "se(intercept)");
        assertEquals(63, f.cells());
        assertEquals(List.of(), f.infiniteTerms());
        assertEquals(List.of("Lists I and K have no case in common; the model does not contain their interaction",
                "Lists K and R have no case in common; the model does not contain their interaction"),
                e.warnings());
    }

    @Test
    void nedIndependenceWaldLogInterval() {
        // SparseMSE::estimatepopulation.0(z, method = "main"): n + exp(b0 +- 1.959964 se(b0))
        ConfidenceInterval ci = independence(NED).interval();
        assertEquals(PopulationInterval.WALD_LOG_UNOBSERVED, ci.method());
        assertEquals(0.95, ci.level());
        assertRel(48523.9032533741, ci.lower(), 1e-4, "lower");
        assertRel(57581.8547550448, ci.upper(), 1e-4, "upper");
    }

    @Test
    void ned5IndependenceModel() {
        // glm(count ~ ., family = poisson); SparseMSE::estimatepopulation.0(z, method = "main")
        Estimate e = independence(NED_5);
        ModelFit f = e.fit().orElseThrow();
        assertRel(52923.8942540601, e.estimate(), 1e-6, "N");
        assertRel(398.187068603525, f.deviance(), 1e-6, "deviance");
        assertEquals(25, f.degreesOfFreedom());
        assertRel(505.63456071755, f.aic(), 1e-6, "AIC");
        assertRel(10.7075026757144, f.coefficient("(Intercept)").estimate(), 1e-6, "intercept");
        assertRel(48594.5219740901, e.interval().lower(), 1e-4, "lower");
        assertRel(57717.6674739042, e.interval().upper(), 1e-4, "upper");
    }

    @Test
    void nedMultinomialProfile() {
        // Rcapture::closedpCI.t(z, dfreq = TRUE, m = "Mt")
        Estimate e = ProfileLikelihoodEstimator.withDefaults()
                .estimate(NED, LogLinearModel.mainEffects(NED.listNames())).orElseThrow();
        assertRel(52814.0812876975, e.estimate(), 1e-6, "multinomial N");
        assertTrue(e.estimate() < independence(NED).estimate(), "multinomial estimate below Poisson");
        assertEquals(PopulationInterval.PROFILE_LIKELIHOOD, e.interval().method());
        assertRel(48541.5779810742, e.interval().lower(), 2e-3, "lower");
        assertRel(57648.304613425, e.interval().upper(), 2e-3, "upper");
    }

    @Test
    void ned5MultinomialProfile() {
        // Rcapture::closedpCI.t(z, dfreq = TRUE, m = "Mt")
        Estimate e = ProfileLikelihoodEstimator.withDefaults()
                .estimate(NED_5, LogLinearModel.mainEffects(NED_5.listNames())).orElseThrow();
        assertRel(52914.4205809745, e.estimate(), 1e-6, "multinomial N");
        assertRel(48612.9140234386, e.interval().lower(), 2e-3, "lower");
        assertRel(57784.7986850048, e.interval().upper(), 2e-3, "upper");
    }

    @Test
    void nedStepwise() {
        // SparseMSE::estimatepopulation.0(z) (stepwise, pthresh 0.02); entry order from SparseMSE::stepwisefit
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(NED);
        assertEquals(List.of("O:Z", "P:Z", "I:Z", "P:R", "O:P", "K:R", "I:K", "K:O"),
                r.steps().stream().map(StepwiseSelection.Step::term).toList());
        Estimate e = r.outcome().orElseThrow();
        ModelFit f = e.fit().orElseThrow();
        assertRel(111139.371230396, e.estimate(), 1e-6, "N");
        assertRel(92439.8581114246, e.interval().lower(), 1e-4, "lower");
        assertRel(133991.467064263, e.interval().upper(), 1e-4, "upper");
        assertRel(55.6557096058167, f.deviance(), 1e-6, "deviance");
        assertEquals(26, f.degreesOfFreedom());
        assertRel(207.184861144466, f.aic(), 1e-6, "SparseMSE AIC");
        // MultipleSystemsEstimation BIC of the same model (docs/background/algorithms.md section 1.2)
        assertRel(312.4252691794, f.bic(), 1e-6, "MSE BIC");
        assertEquals(List.of("I:K", "K:R"), f.infiniteTerms());
        assertEquals(39, f.cells());
        assertEquals(0.0, f.fittedByMask()[0b000011], "I:K cell fitted as 0");
    }

    @Test
    void ned5Stepwise() {
        // SparseMSE::estimatepopulation.0(z)
        StepwiseSelection.Result r = StepwiseSelection.withDefaults().select(NED_5);
        assertEquals(List.of(List.of("IO", "K"), List.of("IO", "P"), List.of("IO", "Z"), List.of("K", "R"),
                List.of("P", "R"), List.of("P", "Z")), r.model().interactions());
        Estimate e = r.outcome().orElseThrow();
        ModelFit f = e.fit().orElseThrow();
        assertRel(121521.613712277, e.estimate(), 1e-6, "N");
        assertRel(98675.4322694885, e.interval().lower(), 1e-4, "lower");
        assertRel(150138.911262134, e.interval().upper(), 1e-4, "upper");
        assertRel(24.3395014692145, f.deviance(), 1e-6, "deviance");
        assertEquals(12, f.degreesOfFreedom());
        assertRel(143.786993583238, f.aic(), 1e-6, "AIC");
    }

    @Test
    void existenceCheckPasses() {
        // SparseMSE::checkident(z, mX) == 0 for main effects, all two-way and the stepwise model
        LogLinearModel stepwise = LogLinearModel.parse(NED.listNames(),
                "I + K + O + P + R + Z + O:Z + P:Z + I:Z + P:R + O:P + K:R + I:K + K:O");
        for (LogLinearModel m : List.of(LogLinearModel.mainEffects(NED.listNames()),
                LogLinearModel.allTwoWay(NED.listNames()), stepwise)) {
            assertEquals(ExistenceStatus.OK, ExistenceCheck.run(NED, m).status(), m.formula());
        }
        LogLinearModel stepwise5 = LogLinearModel.parse(NED_5.listNames(),
                "IO + K + P + R + Z + IO:Z + P:Z + P:R + IO:P + K:R + IO:K");
        for (LogLinearModel m : List.of(LogLinearModel.mainEffects(NED_5.listNames()),
                LogLinearModel.allTwoWay(NED_5.listNames()), stepwise5)) {
            assertEquals(ExistenceStatus.OK, ExistenceCheck.run(NED_5, m).status(), m.formula());
        }
        assertEquals(0, ExistenceCheck.run(NED, stepwise).status().code());
    }

    @Test
    void rcaptureClosedPopulationModels() {
        // Rcapture::closedp.t(z, dfreq = TRUE): Poisson estimates
        assertRel(67871.9439848274, ClosedPopulationModel.M0.estimate(NED).orElseThrow().estimate(), 1e-6, "M0");
        assertRel(52823.4639331113, ClosedPopulationModel.MT.estimate(NED).orElseThrow().estimate(), 1e-6, "Mt");
        assertRel(69436.5550247895, ClosedPopulationModel.MH_CHAO.estimate(NED).orElseThrow().estimate(), 1e-6,
                "Mh Chao");
        // printed by Rcapture to 6 significant digits: 54367.7
        assertEquals(54367.7, ClosedPopulationModel.MTH_CHAO.estimate(NED).orElseThrow().estimate(), 0.05,
                "Mth Chao");
        ModelFit mt = ClosedPopulationModel.MT.estimate(NED).orElseThrow().fit().orElseThrow();
        assertRel(584.408800284764, mt.aic(), 1e-6, "Mt AIC");
        assertRel(633.520990701072, mt.bic(), 1e-6, "Mt BIC");
    }

    /**
     * Rcapture's other heterogeneity rows of {@code closedp.t}: references computed independently by
     * {@code python3 monitor-indicators/src/test/python/heterogeneity_models.py} (direct maximisation of the
     * Poisson likelihood with scipy's trust-exact method, not IRLS).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MH_POISSON2, 77340.3225336204, 8072.0363049671, 60",
        "MTH_POISSON2, 62919.2164996679, 446.0380145381, 55",
        "MH_DARROCH, 93024.1228298582, 8071.6513288258, 60",
        "MTH_DARROCH, 82227.7333053176, 445.3581788370, 55",
        "MH_GAMMA35, 111036.5556785920, 8071.5482017824, 60",
        "MTH_GAMMA35, 105470.2814984544, 445.2058723558, 55"})
    void rcaptureHeterogeneityModels(ClosedPopulationModel model, double estimate, double deviance, int df) {
        Estimate e = model.estimate(NED).orElseThrow();
        assertRel(estimate, e.estimate(), 1e-6, model + " estimate");
        ModelFit fit = e.fit().orElseThrow();
        assertRel(deviance, fit.deviance(), 1e-6, model + " deviance");
        assertEquals(df, fit.degreesOfFreedom(), model + " df");
        assertTrue(e.interval().contains(e.estimate()));
        assertEquals(List.of(), e.warnings());
    }

    /** Issue 4: "users compare them side by side" -- Rcapture's closedp.t table. */
    @Test
    void rcaptureModelsSideBySide() {
        ClosedPopulationModel.Comparison c = ClosedPopulationModel.compare(NED, 0.95);
        assertEquals(List.of("M0", "Mt", "Mh Chao (LB)", "Mh Poisson2", "Mh Darroch", "Mh Gamma3.5", "Mth Chao (LB)",
                "Mth Poisson2", "Mth Darroch", "Mth Gamma3.5"), c.models().stream().map(ClosedPopulationModel::label)
                .toList());
        for (int i = 0; i < c.models().size(); i++) {
            assertEquals(c.models().get(i).estimate(NED), c.outcomes().get(i), c.models().get(i).label());
        }
        // Rcapture::closedp.t(z, dfreq = TRUE) abundances (see rcaptureClosedPopulationModels)
        String table = c.toString();
        assertTrue(table.contains("67,871.9"), table);
        assertTrue(table.contains("52,823.5"), table);
        assertTrue(table.contains("69,436.6"), table);
        assertTrue(table.lines().anyMatch(l -> l.strip().startsWith("Mth Chao (LB)") && l.contains("54,367.7")), table);
    }

    @Test
    void rcaptureMthChaoProfile() {
        // Rcapture::closedpCI.t(z, dfreq = TRUE, m = "Mth", h = "Chao"): 54357.2 (49698.1 - 59658.6), printed to
        // one decimal
        Estimate e = ProfileLikelihoodEstimator.withDefaults().estimate(NED, ClosedPopulationModel.MTH_CHAO)
                .orElseThrow();
        assertEquals(54357.2, e.estimate(), 0.05);
        assertRel(49698.1, e.interval().lower(), 2e-3, "lower");
        assertRel(59658.6, e.interval().upper(), 2e-3, "upper");
    }
}
