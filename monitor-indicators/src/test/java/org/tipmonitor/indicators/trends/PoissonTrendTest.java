package org.tipmonitor.indicators.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

/**
 * Reference values from Python statsmodels 0.13.5 (Debian python3-statsmodels), scipy 1.10.1:
 * <pre>
 *   X = sm.add_constant(years - y0)
 *   r  = sm.GLM(y, X, family=sm.families.Poisson()).fit(tol=1e-14)              # R: glm(y ~ I(year - y0), poisson)
 *   rq = sm.GLM(y, X, family=sm.families.Poisson()).fit(scale='X2', tol=1e-14)  # quasi-Poisson standard errors
 *   phi = r.pearson_chi2 / df;  p = scipy.stats.chi2.sf(r.pearson_chi2, df)
 *   CI: np.expm1(b -+ scipy.stats.norm.ppf(0.975) * r.bse[1]); quasi: np.expm1(b -+ scipy.stats.t.ppf(0.975, df) * rq.bse[1])
 * </pre>
 * cross-checked by an independent numpy Newton iteration on the score equations (coefficients agree to 1e-14).
 * Relative tolerance 1e-9 on coefficients, 1e-7 on standard errors and intervals.
 */
class PoissonTrendTest {

    @Test
    void registrations2014To2018AreOverdispersed() {
        // 2014 and 2018 as the NRM press release of 18-10-2019 published them; 2015-2017 synthetic (1,321, 952, 958).
        AnnualSeries series = AnnualSeries.of(2014, 1255, 1321, 952, 958, 668);
        PoissonTrendFit fit = assertInstanceOf(PoissonTrendFit.class, PoissonTrend.withDefaults().fit(series));
        assertEquals(2014, fit.referenceYear());
        assertRelative(7.216664289112392, fit.intercept(), 1e-9);
        assertRelative(-0.15056692313684603, fit.slope(), 1e-9);
        assertRelative(0.021984436729526075, fit.interceptStandardError(), 1e-7);
        assertRelative(0.009994545842108706, fit.slopeStandardError(), 1e-7);
        assertRelative(47.72393215428853, fit.deviance(), 1e-9);
        assertRelative(48.219732275524876, fit.pearsonChiSquare(), 1e-9);
        assertEquals(3, fit.degreesOfFreedom());
        assertRelative(16.073244091841627, fit.dispersion(), 1e-9);
        assertRelative(1.912107989083174e-10, fit.dispersionPValue(), 1e-4);
        assertRelative(0.04006958406455448, fit.quasiSlopeStandardError(), 1e-7);
        assertRelative(-0.13977984055041506, fit.annualChange().estimate(), 1e-9);
        assertRelative(-0.15646667774574322, fit.annualChange().lower(), 1e-7);
        assertRelative(-0.1227629031346958, fit.annualChange().upper(), 1e-7);
        assertRelative(-0.24276847199684212, fit.quasiAnnualChange().lower(), 1e-7);
        assertRelative(-0.022784055657567158, fit.quasiAnnualChange().upper(), 1e-7);
        assertTrue(fit.isOverdispersed(0.05));
        assertTrue(fit.quasiAnnualChange().excludesZero());
        assertEquals(Math.exp(7.216664289112392 - 4 * 0.15056692313684603), fit.fitted(2018), 1e-6);
        assertEquals("poisson-loglinear-irls", fit.provenance().method());
    }

