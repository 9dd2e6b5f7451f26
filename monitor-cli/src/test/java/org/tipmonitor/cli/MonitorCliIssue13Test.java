package org.tipmonitor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;

/**
 * Issue 13, the command line's part: one error policy for every {@link Throwable}, bounded options, output
 * failures reported, files replaced atomically. Each test is named after a case of the hostile-input campaign.
 */
class MonitorCliIssue13Test {

    @TempDir
    Path dir;

    /** The result of one run. */
    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        return runTo(new ByteArrayOutputStream(), args);
    }

    private static Run runTo(OutputStream target, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CheckedPrintStream out = CheckedPrintStream.of(target);
        int status;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = MonitorCli.run(args, out, e);
        }
        String printed = target instanceof ByteArrayOutputStream bytes ? bytes.toString(StandardCharsets.UTF_8) : "";
        return new Run(status, printed, err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output on a full disk: every write fails as /dev/full does. */
    private static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static void assertOneCodedLine(Run run, int status, String code) {
        assertEquals(status, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("monitor: " + code + ": "), run.err());
    }

    @ParameterizedTest(name = "--replicates {0}")
    @ValueSource(strings = {"2", "9", "100001", "1000000000", "-1"})
    void replicatesOutsideTheirBoundsAreRefusedAtTheCli(String replicates) {
        Run run = run("estimate", "--counts", "absent.csv", "--ci", "bootstrap", "--replicates", replicates);
        assertOneCodedLine(run, 2, "TM-CLI-001");
        assertTrue(run.err().contains("--replicates must be from 10 to 100000"), run.err());
    }

    @ParameterizedTest(name = "--level {0}")
    @ValueSource(strings = {"0.9999999999999999", "1", "0", "0.3", "NaN"})
    void levelsWhoseIntervalWouldBeInfiniteAreRefused(String level) {
        Run run = run("estimate", "--counts", "absent.csv", "--level", level);
        assertOneCodedLine(run, 2, "TM-CLI-001");
        assertTrue(run.err().contains("--level must be from 0.5 to 0.9999"), run.err());
    }

    @Test
    void maxErrorsOfIntegerMaxIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f.json"), "{}");
        Run run = run("validate", "--max-errors", "2147483647", file.toString());
        assertOneCodedLine(run, 2, "TM-CLI-001");
        assertTrue(run.err().contains("--max-errors must be from 1 to 100000"), run.err());
    }

    @Test
    void victimsWithoutUpperBoundAreRefused() {
        assertOneCodedLine(run("generate", "--victims", "10000001"), 2, "TM-CLI-001");
        assertOneCodedLine(run("generate", "--victims", "0"), 2, "TM-CLI-001");
    }

    @Test
    void everyBoundIsStatedInHelp() {
        assertTrue(help("estimate").contains("Bootstrap replicates, 10 to 100000"), help("estimate"));
        assertTrue(help("estimate").contains("Confidence level, 0.5 to 0.9999"), help("estimate"));
        assertTrue(help("validate").contains("--max-errors=N Report at most N problems per file, 1 to 100000"),
                help("validate"));
        assertTrue(help("generate").contains("registered victims (2014-2018), 1 to 10000000"), help("generate"));
    }

    private static String help(String command) {
        return run(command, "--help").out().replaceAll("\\s+", " ");
    }

    @Test
    void validateFormatCsvIsRefusedNotPrintedAsText() throws IOException {
        Path file = Files.writeString(dir.resolve("f.json"), "{}");
        Run run = run("validate", "--format", "csv", file.toString());
        assertOneCodedLine(run, 2, "TM-CLI-001");
        assertEquals("", run.out());
    }

    @Test
    void directoryAsInputIsAnIoErrorWithTheReason() {
        Run validate = run("validate", dir.toString());
        assertOneCodedLine(validate, 2, "TM-CLI-002");
        assertTrue(validate.err().contains("is a directory"), validate.err());
        Run report = run("report", "--input", dir.toString());
        assertOneCodedLine(report, 2, "TM-CLI-002");
        assertTrue(report.err().contains("is a directory"), report.err());
    }

    @Test
    void missingFileIsAnIoErrorWithTheReason() {
        Run run = run("validate", dir.resolve("absent.json").toString());
        assertOneCodedLine(run, 2, "TM-CLI-002");
        assertTrue(run.err().contains("absent.json: no such file or directory"), run.err());
    }

    @Test
    void reportOutExistingFileSaysWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "keep me");
        Run run = run("report", "--out", file.toString());
        assertOneCodedLine(run, 2, "TM-CLI-002");
        assertTrue(run.err().contains("exists and is not a directory"), run.err());
        assertEquals("keep me", Files.readString(file));
    }

    @ParameterizedTest(name = "{0} > /dev/full")
    @ValueSource(strings = {"schema", "generate --victims 200", "validate SAMPLE", "report --input SAMPLE",
        "report --input SAMPLE --format json"})
    void standardOutputOnAFullDiskIsAnErrorNotSuccess(String command) throws IOException {
        Path sample = dir.resolve("sample.json");
        assertEquals(0, run("generate", "--victims", "300", "--seed", "3", "--out", sample.toString()).status());
        String[] args = java.util.Arrays.stream(command.split(" "))
                .map(word -> word.equals("SAMPLE") ? sample.toString() : word).toArray(String[]::new);
        Run run = runTo(new FullDevice(), args);
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("No space left on device"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("monitor: TM-CLI-00"), run.err());
    }

    @Test
    void generateOutDevFullSaysNoSpaceLeftOnDevice() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        Run run = run("generate", "--victims", "200", "--out", "/dev/full");
        assertOneCodedLine(run, 2, "TM-CLI-002");
        assertTrue(run.err().contains("No space left on device"), run.err());
    }

    @Test
    void generateOutReplacesTheFileOnlyWhenComplete() throws IOException {
        Path file = dir.resolve("data.json");
        assertEquals(0, run("generate", "--victims", "200", "--seed", "1", "--out", file.toString()).status());
        byte[] first = Files.readAllBytes(file);
        boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        }
        assertEquals(0, run("generate", "--victims", "250", "--seed", "2", "--out", file.toString()).status());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(file)));
        if (posix) {
            assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)), "the replaced file's permissions are kept");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anInterruptedWriteLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path file = Files.writeString(dir.resolve("good.json"), "{\"good\": true}");
        assertThrows(UncheckedIOException.class, () -> AtomicFile.write(file, out -> {
            out.write("{\"half".getBytes(StandardCharsets.UTF_8));
            throw new UncheckedIOException(new IOException("interrupted"));
        }));
        assertEquals("{\"good\": true}", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
        assertThrows(java.nio.file.FileSystemException.class, () -> AtomicFile.writeString(dir, "x"));
    }

    @Test
    void debugAlonePrintsTraces() {
        Run plain = run("validate", dir.resolve("absent.json").toString());
        assertEquals(1, plain.err().strip().lines().count(), plain.err());
        Run debug = run("--debug", "validate", dir.resolve("absent.json").toString());
        assertEquals(2, debug.status());
        assertTrue(debug.err().lines().count() > 2, debug.err());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void outOfMemoryIsStatusThreeWithHeapAdvice() {
        Failure.Outcome outcome = Failure.of(new OutOfMemoryError("Java heap space"));
        assertEquals(3, outcome.exitStatus());
        assertTrue(outcome.line().startsWith("TM-CLI-004: out of memory (Java heap space, maximum heap "),
                outcome.line());
        assertTrue(outcome.line().contains("JAVA_OPTS=-Xmx"), outcome.line());
        // The virtual machine's preallocated error has no message: the line never says "null".
        assertTrue(Failure.of(new OutOfMemoryError()).line().startsWith("TM-CLI-004: out of memory (maximum heap "),
                Failure.of(new OutOfMemoryError()).line());
        assertEquals(3, Failure.of(new StackOverflowError()).exitStatus());
        assertTrue(Failure.of(new StackOverflowError()).line().startsWith("TM-CLI-005: "));
    }

    @Test
    void everyThrowableHasItsStatusAndOneLine() {
        assertEquals(1, Failure.of(IndicatorException.of(IndicatorRule.NO_OBSERVATIONS, 0)).exitStatus());
        assertEquals(1, Failure.of(new ExchangeException(IoRule.REJECTED, "bad")).exitStatus());
        Failure.Outcome io = Failure.of(new ExchangeException(IoRule.IO_FAILURE, "writing failed",
                new IOException("No space left on device")));
        assertEquals(2, io.exitStatus());
        assertEquals("TM-CLI-002: I/O error: No space left on device (writing failed)", io.line());
        Failure.Outcome bug = Failure.of(new IllegalStateException("line\u001b[2Jone\nline two"));
        assertEquals(4, bug.exitStatus());
        assertTrue(bug.line().startsWith("TM-CLI-009: internal error java.lang.IllegalStateException: "),
                bug.line());
        assertFalse(bug.line().contains("\u001b") || bug.line().contains("\n"), bug.line());
    }

    @Test
    void countsCsvErrorsDoNotEchoIdentifiersOrControlCharacters() throws IOException {
        Path table = Files.writeString(dir.resolve("bsn.csv"), "BSN 123456782 Jan Jansen\u001b[2J,count\n1,5\n");
        Run run = run("estimate", "--counts", table.toString());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("123456782") || run.err().contains("\u001b"), run.err());
        Failure.Outcome outcome = Failure.of(IndicatorException.of(IndicatorRule.CSV_HEADER_TOO_SHORT, 1,
                "BSN 123456782, born 2001-03-04"));
        assertEquals("TM-MSE-002: Line 1: header needs at least two list columns and a final count column:"
                + " 'BSN [withheld], born [withheld]'", outcome.line());
    }

    @Test
    void generatedBytesAreTheSameThroughTheCheckedStream() {
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        GenerateCommand.write(org.tipmonitor.model.synthetic.SyntheticMonitorData.of(4).withRegisteredVictims(50),
                direct, 4, false);
        Run run = run("generate", "--victims", "50", "--seed", "4");
        assertEquals(0, run.status(), run.err());
        assertArrayEquals(direct.toByteArray(), run.out().getBytes(StandardCharsets.UTF_8));
    }

    // Issue 13, item 7: the report works on every file validate accepts; a section that cannot be computed says why.

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static com.fasterxml.jackson.databind.node.ObjectNode sample() throws IOException {
        try (java.io.InputStream in = MonitorCli.class.getResourceAsStream(
                org.tipmonitor.cli.report.Sample.RESOURCE)) {
            return (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
        }
    }

    private Path write(String name, com.fasterxml.jackson.databind.JsonNode file) throws IOException {
        Path path = dir.resolve(name);
        JSON.writeValue(path.toFile(), file);
        return path;
    }

    /** Keeps the array elements whose field starts with one of the prefixes. */
    private static void keep(com.fasterxml.jackson.databind.node.ObjectNode file, String array, String field,
                             String... prefixes) {
        java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> it = file.withArray(array).elements();
        while (it.hasNext()) {
            String value = it.next().get(field).asText();
            if (java.util.Arrays.stream(prefixes).noneMatch(value::startsWith)) {
                it.remove();
            }
        }
        for (String named : new String[] {"policeReports", "residenceStages"}) {
            if (array.equals("registrations") && file.has(named)) {
                // Police reports and residence stages (format 1.1) name their registration: keep those whose
                // registration stays.
                java.util.Set<String> kept = new java.util.HashSet<>();
                file.withArray("registrations").forEach(r -> kept.add(r.get("id").asText()));
                java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> records = file.withArray(named)
                        .elements();
                while (records.hasNext()) {
                    if (!kept.contains(records.next().get("registrationId").asText())) {
                        records.remove();
                    }
                }
            }
        }
    }

    /** Validates, then reports in text and JSON; returns the JSON report. */
    private com.fasterxml.jackson.databind.JsonNode validAndReported(Path file, String section) throws IOException {
        Run validate = run("validate", file.toString());
        assertEquals(0, validate.status(), validate.out());
        Run text = run("report", "--input", file.toString());
        assertEquals(0, text.status(), text.err());
        Run json = run("report", "--input", file.toString(), "--format", "json");
        assertEquals(0, json.status(), json.err());
        com.fasterxml.jackson.databind.JsonNode report = JSON.readTree(json.out());
        String reason = report.at("/" + section + "/notComputed").asText();
        assertFalse(reason.isEmpty(), () -> section + " in " + json.out());
        assertTrue(text.out().contains("Not computed on this file: " + reason + "."), text.out());
        return report;
    }

    @Test
    void reportWorksOnRegistrationsOfOneYear() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode file = sample();
        keep(file, "registrations", "reportDate", "2016");
        com.fasterxml.jackson.databind.JsonNode report = validAndReported(write("one-year.json", file),
                "registrations");
        assertTrue(report.at("/registrations/notComputed").asText().contains("2016"), report.toString());
    }

    @Test
    void reportWorksOnRegistrationsOf2014To2015Only() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode file = sample();
        keep(file, "registrations", "reportDate", "2014", "2015");
        com.fasterxml.jackson.databind.JsonNode report = validAndReported(write("2014-2015.json", file),
                "legalBasis");
        assertTrue(report.at("/legalBasis/notComputed").asText().contains("2018-05-25"), report.toString());
        assertTrue(report.at("/registrations/from").isNumber(), "the other sections are computed");
    }

    @Test
    void reportWorksOnTwoYearsOfPoliceSignals() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode file = sample();
        java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> it = file.withArray("policeSignals").elements();
        while (it.hasNext()) {
            int year = it.next().get("year").asInt();
            if (year < 2017) {
                it.remove();
            }
        }
        validAndReported(write("police-two-years.json", file), "policeSignals");
    }

    @Test
    void reportWorksWhenPoliceCountsOverflowALong() throws IOException {
        // 11 years x 105 cells of the identified-victims series, each 2^53 - 1: the sum exceeds 2^63 - 1.
        com.fasterxml.jackson.databind.node.ObjectNode file = sample();
        ((com.fasterxml.jackson.databind.node.ObjectNode) file.get("dataset")).put("periodFrom", "2008-01-01");
        com.fasterxml.jackson.databind.node.ArrayNode cells = file.putArray("policeSignals");
        for (int year = 2008; year <= 2018; year++) {
            for (String form : List.of("domestic_sexual", "cross_border_sexual", "labour", "criminal",
                    "organ_removal", "other", "unknown")) {
                for (String origin : List.of("dutch", "eu", "african", "other", "unknown")) {
                    for (String dublin : List.of("dublin", "not_dublin", "unknown")) {
                        cells.addObject().put("year", year).put("series", "identified_victims").put("form", form)
                                .put("origin", origin).put("dublinStatus", dublin).put("count", 9_007_199_254_740_991L);
                    }
                }
            }
        }
        com.fasterxml.jackson.databind.JsonNode report = validAndReported(write("police-overflow.json", file),
                "policeSignals");
        assertTrue(report.at("/policeSignals/notComputed").asText().contains("64-bit integer"), report.toString());
    }

    @Test
    void formatVersion20PlacedAfterTheArraysYieldsNoReport() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode file = sample();
        file.remove("formatVersion");
        file.put("formatVersion", "2.0");
        Path path = write("version-last.json", file);
        assertEquals(1, run("validate", path.toString()).status());
        Run report = run("report", "--input", path.toString());
        assertOneCodedLine(report, 1, "TM-IO-0054");
        assertTrue(report.err().contains("TM-IO-0011"), report.err());
        assertEquals("", report.out());
    }

    @Test
    void registrationsFirstFileTruncatedInsideTheVictimsYieldsNoReport() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode file = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode sample = sample();
        file.set("formatVersion", sample.get("formatVersion"));
        file.set("dataset", sample.get("dataset"));
        file.set("registrations", sample.get("registrations"));
        file.set("victims", sample.get("victims"));
        String text = JSON.writeValueAsString(file);
        Path path = dir.resolve("truncated.json");
        Files.writeString(path, text.substring(0, text.indexOf("\"victims\"") + 5000));
        Run validate = run("validate", "--format", "json", path.toString());
        assertEquals(1, validate.status());
        com.fasterxml.jackson.databind.JsonNode counts = JSON.readTree(validate.out())
                .at("/files/0/report/counts/registrations");
        assertEquals(5702, counts.get("read").asLong(), counts.toString());
        assertEquals(5702, counts.get("rejected").asLong(), counts.toString());
        assertOneCodedLine(run("report", "--input", path.toString()), 1, "TM-IO-0054");
    }
}
