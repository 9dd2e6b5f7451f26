package org.tipmonitor.indicators.followup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;

class KaplanMeierTest {

    private static final Provenance PROVENANCE = Provenance.of("kaplan-meier");

    /**
     * Reference: statsmodels 0.15.0, {@code SurvfuncRight(t, e)} (surv_times, n_risk, n_events, surv_prob,
     * surv_prob_se = Greenwood); the log-log bounds computed from its standard error as
     * {@code s ** exp(±1.959963984540054 * se / (s * abs(log(s))))} with scipy 1.17.1's norm.ppf(0.975). Command:
     * {@code python3 km.py} with t and e as below. Tolerance 1e-12 relative.
     */
    private static final double[][] STATSMODELS = {
        {30, 20, 1, 0.95, 0.04873397172404482, 0.6947431932565701, 0.9928022285933972},
        {45, 19, 1, 0.9, 0.06708203932499368, 0.6560307072615668, 0.974010174395775},
        {60, 17, 1, 0.8470588235294118, 0.08138831992360934, 0.5967951787980812, 0.9480246414001453},
        {90, 16, 2, 0.7411764705882353, 0.09988187609163932, 0.48508168372452154, 0.8833751494680956},
        {150, 12, 1, 0.6794117647058824, 0.10899500191148823, 0.41815707672684727, 0.842522697446639},
        {180, 11, 1, 0.6176470588235294, 0.11526569100869782, 0.35722485844373136, 0.7980856345409518},
        {200, 10, 1, 0.5558823529411765, 0.1191435957895657, 0.3009450258185659, 0.7504088255788327},
        {365, 8, 1, 0.4863970588235294, 0.1228530731954457, 0.23872786101182197, 0.6958393495297489},
        {400, 7, 1, 0.4169117647058824, 0.12339816503036745, 0.18306233710531736, 0.6371220025145853},
        {730, 4, 1, 0.31268382352941176, 0.12927817121869073, 0.0968907617748215, 0.5604424401654818}};

    @Test
    void curveEqualsStatsmodelsWithTiesAndCensoring() {
        int[] t = {30, 45, 45, 60, 90, 90, 90, 120, 150, 180, 200, 200, 365, 400, 400, 500, 730, 730, 800, 900};
        int[] e = {1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0};
        boolean[] events = new boolean[e.length];
        for (int i = 0; i < e.length; i++) {
            events[i] = e[i] == 1;
        }
        // Shuffled input gives the same curve.
        int[] order = {7, 19, 0, 3, 12, 5, 1, 16, 9, 2, 14, 18, 4, 11, 6, 17, 10, 13, 8, 15};
        int[] ts = new int[t.length];
        boolean[] es = new boolean[t.length];
        for (int i = 0; i < order.length; i++) {
            ts[i] = t[order[i]];
            es[i] = events[order[i]];
        }
        KaplanMeierCurve curve = KaplanMeier.withDefaults().estimate(ts, es, PROVENANCE);
        assertEquals(STATSMODELS.length, curve.times().length);
        for (int j = 0; j < STATSMODELS.length; j++) {
            double[] row = STATSMODELS[j];
            assertEquals((int) row[0], curve.times()[j]);
            assertEquals((long) row[1], curve.atRisk()[j]);
            assertEquals((long) row[2], curve.events()[j]);
            assertEquals(row[3], curve.survival()[j], 1e-12 * row[3]);
            assertEquals(row[4], curve.standardError()[j], 1e-12 * row[4]);
            assertEquals(row[5], curve.lower()[j], 1e-12 * row[5]);
            assertEquals(row[6], curve.upper()[j], 1e-12 * row[6]);
        }
        assertEquals(20, curve.subjects());
        assertEquals(9, curve.censored());
        assertEquals(1.0, curve.survivalAt(29));
        assertEquals(0.9, curve.survivalAt(59), 1e-15);
        assertEquals(0.31268382352941176, curve.survivalAt(10_000), 1e-15);
        double[] share = curve.eventShareBy(365);
        assertEquals(1 - 0.4863970588235294, share[0], 1e-12);
        assertEquals(1 - 0.6958393495297489, share[1], 1e-12);
        assertEquals(1 - 0.23872786101182197, share[2], 1e-12);
    }

    @Test
    void edgeCases() {
        KaplanMeier km = KaplanMeier.withDefaults();
        KaplanMeierCurve empty = km.estimate(new int[0], new boolean[0], PROVENANCE);
        assertEquals(0, empty.times().length);
        assertEquals(1.0, empty.survivalAt(100));
        KaplanMeierCurve censoredOnly = km.estimate(new int[] {5, 9}, new boolean[] {false, false}, PROVENANCE);
        assertEquals(0, censoredOnly.times().length);
        assertEquals(2, censoredOnly.censored());
        KaplanMeierCurve allEvents = km.estimate(new int[] {3, 3}, new boolean[] {true, true}, PROVENANCE);
        assertArrayEquals(new double[] {0}, allEvents.survival());
        assertArrayEquals(new double[] {0}, allEvents.standardError());
        KaplanMeierCurve one = km.estimate(new int[] {0}, new boolean[] {true}, PROVENANCE);
        assertArrayEquals(new int[] {0}, one.times());
        assertEquals(0.0, one.survivalAt(0));
        assertThrows(IndicatorException.class, () -> km.estimate(new int[] {1}, new boolean[0], PROVENANCE));
        assertThrows(IndicatorException.class, () -> km.estimate(new int[] {-1}, new boolean[] {true}, PROVENANCE));
        assertThrows(IndicatorException.class, () -> km.withConfidenceLevel(1.0));
    }

    static Stream<Named<Long>> seeds() {
        return LongStream.rangeClosed(1, 20).mapToObj(seed -> Named.of("seed " + seed, seed));
    }

    /** Properties over seeded random samples with ties and censoring. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void curveIsAStepDownFunctionInsideItsBoundsAndCountsEverySubject(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(200);
        int[] t = new int[n];
        boolean[] e = new boolean[n];
        long eventCount = 0;
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(50);
            e[i] = random.nextDouble() < 0.6;
            eventCount += e[i] ? 1 : 0;
        }
        KaplanMeierCurve curve = KaplanMeier.withDefaults().estimate(t, e, PROVENANCE);
        assertEquals(eventCount, Arrays.stream(curve.events()).sum());
        assertEquals(n - eventCount, curve.censored());
        double previous = 1;
        for (int j = 0; j < curve.times().length; j++) {
            double s = curve.survival()[j];
            assertTrue(s <= previous && s >= 0, "non-increasing in [0, 1]");
            assertTrue(curve.lower()[j] <= s + 1e-15 && s <= curve.upper()[j] + 1e-15, "inside its bounds");
            assertTrue(curve.lower()[j] >= 0 && curve.upper()[j] <= 1);
            previous = s;
        }
    }

    /** Without censoring the product-limit estimate is the empirical survival function, exactly up to rounding. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void withoutCensoringTheCurveIsTheEmpiricalSurvival(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(100);
        int[] t = new int[n];
        boolean[] e = new boolean[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(30);
            e[i] = true;
        }
        KaplanMeierCurve curve = KaplanMeier.withDefaults().estimate(t, e, PROVENANCE);
        for (int day = 0; day < 30; day++) {
            int d = day;
            long later = Arrays.stream(t).filter(x -> x > d).count();
            assertEquals((double) later / n, curve.survivalAt(day), 1e-12);
        }
    }
}