    @Test
    void smallCountsWithAZero() {
        AnnualSeries series = AnnualSeries.of(2010, 3, 0, 5, 4, 9, 7, 12);
        PoissonTrendFit fit = (PoissonTrendFit) PoissonTrend.withDefaults().fit(series);
        assertRelative(0.6610134188520184, fit.intercept(), 1e-9);
        assertRelative(0.3020062046409261, fit.slope(), 1e-9);
        assertRelative(0.3959741155154745, fit.interceptStandardError(), 1e-7);
        assertRelative(0.08800884842804794, fit.slopeStandardError(), 1e-7);
        assertRelative(7.66383077938002, fit.deviance(), 1e-9);
        assertRelative(5.269378360533392, fit.pearsonChiSquare(), 1e-9);
        assertRelative(1.0538756721066784, fit.dispersion(), 1e-9);
        assertRelative(0.38389704271594205, fit.dispersionPValue(), 1e-7);
        assertRelative(0.3525696188922598, fit.annualChange().estimate(), 1e-9);
        assertRelative(0.13827280639710363, fit.annualChange().lower(), 1e-7);
        assertRelative(0.6072109986892927, fit.annualChange().upper(), 1e-7);
        assertRelative(0.07224860995865902, fit.quasiAnnualChange().lower(), 1e-7);
        assertRelative(0.7061757478248332, fit.quasiAnnualChange().upper(), 1e-7);
        assertFalse(fit.isOverdispersed(0.05));
    }

    @Test
    void referenceYearShiftsInterceptOnly() {
        AnnualSeries series = AnnualSeries.of(2010, 3, 0, 5, 4, 9, 7, 12);
        PoissonTrendFit first = (PoissonTrendFit) PoissonTrend.withDefaults().fit(series);
        PoissonTrendFit shifted = (PoissonTrendFit) PoissonTrend.withDefaults().withReferenceYear(2016).fit(series);
        assertEquals(first.slope(), shifted.slope(), 1e-10);
        assertEquals(first.intercept() + 6 * first.slope(), shifted.intercept(), 1e-10);
        assertEquals(first.fitted(2013), shifted.fitted(2013), 1e-9);
    }

    @Test
    void nonExistentEstimatesAreTypedOutcomes() {
        PoissonTrend trend = PoissonTrend.withDefaults();
        assertEquals("All counts are zero",
                ((TrendNotEstimable) trend.fit(AnnualSeries.of(2015, 0, 0, 0))).reason());
        assertFalse(trend.fit(AnnualSeries.of(2015, 4, 0, 0, 0)).isEstimable());
        assertFalse(trend.fit(AnnualSeries.of(2015, 0, 0, 7)).isEstimable());
        // a single positive year in the middle is estimable (slope 0)
        PoissonTrendFit middle = (PoissonTrendFit) trend.fit(AnnualSeries.of(2015, 0, 6, 0));
        assertEquals(0, middle.slope(), 1e-8);
        assertEquals(2, middle.fitted(2016), 1e-8);
    }

    @Test
    void resultsCarryTheCallersDefinitions() {
        PoissonTrendFit fit = (PoissonTrendFit) PoissonTrend.withDefaults()
                .withProvenance(org.tipmonitor.indicators.Provenance.of("police")
                        .withDataset("police-signals-synthetic", "2010-2016")
                        .withDefinition("countingUnit", "registrations"))
                .fit(AnnualSeries.of(2010, 3, 0, 5, 4, 9, 7, 12));
        assertEquals("poisson-loglinear-irls", fit.provenance().method());
        assertEquals("police-signals-synthetic", fit.provenance().datasetId());
        assertEquals("registrations", fit.provenance().definitions().get("countingUnit"));
        assertEquals("2010-2016", fit.provenance().definitions().get("seriesYears"));
        assertEquals("2010", fit.provenance().definitions().get("referenceYear"));
    }

    @Test
    void rejectsInvalidArguments() {
        assertEquals("TM-IN-0214: Number of years is less than 3: 2", assertThrows(IndicatorException.class,
                () -> PoissonTrend.withDefaults().fit(AnnualSeries.of(2015, 1, 2))).getMessage());
        assertEquals("TM-IN-0003: Confidence level is not in (0, 1): 1.5", assertThrows(IndicatorException.class,
                () -> PoissonTrend.withDefaults().withConfidenceLevel(1.5)).getMessage());
        PoissonTrendFit fit = (PoissonTrendFit) PoissonTrend.withDefaults().fit(AnnualSeries.of(2015, 1, 2, 3));
        assertThrows(IndicatorException.class, () -> fit.isOverdispersed(0));
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance, () -> "expected " + expected);
    }
}
