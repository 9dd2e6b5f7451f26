// Chapter 1: records. Building and validating model records, derived ages and regions, pseudonymisation,
// and reading and writing an exchange file. Run after monitor.jsh (bash examples/jshell.sh --run 01-records).

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

heading("1.1 A victim and her registrations");

// A person key is a pseudonym, never a raw identifier (rule TM-M-002); see 1.4 for how to make one.
PersonKey anna = PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a");
Victim victim = new Victim(anna, Sex.FEMALE, BirthDate.ofYear(2001), Nationality.DUTCH);
Registration byPolice = new Registration(RegistrationId.of("r-2017-0001"), anna, LocalDate.of(2017, 3, 14),
        ReporterType.POLICE, ExploitationForm.DOMESTIC_SEXUAL, TraffickingRoute.DOMESTIC,
        Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.STATUTORY_DUTY, DublinStatus.NOT_DUBLIN,
        ResidenceSchemeStage.NONE, YesNoUnknown.YES);
Registration byYouthCare = new Registration(RegistrationId.of("r-2018-0412"), anna, LocalDate.of(2018, 9, 3),
        ReporterType.YOUTH_CARE, ExploitationForm.DOMESTIC_SEXUAL, TraffickingRoute.DOMESTIC,
        Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.EXPLICIT_CONSENT, DublinStatus.NOT_DUBLIN,
        ResidenceSchemeStage.NONE, YesNoUnknown.NO);
VictimHistory history = new VictimHistory(victim, List.of(byPolice, byYouthCare));
show(victim, byPolice.reporterType().label() + " on " + byPolice.reportDate() + ", "
        + byYouthCare.reporterType().label() + " on " + byYouthCare.reportDate());

heading("1.2 Validation: every violation names its rule");

ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
Validator validator = factory.getValidator();

/** Prints a record's violations, sorted, and returns their rule codes. */
List<String> violations(Object record) {
    List<ConstraintViolation<Object>> found = validator.validate(record).stream()
            .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
            .toList();
    System.out.printf("%s: %s%n", record.getClass().getSimpleName(),
            found.isEmpty() ? "valid" : found.size() + " violation(s)");
    found.forEach(v -> System.out.printf("  %s: %s%n", v.getPropertyPath(), v.getMessage()));
    return found.stream().map(v -> ModelRule.of(v).code()).toList();
}

List<String> clean = violations(history);
check("the history with two registrations is valid", clean.isEmpty());

// After the GDPR (2018-05-25) a non-investigative reporter must name the legal basis it reports on.
Registration noBasis = new Registration(RegistrationId.of("r-2018-0413"), anna, LocalDate.of(2018, 9, 4),
        ReporterType.YOUTH_CARE, ExploitationForm.DOMESTIC_SEXUAL, TraffickingRoute.DOMESTIC,
        Sector.SEX_INDUSTRY_LESS_VISIBLE, LegalBasis.UNKNOWN, DublinStatus.NOT_DUBLIN,
        ResidenceSchemeStage.NONE, YesNoUnknown.NO);
List<String> gdpr = violations(noBasis);
check("a youth-care report after the GDPR without a legal basis breaks TM-M-010", gdpr.equals(List.of("TM-M-010")));

// A registration dated before the victim's birth breaks a rule of the history (TM-M-020).
Victim bornLater = new Victim(PersonKey.of("q3wz8n2kd7fj5tc9mb4xr6hv1e"), Sex.MALE,
        BirthDate.ofDay(LocalDate.of(2019, 2, 1)), Nationality.of("NG"));
Registration beforeBirth = new Registration(RegistrationId.of("r-2018-0500"), bornLater.key(),
        LocalDate.of(2018, 12, 1), ReporterType.ROYAL_MARECHAUSSEE, ExploitationForm.CROSS_BORDER_SEXUAL,
        TraffickingRoute.CROSS_BORDER, Sector.UNKNOWN, LegalBasis.STATUTORY_DUTY, DublinStatus.UNKNOWN,
        ResidenceSchemeStage.UNKNOWN, YesNoUnknown.UNKNOWN);
List<String> birth = violations(new VictimHistory(bornLater, List.of(beforeBirth)));
check("a report before the birth date breaks TM-M-020", birth.contains("TM-M-020"));

heading("1.3 Derived ages and regions");

