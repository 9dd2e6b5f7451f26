package org.tipmonitor.model.synthetic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.SentenceMeasure;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The record mode of the synthetic generator: <b>synthetic</b> valid model records of every type, one at a time,
 * with every code of every code list drawn, for property tests and benchmarks. Where {@link SyntheticMonitorData}
 * draws a population that follows the published margins (and so rarely an organ-removal case or a birth date known
 * to the month), this draws uniformly over the codes and date precisions that the rules allow, with the records'
 * dependencies kept (the legal basis from the reporter's investigative authority and the GDPR date, the route and
 * sector from the form, a prosecution chain in order). Nothing in it describes a real person.
 *
 * <p>The same seed gives the same records, in the order of the calls (one {@link Random} stream; the records have
 * been the same since this class was the model's test generator {@code ModelGenerator}, so that the seeded tests
 * of every module keep their cases). Every date it produces lies on or before {@link #LATEST_DATE}, so records
 * validate clean with a validator whose clock is at or after that day. Not thread-safe: one generator per thread.
 */
public final class SyntheticRecords {

    /** No generated date lies after this day. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2025, 12, 31);

    private static final List<String> NATIONALITIES = List.of(
            "NL", "NL", "NL", "RO", "BG", "PL", "HU", "NG", "UG", "ER", "VN", "CN", "VE", "CO", "UA", "GB", "MA",
            "stateless", "unknown");

    private final Random random;
    private int nextId;

    private SyntheticRecords(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A generator for a seed.
     *
     * @param seed the seed; the same seed yields the same sequence of records
     * @return the generator
     */
    public static SyntheticRecords of(long seed) {
        return new SyntheticRecords(seed);
    }

    /**
     * A valid pseudonymous key: {@code k} and 25 characters of a base-32 alphabet ({@link Draws#personKey}).
     *
     * @return the key
     */
    public PersonKey personKey() {
        return Draws.personKey('k', random::nextInt);
    }

    /**
     * A valid victim, born between 1955 and 2009, with a birth date of any precision.
     *
     * @return the victim
     */
    public Victim victim() {
        return new Victim(personKey(), pick(Sex.values()), birthDate(1955, 2009),
                Nationality.of(NATIONALITIES.get(random.nextInt(NATIONALITIES.size()))));
    }

    /**
     * A valid victim history: a victim with one to three registrations between 2012 and 2025.
     *
     * @return the history
     */
    public VictimHistory victimHistory() {
        Victim victim = victim();
        LocalDate earliest = later(LocalDate.of(2012, 1, 1),
                victim.birthDate().latest().orElse(LocalDate.of(2012, 1, 1)));
        int count = 1 + random.nextInt(3);
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            registrations.add(registration(victim.key(), earliest));
        }
        return new VictimHistory(victim, registrations);
    }

    /**
     * A valid registration of a victim on or after a day.
     *
     * @param victimKey the victim's key
     * @param notBefore the earliest report date
     * @return the registration
     */
    public Registration registration(PersonKey victimKey, LocalDate notBefore) {
        LocalDate reportDate = dateBetween(notBefore, LATEST_DATE);
        ReporterType reporter = pick(ReporterType.values());
        YesNoUnknown investigative = reporter.investigativeAuthorityOn(reportDate);
        LegalBasis basis;
        if (investigative == YesNoUnknown.YES) {
            basis = random.nextInt(10) == 0 ? LegalBasis.UNKNOWN : LegalBasis.STATUTORY_DUTY;
        } else if (investigative == YesNoUnknown.UNKNOWN) {
            basis = pick(LegalBasis.values());
        } else if (!reportDate.isBefore(Registration.GDPR_DATE)) {
            basis = random.nextBoolean() ? LegalBasis.EXPLICIT_CONSENT : LegalBasis.OTHER_BASIS;
        } else {
            basis = pick(LegalBasis.EXPLICIT_CONSENT, LegalBasis.OTHER_BASIS, LegalBasis.UNKNOWN);
        }
        ExploitationForm form = pick(ExploitationForm.values());
        TraffickingRoute route;
        if (form == ExploitationForm.DOMESTIC_SEXUAL) {
            route = pick(TraffickingRoute.DOMESTIC, TraffickingRoute.UNKNOWN);
        } else if (form == ExploitationForm.CROSS_BORDER_SEXUAL) {
            route = pick(TraffickingRoute.CROSS_BORDER, TraffickingRoute.UNKNOWN);
        } else {
            route = pick(TraffickingRoute.values());
        }
        Sector sector;
        if (form.isSexual()) {
            sector = pick(Sector.SEX_INDUSTRY_VISIBLE, Sector.SEX_INDUSTRY_LESS_VISIBLE, Sector.OTHER,
                    Sector.UNKNOWN);
        } else {
            do {
                sector = pick(Sector.values());
            } while (sector.isSexIndustry() && form != ExploitationForm.OTHER && form != ExploitationForm.UNKNOWN);
        }
        return new Registration(RegistrationId.of("r" + (++nextId)), victimKey, reportDate, reporter, form, route,
                sector, basis, pick(DublinStatus.values()), pick(ResidenceSchemeStage.values()),
                pick(YesNoUnknown.values()));
    }

    /**
     * A valid offender, born between 1950 and 2006.
     *
     * @return the offender
     */
    public Offender offender() {
        return new Offender(personKey(), pick(Sex.values()), birthDate(1950, 2006),
                random.nextInt(8) == 0 ? Country.UNKNOWN
                        : Country.of(NATIONALITIES.get(random.nextInt(NATIONALITIES.size() - 2))),
                Nationality.of(NATIONALITIES.get(random.nextInt(NATIONALITIES.size()))));
    }

    /**
     * A valid offender history: an offender with one or two cases registered from 2012 on.
     *
     * @return the history
     */
    public OffenderHistory offenderHistory() {
        Offender offender = offender();
        LocalDate earliest = later(LocalDate.of(2012, 1, 1),
                offender.birthDate().latest().orElse(LocalDate.of(2012, 1, 1)).plusYears(12));
        int count = 1 + random.nextInt(2);
        List<OffenderCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(offenderCase(offender.key(), earliest));
        }
        return new OffenderHistory(offender, cases);
    }

    /**
     * A valid case with a consistent prosecution chain; the offence and the registration at the public
     * prosecutor lie on or after a day.
     *
     * @param offenderKey the suspect's key
     * @param notBefore   the earliest offence or registration date
     * @return the case
     */
    public OffenderCase offenderCase(PersonKey offenderKey, LocalDate notBefore) {
        LocalDate registered = dateBetween(notBefore.plusDays(400), LocalDate.of(2024, 12, 31));
        LocalDate offence = random.nextInt(5) == 0 ? null
                : later(notBefore, registered.minusDays(random.nextInt(900)));
        ProsecutorDecisionType type = pick(ProsecutorDecisionType.values());
        LocalDate decided = type.isDecided() && random.nextInt(10) > 0
                ? dateBetween(registered, registered.plusDays(300)) : null;
        Verdict verdict;
        Sentence sentence = Sentence.NONE;
        if (type == ProsecutorDecisionType.SUMMONS || type == ProsecutorDecisionType.UNKNOWN) {
            VerdictOutcome outcome = pick(VerdictOutcome.CONVICTED, VerdictOutcome.CONVICTED,
                    VerdictOutcome.ACQUITTED, VerdictOutcome.DISCHARGED, VerdictOutcome.PENDING,
                    VerdictOutcome.UNKNOWN);
            LocalDate judged = outcome.isVerdict()
                    ? dateBetween(decided != null ? decided : registered, LATEST_DATE) : null;
            verdict = new Verdict(outcome, judged);
            if (outcome == VerdictOutcome.CONVICTED) {
                sentence = sentence();
            }
        } else {
            verdict = pick(Verdict.NOT_APPLICABLE, new Verdict(VerdictOutcome.UNKNOWN, null));
        }
        return new OffenderCase(CaseId.of("c" + (++nextId)), offenderKey, offence, registered,
                pick(ExploitationForm.values()), pick(Article273fSubsection.values()),
                new ProsecutionDecision(type, decided), verdict, sentence);
    }

    /**
     * A valid cell of the police-signal view, 2010 to 2025.
     *
     * @return the cell
     */
    public PoliceSignalCount policeSignalCount() {
        return new PoliceSignalCount(2010 + random.nextInt(16), pick(PoliceSeries.values()),
                pick(ExploitationForm.values()), pick(VictimOriginGroup.values()), pick(DublinStatus.values()),
                random.nextInt(400));
    }

    private Sentence sentence() {
        int custody = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(72);
        int conditional = random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(12);
        int service = custody == 0 ? 20 + random.nextInt(220) : 0;
        long fine = random.nextInt(4) == 0 ? 500L * (1 + random.nextInt(20)) : 0;
        SentenceMeasure measure = random.nextInt(6) == 0 ? SentenceMeasure.CONFISCATION : SentenceMeasure.NONE;
        return new Sentence(custody, conditional, service, fine, measure);
    }

    private BirthDate birthDate(int fromYear, int toYear) {
        LocalDate date = dateBetween(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31));
        switch (random.nextInt(10)) {
            case 0:
                return BirthDate.UNKNOWN;
            case 1:
                return BirthDate.ofYear(date.getYear());
            case 2:
                return BirthDate.ofMonth(YearMonth.from(date));
            default:
                return BirthDate.ofDay(date);
        }
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays((long) (random.nextDouble() * (days + 1)));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
