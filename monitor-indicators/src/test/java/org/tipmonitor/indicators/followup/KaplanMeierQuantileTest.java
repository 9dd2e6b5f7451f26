package org.tipmonitor.indicators.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;

/** Quantiles of a Kaplan–Meier curve with the Brookmeyer–Crowley interval (issue 16: time in the reflection period). */
class KaplanMeierQuantileTest {

    /**
     * Twelve subjects, times in days, event 1 / censored 0. By hand: at risk 12, 10, 9, 8, 6, 4, 3 at the event
     * times 5, 10, 12, 20, 30, 50, 60 with one event each, so S = 11/12, ·9/10 = 0.825, ·8/9 = 0.7333, ·7/8 =
     * 0.6417, ·5/6 = 0.5347, ·3/4 = 0.4010, ·2/3 = 0.2674; the median is the first time with S &lt; 0.5, day 50; the
     * first quartile the first with S &lt; 0.75, day 12; S never falls below 0.25, so the third quartile is not
     * reached. Intervals: statsmodels 0.15.0, {@code SurvfuncRight(t, e).quantile_ci(p, method="cloglog")}: median
     * (10, inf), first quartile (5, 50), third quartile (30, inf); {@code quantile(p)}: 50, 12, nan.
     */
    private static final int[] TIMES = {10, 20, 20, 30, 40, 50, 60, 70, 5, 5, 12, 90};
    private static final boolean[] EVENTS = {true, true, false, true, false, true, true, false, true, false, true,
        false};

    private static KaplanMeierCurve curve() {
        return KaplanMeier.withDefaults().estimate(TIMES, EVENTS, Provenance.of("test"));
    }

    @Test
    void quartilesAgainstHandComputationAndStatsmodels() {
        KaplanMeierCurve curve = curve();
        assertEquals(0.5347222222222222, curve.survivalAt(49), 1e-15);
        assertEquals(new KaplanMeierCurve.Quantile(0.5, OptionalInt.of(50), OptionalInt.of(10), OptionalInt.empty(),
                0.95), curve.quantile(0.5));
        assertEquals(new KaplanMeierCurve.Quantile(0.25, OptionalInt.of(12), OptionalInt.of(5), OptionalInt.of(50),
                0.95), curve.quantile(0.25));
        assertEquals(new KaplanMeierCurve.Quantile(0.75, OptionalInt.empty(), OptionalInt.of(30), OptionalInt.empty(),
                0.95), curve.quantile(0.75));
    }

    @Test
    void edgeCases() {
        KaplanMeierCurve none = KaplanMeier.withDefaults().estimate(new int[0], new boolean[0], Provenance.of("t"));
        assertEquals(new KaplanMeierCurve.Quantile(0.5, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                0.95), none.quantile(0.5));
        // Everyone has the event on day 7: S drops to 0 there; the median is day 7; S = 0 has no interval.
        KaplanMeierCurve all = KaplanMeier.withDefaults().estimate(new int[] {7, 7, 7}, new boolean[] {true, true,
            true}, Provenance.of("t"));
        assertEquals(OptionalInt.of(7), all.quantile(0.5).estimate());
        assertThrows(IndicatorException.class, () -> curve().quantile(1.0));
        assertThrows(IndicatorException.class, () -> curve().quantile(0));
    }

    static Stream<Named<Long>> seeds() {
        return new SplittableRandom(1612L).longs(30).mapToObj(s -> Named.of("seed " + s, s));
    }

    /**
     * Properties: without censoring the median is the sample's order statistic at position floor(n/2) + 1 of the
     * sorted times (the first time with more than half the subjects' events, SAS's strict convention), quantiles
     * do not decrease in p, and an interval that is present contains its estimate.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void quantilesAreOrderedAndUncensoredMediansAreOrderStatistics(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(60);
        int[] times = new int[n];
        boolean[] events = new boolean[n];
        boolean censoring = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            times[i] = random.nextInt(120);
            events[i] = !censoring || random.nextDouble() < 0.7;
        }
        KaplanMeierCurve curve = KaplanMeier.withDefaults().estimate(times, events, Provenance.of("t"));
        if (!censoring) {
            int[] sorted = times.clone();
            java.util.Arrays.sort(sorted);
            assertEquals(OptionalInt.of(sorted[n / 2]), curve.quantile(0.5).estimate(), "n = " + n);
        }
        int previous = Integer.MIN_VALUE;
        for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            KaplanMeierCurve.Quantile q = curve.quantile(p);
            if (q.estimate().isEmpty()) {
                previous = Integer.MAX_VALUE;
                continue;
            }
            int estimate = q.estimate().getAsInt();
            assertTrue(estimate >= previous, "p = " + p);
            previous = estimate;
            q.lower().ifPresent(lower -> assertTrue(lower <= estimate, "lower " + lower + " > " + estimate));
            q.upper().ifPresent(upper -> assertTrue(upper >= estimate, "upper " + upper + " < " + estimate));
        }
    }
}
