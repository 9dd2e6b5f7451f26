// Chapter 2: indicators. Count tables by dimensions, persons versus registrations, and the statements of the
// Rapporteur's letter of 2019 on the bundled synthetic sample: registrations almost halved, the effect of the
// GDPR, the minors' share, offenders under 23, the police signals, and disclosure protection with its audit.
// Run after monitor.jsh (bash examples/jshell.sh --run 02-indicators).

String id = data().dataset().id();
List<ExploitationForm> forms = List.of(ExploitationForm.DOMESTIC_SEXUAL, ExploitationForm.CROSS_BORDER_SEXUAL,
        ExploitationForm.LABOUR, ExploitationForm.CRIMINAL);

heading("2.1 Tables by dimensions: registrations and persons");

VictimTabulation registrations = VictimTabulation.of(CountingUnit.REGISTRATIONS, years).withDatasetId(id);
VictimTabulation persons = VictimTabulation.of(CountingUnit.PERSONS, years).withDatasetId(id);
CountTable byForm = registrations.table(data().victims(), VictimDimension.YEAR, VictimDimension.EXPLOITATION_FORM);
CountTable personsByReporter = persons.table(data().victims(), VictimDimension.YEAR, VictimDimension.REPORTER_TYPE);
show(byForm, personsByReporter);

// Registrations add up; persons reported by two reporter types count once in each cell but once in the margin.
checkEquals("registrations in the table", data().registrations().size(), byForm.total());
checkEquals("persons in the table", data().victims().stream().filter(h -> !h.registrations().isEmpty()).count(),
        personsByReporter.total());
check("the registration table is additive", byForm.isAdditive());
check("the person table is not: some persons have several reporters", !personsByReporter.isAdditive()
        && Arrays.stream(personsByReporter.cells()).sum() > personsByReporter.total());

heading("2.2 Registered persons almost halved");

AnnualSeries personsPerYear = persons.annualSeries(data().victims());
Change change = personsPerYear.change(years.firstYear(), years.lastYear());
show(personsPerYear);
System.out.printf(Locale.ROOT, "Persons registered %d: %,d; %d: %,d (%s)%n", change.fromYear(), change.from(),
        change.toYear(), change.to(), percent(change.relative().orElseThrow()));
// The published series (Slachtoffermonitor mensenhandel 2014-2018; 2015 uncertain): 1,255 to 668, -46.8%.
AnnualSeries published = AnnualSeries.of(2014, 1255, 1300, 952, 958, 668);
checkClose("published relative change 2014-2018, 668/1255 - 1", 668.0 / 1255 - 1,
        published.change(2014, 2018).relative().orElseThrow(), 1e-12);
Map<Integer, Set<PersonKey>> seen = new TreeMap<>();
data().registrations().forEach(r -> seen.computeIfAbsent(r.reportYear(), y -> new HashSet<>()).add(r.victimKey()));
checkEquals("persons 2014, counted directly", seen.get(2014).size(), change.from());
checkEquals("persons 2018, counted directly", seen.get(2018).size(), change.to());
check("the sample, like the published figures, almost halved (a fall of 35% to 55%)",
        change.relative().orElseThrow() < -0.35 && change.relative().orElseThrow() > -0.55);

heading("2.3 The GDPR: reports by non-investigative organisations");

LegalBasisComparison gdpr = LegalBasisEffect.of(years).withDatasetId(id).compare(data().victims());
RateRatio ratio = gdpr.rateRatio().orElseThrow();
show(gdpr);
checkEquals("non-investigative reports before the GDPR, counted directly", data().registrations().stream()
        .filter(r -> r.reporterInvestigative() == YesNoUnknown.NO && !r.isUnderGdpr()).count(), gdpr.before());
checkEquals("non-investigative reports from the GDPR on, counted directly", data().registrations().stream()
        .filter(r -> r.reporterInvestigative() == YesNoUnknown.NO && r.isUnderGdpr()).count(), gdpr.after());
check("the rate fell by more than half (upper limit of the rate ratio below 0.5)", ratio.upper() < 0.5);

heading("2.4 The share of minors, by form");

