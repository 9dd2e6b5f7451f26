package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipmonitor.cli.MonitorCliTest.Run;
import org.tipmonitor.cli.synthetic.SyntheticMonitorData;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.ExploitationForm;

/** {@code monitor generate}: the truth file and the heterogeneity option. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void truthFileHoldsEveryTrueVictimByYearFormAndMinor() throws IOException {
        Path data = dir.resolve("data.json");
        Path truth = dir.resolve("truth.csv");
        Run run = MonitorCliTest.run("generate", "--victims", "500", "--seed", "9", "--out", data.toString(),
                "--truth", truth.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());

        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(truth, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            assertEquals(List.of("year", "form", "minor", "victims"), parser.getHeaderNames());
            records = parser.getRecords();
        }
        assertEquals(60, records.size());
        Map<Integer, Long> perYear = new TreeMap<>();
        for (CSVRecord record : records) {
            ExploitationForm form = CodeList.fromCode(ExploitationForm.class, record.get("form")).orElseThrow();
            assertTrue(form != ExploitationForm.UNKNOWN, record.toString());
            assertTrue(List.of("true", "false").contains(record.get("minor")), record.toString());
            perYear.merge(Integer.parseInt(record.get("year")), Long.parseLong(record.get("victims")), Long::sum);
        }
        SyntheticMonitorData generator = SyntheticMonitorData.of(9).withRegisteredVictims(500);
        assertEquals(generator.truth().truePopulation(), perYear);

        String text = Files.readString(truth, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("year,form,minor,victims\n2014,domestic_sexual,false,"), text);
        assertTrue(text.endsWith("\n") && !text.contains("\r"), "LF line ends");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("data.json", "truth.csv"),
                    files.map(file -> file.getFileName().toString()).sorted().toList(), "no temporary file left");
        }

        // Written again over the old file: the same bytes.
        byte[] first = Files.readAllBytes(truth);
        Run again = MonitorCliTest.run("generate", "--victims", "500", "--seed", "9", "--out", data.toString(),
                "--truth", truth.toString());
        assertEquals(0, again.status(), again.err());
        assertArrayEquals(first, Files.readAllBytes(truth));
    }

    @Test
    void noHeterogeneityWritesTheSameFileAsBefore() throws IOException {
        Path plain = dir.resolve("plain.json");
        Path zero = dir.resolve("zero.json");
        assertEquals(0, MonitorCliTest.run("generate", "--victims", "300", "--seed", "4", "--out",
                plain.toString()).status());
        assertEquals(0, MonitorCliTest.run("generate", "--victims", "300", "--seed", "4", "--out",
                zero.toString(), "--heterogeneity", "0").status());
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(zero));
        assertFalse(Files.readString(plain).contains("heterogeneity"));
    }

    @Test
    void heterogeneityIsStatedInTheDataset() throws IOException {
        Path mixed = dir.resolve("mixed.json");
        Run run = MonitorCliTest.run("generate", "--victims", "300", "--seed", "4", "--out", mixed.toString(),
                "--heterogeneity", "0.5");
        assertEquals(0, run.status(), run.err());
        String head = Files.readString(mixed).substring(0, 400);
        assertTrue(head.contains("unobserved heterogeneity 0.5 (two latent classes)"), head);
        Run validate = MonitorCliTest.run("validate", mixed.toString(), "--format", "json");
        assertEquals(0, validate.status(), validate.out());
    }

    @Test
    void helpStatesTheDefaults() {
        Run help = MonitorCliTest.run("generate", "--help");
        assertEquals(0, help.status());
        String text = help.out().replaceAll("\\s+", "");
        assertTrue(text.contains("(default:0,none)"), help.out());
        assertTrue(text.contains("year,form,minor,victims"), help.out());
    }

    @ParameterizedTest(name = "--heterogeneity {0}")
    @ValueSource(strings = {"1", "-0.2", "NaN", "Infinity", "half"})
    void heterogeneityOutsideItsRangeIsAUsageError(String value) {
        Run run = MonitorCliTest.run("generate", "--victims", "10", "--out", dir.resolve("x.json").toString(),
                "--heterogeneity", value);
        assertEquals(MonitorCli.USAGE_OR_IO, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--heterogeneity"), run.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void truthOverTheDataFileIsRefused() {
        Path file = dir.resolve("same.json");
        Run run = MonitorCliTest.run("generate", "--victims", "10", "--out", file.toString(), "--truth",
                dir.resolve(".").resolve("same.json").toString());
        assertEquals(MonitorCli.USAGE_OR_IO, run.status());
        assertTrue(run.err().contains("--truth names the same file as --out"), run.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void truthInAMissingFolderIsAnIoError() {
        Run run = MonitorCliTest.run("generate", "--victims", "10", "--out", dir.resolve("d.json").toString(),
                "--truth", dir.resolve("absent").resolve("truth.csv").toString());
        assertEquals(MonitorCli.USAGE_OR_IO, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("monitor: TM-CLI-002: I/O error"), run.err());
    }
}
