package org.tipmonitor.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.ReporterType;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Charts people can read (issue 15): few series, a safe palette, labels, withheld values marked, no clipping. */
class ReportChartsTest {

    private static final MonitorReport SAMPLE = MonitorReport.of(MonitorData.sample(),
            DisclosurePolicy.withDefaults());

    private static ReportTable reporters() {
        return SAMPLE.tables().stream().filter(t -> t.name().equals("registrations-by-year-reporter")).findFirst()
                .orElseThrow();
    }

    private static List<String> subtitles(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title title = chart.getSubtitle(i);
            if (title instanceof TextTitle text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    private static List<String> legend(CategoryPlot plot) {
        List<String> labels = new ArrayList<>();
        LegendItemCollection items = plot.getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    /** WCAG 2.1 relative luminance of an sRGB colour (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
    private static double luminance(Color colour) {
        double[] rgb = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255;
            sum += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    private static double contrastOnWhite(Color colour) {
        return (1.0 + 0.05) / (luminance(colour) + 0.05);
    }

    @Test
    void contrastFormulaMatchesPublishedRatios() {
        // Black on white is 21:1 by definition; Okabe-Ito's yellow #F0E442 is 1.32:1 and blue #0072B2 5.19:1
        // (python3: WCAG formula, the same as above, rounded to 2 decimals).
        assertEquals(21.0, contrastOnWhite(Color.BLACK), 1e-9);
        assertEquals(1.32, contrastOnWhite(new Color(0xF0E442)), 0.005);
        assertEquals(5.19, contrastOnWhite(new Color(0x0072B2)), 0.005);
    }

    @Test
    void paletteHasEightDistinctColoursEachAtLeastThreeToOneOnWhite() {
        assertEquals(ReportCharts.MAX_SERIES, ReportCharts.PALETTE.size());
        assertEquals(ReportCharts.MAX_SERIES, new HashSet<>(ReportCharts.PALETTE).size());
        for (Color colour : ReportCharts.PALETTE) {
            assertTrue(contrastOnWhite(colour) >= 3.0, colour + " has contrast " + contrastOnWhite(colour));
        }
        assertFalse(ReportCharts.PALETTE.contains(new Color(0xF0E442)), "Okabe-Ito's yellow is not used");
    }

    @Test
    void withheldValueGetsAHollowMarkerOnADashedBridge() {
        ReportTable table = reporters();
        Dimension years = table.dimensions().get(0);
        int youthCare = table.dimensions().get(1).indexOf("youth_care");
        int y2017 = years.indexOf("2017");
        assertTrue(table.value(y2017, youthCare).isEmpty(), "the sample withholds youth care 2017");
        assertTrue(table.value(years.indexOf("2018"), youthCare).isEmpty(), "and 2018");
        assertEquals("2018", years.labels().get(years.size() - 1), "2018 is the last year");
        JFreeChart chart = ReportCharts.lines(table, "Registrations", "registrations");
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset data = plot.getDataset(0);
        // Youth care is among the 5 smallest of the 12 reporter types, so it is merged into "All others", whose
        // 2017 and 2018 are then withheld too.
        String others = "All others (5 merged)";
        assertTrue(subtitles(chart).stream().anyMatch(s -> s.contains("\"All others\": Youth care")),
                subtitles(chart).toString());
        assertNull(data.getValue(others, "2017"), "a withheld value is not drawn as published");
        assertNull(data.getValue(others, "2018"));
        assertEquals(table.value(y2017, 0).getAsLong(), data.getValue("National Police", "2017").longValue());
        double before = data.getValue(others, "2016").doubleValue();
        CategoryDataset bridges = plot.getDataset(1);
        // 2017 and 2018 end the series: no published value after them, so their markers stand at 2016's value.
        String bridge = others + " (withheld)";
        assertEquals(before, bridges.getValue(bridge, "2017").doubleValue(), 1e-9);
        assertEquals(before, bridges.getValue(bridge, "2018").doubleValue(), 1e-9);
        assertEquals(before, bridges.getValue(bridge, "2016").doubleValue(), 1e-9);
        assertNull(bridges.getValue(bridge, "2015"), "the dashed bridge starts at the last published value");
        int row = bridges.getRowIndex(bridge);
        LineAndShapeRenderer dashed = (LineAndShapeRenderer) plot.getRenderer(1);
        assertTrue(dashed.getItemShapeVisible(row, bridges.getColumnIndex("2017")), "a marker at 2017");
        assertTrue(dashed.getItemShapeVisible(row, bridges.getColumnIndex("2018")), "a marker at 2018");
        assertFalse(dashed.getItemShapeVisible(row, bridges.getColumnIndex("2016")), "none on a published value");
        assertTrue(legend(plot).contains(ReportCharts.WITHHELD), legend(plot).toString());
        assertTrue(subtitles(chart).stream().anyMatch(s -> s.contains(others + " (2017, 2018)")),
                subtitles(chart).toString());
    }

    @Test
    void withheldCellBetweenPublishedValuesIsInterpolated() {
        Long[] values = {100L, null, null, 130L, null};
        // 2 withheld between 100 and 130 stand at 1/3 and 2/3 of the way: 110 and 120; the last at 130.
        assertEquals(110.0, ReportCharts.interpolate(values, 1), 1e-9);
        assertEquals(120.0, ReportCharts.interpolate(values, 2), 1e-9);
        assertEquals(130.0, ReportCharts.interpolate(values, 4), 1e-9);
        assertEquals(7.0, ReportCharts.interpolate(new Long[] {null, 7L}, 0), 1e-9);
        assertNull(ReportCharts.interpolate(new Long[] {null, null}, 1), "nothing published: no position");
    }

    @Test
    void legendShowsLabelsNotCodes() {
        ReportTable table = reporters();
        List<String> labels = legend(ReportCharts.lines(table, "Registrations", "registrations").getCategoryPlot());
        Set<String> codes = new HashSet<>(CodeList.codes(ReporterType.values()));
        assertTrue(labels.contains("National Police"), labels.toString());
        for (String label : labels) {
            assertFalse(codes.contains(label), label);
            assertFalse(label.contains("_"), label);
        }
    }

    @Test
    void moreThanEightGroupsKeepTheSevenLargestAndMergeTheRest() {
        List<String> codes = CodeList.codes(ReporterType.values());
        Dimension years = Dimension.of("year", "2020", "2021");
        Dimension groups = new Dimension("reporterType", codes);
        int k = codes.size();
        long[] cells = new long[2 * k];
        for (int g = 0; g < k; g++) {
            cells[g] = 10 + g;
            cells[k + g] = 20 + g;
        }
        ReportTable table = new ReportTable("t", "t", null,
                CountTable.of(CountingUnit.REGISTRATIONS, List.of(years, groups), cells));
        JFreeChart chart = ReportCharts.lines(table, "Registrations", "registrations");
        CategoryDataset data = chart.getCategoryPlot().getDataset(0);
        assertTrue(k > ReportCharts.MAX_SERIES, "the code list has " + k + " reporter types");
        assertEquals(ReportCharts.MAX_SERIES, data.getRowCount());
        String others = "All others (" + (k - 7) + " merged)";
        // The 7 largest are the last 7 codes; the first k - 7 are summed: 2020 = sum of 10 + g over g < k - 7.
        long expected = 0;
        for (int g = 0; g < k - 7; g++) {
            expected += 10 + g;
        }
        assertEquals(expected, data.getValue(others, "2020").longValue());
        assertEquals(ReporterType.values()[k - 1].label(), data.getRowKey(6));
        assertTrue(subtitles(chart).stream().anyMatch(s -> s.startsWith("The 7 largest of " + k + " series")),
                subtitles(chart).toString());
    }

    @Test
    void estimateIsAPointWithAnErrorBarAndItsLabelFits() {
        MonitorReport.PopulationEstimate estimate = SAMPLE.populationEstimate().orElseThrow();
        XYPlot plot = ReportCharts.estimate(estimate).getXYPlot();
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        assertEquals(estimate.observed(), data.getYValue(0, 0), 1e-9);
        assertEquals(estimate.estimate(), data.getYValue(1, 0), 1e-9);
        assertEquals(estimate.lower(), data.getStartYValue(1, 0), 1e-9);
        assertEquals(estimate.upper(), data.getEndYValue(1, 0), 1e-9);
        double top = Math.max(estimate.upper(), estimate.observed());
        assertTrue(plot.getRangeAxis().getUpperBound() >= top * 1.15, "headroom above the interval");
        boolean labelled = false;
        for (XYAnnotation annotation : plot.getAnnotations()) {
            XYTextAnnotation text = (XYTextAnnotation) annotation;
            assertTrue(text.getY() < plot.getRangeAxis().getUpperBound() - top * 0.1, text.getText());
            assertTrue(plot.getDomainAxis().getRange().contains(text.getX()), text.getText());
            labelled |= text.getText().startsWith(String.format(java.util.Locale.ROOT, "estimate %,.0f",
                    estimate.estimate()));
        }
        assertTrue(labelled);
    }

    /** Parses XML without fetching any external DTD: a parse error means the document is not well-formed. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void svgIsWellFormedXml() throws Exception {
        String svg = ReportCharts.svg(ReportCharts.lines(reporters(), "Registrations", "registrations"));
        Document document = parse(svg);
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(svg.contains("National Police"), "text is kept as text");
    }
}