MinorShareEstimator minors = MinorShareEstimator.of(years).withDatasetId(id);
Map<ExploitationForm, ShareEstimate> minorShares = new LinkedHashMap<>();
forms.forEach(form -> minorShares.put(form, minors.estimate(data().victims(), form)));
minorShares.forEach((form, share) -> System.out.printf("%-35s %s%n", form.label() + ":", share));
check("every share lies in its interval", minorShares.values().stream().map(s -> (Share) s)
        .allMatch(s -> s.lower() <= s.estimate() && s.estimate() <= s.upper()));
check("minors are a larger share of domestic than of cross-border sexual exploitation",
        ((Share) minorShares.get(ExploitationForm.DOMESTIC_SEXUAL)).lower()
                > ((Share) minorShares.get(ExploitationForm.CROSS_BORDER_SEXUAL)).upper());

heading("2.5 Offenders under 23 at the offence, by form");

YearRange caseYears = YearRange.of(2013, 2017);
YoungOffenderShareEstimator young = YoungOffenderShareEstimator.of(caseYears).withDatasetId(id);
Map<ExploitationForm, ShareEstimate> youngShares = new LinkedHashMap<>();
forms.forEach(form -> youngShares.put(form, young.estimate(data().offenders(), form)));
youngShares.forEach((form, share) -> System.out.printf("%-35s %s%n", form.label() + ":", share));
Share domesticYoung = (Share) youngShares.get(ExploitationForm.DOMESTIC_SEXUAL);
// The letter: "bijna vier op de tien" (almost four in ten) domestic sexual exploitation offenders are under 23.
check("almost four in ten domestic sexual exploitation offenders are under 23 (33% to 45%)",
        domesticYoung.estimate() > 0.33 && domesticYoung.estimate() < 0.45);

heading("2.6 Police signals: the 2018 rise and the group behind it");

// The sample file may carry no police-signal cells; the generator that wrote it produces them with the same seed.
List<PoliceSignalCount> signals = data().policeSignals().isEmpty() ?
        SyntheticMonitorData.of(20191018L).policeSignals() : data().policeSignals();
System.out.println(data().policeSignals().isEmpty() ? "(from the generator: the sample file has no police signals)"
        : "(from the sample file)");
YearRange signalYears = YearRange.of(2013, 2018);
PoliceSignals police = PoliceSignals.of(PoliceSeries.IDENTIFIED_VICTIMS, signalYears).withDatasetId(id);
CountTable byOrigin = police.table(signals, PoliceDimension.YEAR, PoliceDimension.ORIGIN);
PoliceSignalChange rise = police.changeInto(signals, 2018, PoliceDimension.ORIGIN);
show(byOrigin, rise);
check("the total rose into 2018", rise.change().direction() == Direction.INCREASE);
check("the rise is driven by one group: African victims", rise.soleDriver()
        .map(d -> d.group().equals(VictimOriginGroup.AFRICAN.code())).orElse(false));
check("without them, 2018 would have fallen", rise.soleDriver().orElseThrow().totalWithout().direction()
        == Direction.DECREASE);

heading("2.7 Disclosure protection and its audit");

DisclosurePolicy policy = DisclosurePolicy.withDefaults();
ProtectedTable publishedByForm = policy.protect(byForm);
AuditReport audit = DisclosureAudit.withDefaults().audit(publishedByForm);
show(policy, publishedByForm);
System.out.printf("Audit: %s; %d withheld cells, %d exposed%n", audit.passed() ? "passed" : "FAILED",
        publishedByForm.suppressedCount(), audit.exposed().size());
check("small cells are withheld", publishedByForm.suppressedCount() > 0);
check("every published value equals the raw count", IntStream.range(0, byForm.dimensions().get(0).size())
        .allMatch(r -> IntStream.range(0, byForm.dimensions().get(1).size()).allMatch(c ->
                publishedByForm.value(r, c).stream().allMatch(v -> v == byForm.count(r, c)))));
check("no withheld cell can be derived from the published cells and margins", audit.passed());
ProtectedTable rounded = policy.withRounding(Rounding.BASE_5).protect(byForm);
show(rounded);
check("rounding to base 5 publishes every cell as a multiple of 5", IntStream.range(0, 5).allMatch(r ->
        rounded.value(r, CountTable.ALL).orElseThrow() % 5 == 0));

finish("02-indicators");
/exit failures()
