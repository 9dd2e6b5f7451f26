package org.tipmonitor.spark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.spark.FollowUpShares.Cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpSharesTest {

    private static final LocalDate MINOR_BIRTH = LocalDate.of(2008, 3, 1);
    private static final LocalDate FIRST_2020 = LocalDate.of(2020, 6, 15);
    private static final LocalDate OPEN = null;

    private final SparkSession spark = SparkTestSession.get();

    private FollowUpShares.Table table() {
        ExchangeDataFixture f = new ExchangeDataFixture();
        // 2020, 30 minor girls: 0-11 an episode before, 12-26 one after, 27 one ending the day before the window,
        // 28 one starting the day after the after-window, 29 none. A later registration does not move f.
        for (int i = 0; i < 30; i++) {
            String key = f.victim("female", MINOR_BIRTH, "day", FIRST_2020, LocalDate.of(2021, 2, 1));
            if (i < 12) {
                f.episode(key, "child_protection", LocalDate.of(2019, 9, 1), LocalDate.of(2019, 12, 31));
            } else if (i < 27) {
                f.episode(key, "youth_care", LocalDate.of(2020, 8, 1), OPEN);
            } else if (i == 27) {
                f.episode(key, "youth_care", LocalDate.of(2018, 1, 1), LocalDate.of(2019, 6, 14));
            } else if (i == 28) {
                f.episode(key, "youth_care", LocalDate.of(2021, 6, 16), OPEN);
            }
        }
        // 2020, 25 minor boys: 3 before (x sensitive), 20 after (n - x = 5 sensitive).
        for (int i = 0; i < 25; i++) {
            String key = f.victim("male", MINOR_BIRTH, "year", FIRST_2020);
            if (i < 3) {
                f.episode(key, "youth_care", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1));
            }
            if (i < 20) {
                f.episode(key, "youth_care", LocalDate.of(2020, 12, 1), LocalDate.of(2021, 1, 1));
            }
        }
        // Adults and persons of unknown age with episodes are not minors and count nowhere.
        for (int i = 0; i < 5; i++) {
            f.episode(f.victim("female", LocalDate.of(1990, 1, 1), "day", FIRST_2020), "youth_care",
                    LocalDate.of(2020, 7, 1), OPEN);
            f.episode(f.victim("female", null, "unknown", FIRST_2020), "youth_care", LocalDate.of(2020, 7, 1), OPEN);
        }
        // 2024, 11 minor girls: the after-window ends after the observation period (censored); none had an episode.
        for (int i = 0; i < 11; i++) {
            f.victim("female", MINOR_BIRTH, "day", LocalDate.of(2024, 3, 1));
        }
        return FollowUpShares.withDefaults().compute(f.data(spark), f.episodes(spark), LocalDate.of(2015, 1, 1),
                LocalDate.of(2024, 12, 31));
    }

    @Test
    void sharesWithWilsonIntervalsAreProtectedBeforeTheyLeaveSpark() {
        FollowUpShares.Table table = table();
        Map<String, Cell> cells = table.cells().stream()
                .collect(Collectors.toMap(c -> c.year() + "/" + c.sex() + "/" + c.window().code(), c -> c));
        assertEquals(List.of("2020/female/after", "2020/female/before", "2020/male/after", "2020/male/before",
                "2024/female/after", "2024/female/before"), cells.keySet().stream().sorted().toList());

        // Wilson 95% references: scipy 1.x, z = norm.ppf(0.975), centre (x + z^2/2)/(n + z^2) +- z/(n + z^2)
        // * sqrt(x(n - x)/n + z^2/4): 12/30 -> [0.2459062811680185, 0.5767963974667751], 15/30 ->
        // [0.3315412564053377, 0.6684587435946623], 0/11 -> [0, 0.2588329669680317]; tolerance 1e-12.
        Share before = (Share) cells.get("2020/female/before").share().orElseThrow();
        assertEquals(List.of(12L, 30L), List.of(before.successes(), before.trials()));
        assertEquals(0.2459062811680185, before.lower(), 1e-12);
        assertEquals(0.5767963974667751, before.upper(), 1e-12);
        Share after = (Share) cells.get("2020/female/after").share().orElseThrow();
        assertEquals(List.of(15L, 30L), List.of(after.successes(), after.trials()));
        assertEquals(0.3315412564053377, after.lower(), 1e-12);
        assertEquals(0.6684587435946623, after.upper(), 1e-12);

        assertFalse(cells.get("2020/male/before").isPublished(), "x = 3 is sensitive");
        assertFalse(cells.get("2020/male/after").isPublished(), "n - x = 5 is sensitive");

        Cell censored = cells.get("2024/female/after");
        assertFalse(censored.isPublished(), "n = 0: every after-window is censored");
        assertEquals(11, censored.censored());
        Share none = (Share) cells.get("2024/female/before").share().orElseThrow();
        assertEquals(List.of(0L, 11L), List.of(none.successes(), none.trials()));
        assertEquals(0.2588329669680317, none.upper(), 1e-12);

        String text = table.toText();
        assertTrue(text.contains("within 12 months before/after"), text);
        assertTrue(text.contains("2020 male     before        x"), text);
    }

    @Test
    void windowsAndPeriodsAreChecked() {
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> FollowUpShares.withDefaults().withWindowMonths(0)).rule());
        ExchangeDataFixture f = new ExchangeDataFixture();
        f.victim("female", MINOR_BIRTH, "day", FIRST_2020);
        SparkMonitorException e = assertThrows(SparkMonitorException.class, () -> FollowUpShares.withDefaults()
                .compute(f.data(spark), f.episodes(spark), LocalDate.of(2025, 1, 1), LocalDate.of(2024, 12, 31)));
        assertEquals("TM-SP-030: observation period starts after it ends: 2025-01-01 > 2024-12-31", e.getMessage());
    }
}
