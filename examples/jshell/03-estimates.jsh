// Chapter 3: estimates. Multiple systems estimation on the Dutch six-list table 2010-2015 (independence,
// stepwise selection, a BIC search, profile-likelihood and bootstrap intervals), then on the linked registrations
// of the bundled sample, stratified by year, compared with the known truth behind the synthetic data().
// Run after monitor.jsh (bash examples/jshell.sh --run 03-estimates).
//
// Reference values: R 4.2.2 with SparseMSE 2.0.1, MultipleSystemsEstimation 1.2.0 and Rcapture 1.4-4 on the
// table shipped in SparseMSE as `Ned` (Silverman 2020, JRSS-A 183(3), Table 2), as pinned in monitor-indicators'
// NetherlandsReferenceTest: point estimates 1e-6 relative, Wald intervals 1e-4, profile intervals 2e-3.

heading("3.1 The Dutch six-list table, 2010-2015");

// I labour inspectorate, K Royal Marechaussee, O shelters, P police, R care coordinators, Z others.
CaptureHistories ned = ned();
show(ned);
checkEquals("persons on at least one list (published n)", 8234, ned.observed());

heading("3.2 Independence and stepwise selection");

LogLinearModel mainEffects = LogLinearModel.mainEffects(ned.listNames());
Estimate independence = LogLinearEstimator.withDefaults().estimate(ned,
        mainEffects).orElseThrow();
show(independence);
// glm(count ~ ., family = poisson); SparseMSE::estimatepopulation.0(z, method = "main")
checkClose("independence estimate", 52823.4639331121, independence.estimate(), 1e-6);
checkClose("independence Wald lower limit", 48523.9032533741, independence.interval().lower(), 1e-4);
checkClose("independence Wald upper limit", 57581.8547550448, independence.interval().upper(), 1e-4);

StepwiseSelection.Result stepwise = StepwiseSelection.withDefaults().select(ned);
Estimate stepwiseEstimate = stepwise.outcome().orElseThrow();
show(stepwise);
// SparseMSE::estimatepopulation.0(z): stepwise with pthresh 0.02; entry order from SparseMSE::stepwisefit
check("pairs entered in SparseMSE's order O:Z, P:Z, I:Z, P:R, O:P, K:R, I:K, K:O", stepwise.steps().stream()
        .map(StepwiseSelection.Step::term).toList()
        .equals(List.of("O:Z", "P:Z", "I:Z", "P:R", "O:P", "K:R", "I:K", "K:O")));
checkClose("stepwise estimate", 111139.371230396, stepwiseEstimate.estimate(), 1e-6);
checkClose("stepwise lower limit", 92439.8581114246, stepwiseEstimate.interval().lower(), 1e-4);
checkClose("stepwise upper limit", 133991.467064263, stepwiseEstimate.interval().upper(), 1e-4);
check("modelling the dependence between the lists doubles the estimate",
        stepwiseEstimate.estimate() > 2 * independence.estimate());

heading("3.3 A search by BIC");

// The exhaustive search fits every hierarchical model up to a maximum order. On six lists the default is all
// 2^15 = 32,768 two-way models; the notebook searches Ned_5 instead, the table with I and O merged as Silverman
// merges small lists, where the default goes up to three-way terms (6,212 models).
CaptureHistories ned5 = ned.withMergedLists("I", "O", "IO");
ExhaustiveSearch.Result bic = ExhaustiveSearch.withDefaults().withCriterion(InformationCriterion.BIC).search(ned5);
Estimate stepwise5 = StepwiseSelection.withDefaults().select(ned5).outcome().orElseThrow();
show(bic);
System.out.printf(Locale.ROOT, "Stepwise on Ned_5: %,.0f with BIC %.4f%n", stepwise5.estimate(),
        stepwise5.fit().orElseThrow().bic());
// SparseMSE::estimatepopulation.0(Ned_5)
checkClose("stepwise estimate on Ned_5", 121521.613712277, stepwise5.estimate(), 1e-6);
// MultipleSystemsEstimation's hiermodels: 6,212 hierarchical models on five lists up to order three
checkEquals("models in the catalogue", 6212, bic.catalogue());
check("the best model by BIC has a BIC no larger than the stepwise model's",
        bic.ranking().get(0).criterionValue() <= stepwise5.fit().orElseThrow().bic() + 1e-9);
