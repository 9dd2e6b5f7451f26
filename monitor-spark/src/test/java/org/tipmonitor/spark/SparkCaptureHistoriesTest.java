package org.tipmonitor.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.data.LinkedRegistrations;
import org.tipmonitor.indicators.estimation.data.LinkedRegistrations.Covariate;
import org.tipmonitor.indicators.estimation.data.ListDefinition;
import org.tipmonitor.indicators.estimation.data.StratifiedHistories;
import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeFile;
import org.tipmonitor.io.ExchangeWriter;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark table equals the in-process {@link LinkedRegistrations} table exactly, on seeded exchange files. */
class SparkCaptureHistoriesTest {

    private static final YearRange PERIOD = YearRange.of(2016, 2023);

    @TempDir
    Path dir;

    /** Two exchange files from a seeded generator; persons may repeat their registrations across the two. */
    private List<ExchangeFile> files(long seed, int persons) {
        ModelGenerator generator = new ModelGenerator(seed);
        List<List<Victim>> victims = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Registration>> registrations = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < persons; i++) {
            VictimHistory history = generator.victimHistory();
            int file = i % 2;
            victims.get(file).add(history.victim());
            registrations.get(file).addAll(history.registrations());
        }
        List<ExchangeFile> out = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            Dataset dataset = Dataset.of("test-" + seed + "-" + f, ProducerType.values()[0], LocalDate.of(2012, 1, 1),
                    LocalDate.of(2025, 12, 31), Instant.parse("2026-01-01T00:00:00Z"));
            out.add(ExchangeFile.ofVictims(dataset, victims.get(f), registrations.get(f)));
        }
        return out;
    }

    private ExchangeData read(List<ExchangeFile> files) {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path p = dir.resolve("exchange-" + i + ".json");
            ExchangeWriter.withDefaults().write(files.get(i), p);
            paths.add(p);
        }
        return ExchangeSource.of(SparkTestSession.get()).read(paths);
    }

    static Stream<Arguments> seeds() {
        return Stream.of(11L, 2027L, 90210L).map(seed -> Arguments.of(
                org.junit.jupiter.api.Named.of("seed " + seed, seed)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsEqualTheInProcessPathExactly(long seed) {
        List<ExchangeFile> files = files(seed, 240);
        ExchangeData data = read(files);
        List<Registration> registrations = new ArrayList<>();
        Map<PersonKey, Victim> victims = new HashMap<>();
        files.forEach(f -> {
            registrations.addAll(f.registrations());
            f.victims().forEach(v -> victims.putIfAbsent(v.key(), v));
        });
        ListDefinition lists = ListDefinition.dutchSixLists();

        CaptureHistories expected = LinkedRegistrations.of(registrations, lists, PERIOD);
        CaptureHistories actual = SparkCaptureHistories.of(data.registrations(), lists, PERIOD);
        assertEquals(expected, actual);
        assertTrue(actual.observed() > 50, "the generator registers enough persons in the period");

        for (List<Covariate> covariates : List.of(List.of(Covariate.SEX), List.of(Covariate.MINOR, Covariate.FORM),
                List.of(Covariate.YEAR, Covariate.DUTCH))) {
            StratifiedHistories in = LinkedRegistrations.stratified(registrations, victims, lists, PERIOD,
                    covariates);
            StratifiedHistories spark = SparkCaptureHistories.stratified(data, lists, PERIOD, covariates);
            assertEquals(in.covariate(), spark.covariate());
            assertEquals(new java.util.TreeSet<>(in.levels()), new java.util.TreeSet<>(spark.levels()),
                    covariates.toString());
            for (String level : in.levels()) {
                assertEquals(in.stratum(level), spark.stratum(level), covariates + " " + level);
            }
        }
    }

    @Test
    void aListWithoutMembersInThePeriodGivesAnEmptyTable() {
        ExchangeData data = read(files(5L, 20));
        CaptureHistories table = SparkCaptureHistories.of(data.registrations(), ListDefinition.dutchSixLists(),
                YearRange.of(1995, 1999));
        assertEquals(0, table.observed());
        assertEquals(ListDefinition.dutchSixLists().listNames(), table.listNames());
    }
}
