package org.tipmonitor.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipmonitor.indicators.tables.CountTable.ALL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * Linked tables and stated facts against the {@link Intruder} (exact LP bounds from the public view, another solver):
 * generated registrations of 150 to 1,000 victims tabulated three ways that share the year margins, the cases of
 * issue 12 (a single withheld cell in a row, a total published in a sibling table, a decomposition sentence), and the
 * coded errors.
 */
class LinkedTablesTest {

    private static final DisclosurePolicy POLICY = DisclosurePolicy.withDefaults();
    private static final Dimension YEAR = Dimension.of("year", "2014", "2015", "2016", "2017", "2018");

    /** Registrations of n victims: year, form (5), reporter (4) and consent (2) drawn with unequal weights. */
    static LinkedTables registrations(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        CountTable.Builder form = CountTable.builder(CountingUnit.REGISTRATIONS, YEAR,
                Dimension.of("form", "domestic", "cross_border", "labour", "criminal", "other"));
        CountTable.Builder reporter = CountTable.builder(CountingUnit.REGISTRATIONS, YEAR,
                Dimension.of("reporter", "police", "kmar", "inspectorate", "other"));
        CountTable.Builder consent = CountTable.builder(CountingUnit.REGISTRATIONS, YEAR,
                Dimension.of("consent", "yes", "no"));
        for (int i = 0; i < n; i++) {
            String year = YEAR.labels().get(random.nextInt(5));
            form.add(year, pick(random, new double[] {0.4, 0.25, 0.2, 0.1, 0.05},
                    "domestic", "cross_border", "labour", "criminal", "other"));
            reporter.add(year, pick(random, new double[] {0.6, 0.2, 0.15, 0.05}, "police", "kmar",
                    "inspectorate", "other"));
            consent.add(year, pick(random, new double[] {0.93, 0.07}, "yes", "no"));
        }
        return LinkedTables.of().with("form", form.build()).with("reporter", reporter.build())
                .with("consent", consent.build())
                .withSharedDimension("form", "reporter", "year")
                .withSharedDimension("form", "consent", "year");
    }

