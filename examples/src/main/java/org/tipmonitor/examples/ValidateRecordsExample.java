package org.tipmonitor.examples;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.YesNoUnknown;

/**
 * Builds a few victim records, validates them with Jakarta Bean Validation and prints each violation with its
 * rule code, property and message. One record is valid; the others break the GDPR legal-basis rule, the
 * person-key shape, and the order of birth and report.
 */
public final class ValidateRecordsExample {

    private ValidateRecordsExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            run(factory.getValidator(), out);
        }
    }

    /**
     * Validates the example records and prints the report.
     *
     * @param validator the validator
     * @param out       where to print
     * @return the number of violations found
     */
    public static int run(Validator validator, PrintStream out) {
        PersonKey anna = PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a");
        Victim victim = new Victim(anna, Sex.FEMALE, BirthDate.ofYear(2001), Nationality.DUTCH);

        Registration byPolice = new Registration(RegistrationId.of("r-2017-0001"), anna, LocalDate.of(2017, 3, 14),
                ReporterType.POLICE, ExploitationForm.DOMESTIC_SEXUAL, TraffickingRoute.DOMESTIC,
                Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.STATUTORY_DUTY, DublinStatus.NOT_DUBLIN,
                ResidenceSchemeStage.NONE, YesNoUnknown.YES);
        Registration byYouthCare = new Registration(RegistrationId.of("r-2018-0412"), anna, LocalDate.of(2018, 9, 3),
                ReporterType.YOUTH_CARE, ExploitationForm.DOMESTIC_SEXUAL, TraffickingRoute.DOMESTIC,
                Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.UNKNOWN, DublinStatus.NOT_DUBLIN,
                ResidenceSchemeStage.NONE, YesNoUnknown.NO);
        Registration rawIdentifier = new Registration(RegistrationId.of("r-2018-0413"), PersonKey.of("123456782"),
                LocalDate.of(2018, 9, 4), ReporterType.FAIRWORK, ExploitationForm.LABOUR,
                TraffickingRoute.CROSS_BORDER, Sector.AGRICULTURE, LegalBasis.EXPLICIT_CONSENT,
                DublinStatus.DUBLIN, ResidenceSchemeStage.REFLECTION_PERIOD, YesNoUnknown.UNKNOWN);
        Victim bornLater = new Victim(PersonKey.of("q3wz8n2kd7fj5tc9mb4xr6hv1e"), Sex.MALE,
                BirthDate.ofDay(LocalDate.of(2019, 2, 1)), Nationality.of("NG"));
        Registration beforeBirth = new Registration(RegistrationId.of("r-2018-0500"), bornLater.key(),
                LocalDate.of(2018, 12, 1), ReporterType.ROYAL_MARECHAUSSEE, ExploitationForm.CROSS_BORDER_SEXUAL,
                TraffickingRoute.CROSS_BORDER, Sector.UNKNOWN, LegalBasis.STATUTORY_DUTY, DublinStatus.UNKNOWN,
                ResidenceSchemeStage.UNKNOWN, YesNoUnknown.UNKNOWN);

        List<Object> records = List.of(
                new VictimHistory(victim, List.of(byPolice)),
                new VictimHistory(victim, List.of(byPolice, byYouthCare)),
                rawIdentifier,
                new VictimHistory(bornLater, List.of(beforeBirth)));

        int total = 0;
        for (int i = 0; i < records.size(); i++) {
            Object record = records.get(i);
            Set<ConstraintViolation<Object>> violations = validator.validate(record);
            out.printf("record %d (%s): %s%n", i, record.getClass().getSimpleName(),
                    violations.isEmpty() ? "valid" : violations.size() + " violation(s)");
            List<ConstraintViolation<Object>> sorted = violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                            .thenComparing(ConstraintViolation::getMessage))
                    .toList();
            for (ConstraintViolation<Object> violation : sorted) {
                // The message starts with the rule's code; ModelRule.of(violation) gives the rule itself.
                out.printf("  %s: %s%n", violation.getPropertyPath(), violation.getMessage());
            }
            total += violations.size();
        }
        out.printf("%d records, %d violations%n", records.size(), total);
        return total;
    }
}
