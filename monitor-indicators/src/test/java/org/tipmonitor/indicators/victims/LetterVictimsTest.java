package org.tipmonitor.indicators.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.trends.Change;
import org.tipmonitor.indicators.trends.GroupSeries;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelValidators;

/**
 * Re-derives the victim statements of the Nationaal Rapporteur's letter to parliament of 28 November 2019
 * (published at https://www.nationaalrapporteur.nl/publicaties/brieven/2019/12/03/brief-ao-mensenhandel;
 * a copy in docs/background/seed-letter-2019-nl.txt) from the synthetic register {@link LetterVictims}, each as one
 * call on validated model records. Wilson references: scipy 1.17.1 {@code binomtest(x, n).proportion_ci(method="wilson")},
 * absolute tolerance 1e-9.
 */
class LetterVictimsTest {

    private static final YearRange PERIOD = YearRange.of(2014, 2018);
    private static List<VictimHistory> register;

    @BeforeAll
    static void build() {
        register = LetterVictims.histories();
    }

    @Test
    void theSyntheticRegisterIsValid() {
        for (VictimHistory h : register) {
            assertEquals(java.util.Set.of(), ModelValidators.ruleCodes(h), () -> h.victim().key().value());
        }
    }

    /**
     * "Het aantal geregistreerde slachtoffers van mensenhandel is de afgelopen jaren bijna gehalveerd": 1,255
     * registrations in 2014, 668 in 2018 (the Rapporteur's press release of 18 October 2019 on the Victims Monitor
     * 2014-2018,
     * https://www.dutchrapporteur.nl/latest/news/2019/10/18/effective-measures-against-human-trafficking-on-shaky-ground;
     * docs/background/domain.md 2.1, source S1); ratio 668 / 1255 = 0.5323, change &minus;46.8%. Counting persons (each
     * victim once a year) gives the same picture: 1,130 to 602 (n &minus; &lfloor;n/10&rfloor;).
     */
    @Test
    void registrationsAlmostHalved() {
        AnnualSeries registrations = VictimTabulation.of(CountingUnit.REGISTRATIONS, PERIOD).annualSeries(register);
        assertEquals(AnnualSeries.of(2014, LetterVictims.REGISTRATIONS), registrations);
        Change change = registrations.overall();
        assertEquals(-587, change.absolute());
        assertEquals(668.0 / 1255, change.ratio().orElseThrow(), 1e-15);
        assertTrue(change.ratio().orElseThrow() > 0.5 && change.ratio().orElseThrow() < 0.6, "almost halved");
        AnnualSeries persons = VictimTabulation.of(CountingUnit.PERSONS, PERIOD).annualSeries(register);
        assertEquals(AnnualSeries.of(2014, 1130, 1035, 857, 861, 602), persons);
        assertEquals(602.0 / 1130, persons.overall().ratio().orElseThrow(), 1e-15);
    }

    /**
     * "organisaties [besluiten] in veel gevallen geen melding te maken": reports of non-investigative organisations
     * fell from about 550 a year (2014-2017) to 150 in 2018 (the same press release of 18 October 2019, S1 in
     * docs/background/domain.md 2.3), while investigative authorities went on reporting. Per group: non-investigative
     * 560 &rarr; 150 (&minus;73%), investigative 695 &rarr; 518.
     */
    @Test
    void nonInvestigativeReportsCollapsedAfterTheGdpr() {
        GroupSeries byStatus = VictimTabulation.of(CountingUnit.REGISTRATIONS, PERIOD)
                .seriesByGroup(register, VictimDimension.INVESTIGATIVE_REPORTER);
        Map<String, Change> changes = byStatus.changes(2017, 2018);
        assertEquals(new Change(2017, 2018, 550, 150), changes.get("no"));
        assertEquals(new Change(2017, 2018, 406, 518), changes.get("yes"));
        assertEquals(-400, byStatus.decompose(2017, 2018).largestContributor().contribution());

        LegalBasisComparison gdpr = LegalBasisEffect.of(PERIOD).withDatasetId("letter-synthetic").compare(register);
        assertEquals(2300, gdpr.before());
        assertEquals(50, gdpr.after());
        assertEquals(1605, gdpr.daysBefore());
        assertEquals(221, gdpr.daysAfter());
        assertEquals(2300 * 365.25 / 1605, gdpr.annualRateBefore(), 1e-9);
        assertEquals(50 * 365.25 / 221, gdpr.annualRateAfter(), 1e-9);
        // R poisson.test(c(50, 2300), c(221, 1605)) interval, here with the default Wilson method; see RateRatioTest
        RateRatio ratio = gdpr.rateRatio().orElseThrow();
        assertEquals(0.1578792051937832, ratio.estimate(), 1e-12);
        assertEquals(0.11940979376310479, ratio.lower(), 1e-9);
        assertEquals(0.2087420356999417, ratio.upper(), 1e-9);
        assertTrue(ratio.upper() < 0.25, "the rate fell to less than a quarter");
        // consent: 40 of 50 after; 460 of the 920 with a known basis before, 1,380 of unknown basis
        Share after = assertInstanceOf(Share.class, gdpr.consentAfter());
        assertEquals(0.8, after.estimate(), 1e-15);
        assertEquals(0.6696289406777458, after.lower(), 1e-9);
        assertEquals(0.8875624998422389, after.upper(), 1e-9);
        Share before = assertInstanceOf(Share.class, gdpr.consentBefore());
        assertEquals(920, before.trials());
        assertEquals(1380, before.unknown());
        assertEquals(0.46775819319255657, before.lower(), 1e-9);
        assertEquals(0.5322418068074434, before.upper(), 1e-9);
        assertEquals(AnnualSeries.of(2014, LetterVictims.NON_INVESTIGATIVE), gdpr.nonInvestigativeByYear());
        assertEquals("letter-synthetic", gdpr.provenance().datasetId());
        assertEquals("2018-05-25", gdpr.provenance().definitions().get("cutDate"));
    }

    /**
     * "bijna de helft van het totaal aantal slachtoffers van deze vorm [binnenlandse seksuele uitbuiting]" are minors:
     * 440 minors, 520 adults and 40 of unknown age among the 1,000 victims of domestic sexual exploitation;
     * 440 / 960 = 0.458 (Wilson 0.4270 to 0.4900), or 440 / 1000 = 0.44 with the unknowns in the denominator.
     */
    @Test
    void almostHalfOfTheVictimsOfDomesticSexualExploitationAreMinors() {
        MinorShareEstimator estimator = MinorShareEstimator.of(PERIOD).withDatasetId("letter-synthetic");
        Share minors = assertInstanceOf(Share.class, estimator.estimate(register, ExploitationForm.DOMESTIC_SEXUAL));
        assertEquals(440, minors.successes());
        assertEquals(960, minors.trials());
        assertEquals(40, minors.unknown());
        assertEquals(0.42704306400308945, minors.lower(), 1e-9);
        assertEquals(0.48995573360218914, minors.upper(), 1e-9);
        assertTrue(minors.estimate() > 0.4 && minors.upper() < 0.5, "almost half, and less than half");
        assertEquals("persons", minors.provenance().definitions().get("countingUnit"));
        assertEquals(MinorShareEstimator.PERSON_AGE_RULE, minors.provenance().definitions().get("ageRule"));
        assertEquals("wilson", minors.provenance().method());
        assertEquals("2014-2018", minors.provenance().period());
    }
}
