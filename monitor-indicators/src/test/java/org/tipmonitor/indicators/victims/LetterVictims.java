package org.tipmonitor.indicators.victims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A synthetic victim register 2014-2018 built from model records to re-derive the statements of the Nationaal
 * Rapporteur's letter to the Tweede Kamer of 28 November 2019. The real register is not public; the design follows
 * the margins the Rapporteur published (press release of 18-10-2019 on the Victims Monitor 2014-2018, and the
 * letter) and is invented elsewhere.
 *
 * <p>Design, per registration year y with n<sub>y</sub> registrations (slots i = 0, ..., n<sub>y</sub> &minus; 1):
 * <ul>
 *   <li>n = 1,255 (2014, [F]), 1,150 (2015, invented), 952 (2016, invented), 956 (2017, [F] 2019 edition),
 *       668 (2018, [F]).</li>
 *   <li>Slots i &lt; m<sub>y</sub> are reported by a non-investigative organisation, the others by an investigative
 *       authority, m = 560, 540, 550, 550, 150 ([F]: about 550 a year in 2014-2017, 150 in 2018). In 2018 the first
 *       100 lie before 2018-05-25 and the last 50 from 2018-05-25 on.</li>
 *   <li>Legal basis of a non-investigative report before the GDPR: consent when i mod 5 = 0, another basis when
 *       i mod 5 = 1, unknown otherwise; after the GDPR: another basis when i mod 5 = 4, consent otherwise (40 of 50).
 *       Investigative reports: statutory duty.</li>
 *   <li>Domestic sexual exploitation: slots with i mod 4 = 0 and i / 4 &lt; d<sub>y</sub>, d = 250, 225, 200, 200, 125
 *       (1,000 in all); with j = i / 4, a minor (aged 15 at the report) when j mod 25 &lt; 11, of unknown age when
 *       j mod 25 = 24, an adult (aged 25) otherwise: 440 minors, 520 adults, 40 unknown.</li>
 *   <li>Slots with i mod 10 = 9 report again the victim of slot i &minus; 1 (one victim, two registrations); every
 *       other slot is a new victim. Persons per year: n &minus; &lfloor;n / 10&rfloor;.</li>
 * </ul>
 */
final class LetterVictims {

    static final int FIRST_YEAR = 2014;
    static final long[] REGISTRATIONS = {1255, 1150, 952, 956, 668};
    static final long[] NON_INVESTIGATIVE = {560, 540, 550, 550, 150};
    static final int[] DOMESTIC_SEXUAL = {250, 225, 200, 200, 125};
    static final int BEFORE_GDPR_2018 = 100;

    private static final ReporterType[] NON_INVESTIGATIVE_REPORTERS = {ReporterType.CARE_COORDINATOR,
        ReporterType.SHELTER, ReporterType.YOUTH_CARE, ReporterType.FAIRWORK, ReporterType.OTHER};
    private static final ReporterType[] INVESTIGATIVE_REPORTERS = {ReporterType.POLICE, ReporterType.POLICE,
        ReporterType.ROYAL_MARECHAUSSEE, ReporterType.LABOUR_INSPECTORATE};
    private static final ExploitationForm[] OTHER_FORMS = {ExploitationForm.LABOUR, ExploitationForm.CRIMINAL,
        ExploitationForm.CROSS_BORDER_SEXUAL, ExploitationForm.OTHER};
    private static final String[] NATIONALITIES = {"NL", "RO", "NG", "VN", "PL", "unknown"};

    private LetterVictims() {
    }