check("the best model's estimate is refitted as the search's outcome", Math.abs(bic.best().orElseThrow().estimate()
        - bic.ranking().get(0).estimate()) <= 1e-6 * bic.ranking().get(0).estimate());

heading("3.4 Profile-likelihood and bootstrap intervals");

Estimate profile = ProfileLikelihoodEstimator.withDefaults().estimate(ned,
        mainEffects).orElseThrow();
show(profile);
// Rcapture::closedpCI.t(z, dfreq = TRUE, m = "Mt")
checkClose("multinomial estimate, independence", 52814.0812876975, profile.estimate(), 1e-6);
checkClose("profile lower limit", 48541.5779810742, profile.interval().lower(), 2e-3);
checkClose("profile upper limit", 57648.304613425, profile.interval().upper(), 2e-3);

Estimate parametric = BootstrapEstimator.withDefaults().withReplicates(200).withSeed(20191018L).parametric(ned,
        stepwise.model()).orElseThrow();
Estimate selection = BootstrapEstimator.withDefaults().withReplicates(100).withSeed(20191018L).nonparametric(ned,
        StepwiseSelection.withDefaults()).orElseThrow();
table(List.of("interval (stepwise model)", "estimate", "lower", "upper"), List.of(
        List.of("Wald, log of the unobserved", stepwiseEstimate.estimate(), stepwiseEstimate.interval().lower(),
                stepwiseEstimate.interval().upper()),
        List.of("parametric bootstrap, 200", parametric.estimate(), parametric.interval().lower(),
                parametric.interval().upper()),
        List.of("BCa with reselection, 100", selection.estimate(), selection.interval().lower(),
                selection.interval().upper())));
check("the bootstrap intervals contain the estimate", parametric.interval().contains(parametric.estimate())
        && selection.interval().contains(selection.estimate()));
check("re-running the selection widens the interval", selection.interval().upper() - selection.interval().lower()
        > parametric.interval().upper() - parametric.interval().lower());

// The default random numbers agree with R's only within Monte Carlo error. R's own (set.seed, Mersenne-Twister,
// rmultinom over the table's rows as listed) give R's replicates, and so R's interval, to the digit.
Estimate asInR = BootstrapEstimator.withDefaults().withRandomSource(BootstrapEstimator.RandomSource.R).nonparametric(
        ned, StepwiseSelection.withDefaults()).orElseThrow();
show(asInR.interval());
// SparseMSE::estimatepopulation(z, nboot = 1000) with its default iseed = 1234: 45,758.9 - 171,107.9
checkClose("R's random numbers: SparseMSE's BCa lower limit", 45758.9, asInR.interval().lower(), 1.1e-6);
checkClose("R's random numbers: SparseMSE's BCa upper limit", 171107.9, asInR.interval().upper(), 3e-7);

heading("3.5 Rcapture's models side by side");

// Equal catchability (M0), list effects (Mt), heterogeneity between persons (Mh) and both (Mth), the last two in
// Chao's lower-bound, Poisson2, Darroch and Gamma3.5 forms: Rcapture's closedp.t table.
ClosedPopulationModel.Comparison rcapture = ClosedPopulationModel.compare(ned, 0.95);
show(rcapture);
// Rcapture::closedp.t(z, dfreq = TRUE): Mth Chao (LB) 54,367.7
checkClose("Mth Chao", 54367.7, rcapture.outcomes().get(6).orElseThrow().estimate(), 1e-6);
check("the heterogeneity models estimate more than the independence model (Mt)", rcapture.outcomes().stream()
        .skip(2).allMatch(o -> o.orElseThrow().estimate() > rcapture.outcomes().get(1).orElseThrow().estimate()));

heading("3.6 The sample's linked registrations, stratified by year, against the truth");

ListDefinition lists = ListDefinition.dutchSixLists();
CaptureHistories linked = LinkedRegistrations.of(data().registrations(), lists, years);
StepwiseSelection.Result sampleModel = StepwiseSelection.withDefaults().select(linked);
Map<PersonKey, Victim> victimsByKey = data().victimsByKey();
StratifiedHistories byYear = LinkedRegistrations.stratified(data().registrations(), victimsByKey, lists, years,
        LinkedRegistrations.Covariate.YEAR);
// The lists' dependence as selected on the pooled table, the same in every year, and a main effect of the year.
StratifiedEstimator.Result perYear = StratifiedEstimator.withDefaults().estimate(byYear,
        sampleModel.model().formula() + " + year");
