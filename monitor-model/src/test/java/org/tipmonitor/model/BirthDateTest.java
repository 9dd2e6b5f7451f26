package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BirthDateTest {

    @Test
    void exactAgeCountsCompletedYears() {
        BirthDate born = BirthDate.ofDay(LocalDate.of(2001, 3, 15));
        assertEquals(new Age(16, 16, 16, DatePrecision.DAY), born.ageAt(LocalDate.of(2018, 3, 14)).orElseThrow());
        assertEquals(new Age(17, 17, 17, DatePrecision.DAY), born.ageAt(LocalDate.of(2018, 3, 15)).orElseThrow());
        assertEquals(AgeGroup.AGE_12_TO_17, born.ageGroupAt(LocalDate.of(2018, 12, 31)));
        assertEquals(AgeGroup.AGE_18_TO_22, born.ageGroupAt(LocalDate.of(2019, 3, 15)));
    }

    @Test
    void yearPrecisionGivesBoundsAndAMidYearPoint() {
        BirthDate born = BirthDate.ofYear(2000);
        // Event 2018-03-01: born 2000-01-01 would be 18, born 2000-12-31 would be 17; mid-year (2000-07-01) 17.
        Age age = born.ageAt(LocalDate.of(2018, 3, 1)).orElseThrow();
        assertEquals(new Age(17, 17, 18, DatePrecision.YEAR), age);
        assertFalse(age.isExact());
        assertEquals(AgeGroup.AGE_12_TO_17, age.group());
        // After 1 July the point value is 18.
        assertEquals(18, born.ageAt(LocalDate.of(2018, 7, 1)).orElseThrow().years());
    }

    @Test
    void monthPrecisionUsesTheFifteenth() {
        BirthDate born = BirthDate.ofMonth(YearMonth.of(2000, 5));
        assertEquals(new Age(17, 17, 18, DatePrecision.MONTH), born.ageAt(LocalDate.of(2018, 5, 14)).orElseThrow());
        assertEquals(new Age(18, 17, 18, DatePrecision.MONTH), born.ageAt(LocalDate.of(2018, 5, 15)).orElseThrow());
        assertEquals(new Age(18, 18, 18, DatePrecision.MONTH), born.ageAt(LocalDate.of(2018, 6, 1)).orElseThrow());
    }

    @Test
    void eventInTheBirthYearClampsAtZero() {
        assertEquals(new Age(0, 0, 0, DatePrecision.YEAR),
                BirthDate.ofYear(2010).ageAt(LocalDate.of(2010, 2, 1)).orElseThrow());
    }

    @Test
    void unknownBirthDateHasNoAge() {
        assertEquals(Optional.empty(), BirthDate.UNKNOWN.ageAt(LocalDate.of(2018, 1, 1)));
        assertEquals(AgeGroup.UNKNOWN, BirthDate.UNKNOWN.ageGroupAt(LocalDate.of(2018, 1, 1)));
        assertFalse(BirthDate.UNKNOWN.isKnown());
    }

    @Test
    void eventBeforeBirthIsRejectedWithBothDates() {
        ModelException e = assertThrows(ModelException.class,
                () -> BirthDate.ofDay(LocalDate.of(2005, 6, 1)).ageAt(LocalDate.of(2005, 5, 31)));
        assertTrue(e.getMessage().contains("2005-05-31") && e.getMessage().contains("2005-06-01"), e.getMessage());
    }

    @Test
    void latestDayOfThePeriod() {
        assertEquals(LocalDate.of(2000, 12, 31), BirthDate.ofYear(2000).latest().orElseThrow());
        assertEquals(LocalDate.of(2000, 2, 29), BirthDate.ofMonth(YearMonth.of(2000, 2)).latest().orElseThrow());
    }
}
