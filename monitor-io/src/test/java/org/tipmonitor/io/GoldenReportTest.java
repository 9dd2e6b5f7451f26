package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole validation report, text and JSON, to the byte, against outputs recorded from the reader before its
 * fast paths (issue 14): every golden invalid and valid file, and seeded value-level mutations of the valid files
 * (text; each mutation swaps a few string or number values for others: codes of other lists, dates at the rules'
 * edges, malformed keys), which break the model's rules in every combination the pool allows. A faster reader
 * must find the same problems, in the same order, with the same words and locations.
 *
 * <p>The recorded outputs are in {@code golden/reports}. They were written by the reader as it stood before the
 * change (run with {@code -Dgolden.record=true} to rewrite them on purpose, and review the diff).
 */
class GoldenReportTest {

    private static final Path RECORDED = Path.of("src/test/resources/org/tipmonitor/io/golden/reports");
    private static final boolean RECORD = Boolean.getBoolean("golden.record");
    private static final String[] VALID = {"dataset-only.json", "persons-after-their-records.json",
        "police-reports.json", "police-signals.json", "programme-measures.json", "victims-and-offenders.json"};
    private static final String[] MUTATED = {"persons-after-their-records.json", "police-reports.json",
        "police-signals.json", "programme-measures.json", "victims-and-offenders.json"};
    private static final int MUTATION_SEEDS = 20;
    /** Values swapped in: the rules' edges around the fixed clock of 2026-01-01 and malformed shapes. */
    private static final List<String> EXTRA_STRINGS = List.of("2026-01-01", "2026-01-02", "2999-12-31",
            "1899-12-31", "1900-01-01", "2001-02-03", "2001-02-01", "2018-05-24", "2018-05-25", "2017-02-29",
            "2020-13-01", "", " ", "123456789", "1234567890123456", "short", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
            "k k k k k k k k k k k k k k", "ZZ", "XX", "NL", "nl", "stateless", "unknown", "yes", "no",
            "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "not-a-date");
    private static final List<String> EXTRA_NUMBERS = List.of("-1", "0", "1", "2009", "2010", "2026", "2027",
            "99999", "2147483648", "1.5");
    private static final Pattern STRING_VALUE = Pattern.compile("(:\\s*|\\[\\s*|,\\s*)\"([^\"\\\\]*)\"(?!\\s*:)");
    private static final Pattern NUMBER_VALUE = Pattern.compile("(:\\s*)(-?[0-9]+)");

    static Stream<Named<String>> files() {
        List<Named<String>> files = new ArrayList<>();
        for (String name : new TreeSet<>(listing("golden/invalid"))) {
            if (name.endsWith(".json") && !name.equals("manifest.json")) {
                files.add(Named.of("invalid/" + name, "invalid/" + name));
            }
        }
        for (String name : VALID) {
            files.add(Named.of("valid/" + name, "valid/" + name));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportOfAGoldenFileIsTheRecordedOne(String file) throws IOException {
        ValidationReport report = Fixtures.READER.validate(new ByteArrayInputStream(Fixtures.golden(file)));
        check(file.replace('/', '_'), render(file, report));
    }

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(MUTATION_SEEDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void reportOfValueMutationsIsTheRecordedOne(long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder all = new StringBuilder();
        for (String name : MUTATED) {
            String source = Fixtures.goldenText("valid/" + name);
            for (int round = 0; round < 4; round++) {
                String mutated = mutate(source, random);
                String label = "seed " + seed + " " + name + " round " + round;
                ValidationReport report = Fixtures.READER.validate(Fixtures.stream(mutated));
                all.append("== ").append(label).append('\n').append(report.toText()).append('\n');
                ValidationReport limited = Fixtures.READER.withErrorLimit(2).validate(Fixtures.stream(mutated));
                all.append("== ").append(label).append(" limit 2\n").append(limited.toText()).append('\n');
            }
        }
        check("mutations-seed-" + seed, all.toString());
    }

    private static String render(String label, ValidationReport report) {
        return "== " + label + "\n" + report.toText() + "\n-- json\n" + report.toJson() + "\n";
    }

    private static void check(String name, String actual) throws IOException {
        Path file = RECORDED.resolve(name + ".txt");
        if (RECORD) {
            Files.createDirectories(RECORDED);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        String expected = new String(Fixtures.golden("reports/" + name + ".txt"), StandardCharsets.UTF_8);
        assertEquals(expected, actual, name);
    }

    /** Swaps one to four string or number values of a JSON text for values of the pool. */
    static String mutate(String source, Random random) {
        List<int[]> strings = spans(STRING_VALUE, source);
        List<int[]> numbers = spans(NUMBER_VALUE, source);
        List<String> pool = new ArrayList<>(EXTRA_STRINGS);
        for (int[] span : strings) {
            pool.add(source.substring(span[0], span[1]));
        }
        String text = source;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            boolean number = !numbers.isEmpty() && random.nextInt(5) == 0;
            List<int[]> spans = number ? spans(NUMBER_VALUE, text) : spans(STRING_VALUE, text);
            if (spans.isEmpty()) {
                continue;
            }
            int[] span = spans.get(random.nextInt(spans.size()));
            String value = number ? EXTRA_NUMBERS.get(random.nextInt(EXTRA_NUMBERS.size()))
                    : pool.get(random.nextInt(pool.size()));
            text = text.substring(0, span[0]) + value + text.substring(span[1]);
        }
        return text;
    }

    /** The spans of the values (group 2) the pattern finds. */
    private static List<int[]> spans(Pattern pattern, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        return spans;
    }

    private static List<String> listing(String folder) {
        try (InputStream in = Fixtures.class.getResourceAsStream(folder + "/manifest.json")) {
            if (in == null) {
                throw new IllegalStateException("no manifest in " + folder);
            }
            String manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\"file\":\\s*\"([^\"]+)\"").matcher(manifest);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
