package org.tipmonitor.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;

/** Charts of the protected sample report mark withheld values instead of drawing them (issue 12). */
class ReportChartsTest {

    @Test
    void withheldValuesAreGapsListedInASubtitle() {
        MonitorReport report = MonitorReport.of(MonitorData.sample(), DisclosurePolicy.withDefaults());
        ReportTable table = report.tables().stream().filter(t -> t.name().equals("registrations-by-year-reporter"))
                .findFirst().orElseThrow();
        int youthCare = table.dimensions().get(1).indexOf("youth_care");
        int y2017 = table.dimensions().get(0).indexOf("2017");
        assertTrue(table.value(y2017, youthCare).isEmpty(), "the sample withholds youth care 2017");
        JFreeChart chart = ReportCharts.lines(table, "Registrations", "registrations");
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertNull(data.getValue("youth_care", "2017"), "a withheld value is not drawn");
        assertEquals(table.value(y2017, 0).getAsLong(), data.getValue("police", "2017").longValue());
        String subtitle = ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
        assertTrue(subtitle.startsWith("x = withheld (disclosure control), shown as a gap: "), subtitle);
        assertTrue(subtitle.contains("youth_care (2017, 2018)"), subtitle);
    }
}
