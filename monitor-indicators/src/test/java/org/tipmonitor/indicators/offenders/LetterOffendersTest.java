package org.tipmonitor.indicators.offenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareDifference;
import org.tipmonitor.indicators.shares.ShareDifferenceEstimator;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.testing.ModelValidators;

/**
 * Re-derives "bijna vier op de tien daders van binnenlandse seksuele uitbuiting jonger is dan 23 jaar" (letter to
 * parliament of 28 November 2019) from the synthetic offenders {@link LetterOffenders}. References: scipy 1.17.1
 * {@code binomtest(x, n).proportion_ci(method="wilson")}; Newcombe's hybrid score interval recomputed in Python from
 * those Wilson limits, {@code d -+ sqrt((p1 - l1)**2 + (u2 - p2)**2)} and {@code d + sqrt((u1 - p1)**2 + (p2 - l2)**2)}
 * (Newcombe 1998, method 10). Absolute tolerance 1e-9.
 */
class LetterOffendersTest {

    private static final YearRange PERIOD = YearRange.of(2013, 2017);
    private static final List<OffenderHistory> OFFENDERS = LetterOffenders.histories();

    @Test
    void theSyntheticOffendersAreValid() {
        for (OffenderHistory h : OFFENDERS) {
            assertEquals(Set.of(), ModelValidators.ruleCodes(h), () -> h.offender().key().value());
        }
    }

    /** 57 of the 147 offenders of known age were under 23 at the offence: 0.388, Wilson 0.313 to 0.468. */
    @Test
    void almostFourInTenOffendersOfDomesticSexualExploitationAreUnder23() {
        Share under23 = assertInstanceOf(Share.class, YoungOffenderShareEstimator.of(PERIOD)
                .withDatasetId("letter-synthetic").estimate(OFFENDERS, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(57, under23.successes());
        assertEquals(147, under23.trials());
        assertEquals(3, under23.unknown());
        assertEquals(0.3128059665410099, under23.lower(), 1e-9);
        assertEquals(0.46842128849881814, under23.upper(), 1e-9);
        assertTrue(under23.estimate() > 0.35 && under23.estimate() < 0.4, "almost four in ten");
        assertEquals("age-at-offence", under23.provenance().definitions().get("ageRule"));
        assertEquals("23", under23.provenance().definitions().get("ageCut"));
        assertEquals("persons", under23.provenance().definitions().get("countingUnit"));
        assertEquals("letter-synthetic", under23.provenance().datasetId());
        assertEquals("2013-2017", under23.provenance().period());
    }

    /** The age rule and the counting unit are the caller's, and they matter: 45/147 at registration, 57/157 cases. */
    @Test
    void ageRuleAndCountingUnitChangeTheShare() {
        Share atRegistration = assertInstanceOf(Share.class, YoungOffenderShareEstimator.of(PERIOD)
                .withAgeRule(OffenderAgeRule.AT_PROSECUTOR_REGISTRATION)
                .estimate(OFFENDERS, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(45, atRegistration.successes());
        assertEquals(147, atRegistration.trials());
        assertEquals(0.2373453650632678, atRegistration.lower(), 1e-9);
        assertEquals(0.3847744390964351, atRegistration.upper(), 1e-9);
        assertEquals("age-at-prosecutor-registration", atRegistration.provenance().definitions().get("ageRule"));
        Share cases = assertInstanceOf(Share.class, YoungOffenderShareEstimator.of(PERIOD)
                .withCountingUnit(CountingUnit.CASES).estimate(OFFENDERS, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(57, cases.successes());
        assertEquals(157, cases.trials());
        assertEquals(0.29193928402112346, cases.lower(), 1e-9);
        assertEquals(0.44071670955615216, cases.upper(), 1e-9);
    }

    /** Domestic sexual (57/147) against criminal exploitation (20/100): difference 0.188, Newcombe 0.072 to 0.292. */
    @Test
    void youngerOffendersInDomesticSexualThanInCriminalExploitation() {
        YoungOffenderShareEstimator estimator = YoungOffenderShareEstimator.of(PERIOD);
        Share sexual = (Share) estimator.estimate(OFFENDERS, ExploitationForm.DOMESTIC_SEXUAL);
        Share criminal = (Share) estimator.estimate(OFFENDERS, ExploitationForm.CRIMINAL);
        assertEquals(0.2, criminal.estimate(), 1e-15);
        assertEquals(0.1333669333310325, criminal.lower(), 1e-9);
        assertEquals(0.2888291655931589, criminal.upper(), 1e-9);
        ShareDifference d = ShareDifferenceEstimator.withDefaults().estimate(sexual, criminal);
        assertEquals(0.1877551020408163, d.difference(), 1e-12);
        assertEquals(0.07153120788756918, d.lower(), 1e-9);
        assertEquals(0.29238301041801834, d.upper(), 1e-9);
        assertTrue(d.excludesZero());
    }
}