    static List<VictimHistory> histories() {
        Map<String, Victim> victims = new LinkedHashMap<>();
        Map<String, List<Registration>> registrations = new LinkedHashMap<>();
        int id = 0;
        for (int k = 0; k < REGISTRATIONS.length; k++) {
            int year = FIRST_YEAR + k;
            int n = (int) REGISTRATIONS[k];
            for (int i = 0; i < n; i++) {
                boolean nonInvestigative = i < NON_INVESTIGATIVE[k];
                LocalDate date = reportDate(year, i, n, nonInvestigative);
                boolean domesticSexual = i % 4 == 0 && i / 4 < DOMESTIC_SEXUAL[k];
                String person = i % 10 == 9 ? key(year, i - 1) : key(year, i);
                if (!victims.containsKey(person)) {
                    victims.put(person, victim(person, date, domesticSexual, i));
                }
                ExploitationForm form = domesticSexual ? ExploitationForm.DOMESTIC_SEXUAL
                        : OTHER_FORMS[i % OTHER_FORMS.length];
                ReporterType reporter = nonInvestigative ? NON_INVESTIGATIVE_REPORTERS[i % 5]
                        : INVESTIGATIVE_REPORTERS[i % 4];
                registrations.computeIfAbsent(person, p -> new ArrayList<>()).add(new Registration(
                        RegistrationId.of("r" + (++id)), PersonKey.of(person), date, reporter, form,
                        route(form), form.isSexual() ? Sector.SEX_INDUSTRY_LESS_VISIBLE : Sector.UNKNOWN,
                        legalBasis(nonInvestigative, date, i),
                        form == ExploitationForm.CROSS_BORDER_SEXUAL && i % 3 == 0 ? DublinStatus.DUBLIN
                                : DublinStatus.NOT_DUBLIN,
                        ResidenceSchemeStage.UNKNOWN, YesNoUnknown.UNKNOWN));
            }
        }
        List<VictimHistory> histories = new ArrayList<>();
        for (Map.Entry<String, Victim> e : victims.entrySet()) {
            histories.add(new VictimHistory(e.getValue(), registrations.get(e.getKey())));
        }
        return histories;
    }

    private static String key(int year, int slot) {
        return String.format("victim-%d-%05d", year, slot);
    }

    private static LocalDate reportDate(int year, int i, int n, boolean nonInvestigative) {
        if (year == 2018 && nonInvestigative && i >= BEFORE_GDPR_2018) {
            return LocalDate.of(2018, 5, 25).plusDays(4L * (i - BEFORE_GDPR_2018));
        }
        return LocalDate.of(year, 1, 1).plusDays((long) i * 365 / n);
    }

    private static Victim victim(String key, LocalDate firstReport, boolean domesticSexual, int i) {
        BirthDate birth;
        int j = i / 4;
        if (!domesticSexual) {
            birth = BirthDate.ofDay(firstReport.minusYears(30).minusDays(40));
        } else if (j % 25 < 11) {
            birth = BirthDate.ofDay(firstReport.minusYears(15).minusDays(40));
        } else if (j % 25 == 24) {
            birth = BirthDate.UNKNOWN;
        } else {
            birth = BirthDate.ofDay(firstReport.minusYears(25).minusDays(40));
        }
        return new Victim(PersonKey.of(key), domesticSexual ? Sex.FEMALE : (i % 3 == 0 ? Sex.MALE : Sex.FEMALE),
                birth, domesticSexual ? Nationality.DUTCH : Nationality.of(NATIONALITIES[i % NATIONALITIES.length]));
    }

    private static TraffickingRoute route(ExploitationForm form) {
        if (form == ExploitationForm.DOMESTIC_SEXUAL) {
            return TraffickingRoute.DOMESTIC;
        }
        return form == ExploitationForm.CROSS_BORDER_SEXUAL ? TraffickingRoute.CROSS_BORDER : TraffickingRoute.UNKNOWN;
    }

    private static LegalBasis legalBasis(boolean nonInvestigative, LocalDate date, int i) {
        if (!nonInvestigative) {
            return LegalBasis.STATUTORY_DUTY;
        }
        if (!date.isBefore(Registration.GDPR_DATE)) {
            return i % 5 == 4 ? LegalBasis.OTHER_BASIS : LegalBasis.EXPLICIT_CONSENT;
        }
        return i % 5 == 0 ? LegalBasis.EXPLICIT_CONSENT : i % 5 == 1 ? LegalBasis.OTHER_BASIS : LegalBasis.UNKNOWN;
    }
}
