package org.tipmonitor.indicators.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.IndicatorException;

class MagnitudeTableTest {

    private static final Dimension YEAR = Dimension.of("year", "2018", "2019");
    private static final Dimension FORM = Dimension.of("form", "sexual", "labour");

    @Test
    void sumsAndContributionsOfCellsAndMargins() {
        MagnitudeTable t = MagnitudeTable.builder("custodialSentenceDays", YEAR, FORM)
                .add(400, "2018", "sexual")
                .add(300, "2018", "sexual")
                .add(900, "2018", "labour")
                .add(120, "2019", "labour")
                .build();
        assertEquals(700, t.sum(0, 0), 0);
        assertEquals(0, t.sum(1, 0), 0);
        assertEquals(1020, t.sum(CountTable.ALL, 1), 0);
        assertEquals(1720, t.sum(CountTable.ALL, CountTable.ALL), 0);
        assertArrayEquals(new double[] {400, 300}, t.contributions(0, 0));
        assertArrayEquals(new double[0], t.contributions(1, 0));
        assertArrayEquals(new double[] {400, 300, 900}, t.contributions(0, CountTable.ALL));
        assertArrayEquals(new double[] {700, 900, 1600, 0, 120, 120, 700, 1020, 1720}, t.extendedSums());
        assertEquals("custodialSentenceDays", t.provenance().definitions().get("magnitude"));
    }

    @Test
    void rejectsInvalidArguments() {
        MagnitudeTable.Builder b = MagnitudeTable.builder("days", YEAR, FORM);
        assertEquals("TM-IN-0007: Contribution is negative or not finite: -1.0",
                assertThrows(IndicatorException.class, () -> b.add(-1, "2018", "sexual")).getMessage());
        assertEquals("TM-IN-0306: Number of labels is not the table's rank 2: 1",
                assertThrows(IndicatorException.class, () -> b.add(1, "2018")).getMessage());
        assertEquals("TM-IN-0308: Category is not in dimension form: criminal",
                assertThrows(IndicatorException.class, () -> b.add(1, "2018", "criminal")).getMessage());
        assertEquals("TM-IN-0009: Dimension is repeated: year",
                assertThrows(IndicatorException.class, () -> MagnitudeTable.builder("days", YEAR, YEAR))
                        .getMessage());
    }
}
