package org.tipmonitor.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.residence.ReflectionPeriod;
import org.tipmonitor.indicators.residence.ReflectionSpell;
import org.tipmonitor.indicators.residence.ReflectionTime;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.model.DublinStatus;

/** The time in the reflection period in the report's residence section (issue 16). */
class ResidenceSectionTest {

    private static final YearRange YEARS = YearRange.of(2014, 2018);

    @Test
    void theSampleShowsTheTimeInTheReflectionPeriodAsComputedByTheIndicator() {
        MonitorData sample = MonitorData.sample();
        ResidenceSection section = ResidenceSection.of(sample, null, YEARS, LocalDate.of(2017, 1, 1), "s");
        LocalDate end = LocalDate.ofInstant(sample.dataset().created(), ZoneOffset.UTC);
        List<ReflectionSpell> spells = ReflectionSpell.of(sample.victims(), sample.residenceHistories());
        ReflectionTime dublin2016 = ReflectionPeriod.of(YEARS, end).time(spells, 2016, DublinStatus.DUBLIN);
        JsonNode row = null;
        for (JsonNode r : section.json().at("/reflectionTime/byYear")) {
            if ("2016-01-01".equals(r.get("from").asText()) && "dublin".equals(r.get("group").asText())) {
                row = r;
            }
        }
        assertEquals(dublin2016.periods(), row.get("periods").asLong());
        OptionalInt median = dublin2016.median().estimate();
        assertEquals(median.getAsInt(), row.at("/median/days").asInt());
        assertEquals("2019-10-18", section.json().at("/reflectionTime/observedUntil").asText());
        CountTable outcomes = section.tables().get("residence-reflection-outcomes");
        assertEquals(spells.stream().filter(s -> YEARS.contains(s.entered())).count(),
                outcomes.count(CountTable.ALL, CountTable.ALL));
        assertTrue(section.lines().stream().anyMatch(l -> l.startsWith(String.format(java.util.Locale.ROOT,
                "  2016 dublin     %d periods, 0 still in it; median %d days", dublin2016.periods(),
                median.getAsInt()))), section.lines().toString());
        JsonNode before = section.json().at("/schemeChange/reflectionTimeBefore");
        assertEquals("dublin", before.get("group").asText());
        assertEquals(ReflectionPeriod.of(YEARS, end).time(spells, YEARS.firstDay(), LocalDate.of(2016, 12, 31),
                DublinStatus.DUBLIN).periods(), before.get("periods").asLong());
    }

    /** Under a threshold of 60 the small groups' counts and quartiles are withheld, in the text and the JSON. */
    @Test
    void smallGroupsAreWithheld() {
        MonitorData sample = MonitorData.sample();
        DisclosurePolicy policy = DisclosurePolicy.withDefaults().withThreshold(60);
        ResidenceSection section = ResidenceSection.of(sample, policy, YEARS, null, "s");
        for (JsonNode row : section.json().at("/reflectionTime/byYear")) {
            long periods = row.get("periods").isNull() ? -1 : row.get("periods").asLong();
            if (periods < 0) {
                assertTrue(row.get("median").isNull(), row.toString());
                assertTrue(row.get("withheld").asBoolean(), row.toString());
            } else {
                assertTrue(periods == 0 || periods >= 60, row.toString());
            }
        }
        assertTrue(section.lines().stream().anyMatch(l -> l.contains("x periods: withheld (small counts)")),
                section.lines().toString());
    }

    @Test
    void aFileWithoutDatedStagesSaysSo() {
        MonitorData sample = MonitorData.sample();
        MonitorData without = new MonitorData(sample.dataset(), sample.victims(), sample.offenders(),
                sample.policeSignals(), sample.report(), sample.policeReports(), List.of());
        ResidenceSection section = ResidenceSection.of(without, null, YEARS, null, "s");
        assertTrue(section.lines().contains("Time in the reflection period: not computed, the file has no dated"
                + " residence stages (format 1.1 array residenceStages)."), section.lines().toString());
        assertTrue(section.json().get("reflectionTime").isNull());
        assertEquals(3, section.tables().size());
    }
}
