package org.tipmonitor.indicators.police;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.Change;
import org.tipmonitor.indicators.trends.Direction;
import org.tipmonitor.indicators.trends.GroupContribution;
import org.tipmonitor.indicators.trends.PoissonTrendFit;
import org.tipmonitor.indicators.trends.Streak;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.testing.ModelValidators;

/**
 * Re-derives the police statements of the letter to parliament of 28 November 2019 from
 * {@link LetterPoliceSignals}. Trend references: the Poisson likelihood maximised directly with scipy 1.17.1
 * {@code optimize.minimize(nll, x0, jac=grad, method="BFGS", options={"gtol": 1e-12})} (not IRLS), standard errors
 * from the inverse Fisher information, the quasi-Poisson interval with the t quantile and Pearson dispersion, as
 * R {@code glm(y ~ I(year - y0), family = poisson)} and {@code quasipoisson} do; relative tolerance 1e-6. Wilson:
 * scipy {@code binomtest(70, 95).proportion_ci(method="wilson")}, absolute tolerance 1e-9.
 */
class LetterPoliceSignalsTest {

    private static final YearRange PERIOD = YearRange.of(2012, 2018);
    private static final List<PoliceSignalCount> CELLS = LetterPoliceSignals.cells();
    private static final PoliceSignals REPORTS = PoliceSignals.of(PoliceSeries.REPORTS_FILED, PERIOD)
            .withDatasetId("letter-synthetic");

    @Test
    void theSyntheticCellsAreValid() {
        for (PoliceSignalCount cell : CELLS) {
            assertEquals(Set.of(), ModelValidators.ruleCodes(cell), cell::toString);
        }
    }

    /** "in 2018 voor het eerst in vijf jaar iets gestegen": 279 to 318, the last increase was 2012 to 2013. */
    @Test
    void policeReportsRoseForTheFirstTimeInFiveYears() {
        assertEquals(AnnualSeries.of(2012, 380, 402, 369, 336, 306, 279, 318), REPORTS.total(CELLS));
        PoliceSignalChange change = REPORTS.changeInto(CELLS, 2018, PoliceDimension.ORIGIN);
        assertEquals(new Change(2017, 2018, 279, 318), change.change());
        assertEquals(Direction.INCREASE, change.change().direction());
        assertEquals(5, change.yearsSinceLast().getAsInt());
        assertEquals(new Streak(Direction.DECREASE, 2013, 2017), change.streakBefore().orElseThrow());
        assertTrue(change.isFirstInYears(5));
        assertFalse(change.isFirstInYears(6));
        assertEquals("letter-synthetic", change.provenance().datasetId());
        assertEquals("reports_filed", change.provenance().definitions().get(PoliceSignals.SERIES));
    }

    /** "Dit komt echter door een forse toename van slechts een specifieke groep: Afrikaanse slachtoffers". */
    @Test
    void theIncreaseIsDueToAfricanVictimsOnly() {
        PoliceSignalChange change = REPORTS.changeInto(CELLS, 2018, PoliceDimension.ORIGIN);
        GroupContribution african = change.soleDriver().orElseThrow();
        assertEquals("african", african.group());
        assertEquals(65, african.contribution());
        assertEquals(new Change(2017, 2018, 249, 223), african.totalWithout());
        assertEquals(-15, change.decomposition().contribution("dutch").contribution());
        assertEquals(-10, change.decomposition().contribution("eu").contribution());
        assertEquals(39, change.decomposition().contributions().stream()
                .mapToLong(GroupContribution::contribution).sum());
    }

    /** African victims "hebben vaak [...] een Dublinstatus": 70 of the 95 African reports of 2018, 0.737. */
    @Test
    void mostAfricanReportsOf2018ConcernDublinClaimants() {
        CountTable african = REPORTS.withRestriction(PoliceDimension.ORIGIN, "african")
                .table(CELLS, PoliceDimension.YEAR, PoliceDimension.DUBLIN_STATUS);
        long dublin = african.count("2018", "dublin");
        long all = african.count(african.dimensions().get(0).indexOf("2018"), CountTable.ALL);
        Share share = assertInstanceOf(Share.class, ShareEstimator.withDefaults().estimate(dublin, all));
        assertEquals(70, dublin);
        assertEquals(95, all);
        assertEquals(0.6403397907589585, share.lower(), 1e-9);
        assertEquals(0.8149347523012911, share.upper(), 1e-9);
        assertEquals("african", african.provenance().definitions().get("restriction.origin"));
    }

    /**
     * "Het aantal politiemeldingen van Nederlandse en Europese slachtoffers [...] daalde de afgelopen vijf jaar
     * daarentegen juist fors": Dutch 210 to 115 (&minus;45%) and EU 125 to 75 (&minus;40%) from 2013 to 2018; the Poisson
     * trend of the Dutch reports 2013-2018 falls by 11.4% a year (95% CI 8.0% to 14.7%).
     */
    @Test
    void reportsOfDutchAndEuVictimsFellSharply() {
        Map<String, Change> changes = REPORTS.byGroup(CELLS, PoliceDimension.ORIGIN).changes(2013, 2018);
        assertEquals(-95.0 / 210, changes.get("dutch").relative().orElseThrow(), 1e-15);
        assertEquals(-0.4, changes.get("eu").relative().orElseThrow(), 1e-15);
        PoissonTrendFit dutch = assertInstanceOf(PoissonTrendFit.class,
                PoliceSignals.of(PoliceSeries.REPORTS_FILED, YearRange.of(2013, 2018))
                        .trendByGroup(CELLS, PoliceDimension.ORIGIN).get("dutch"));
        assertRelative(5.361590889512701, dutch.intercept(), 1e-6);
        assertRelative(-0.12098982803382913, dutch.slope(), 1e-6);
        assertRelative(0.019104272424836123, dutch.slopeStandardError(), 1e-6);
        assertRelative(0.14710837919938538, dutch.pearsonChiSquare(), 1e-6);
        assertRelative(-0.11395702765382255, dutch.annualChange().estimate(), 1e-6);
        assertRelative(-0.14652029359015242, dutch.annualChange().lower(), 1e-6);
        assertRelative(-0.08015135808390124, dutch.annualChange().upper(), 1e-6);
        assertTrue(dutch.annualChange().excludesZero());
        assertEquals("dutch", dutch.provenance().definitions().get("group"));
    }

    /** The total's trend 2012-2018 falls by 5.1% a year; the Pearson dispersion is 1.72 on 5 df. */
    @Test
    void totalTrend() {
        PoissonTrendFit total = assertInstanceOf(PoissonTrendFit.class, REPORTS.trend(CELLS));
        assertRelative(5.983441497197324, total.intercept(), 1e-6);
        assertRelative(-0.05189433834066226, total.slope(), 1e-6);
        assertRelative(0.010261959078050444, total.slopeStandardError(), 1e-6);
        assertRelative(8.616626646868683, total.pearsonChiSquare(), 1e-6);
        assertRelative(1.7233253293737367, total.dispersion(), 1e-6);
        assertRelative(-0.0694759980427752, total.annualChange().lower(), 1e-6);
        assertRelative(-0.03128155150151682, total.annualChange().upper(), 1e-6);
        assertRelative(-0.08288625014003925, total.quasiAnnualChange().lower(), 1e-6);
        assertRelative(-0.017116723411632874, total.quasiAnnualChange().upper(), 1e-6);
        assertEquals("letter-synthetic", total.provenance().datasetId());
        assertEquals("reports_filed", total.provenance().definitions().get(PoliceSignals.SERIES));
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance, () -> "expected " + expected);
    }
}
