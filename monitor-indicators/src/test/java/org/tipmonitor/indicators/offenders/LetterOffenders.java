package org.tipmonitor.indicators.offenders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Verdict;

/**
 * Synthetic offenders registered at the public prosecutor in 2013-2017, built from model records to re-derive "bijna
 * vier op de tien daders van binnenlandse seksuele uitbuiting jonger is dan 23 jaar" (the Nationaal Rapporteur's
 * letter to parliament of 28 November 2019, published at
 * https://www.nationaalrapporteur.nl/publicaties/brieven/2019/12/03/brief-ao-mensenhandel; a copy in
 * docs/background/seed-letter-2019-nl.txt, where the letter gives the Dadermonitor mensenhandel 2013-2017 as its
 * source). The counts are invented.
 *
 * <p>Domestic sexual exploitation, 150 offenders, offender k = 0, ..., 149 registered on 1 March of 2013 + (k mod 5)
 * plus k days, the offence 200 days earlier:
 * <ul>
 *   <li>k &lt; 12: 22 at the offence, 23 at the registration;</li>
 *   <li>12 &le; k &lt; 57: 19 at the offence and at the registration;</li>
 *   <li>57 &le; k &lt; 147: 30; the ten with k &lt; 67 have a second case, registered 2017-06-01;</li>
 *   <li>147 &le; k: birth date unknown.</li>
 * </ul>
 * So, counting persons: 57 of 147 under 23 at the offence, 45 of 147 at the registration, 3 unknown; counting cases:
 * 57 of 157 at the offence. Criminal exploitation, 100 offenders: 20 aged 20 and 80 aged 35 ("one fifth": the
 * Rapporteur's news item of 21 January 2021 on the Offender Monitor 2015-2019,
 * https://www.dutchrapporteur.nl/latest/news/2021/01/21/human-trafficking-offenders-often-aged-under-23;
 * docs/background/domain.md 2.5, source S13).
 */
final class LetterOffenders {

    private LetterOffenders() {
    }

    static List<OffenderHistory> histories() {
        List<OffenderHistory> histories = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            LocalDate registered = LocalDate.of(2013 + k % 5, 3, 1).plusDays(k);
            LocalDate offence = registered.minusDays(200);
            BirthDate birth;
            if (k < 12) {
                birth = BirthDate.ofDay(offence.minusYears(22).minusDays(300));
            } else if (k < 57) {
                birth = BirthDate.ofDay(offence.minusYears(19).minusDays(10));
            } else if (k < 147) {
                birth = BirthDate.ofDay(offence.minusYears(30).minusDays(10));
            } else {
                birth = BirthDate.UNKNOWN;
            }
            PersonKey key = PersonKey.of(String.format("offender-ds-%04d", k));
            List<OffenderCase> cases = new ArrayList<>();
            cases.add(pending("ds" + k, key, offence, registered, ExploitationForm.DOMESTIC_SEXUAL));
            if (k >= 57 && k < 67) {
                cases.add(pending("ds2-" + k, key, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 6, 1),
                        ExploitationForm.DOMESTIC_SEXUAL));
            }
            histories.add(new OffenderHistory(offender(key, birth), cases));
        }
        for (int k = 0; k < 100; k++) {
            LocalDate registered = LocalDate.of(2013 + k % 5, 4, 1).plusDays(k);
            LocalDate offence = registered.minusDays(100);
            BirthDate birth = BirthDate.ofDay(offence.minusYears(k < 20 ? 20 : 35).minusDays(5));
            PersonKey key = PersonKey.of(String.format("offender-cr-%04d", k));
            histories.add(new OffenderHistory(offender(key, birth),
                    List.of(pending("cr" + k, key, offence, registered, ExploitationForm.CRIMINAL))));
        }
        return histories;
    }

    private static Offender offender(PersonKey key, BirthDate birth) {
        return new Offender(key, Sex.MALE, birth, Country.NETHERLANDS, Nationality.DUTCH);
    }

    private static OffenderCase pending(String id, PersonKey key, LocalDate offence, LocalDate registered,
            ExploitationForm form) {
        return new OffenderCase(CaseId.of(id), key, offence, registered, form, Article273fSubsection.UNKNOWN,
                ProsecutionDecision.PENDING, Verdict.NOT_APPLICABLE, Sentence.NONE);
    }
}