// Born in 2001, day unknown: on 2017-03-14 she was 15 or 16, so a minor (12 to 17) either way.
Optional<Age> ageAtReport = victim.ageAt(byPolice.reportDate());
AgeGroup groupAtReport = victim.ageGroupAt(byPolice.reportDate());
table(List.of("event", "date", "age", "age group", "region"), List.of(
        List.of("police report", byPolice.reportDate(), ageAtReport.map(a -> a.minimumYears() + "-" + a.maximumYears())
                .orElse("unknown"), groupAtReport, victim.nationalityRegion()),
        List.of("youth-care report", byYouthCare.reportDate(), victim.ageAt(byYouthCare.reportDate())
                .map(a -> a.minimumYears() + "-" + a.maximumYears()).orElse("unknown"),
                victim.ageGroupAt(byYouthCare.reportDate()), victim.nationalityRegion()),
        List.of("(other victim)", beforeBirth.reportDate(), "-", "-", bornLater.nationalityRegion())));
check("a victim born in 2001 is a minor of 12 to 17 on 2017-03-14", groupAtReport == AgeGroup.AGE_12_TO_17
        && groupAtReport.isMinor());
check("ages derived from a birth year carry the year's uncertainty", ageAtReport.orElseThrow().minimumYears() == 15
        && ageAtReport.orElseThrow().maximumYears() == 16);
check("a Dutch national's region is the Netherlands", victim.nationalityRegion() == NationalityRegion.NETHERLANDS);
check("a Nigerian national's region is Africa", bornLater.nationalityRegion() == NationalityRegion.AFRICA);
check("the labour inspectorate was 'Inspectie SZW' in 2021", "Inspectie SZW".equals(
        ReporterType.LABOUR_INSPECTORATE.designationOn(LocalDate.of(2021, 6, 1)).dutchTerm()));

heading("1.4 Pseudonymisation");

// A keyed hash (HMAC-SHA256) of the source identifier: the same person gets the same key, only with the same
// secret. The secret here is a fixed demonstration value; a real one is 32 random bytes kept by the producer.
byte[] secret = new byte[32];
new SplittableRandom(20191018L).nextBytes(secret);
Pseudonymiser victims = Pseudonymiser.withKey(secret).withContext("victims");
PersonKey first = victims.pseudonymise("BSN 123456782");
PersonKey again = victims.pseudonymise("BSN 123456782");
PersonKey asOffender = Pseudonymiser.withKey(secret).withContext("offenders").pseudonymise("BSN 123456782");
show(victims, "victim key:   " + first, "offender key: " + asOffender);
check("the same identifier gives the same key", first.equals(again));
check("another context gives an unrelated key", !first.equals(asOffender));
check("a pseudonym is a valid person key", validator.validate(new Victim(first, Sex.FEMALE, BirthDate.UNKNOWN,
        Nationality.UNKNOWN)).isEmpty());
check("the pseudonymiser never shows its key", !victims.toString().contains(Arrays.toString(secret)));

heading("1.5 Writing and reading an exchange file");

Dataset dataset = Dataset.of("notebook-2018", ProducerType.RESEARCH, LocalDate.of(2017, 1, 1),
        LocalDate.of(2018, 12, 31), Instant.parse("2019-10-18T00:00:00Z"));
ExchangeFile file = ExchangeFile.ofVictims(dataset, List.of(victim), List.of(byPolice, byYouthCare));
Path exchange = Files.createTempFile("tipmonitor-notebook", ".json");
ExchangeWriter.withDefaults().write(file, exchange);
System.out.println(Files.readString(exchange).substring(0, 200) + "...");
ExchangeFile readBack = ExchangeReader.withDefaults().readFile(exchange);
check("read(write(file)) equals the file", readBack.equals(file));
ValidationReport report = ExchangeReader.withDefaults().validate(exchange);
System.out.print(report.toText());
check("the written file validates", report.isValid());
Files.delete(exchange);

heading("1.6 The bundled sample");

System.out.print(data().report().toText());
check("the bundled sample validates", data().report().isValid());
check("every registration of the sample belongs to a victim of the sample", data().registrations().stream()
        .map(Registration::victimKey).collect(Collectors.toSet()).stream()
        .allMatch(data().victims().stream().map(h -> h.victim().key()).collect(Collectors.toSet())::contains));
checkEquals("registrations accepted", data().report().counts(RecordKind.REGISTRATION).accepted(),
        data().registrations().size());
checkEquals("victims accepted", data().report().counts(RecordKind.VICTIM).accepted(), data().victims().size());
// data() is the library's MonitorData: the accepted records joined per person, with lookups by key and year.
Registration firstRegistration = data().registrations().get(0);
check("the dataset holds each registration under its victim", data().victim(firstRegistration.victimKey())
        .orElseThrow().registrations().contains(firstRegistration));
checkEquals("registrations of 2016, by the year lookup", data().registrations().stream()
        .filter(r -> r.reportYear() == 2016).count(), data().registrationsIn(2016).size());

factory.close();
finish("01-records");
/exit failures()
