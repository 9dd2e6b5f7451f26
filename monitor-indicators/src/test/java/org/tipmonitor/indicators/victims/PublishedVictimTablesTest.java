package org.tipmonitor.indicators.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.disclosure.AuditReport;
import org.tipmonitor.indicators.disclosure.DisclosureAudit;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.disclosure.ProtectedTable;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

/**
 * Victim tables of registrations and of persons pass through the existing disclosure control unchanged: the
 * protected table keeps the counting unit and the provenance (dataset, period, age rule), and the audit (Hundepool et
 * al. 2012, section 5.3) finds no withheld cell that the published cells and margins determine within the margin.
 * Registers: the letter's synthetic register and seeded {@link ModelGenerator} registers (seed in the case name).
 */
class PublishedVictimTablesTest {

    private static final YearRange PERIOD = YearRange.of(2014, 2018);

    static Stream<Arguments> registers() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("letter register", LetterVictims.histories()));
        for (long seed = 1; seed <= 6; seed++) {
            ModelGenerator generator = new ModelGenerator(seed);
            List<VictimHistory> histories = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                histories.add(generator.victimHistory());
            }
            cases.add(Arguments.of("seed=" + seed, histories));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void protectedTablesPassTheAudit(String name, List<VictimHistory> histories) {
        DisclosurePolicy policy = DisclosurePolicy.withDefaults();
        for (CountingUnit unit : List.of(CountingUnit.REGISTRATIONS, CountingUnit.PERSONS)) {
            CountTable table = VictimTabulation.of(unit, PERIOD).withDatasetId(name)
                    .table(histories, VictimDimension.YEAR, VictimDimension.INVESTIGATIVE_REPORTER);
            ProtectedTable published = policy.protect(table);
            assertEquals(unit, published.unit());
            assertEquals(name, published.provenance().datasetId());
            assertEquals("age-at-report", published.provenance().definitions().get("ageRule"));
            AuditReport report = DisclosureAudit.withDefaults().withProtectionMargin(policy.protectionMargin())
                    .audit(published);
            assertTrue(report.passed(), () -> report.exposed() + "\n" + published.render());
        }
    }
}
