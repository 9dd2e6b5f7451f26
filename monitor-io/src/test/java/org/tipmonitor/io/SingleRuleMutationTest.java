package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.testing.Records;

/**
 * Property: one model rule broken in one generated record is reported once, with that rule's code, at the
 * pointer of the offending property, and only that record is rejected.
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
}
