package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.testing.Records;

/**
 * Property: one model rule broken in one generated record is reported once, with that rule's code, at the
 * pointer of the offending property, and only that record is rejected. The rule across records, TM-M-020, is
 * broken by moving one victim's and one offender's birth day after some of their events.
 */
class SingleRuleMutationTest {

    static Stream<Named<Long>> seeds() {
        return Fixtures.seeds(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aBrokenRuleIsReportedAtItsProperty(long seed) {
        Random random = new Random(seed);
        ExchangeFile file = Fixtures.generated(seed, 20, 0);
        List<Registration> registrations = new ArrayList<>(file.registrations());
        int index = random.nextInt(registrations.size());
        Registration registration = registrations.get(index);
        String code;
        String property;
        switch (random.nextInt(4)) {
            case 0:
                registration = Records.with(Records.with(registration, "form", ExploitationForm.DOMESTIC_SEXUAL),
                        "route", TraffickingRoute.CROSS_BORDER);
                registration = Records.with(registration, "sector", Sector.UNKNOWN);
                code = "TM-M-012";
                property = "route";
                break;
            case 1:
                registration = Records.with(registration, "reportDate", LocalDate.of(2099, 1, 1));
                code = "TM-M-006";
                property = "reportDate";
                break;
            case 2:
                registration = Records.with(registration, "id", RegistrationId.of("-" + index));
                code = "TM-M-003";
                property = "id";
                break;
            default:
                registration = Records.with(Records.with(registration, "form", ExploitationForm.LABOUR),
                        "sector", Sector.SEX_INDUSTRY_VISIBLE);
                code = "TM-M-013";
                property = "sector";
        }
        registrations.set(index, registration);
        ExchangeFile broken = new ExchangeFile(file.dataset(), file.victims(), registrations, List.of(), List.of());
        ValidationReport report = Fixtures.validate(ExchangeWriter.withDefaults().withPrettyPrint(true)
                .toJson(broken));
        assertEquals(List.of("/registrations/" + index + "/" + property + " " + code),
                report.problems().stream().map(p -> p.pointer() + " " + p.code()).toList(), report::toText);
        assertEquals(new RecordCounts(registrations.size(), registrations.size() - 1, 1),
                report.counts(RecordKind.REGISTRATION));
    }

    /** A case's first known event, as the model's history rule takes it. */
    private static LocalDate event(OffenderCase offenderCase) {
        return offenderCase.offenceDate() != null ? offenderCase.offenceDate()
                : offenderCase.prosecutorRegistrationDate();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aPersonBornAfterSomeOfTheirEventsGetsExactlyThoseRejectedWhereverThePersonStands(long seed)
            throws Exception {
        Random random = new Random(seed);
        ExchangeFile file = Fixtures.generated(seed, 20, 10);
        List<Victim> victims = new ArrayList<>(file.victims());
        int v = random.nextInt(victims.size());
        Victim victim = victims.get(v);
        List<LocalDate> reports = file.registrations().stream().filter(r -> r.victimKey().equals(victim.key()))
                .map(Registration::reportDate).toList();
        LocalDate victimBorn = reports.get(random.nextInt(reports.size())).plusDays(1);
        victims.set(v, Records.with(victim, "birthDate", BirthDate.ofDay(victimBorn)));
        List<Offender> offenders = new ArrayList<>(file.offenders());
        int o = random.nextInt(offenders.size());
        Offender offender = offenders.get(o);
        List<LocalDate> events = file.offenderCases().stream().filter(c -> c.offenderKey().equals(offender.key()))
                .map(SingleRuleMutationTest::event).toList();
        LocalDate offenderBorn = events.get(random.nextInt(events.size())).plusDays(1);
        offenders.set(o, Records.with(offender, "birthDate", BirthDate.ofDay(offenderBorn)));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < file.registrations().size(); i++) {
            Registration r = file.registrations().get(i);
            if (r.victimKey().equals(victim.key()) && r.reportDate().isBefore(victimBorn)) {
                expected.add("/registrations/" + i + "/reportDate TM-M-020");
            }
        }
        int rejectedRegistrations = expected.size();
        for (int i = 0; i < file.offenderCases().size(); i++) {
            OffenderCase c = file.offenderCases().get(i);
            if (c.offenderKey().equals(offender.key()) && event(c).isBefore(offenderBorn)) {
                expected.add("/offenderCases/" + i + (c.offenceDate() != null ? "/offenceDate"
                        : "/prosecutorRegistrationDate") + " TM-M-020");
            }
        }

        String json = ExchangeWriter.withDefaults().withPrettyPrint(true).toJson(new ExchangeFile(file.dataset(),
                victims, file.registrations(), offenders, file.offenderCases()));
        boolean personsLast = random.nextBoolean();
        if (personsLast) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode tree = (ObjectNode) mapper.readTree(json);
            ObjectNode reordered = mapper.createObjectNode();
            for (String name : List.of("formatVersion", "dataset", "registrations", "offenderCases", "victims",
                    "offenders")) {
                reordered.set(name, tree.get(name));
            }
            json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
        }
        ValidationReport report = Fixtures.validate(json);
        String context = "seed " + seed + ", persons last " + personsLast;
        assertEquals(expected, report.problems().stream().map(p -> p.pointer() + " " + p.code()).toList(),
                context + "\n" + report.toText());
        String[] lines = json.split("\n");
        for (Problem problem : report.problems()) {
            String property = problem.pointer().substring(problem.pointer().lastIndexOf('/') + 1);
            String line = lines[(int) problem.line() - 1];
            assertEquals(line.indexOf('"', line.indexOf(':')) + 1, problem.column(), context + ": " + line);
            assertEquals(true, line.contains("\"" + property + "\""), context + ": " + line);
        }
        int registrations = file.registrations().size();
        int cases = file.offenderCases().size();
        assertEquals(new RecordCounts(registrations, registrations - rejectedRegistrations, rejectedRegistrations),
                report.counts(RecordKind.REGISTRATION), context);
        assertEquals(new RecordCounts(cases, cases - (expected.size() - rejectedRegistrations),
                expected.size() - rejectedRegistrations), report.counts(RecordKind.OFFENDER_CASE), context);
    }
}
