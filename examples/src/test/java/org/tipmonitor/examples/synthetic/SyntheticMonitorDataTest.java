package org.tipmonitor.examples.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipmonitor.model.AgeGroup;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The synthetic data follow the published margins they are built to follow (domain notes §2: registered victims
 * per year, the fall of non-investigative reports in 2018, the police-signal rise of 2018 driven by African
 * victims, offenders under 23), come from a true population larger than what is observed, and validate clean.
 */
class SyntheticMonitorDataTest {

    private static ValidatorFactory factory;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20191018L, 7L})
    void victimMarginsFollowThePublishedFigures(long seed) {
        SyntheticMonitorData data = SyntheticMonitorData.of(seed);
        Map<Integer, Integer> persons = new TreeMap<>();
        Map<Integer, Integer> nonInvestigative = new TreeMap<>();
        Validator validator = factory.getValidator();
        for (VictimHistory history : data.victimHistories()) {
            assertEquals(0, validator.validate(history).size(), () -> "invalid history " + history);
            int year = history.registrations().get(0).reportYear();
            persons.merge(year, 1, Integer::sum);
            for (Registration r : history.registrations()) {
                assertEquals(year, r.reportYear());
                if (r.reporterInvestigative() == YesNoUnknown.NO) {
                    nonInvestigative.merge(year, 1, Integer::sum);
                }
            }
        }
        int[] published = SyntheticMonitorData.PUBLISHED_REGISTERED;
        for (int year = 2014; year <= 2018; year++) {
            double expected = published[year - 2014];
            int observed = persons.get(year);
            // Binomial sampling error is about sqrt(n); allow 4 standard errors plus 3 % model slack.
            assertTrue(Math.abs(observed - expected) < 4 * Math.sqrt(expected) + 0.03 * expected,
                    year + ": " + observed + " registered, published " + expected);
            long truth = data.truth().truePopulation().get(year);
            assertTrue(truth > 4 * observed, year + ": true population " + truth + " vs observed " + observed);
        }
        double before = (nonInvestigative.get(2014) + nonInvestigative.get(2015) + nonInvestigative.get(2016)
                + nonInvestigative.get(2017)) / 4.0;
        assertTrue(before > 450 && before < 650, "non-investigative reports a year 2014-2017: " + before);
        assertTrue(nonInvestigative.get(2018) < 0.4 * before, "2018: " + nonInvestigative.get(2018));
    }

    @Test
    void sameSeedSameData() {
        List<VictimHistory> first = new ArrayList<>();
        data().victimHistories().forEach(first::add);
        List<VictimHistory> second = new ArrayList<>();
        data().victimHistories().forEach(second::add);
        assertEquals(first, second);
        assertEquals(data().truth(), data().truth());
    }

    @Test
    void scalingChangesTheSizeNotTheShape() {
        SyntheticMonitorData small = SyntheticMonitorData.of(3).withRegisteredVictims(513);
        int count = 0;
        for (VictimHistory ignored : small.victimHistories()) {
            count++;
        }
        assertTrue(count > 420 && count < 610, "about 513 registered victims: " + count);
        assertEquals(0.1, small.truth().scale(), 1e-3);
    }

    @Test
    void policeSignalsRiseIn2018OnlyBecauseOfAfricanVictims() {
        Map<Integer, Long> total = new TreeMap<>();
        Map<Integer, Long> withoutAfrican = new TreeMap<>();
        for (PoliceSignalCount cell : data().policeSignals()) {
            total.merge(cell.year(), cell.count(), Long::sum);
            if (cell.origin() != VictimOriginGroup.AFRICAN) {
                withoutAfrican.merge(cell.year(), cell.count(), Long::sum);
            }
        }
        for (int year = 2014; year <= 2017; year++) {
            assertTrue(total.get(year) < total.get(year - 1), "fall in " + year + ": " + total);
        }
        assertTrue(total.get(2018) > total.get(2017), "rise in 2018: " + total);
        assertTrue(withoutAfrican.get(2018) < withoutAfrican.get(2017), "without African victims: " + withoutAfrican);
    }

    @Test
    void offendersUnder23() {
        int all = 0;
        int under23 = 0;
        int domestic = 0;
        int domesticUnder23 = 0;
        Validator validator = factory.getValidator();
        for (OffenderHistory history : data().offenderHistories()) {
            assertEquals(0, validator.validate(history).size(), () -> "invalid history " + history);
            OffenderCase c = history.cases().get(0);
            AgeGroup group = history.offender().ageGroupAt(c.offenceDate());
            all++;
            under23 += group.isUnder23() ? 1 : 0;
            if (c.form() == ExploitationForm.DOMESTIC_SEXUAL) {
                domestic++;
                domesticUnder23 += group.isUnder23() ? 1 : 0;
            }
        }
        assertEquals(980, all, "250 + 220 + 200 + 170 + 140 cases");
        assertTrue(under23 > 0.2 * all && under23 < 0.32 * all, "about a quarter under 23: " + under23);
        double share = (double) domesticUnder23 / domestic;
        assertTrue(share > 0.33 && share < 0.45, "almost four in ten: " + share);
    }

    private static SyntheticMonitorData data() {
        return SyntheticMonitorData.of(20191018L);
    }
}
