package org.tipmonitor.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkageTest {

    private final SparkSession spark = SparkTestSession.get();

    private static ExtractRead accepted(String source, Dataset<Row> rows) {
        long n = rows.count();
        return new ExtractRead(source, rows, rows.limit(0).select("source", "file", "line"), n, n, 0, Map.of());
    }

    @Test
    void reportCountsMatchesSeveralRecordsAndConflictsPerSourceAndYear() {
        ExchangeDataFixture f = new ExchangeDataFixture();
        List<Row> population = new ArrayList<>();
        // 2019: 4 victims. a: linked, agrees. b: linked twice, birth year conflict. c: linked, sex conflict.
        // d: not linked.
        String a = f.victim("female", LocalDate.of(2001, 5, 1), "day", LocalDate.of(2019, 3, 1));
        String b = f.victim("male", LocalDate.of(1999, 1, 1), "year", LocalDate.of(2019, 4, 1));
        String c = f.victim("female", LocalDate.of(1980, 2, 1), "month", LocalDate.of(2019, 5, 1));
        f.victim("male", LocalDate.of(1985, 1, 1), "year", LocalDate.of(2019, 6, 1));
        // 2020: e linked, victim's birth date and sex unknown (not compared); g linked, register sex unknown.
        String e = f.victim("unknown", null, "unknown", LocalDate.of(2020, 1, 10));
        String g = f.victim("female", LocalDate.of(1995, 7, 1), "day", LocalDate.of(2020, 2, 1));
        long line = 2;
        for (Object[] r : new Object[][] {{a, 2001L, "female"}, {b, 1999L, "male"}, {b, 1998L, "male"},
            {c, 1980L, "male"}, {e, 1990L, "male"}, {g, 1995L, "unknown"}, {f.nextKey(), 1970L, "female"}}) {
            population.add(RowFactory.create("population", "pop.csv", line++, r[0], r[1], r[2]));
        }
        ExtractRead pop = accepted("population", spark.createDataFrame(population,
                ExtractSchema.population(1900, 2025).acceptedSchema()));
        ExtractRead episodes = accepted("youth_care", spark.createDataFrame(List.of(
                RowFactory.create("youth_care", "e.csv", 2L, a, "youth_care", LocalDate.of(2018, 1, 1), null)),
                ExtractSchema.episodes(LocalDate.of(1990, 1, 1), LocalDate.of(2030, 1, 1)).acceptedSchema()));

        LinkageReport report = Linkage.report(f.data(spark), List.of(pop, episodes));

        assertEquals(List.of(
                new LinkageReport.Row("population", 2019, 4, 3, 1, 3, 1, 3, 1),
                new LinkageReport.Row("population", 2020, 2, 2, 0, 1, 0, 0, 0),
                new LinkageReport.Row("youth_care", 2019, 4, 1, 0, 0, 0, 0, 0),
                new LinkageReport.Row("youth_care", 2020, 2, 0, 0, 0, 0, 0, 0)), report.rows());
        assertEquals(0.75, report.rows().get(0).matchRate(), 0.0);
        assertTrue(report.toText().contains("population           2019        4        3   0.750"), report.toText());
        // Records of victims only: a, b twice, c, e, g; the register's other person is not linked.
        assertEquals(6, Linkage.records(f.data(spark), pop).count());
    }

    @Test
    void noRegisterIsRefused() {
        ExchangeDataFixture f = new ExchangeDataFixture();
        f.victim("female", null, "unknown", LocalDate.of(2020, 1, 1));
        assertEquals(SparkRule.INVALID_ARGUMENT, assertThrows(SparkMonitorException.class,
                () -> Linkage.report(f.data(spark), List.of())).rule());
    }
}
