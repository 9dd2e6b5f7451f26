package org.tipmonitor.indicators.police;

import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.VictimOriginGroup;

/**
 * Synthetic police reports 2012-2018 as cells of the police-signal view, built to re-derive the letter to parliament of
 * 28 November 2019 (published at https://www.nationaalrapporteur.nl/publicaties/brieven/2019/12/03/brief-ao-mensenhandel;
 * a copy in docs/background/seed-letter-2019-nl.txt): "Het totaal aantal meldingen van mensenhandel door de
 * Nationale Politie is in 2018 voor het eerst in vijf jaar iets gestegen. Dit komt echter door een forse toename van
 * slechts een specifieke groep: Afrikaanse slachtoffers van seksuele uitbuiting. [...] Het aantal politiemeldingen van
 * Nederlandse en Europese slachtoffers [...] daalde de afgelopen vijf jaar daarentegen juist fors." The real counts
 * were not published per group (docs/background/domain.md 2.3: stated in the letter, found in no other source); the
 * invented ones are those of the trends package's letter series:
 * <pre>
 *   year    2012 2013 2014 2015 2016 2017 2018
 *   Dutch    200  210  190  170  150  130  115   domestic sexual, not Dublin (2015 delivered as 100 + 70)
 *   EU       120  125  115  105   95   85   75   cross-border sexual, not Dublin
 *   African   20   25   24   23   25   30   95   cross-border sexual; Dublin 8 10 10 9 10 12 70
 *   Other     40   42   40   38   36   34   33   labour, Dublin status unknown
 *   total    380  402  369  336  306  279  318
 * </pre>
 * Noise that must be ignored: identified victims (the other police series) of every group, and reports of 2011.
 */
final class LetterPoliceSignals {

    static final int FIRST_YEAR = 2012;
    static final long[] DUTCH = {200, 210, 190, 170, 150, 130, 115};
    static final long[] EU = {120, 125, 115, 105, 95, 85, 75};
    static final long[] AFRICAN = {20, 25, 24, 23, 25, 30, 95};
    static final long[] AFRICAN_DUBLIN = {8, 10, 10, 9, 10, 12, 70};
    static final long[] OTHER = {40, 42, 40, 38, 36, 34, 33};

    private LetterPoliceSignals() {
    }

    static List<PoliceSignalCount> cells() {
        List<PoliceSignalCount> cells = new ArrayList<>();
        PoliceSeries reports = PoliceSeries.REPORTS_FILED;
        for (int i = 0; i < DUTCH.length; i++) {
            int year = FIRST_YEAR + i;
            if (year == 2015) {
                cells.add(cell(year, reports, ExploitationForm.DOMESTIC_SEXUAL, VictimOriginGroup.DUTCH,
                        DublinStatus.NOT_DUBLIN, 100));
                cells.add(cell(year, reports, ExploitationForm.DOMESTIC_SEXUAL, VictimOriginGroup.DUTCH,
                        DublinStatus.NOT_DUBLIN, 70));
            } else {
                cells.add(cell(year, reports, ExploitationForm.DOMESTIC_SEXUAL, VictimOriginGroup.DUTCH,
                        DublinStatus.NOT_DUBLIN, DUTCH[i]));
            }
            cells.add(cell(year, reports, ExploitationForm.CROSS_BORDER_SEXUAL, VictimOriginGroup.EU,
                    DublinStatus.NOT_DUBLIN, EU[i]));
            cells.add(cell(year, reports, ExploitationForm.CROSS_BORDER_SEXUAL, VictimOriginGroup.AFRICAN,
                    DublinStatus.DUBLIN, AFRICAN_DUBLIN[i]));
            cells.add(cell(year, reports, ExploitationForm.CROSS_BORDER_SEXUAL, VictimOriginGroup.AFRICAN,
                    DublinStatus.NOT_DUBLIN, AFRICAN[i] - AFRICAN_DUBLIN[i]));
            cells.add(cell(year, reports, ExploitationForm.LABOUR, VictimOriginGroup.OTHER, DublinStatus.UNKNOWN,
                    OTHER[i]));
            for (VictimOriginGroup origin : VictimOriginGroup.values()) {
                cells.add(cell(year, PoliceSeries.IDENTIFIED_VICTIMS, ExploitationForm.UNKNOWN, origin,
                        DublinStatus.UNKNOWN, 1000));
            }
        }
        cells.add(cell(2011, reports, ExploitationForm.DOMESTIC_SEXUAL, VictimOriginGroup.DUTCH,
                DublinStatus.NOT_DUBLIN, 5000));
        return cells;
    }

    private static PoliceSignalCount cell(int year, PoliceSeries series, ExploitationForm form,
            VictimOriginGroup origin, DublinStatus dublin, long count) {
        return new PoliceSignalCount(year, series, form, origin, dublin, count);
    }
}
