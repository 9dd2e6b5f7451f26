package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipmonitor.model.internal.CountryRegions;

class NationalityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "NL, netherlands", "RO, eu_eea", "BG, eu_eea", "PL, eu_eea", "NO, eu_eea", "CY, eu_eea", "GB, other_europe",
        "UA, other_europe", "CH, other_europe", "XK, other_europe", "NG, africa", "UG, africa", "ER, africa",
        "VN, asia", "CN, asia", "TR, asia", "VE, americas", "CO, americas", "AU, oceania", "AQ, unknown",
        "stateless, stateless", "unknown, unknown", "ZZ, unknown"})
    void regions(String code, String region) {
        assertEquals(region, Nationality.of(code).region().code());
    }

    @Test
    void theTableCoversEveryIsoCodeTheJdkKnows() {
        Set<String> missing = new TreeSet<>(Set.of(Locale.getISOCountries()));
        missing.removeAll(CountryRegions.all().keySet());
        assertEquals(Set.of(), missing);
        assertEquals(250, CountryRegions.all().size(), "249 ISO 3166-1 codes and XK");
    }

    @Test
    void euEeaHas29StatesBesideTheNetherlands() {
        // 27 EU member states (2020 on) including the Netherlands, plus Iceland, Liechtenstein and Norway.
        long count = CountryRegions.all().values().stream().filter(r -> r == NationalityRegion.EU_EEA).count();
        assertEquals(29, count);
    }

    @Test
    void countryOfAStatelessPersonIsEmpty() {
        assertEquals(Optional.empty(), Nationality.STATELESS.country());
        assertEquals(Optional.of(Country.of("NG")), Nationality.of("NG").country());
        assertFalse(Country.UNKNOWN.isKnown());
        assertEquals(VictimOriginGroup.AFRICAN, VictimOriginGroup.of(Nationality.of("NG").region()));
        assertEquals(VictimOriginGroup.OTHER, VictimOriginGroup.of(NationalityRegion.STATELESS));
    }
}