    private static String pick(SplittableRandom random, double[] weights, String... labels) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return labels[i];
            }
        }
        return labels[labels.length - 1];
    }

    static Stream<Arguments> datasets() {
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {150, 150, 300, 450, 600, 800, 1000};
        for (int i = 0; i < sizes.length; i++) {
            long seed = 12_000 + i;
            cases.add(Arguments.of("seed=" + seed + " victims=" + sizes[i], seed, sizes[i]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void noWithheldCellOfTheLinkedSetCanBeNarrowedBelowTheMargin(String name, long seed, int n) {
        LinkedTables set = registrations(seed, n);
        ProtectedLinkedTables published = POLICY.protect(set);
        Map<String, long[]> bounds = Intruder.attack(published, List.of());
        assertFalse(bounds.isEmpty(), "the generated tables have small cells");
        for (Map.Entry<String, CountTable> e : set.tables().entrySet()) {
            CountTable truth = e.getValue();
            ProtectedTable table = published.table(e.getKey());
            forEach(truth, c -> {
                long count = truth.count(c);
                String cell = CellRef.of(e.getKey(), c).toString();
                if (POLICY.isSensitive(count)) {
                    assertTrue(table.status(c).isSuppressed(), () -> cell + " is sensitive");
                }
                if (table.status(c).isSuppressed()) {
                    long[] b = bounds.get(cell);
                    assertTrue(b[0] <= count && count <= b[1], () -> cell + " bounds contain the count");
                    assertTrue(b[1] - b[0] >= POLICY.protectionMargin(), () -> cell + " width " + (b[1] - b[0]));
                } else {
                    assertEquals(count, table.value(c).getAsLong(), cell);
                }
            });
        }
        // the library's own audit finds the same intervals
        LinkedAuditReport audit = DisclosureAudit.of(POLICY).audit(published, List.of());
        assertTrue(audit.passed());
        assertEquals(bounds.size(), audit.auditedCells());
        audit.tables().forEach((table, report) -> report.intervals().forEach(interval -> {
            long[] b = bounds.get(new CellRef(table, interval.coordinates()).toString());
            assertEquals(b[0], interval.lower(), 0, () -> table + interval.coordinates());
            assertEquals(b[1], interval.upper(), 0, () -> table + interval.coordinates());
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void tablesProtectedOneByOneCanLeakThroughTheirSharedMargins(String name, long seed, int n) {
        LinkedTables set = registrations(seed, n);
        Map<String, ProtectedTable> separately = new LinkedHashMap<>();
        set.tables().forEach((table, counts) -> separately.put(table, POLICY.protect(counts)));
        LinkedAuditReport audit = DisclosureAudit.of(POLICY)
                .audit(new ProtectedLinkedTables(separately, set.links(), 10), List.of());
        Assumptions.assumeFalse(audit.passed(), "this draw does not leak when protected table by table");
        // what leaks separately is protected jointly
        assertTrue(DisclosureAudit.of(POLICY).audit(POLICY.protect(set), List.of()).passed());
    }

    @Test
    void singleWithheldCellInARowIsNotLeftAlone() {
        // one sensitive count in a row whose total is published would be determined: 46 - 20 - 23 = 3
        CountTable table = CountTable.oneWay(CountingUnit.PERSONS, "form", List.of("a", "b", "c"), 3, 20, 23);
        ProtectedLinkedTables published = POLICY.protect(LinkedTables.of().with("t", table));
        assertEquals(CellStatus.PRIMARY, published.table("t").status(0));
        assertTrue(published.table("t").suppressedCount() >= 2);
        long[] b = Intruder.attack(published, List.of()).get("t(0)");
        assertTrue(b[1] - b[0] >= 10, "width " + (b[1] - b[0]));
    }

    static Stream<Arguments> hierarchies() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            cases.add(Arguments.of("seed=" + seed, seed));
        }
        return cases.stream();
    }

    /**
     * A hierarchical dimension: registrations by year and nationality (six nationalities) and by year and region
     * (Europe = the first three, Africa = the last three), linked cell by cell (each region is the sum of its
     * nationalities in every year and in total) and by their shared year margins.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hierarchies")
    void hierarchicalDimensionsAreProtectedJointly(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dimension years = Dimension.of("year", "2016", "2017", "2018");
        long[] detail = new long[3 * 6];
        long[] region = new long[3 * 2];
        for (int y = 0; y < 3; y++) {
            for (int n = 0; n < 6; n++) {
                long count = random.nextInt(4) == 0 ? 1 + random.nextInt(9) : random.nextInt(60);
                detail[y * 6 + n] = count;
                region[y * 2 + n / 3] += count;
            }
        }
        CountTable byNationality = CountTable.of(CountingUnit.REGISTRATIONS, List.of(years,
                Dimension.of("nationality", "nl", "pl", "ro", "ng", "er", "ma")), detail);
        CountTable byRegion = CountTable.of(CountingUnit.REGISTRATIONS, List.of(years,
                Dimension.of("region", "europe", "africa")), region);
        LinkedTables set = LinkedTables.of().with("nationality", byNationality).with("region", byRegion)
                .withSharedDimension("nationality", "region", "year");
        for (int y = -1; y < 3; y++) {
            int year = y < 0 ? ALL : y;
            for (int r = 0; r < 2; r++) {
                List<CellRef> parts = new ArrayList<>();
                for (int n = 3 * r; n < 3 * r + 3; n++) {
                    parts.add(CellRef.of("nationality", year, n));
                }
                set = set.withLink(CellRef.of("region", year, r), parts);
            }
        }
        ProtectedLinkedTables published = POLICY.protect(set);
        Map<String, long[]> bounds = Intruder.attack(published, List.of());
        Assumptions.assumeFalse(bounds.isEmpty(), "this draw has no small cell");
        for (Map.Entry<String, long[]> e : bounds.entrySet()) {
            assertTrue(e.getValue()[1] - e.getValue()[0] >= 10, () -> e.getKey() + " width "
                    + (e.getValue()[1] - e.getValue()[0]));
        }
        for (int y = 0; y < 3; y++) {
            for (int n = 0; n < 6; n++) {
                if (POLICY.isSensitive(detail[y * 6 + n])) {
                    assertTrue(published.table("nationality").status(y, n).isSuppressed());
                }
            }
        }
        assertTrue(DisclosureAudit.of(POLICY).audit(published, List.of()).passed());
    }

    @Test
    void roundedSetsWithholdNothingAndPassTrivially() {
        LinkedTables set = registrations(12_000, 150);
        ProtectedLinkedTables rounded = POLICY.withRounding(Rounding.BASE_5).protect(set);
        assertEquals(0, rounded.suppressedCount());
        assertTrue(rounded.table("form").isRounded());
        // the rounded year totals of two tables may differ, and a stated exact total need not match them
        LinkedAuditReport audit = DisclosureAudit.of(POLICY).audit(rounded, List.of(StatedFact.total("total", 151,
                List.of(CellRef.of("form", ALL, ALL)))));
        assertTrue(audit.passed());
        assertEquals(0, audit.auditedCells());
    }

    @Test
    void auditsAPatternMadeElsewhere() {
        CountTable table = CountTable.oneWay(CountingUnit.PERSONS, "form", List.of("a", "b", "c"), 3, 20, 23);
        // one withheld cell in the line: 46 - 20 - 23 = 3 exactly
        AuditReport alone = DisclosureAudit.of(POLICY).audit(table, List.of(List.of(0)));
        assertEquals(1, alone.exposed().size());
        assertTrue(alone.exposed().get(0).isDetermined());
        assertEquals(3, alone.exposed().get(0).lower(), 0);
        // with the 20 withheld too: x0 + x1 = 23, so x0 in [0, 23]
        AuditReport pair = DisclosureAudit.of(POLICY).audit(table, List.of(List.of(0), List.of(1)));
        assertTrue(pair.passed());
        assertEquals(0, pair.intervals().get(0).lower(), 0);
        assertEquals(23, pair.intervals().get(0).upper(), 0);
    }

    @Test
    void totalPublishedInASiblingTableIsUsed() {
        // by year: 2014 has 5 (sensitive); protected alone, 2015 (50) is withheld with it and 2016 and the total
        // are published. A sibling table splits 2015's registrations by region and publishes its total, 50.
        CountTable byYear = CountTable.oneWay(CountingUnit.REGISTRATIONS, "year", List.of("2014", "2015", "2016"),
                5, 50, 60);
        CountTable regions2015 = CountTable.oneWay(CountingUnit.REGISTRATIONS, "region", List.of("north", "south"),
                20, 30);
        LinkedTables set = LinkedTables.of().with("year", byYear).with("region", regions2015)
                .withLink(CellRef.of("year", 1), List.of(CellRef.of("region", ALL)));
        ProtectedTable alone = POLICY.protect(byYear);
        ProtectedTable siblingAlone = POLICY.protect(regions2015);
        assertTrue(alone.status(1).isSuppressed());
        assertEquals(50, siblingAlone.value(ALL).getAsLong());
        LinkedAuditReport leaking = DisclosureAudit.of(POLICY).audit(new ProtectedLinkedTables(
                Map.of("year", alone, "region", siblingAlone), set.links(), 10), List.of());
        assertFalse(leaking.passed());
        // 115 - 50 - 60 = 5
        assertTrue(leaking.tables().get("year").intervals().stream()
                .anyMatch(i -> i.coordinates().equals(List.of(0)) && i.lower() == 5 && i.upper() == 5));

        ProtectedLinkedTables joint = POLICY.protect(set);
        assertEquals(joint.table("year").status(1).isSuppressed(), joint.table("region").status(ALL)
                .isSuppressed(), "a shared cell has one status");
        assertTrue(DisclosureAudit.of(POLICY).audit(joint, List.of()).passed());
        Intruder.attack(joint, List.of()).forEach((cell, b) -> assertTrue(b[1] - b[0] >= 10, cell));
    }

    @Test
    void auditsALinkedPatternMadeElsewhere() {
        // the sets of totalPublishedInASiblingTableIsUsed, given as patterns instead of protected tables
        CountTable byYear = CountTable.oneWay(CountingUnit.REGISTRATIONS, "year", List.of("2014", "2015", "2016"),
                5, 50, 60);
        CountTable regions2015 = CountTable.oneWay(CountingUnit.REGISTRATIONS, "region", List.of("north", "south"),
                20, 30);
        LinkedTables set = LinkedTables.of().with("year", byYear).with("region", regions2015)
                .withLink(CellRef.of("year", 1), List.of(CellRef.of("region", ALL)));
        DisclosureAudit audit = DisclosureAudit.of(POLICY);
        // 2014 and 2015 withheld by year, the region table published whole: 115 - 50 - 60 = 5 exactly
        LinkedAuditReport leaking = audit.audit(set, Map.of("year", List.of(List.of(0), List.of(1))), List.of());
        assertEquals(2, leaking.exposedCells());
        assertEquals(List.of("year"), leaking.failedTables());
        CellInterval y2014 = leaking.tables().get("year").intervals().get(0);
        assertEquals(List.of(0), y2014.coordinates());
        assertEquals(5, y2014.lower(), 0);
        assertEquals(5, y2014.upper(), 0);
        assertTrue(leaking.tables().get("region").intervals().isEmpty(), "a table the map does not name");
        // with the region total and both regions withheld too: x2014 + x2015 = 55 and north + south = x2015, so
        // every withheld cell lies in [0, 55] (by hand: each is at most 55, and 0 is reached)
        LinkedAuditReport joint = audit.audit(set, Map.of("year", List.of(List.of(0), List.of(1)),
                "region", List.of(List.of(0), List.of(1), List.of(ALL))), List.of());
        assertTrue(joint.passed());
        assertEquals(5, joint.auditedCells());
        assertEquals(0, joint.tables().get("year").intervals().get(0).lower(), 0);
        assertEquals(55, joint.tables().get("year").intervals().get(0).upper(), 0);
        assertEquals(55, joint.tables().get("region").intervals().get(0).upper(), 0);
        IndicatorException unknown = assertThrows(IndicatorException.class,
                () -> audit.audit(set, Map.of("consent", List.of(List.of(0))), List.of()));
        assertTrue(unknown.getMessage().startsWith("TM-DC-0011"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("'consent'"), unknown.getMessage());
        assertThrows(IndicatorException.class,
                () -> audit.audit(set, Map.of("year", List.of(List.of(3))), List.of()), "2014..2016 are 0..2");
    }

    @Test
    void decompositionSentenceCanDiscloseAndIsCaughtByTheAudit() {
        // police-identified victims by year and origin (issue 12's sample): 2017 = 32, 2018 = 37
        CountTable police = CountTable.of(CountingUnit.PERSONS, List.of(Dimension.of("year", "2017", "2018"),
                Dimension.of("origin", "african", "eu", "other")), 3, 15, 14, 12, 13, 12);
        ProtectedLinkedTables published = POLICY.protect(LinkedTables.of().with("police", police));
        assertTrue(DisclosureAudit.of(POLICY).audit(published, List.of()).passed());
        // "Driven by one group: african (+9); without it the total went from 29 to 25"
        List<StatedFact> sentence = List.of(
                StatedFact.difference("african +9", 9, List.of(CellRef.of("police", 1, 0)),
                        List.of(CellRef.of("police", 0, 0))),
                StatedFact.total("without african 2017: 29", 29, List.of(CellRef.of("police", 0, 1),
                        CellRef.of("police", 0, 2))),
                StatedFact.total("without african 2018: 25", 25, List.of(CellRef.of("police", 1, 1),
                        CellRef.of("police", 1, 2))));
        LinkedAuditReport audit = DisclosureAudit.of(POLICY).audit(published, sentence);
        assertFalse(audit.passed());
        assertEquals(List.of("police"), audit.failedTables());
        assertEquals(3, sentence.size() == 3 ? audit.facts().size() : -1);
        Map<String, long[]> intruder = Intruder.attack(published, sentence);
        // 32 - 29 = 3 exactly
        assertEquals(3, intruder.get("police(0, 0)")[0]);
        assertEquals(3, intruder.get("police(0, 0)")[1]);
        audit.tables().get("police").intervals().forEach(i -> {
            long[] b = intruder.get(new CellRef("police", i.coordinates()).toString());
            assertEquals(b[0], i.lower(), 0);
            assertEquals(b[1], i.upper(), 0);
        });
    }

    @Test
    void rejectsBadInputWithCodes() {
        CountTable a = CountTable.oneWay(CountingUnit.PERSONS, "year", List.of("2014", "2015"), 20, 30);
        CountTable b = CountTable.oneWay(CountingUnit.PERSONS, "year", List.of("2014", "2015"), 20, 31);
        LinkedTables set = LinkedTables.of().with("a", a).with("b", b);
        assertEquals("TM-DC-0013: Linked tables disagree: a(Total) is not the sum of [b(Total)]",
                assertThrows(IndicatorException.class, () -> set.withSharedDimension("a", "b", "year")).getMessage());
        assertEquals("TM-DC-0010: Table name is blank or used twice in the linked set: 'a'",
                assertThrows(IndicatorException.class, () -> set.with("a", b)).getMessage());
        assertEquals("TM-DC-0011: Shared dimension names no table of the linked set: 'c'",
                assertThrows(IndicatorException.class, () -> set.withSharedDimension("a", "c", "year"))
                        .getMessage());
        assertEquals("TM-DC-0012: Tables 'a' and 'b' do not share dimension 'form' with the same categories",
                assertThrows(IndicatorException.class, () -> set.withSharedDimension("a", "b", "form"))
                        .getMessage());
        assertEquals("TM-DC-0020: Stated fact 'total' has an invalid value: negative count -1",
                assertThrows(IndicatorException.class, () -> StatedFact.total("total", -1,
                        List.of(CellRef.of("a", 0)))).getMessage());
        assertEquals("TM-DC-0001: Suppression threshold is less than 1: 0",
                assertThrows(IndicatorException.class, () -> POLICY.withThreshold(0)).getMessage());
        assertEquals("TM-DC-0002: Protection margin is less than 1: 0",
                assertThrows(IndicatorException.class, () -> POLICY.withProtectionMargin(0)).getMessage());
        ProtectedLinkedTables published = POLICY.protect(LinkedTables.of().with("a", a));
        assertEquals("TM-DC-0011: Fact 'x' names no table of the linked set: 'z'",
                assertThrows(IndicatorException.class, () -> DisclosureAudit.of(POLICY).audit(published,
                        List.of(StatedFact.total("x", 3, List.of(CellRef.of("z", 0)))))).getMessage());
        // a fact that contradicts the published values
        assertTrue(assertThrows(IndicatorException.class, () -> DisclosureAudit.of(POLICY).audit(published,
                List.of(StatedFact.total("wrong total", 51, List.of(CellRef.of("a", ALL)))))).getMessage()
                .startsWith("TM-DC-0021: "));
    }

    private static void forEach(CountTable table, Consumer<int[]> action) {
        int rank = table.rank();
        int[] sizes = table.shape();
        int total = 1;
        for (int s : sizes) {
            total *= s + 1;
        }
        for (int i = 0; i < total; i++) {
            int rest = i;
            int[] c = new int[rank];
            for (int d = rank - 1; d >= 0; d--) {
                int v = rest % (sizes[d] + 1);
                rest /= sizes[d] + 1;
                c[d] = v == sizes[d] ? ALL : v;
            }
            action.accept(c);
        }
    }
}
