package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.io.internal.JsonExchangeReader;
import org.tipmonitor.io.internal.RecordValidation;
import org.tipmonitor.io.internal.Validators;

/**
 * A read that parses on a second thread and checks on the caller's (issue 14, item 2) gives the report of the
 * sequential read to the byte: over the golden invalid and valid files, over seeded value mutations of the golden
 * valid files, and over seeded mutations of generated files long enough for many hand-overs, with the default
 * error limit and with a limit of 2; a handler gets the same records in the same order, on the caller's thread. A
 * failure of the parsing thread surfaces on the caller's thread, located as the sequential read locates it, and
 * the parsing thread is ended whenever the read ends.
 */
class PipelinedValidationTest {

    private static final Validators.Lazy VALIDATOR = Validators.of(Validators.build(Fixtures.CLOCK), Fixtures.CLOCK);
    private static final String PARSER_THREAD = "tipmonitor-exchange-parser";

    @BeforeEach
    void twoProcessors() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "a validation parses on a second thread only with two processors or more");
    }

    private static JsonExchangeReader reader(int errorLimit, boolean pipelined) {
        return new JsonExchangeReader(new RecordValidation(VALIDATOR), errorLimit, false,
                JsonExchangeReader.MAX_PENDING, -1, 64, pipelined);
    }

    /** Both readings' reports, text and JSON, with the default limit and a limit of 2. */
    private static void assertSameReports(String context, byte[] input) {
        for (int limit : new int[] {ExchangeReader.DEFAULT_ERROR_LIMIT, 2}) {
            ValidationReport sequential = reader(limit, false).validate(new ByteArrayInputStream(input));
            ValidationReport pipelined = reader(limit, true).validate(new ByteArrayInputStream(input));
            assertEquals(sequential.toText() + sequential.toJson(), pipelined.toText() + pipelined.toJson(),
                    context + ", limit " + limit);
        }
        assertFalse(parserAlive(), context + ": the parsing thread has ended");
    }

    static Stream<Named<String>> goldenFiles() {
        List<Named<String>> files = new ArrayList<>();
        for (Named<String> file : GoldenReportTest.files().toList()) {
            files.add(file);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void aGoldenFileHasTheSequentialReport(String file) {
        assertSameReports(file, Fixtures.golden(file));
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(10).map(n -> Named.of(n.getName(), 2000 + n.getPayload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void valueMutationsOfTheGoldenFilesHaveTheSequentialReport(long seed) {
        Random random = new Random(seed);
        for (String name : new TreeSet<>(List.of("persons-after-their-records.json", "police-reports.json",
                "police-signals.json", "programme-measures.json", "residence-stages.json",
                "victims-and-offenders.json"))) {
            String source = Fixtures.goldenText("valid/" + name);
            for (int round = 0; round < 4; round++) {
                String mutated = GoldenReportTest.mutate(source, random);
                assertSameReports("seed " + seed + ", " + name + ", round " + round,
                        mutated.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** A generated file of some 5,000 records: twenty batches and more, every kind of hand-over. */
    private static String generated(long seed) {
        return ExchangeWriter.withDefaults().toJson(Fixtures.generated(seed, 1500, 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mutationsOfALongFileHaveTheSequentialReport(long seed) {
        Random random = new Random(seed);
        String source = generated(seed);
        assertSameReports("seed " + seed + ", unchanged", source.getBytes(StandardCharsets.UTF_8));
        for (int round = 0; round < 2; round++) {
            String mutated = GoldenReportTest.mutate(source, random);
            assertSameReports("seed " + seed + ", round " + round, mutated.getBytes(StandardCharsets.UTF_8));
        }
        // Cut short in the middle of a record: the parsing thread's exception, located, after every problem
        // before it.
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        int cut = bytes.length / 3 + random.nextInt(bytes.length / 3);
        byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
        assertSameReports("seed " + seed + ", cut at " + cut, truncated);
        ValidationReport report = reader(100, true).validate(new ByteArrayInputStream(truncated));
        Problem last = report.problems().get(report.problems().size() - 1);
        assertTrue(report.problems().stream().anyMatch(p -> p.code().equals(IoRule.TRUNCATED.code())
                && p.line() > 0 && p.column() > 0), "seed " + seed + ": " + last);
    }

    /**
     * A handler that logs every delivery, in order, as its method's name and the record's text; fails if one comes
     * on another thread than the reader's caller.
     */
    private static final class Deliveries {
        private final Thread caller = Thread.currentThread();
        private final StringBuilder log = new StringBuilder();
        private final RecordHandler handler = (RecordHandler) Proxy.newProxyInstance(
                RecordHandler.class.getClassLoader(), new Class<?>[] {RecordHandler.class}, (proxy, method, args) -> {
                    assertSame(caller, Thread.currentThread(), "a delivery on another thread");
                    log.append(method.getName()).append(' ').append(args[0]).append('\n');
                    return null;
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aHandlerGetsTheSequentialDeliveriesOnTheCallersThread(long seed) {
        Random random = new Random(seed);
        List<String> inputs = new ArrayList<>(List.of(generated(seed),
                Fixtures.goldenText("valid/persons-after-their-records.json"),
                Fixtures.goldenText("valid/police-reports.json"), Fixtures.goldenText("valid/residence-stages.json")));
        inputs.add(GoldenReportTest.mutate(inputs.get(0), random));
        for (int i = 0; i < inputs.size(); i++) {
            byte[] input = inputs.get(i).getBytes(StandardCharsets.UTF_8);
            Deliveries sequential = new Deliveries();
            Deliveries pipelined = new Deliveries();
            ValidationReport one = reader(100, false).read(new ByteArrayInputStream(input), sequential.handler);
            ValidationReport two = reader(100, true).read(new ByteArrayInputStream(input), pipelined.handler);
            String context = "seed " + seed + ", input " + i;
            assertEquals(one.toJson(), two.toJson(), context);
            assertEquals(sequential.log.toString(), pipelined.log.toString(), context);
            assertTrue(sequential.log.length() > 0, context);
        }
        assertFalse(parserAlive());
    }

    /**
     * A checking thread that falls behind (a handler that takes 0.1 ms for each registration) fills the pipe, and
     * the parsing thread then screens the records of its batches itself ({@code Pipe.behind}); the reports and the
     * deliveries must still be the sequential read's, for files with invalid records among the screened ones.
     */
    static Stream<Named<Long>> slowSeeds() {
        return Fixtures.seeds(3).map(n -> Named.of(n.getName(), 3000 + n.getPayload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowSeeds")
    void aCheckingThreadThatFallsBehindGetsTheSequentialReport(long seed) {
        Random random = new Random(seed);
        String source = generated(seed);
        for (String input : List.of(source, GoldenReportTest.mutate(source, random),
                GoldenReportTest.mutate(source, random))) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            Deliveries sequential = new Deliveries();
            Deliveries pipelined = new Deliveries();
            ValidationReport one = reader(100, false).read(new ByteArrayInputStream(bytes), sequential.handler);
            ValidationReport two = reader(100, true).read(new ByteArrayInputStream(bytes), slow(pipelined.handler));
            assertEquals(one.toText() + one.toJson(), two.toText() + two.toJson(), "seed " + seed);
            assertEquals(sequential.log.toString(), pipelined.log.toString(), "seed " + seed);
        }
        assertFalse(parserAlive());
    }

    /** A handler that waits a tenth of a millisecond before it hands each registration on. */
    private static RecordHandler slow(RecordHandler handler) {
        return (RecordHandler) Proxy.newProxyInstance(RecordHandler.class.getClassLoader(),
                new Class<?>[] {RecordHandler.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registration")) {
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }
                    return method.invoke(handler, args);
                });
    }

    @Test
    void aHandlerThatFailsStopsTheReadWithItsExceptionAndTheParsingThread() {
        RuntimeException refused = new IllegalStateException("handler refused");
        byte[] bytes = generated(10).getBytes(StandardCharsets.UTF_8);
        RecordHandler failing = new RecordHandler() {
            @Override
            public void registration(org.tipmonitor.model.Registration registration) {
                throw refused;
            }
        };
        RuntimeException caught = assertThrows(RuntimeException.class,
                () -> reader(100, true).read(new ByteArrayInputStream(bytes), failing));
        assertSame(refused, caught);
        assertFalse(parserAlive());
    }

    @Test
    void anInputThatFailsHalfWayIsAnIoProblemLocatedAsInTheSequentialRead() {
        byte[] bytes = generated(7).getBytes(StandardCharsets.UTF_8);
        List<String> reports = new ArrayList<>();
        for (boolean pipelined : new boolean[] {false, true}) {
            ValidationReport report = reader(100, pipelined).validate(failingHalfWay(bytes,
                    new IOException("disk gone")));
            assertFalse(report.isComplete());
            assertTrue(report.problems().stream().anyMatch(p -> p.code().equals(IoRule.IO_FAILURE.code())));
            reports.add(report.toJson());
        }
        assertEquals(reports.get(0), reports.get(1));
        assertFalse(parserAlive());
    }

    @Test
    void anErrorOfTheParsingThreadIsThrownOnTheCallersThread() {
        byte[] bytes = generated(8).getBytes(StandardCharsets.UTF_8);
        AssertionError thrown = new AssertionError("the input broke");
        InputStream failing = failingHalfWay(bytes, thrown);
        AssertionError caught = assertThrows(AssertionError.class, () -> reader(100, true).validate(failing));
        assertSame(thrown, caught);
        assertFalse(parserAlive());
    }

    @Test
    void whatEscapesTheParsingThreadIsThrownOnTheCallersThreadAndNeverPrinted() {
        // A checked exception thrown where none is declared escapes the parsing thread's read as an error the
        // heap cannot hand over would: the thread records it, the caller's thread throws it, nothing waits forever.
        byte[] bytes = generated(10).getBytes(StandardCharsets.UTF_8);
        Exception sneaky = new Exception("undeclared");
        InputStream failing = failingHalfWay(bytes, sneaky);
        IllegalStateException caught = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IllegalStateException.class, () -> reader(100, true).validate(failing)));
        assertSame(sneaky, caught.getCause());
        assertFalse(parserAlive());
    }

    @Test
    void aFailureOfTheCheckingThreadStopsTheParsingThread() {
        // A validator that fails: every record goes through it (no screen), and the first one fails the
        // caller's thread while the parsing thread has thousands of records still to hand over.
        RuntimeException broken = new IllegalStateException("validator broken");
        Validator failing = (Validator) Proxy.newProxyInstance(Validator.class.getClassLoader(),
                new Class<?>[] {Validator.class}, (proxy, method, args) -> {
                    throw broken;
                });
        JsonExchangeReader reader = new JsonExchangeReader(
                new RecordValidation(Validators.of(failing, Fixtures.CLOCK), false), 100, false,
                JsonExchangeReader.MAX_PENDING, -1, 64, true);
        byte[] bytes = generated(9).getBytes(StandardCharsets.UTF_8);
        RuntimeException caught = assertThrows(RuntimeException.class,
                () -> reader.validate(new ByteArrayInputStream(bytes)));
        assertSame(broken, caught);
        assertFalse(parserAlive(), "the parsing thread was stopped and waited for");
    }

    /** The bytes in reads of 4 KB at most, then, past half of them, the failure (an I/O exception or an error). */
    private static InputStream failingHalfWay(byte[] bytes, Throwable failure) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            private long passed;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (passed > bytes.length / 2) {
                    if (failure instanceof IOException e) {
                        throw e;
                    }
                    throw PipelinedValidationTest.<RuntimeException>undeclared(failure);
                }
                int n = super.read(b, off, Math.min(len, 4096));
                passed += Math.max(n, 0);
                return n;
            }
        };
    }

    /** Throws any throwable, a checked exception included, where the compiler sees none declared. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T undeclared(Throwable failure) throws T {
        throw (T) failure;
    }

    private static boolean parserAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(PARSER_THREAD) && t.isAlive());
    }
}
