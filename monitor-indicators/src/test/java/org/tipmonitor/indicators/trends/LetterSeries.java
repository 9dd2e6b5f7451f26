package org.tipmonitor.indicators.trends;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synthetic police-report series built to re-derive the statements of the Nationaal Rapporteur's letter to parliament
 * of 28 November 2019 (published at https://www.nationaalrapporteur.nl/publicaties/brieven/2019/12/03/brief-ao-mensenhandel;
 * a copy in docs/background/seed-letter-2019-nl.txt): "Het totaal aantal meldingen van mensenhandel door de
 * Nationale Politie is in 2018 voor het eerst in vijf jaar iets gestegen. Dit komt echter door een forse toename van
 * slechts een specifieke groep: Afrikaanse slachtoffers [...]. Het aantal politiemeldingen van Nederlandse en Europese
 * slachtoffers [...] daalde de afgelopen vijf jaar daarentegen juist fors." The counts are invented; the real ones were
 * not published per group.
 */
final class LetterSeries {

    static final int FIRST_YEAR = 2012;

    private LetterSeries() {
    }

    /** Police reports by victim origin, 2012-2018; the total is 380, 402, 369, 336, 306, 279, 318. */
    static Map<String, AnnualSeries> policeReportsByOrigin() {
        Map<String, AnnualSeries> groups = new LinkedHashMap<>();
        groups.put("Dutch", AnnualSeries.of(FIRST_YEAR, 200, 210, 190, 170, 150, 130, 115));
        groups.put("EU", AnnualSeries.of(FIRST_YEAR, 120, 125, 115, 105, 95, 85, 75));
        groups.put("Africa", AnnualSeries.of(FIRST_YEAR, 20, 25, 24, 23, 25, 30, 95));
        groups.put("Other", AnnualSeries.of(FIRST_YEAR, 40, 42, 40, 38, 36, 34, 33));
        return groups;
    }
}
