package org.tipmonitor.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Builds {@link ExchangeData} and episode rows by hand for tests: one file, records in the order added. */
final class ExchangeDataFixture {

    private final List<Row> victims = new ArrayList<>();
    private final List<Row> registrations = new ArrayList<>();
    private final List<Row> episodes = new ArrayList<>();
    private long seq;
    private int persons;

    /** A person key of the model's shape, unique per call. */
    String nextKey() {
        return String.format("k%025d", ++persons).replace('0', 'q');
    }

    String victim(String sex, LocalDate birth, String precision, LocalDate... reports) {
        String key = nextKey();
        victims.add(RowFactory.create(0, seq++, key, sex, birth, precision, "netherlands"));
        for (LocalDate report : reports) {
            registrations.add(RowFactory.create(0, seq++, "r" + seq, key, report, "police", "domestic_sexual"));
        }
        return key;
    }

    void episode(String key, String type, LocalDate start, LocalDate end) {
        episodes.add(RowFactory.create("youth_care", "episodes.csv", (long) episodes.size() + 2, key, type, start,
                end));
    }

    ExchangeData data(SparkSession spark) {
        return new ExchangeData(spark.createDataFrame(victims, ExchangeData.VICTIMS),
                spark.createDataFrame(registrations, ExchangeData.REGISTRATIONS), List.of());
    }

    org.apache.spark.sql.Dataset<Row> episodes(SparkSession spark) {
        return spark.createDataFrame(episodes, ExtractSchema.episodes(LocalDate.of(1990, 1, 1),
                LocalDate.of(2030, 12, 31)).acceptedSchema());
    }
}