SyntheticTruth truth = SyntheticMonitorData.of(20191018L).withRegisteredVictims(5133).truth();
System.out.println("Lists: " + lists);
show(linked, perYear);

List<List<?>> rows = new ArrayList<>();
for (String level : perYear.levels()) {
    Estimate e = perYear.level(level).orElseThrow();
    long actual = truth.truePopulation().get(Integer.parseInt(level));
    rows.add(List.of(level, e.observed(), e.estimate(), e.interval().lower(), e.interval().upper(), actual,
            e.interval().contains(actual) ? "yes" : "no"));
}
Estimate total = perYear.total().orElseThrow();
rows.add(List.of("total", total.observed(), total.estimate(), total.interval().lower(), total.interval().upper(),
        truth.totalPopulation(), total.interval().contains(truth.totalPopulation()) ? "yes" : "no"));
table(List.of("year", "observed", "estimate", "lower", "upper", "truth", "covered"), rows);
System.out.println("The truth is known only because the data are synthetic: the lists' capture depends on form,"
        + " age and each other in ways no log-linear model here describes exactly.");

checkEquals("persons in the strata add up to the pooled table", linked.observed(), byYear.levels().stream()
        .mapToLong(level -> byYear.stratum(level).observed()).sum());
checkClose("a year main effect leaves the pooled estimate unchanged", sampleModel.outcome().orElseThrow().estimate(),
        total.estimate(), 1e-6);
check("the true population exceeds the persons observed", truth.totalPopulation() > linked.observed());
check("the estimate is of the truth's order (within a factor of two)", total.estimate() > truth.totalPopulation() / 2.0
        && total.estimate() < 2.0 * truth.totalPopulation());

heading("3.7 One model over lists, year, form and age: the letter's figure, against the truth");

// The year-only model above scales every level alike. The monitors' method fits one model over the lists and the
// covariates with list x covariate terms: each list catches minors, each form and each year with its own rate.
CovariateTable covariateTable = LinkedRegistrations.table(data().registrations(), victimsByKey, lists, years,
        List.of(LinkedRegistrations.Covariate.YEAR, LinkedRegistrations.Covariate.FORM,
                LinkedRegistrations.Covariate.MINOR)).mergeLevels("form", List.of("organ_removal", "other"),
        "other");
JointEstimator jointEstimator = JointEstimator.withDefaults().withUnknownValues(UnknownValues.EM);
JointSelection.Result joint = JointSelection.withDefaults().withCovariateTermsKept().select(covariateTable,
        jointEstimator);
JointFit jointFit = (JointFit) joint.chosen();
Selection domestic = Selection.where("form", "domestic_sexual");
Selection minorsDomestic = domestic.and("minor", "minor");
DerivedEstimate minorsTotal = jointFit.population(minorsDomestic);
DerivedEstimate minorsShare = jointFit.share(minorsDomestic, domestic);
System.out.println(covariateTable);
System.out.println("Model: " + jointFit.model().formula());
List<SyntheticTruth.Stratum> strata = SyntheticMonitorData.of(20191018L).withRegisteredVictims(5133).trueStrata();
long trueMinors = strata.stream().filter(s -> s.form() == ExploitationForm.DOMESTIC_SEXUAL && s.minor()).
        mapToLong(s -> s.victims()).sum();
long trueDomestic = strata.stream().filter(s -> s.form() == ExploitationForm.DOMESTIC_SEXUAL).
        mapToLong(s -> s.victims()).sum();
table(List.of("quantity", "registered", "estimate", "lower", "upper", "truth"), List.of(
        List.of("minors, domestic sexual", Math.round(minorsTotal.observed()), Math.round(minorsTotal.estimate()),
                Math.round(minorsTotal.lower()), Math.round(minorsTotal.upper()), trueMinors),
        List.of("their share of the form (%)", Math.round(1000 * minorsShare.observed()) / 10.0,
                Math.round(1000 * minorsShare.estimate()) / 10.0, Math.round(1000 * minorsShare.lower()) / 10.0,
                Math.round(1000 * minorsShare.upper()) / 10.0,
                Math.round(1000.0 * trueMinors / trueDomestic) / 10.0)));

check("the interval of the minors' total covers the truth", minorsTotal.covers(trueMinors));
check("the interval of the share covers the truth", minorsShare.covers((double) trueMinors / trueDomestic));
check("the model keeps every list x covariate term", jointFit.model().terms().containsAll(List.of("P:minor",
        "Z:form", "R:year")));

finish("03-estimates");
/exit failures()
