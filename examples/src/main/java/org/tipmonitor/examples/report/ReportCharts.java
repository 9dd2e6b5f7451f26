package org.tipmonitor.examples.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.tipmonitor.indicators.tables.Dimension;

/**
 * PNG charts of a monitor report, drawn from its published (protected) tables: registrations per year by reporter
 * type, the police-signal series by origin group, and the population estimate with its interval beside the
 * observed count. Withheld cells are never drawn from the raw counts: the line has a gap there, and a subtitle lists
 * every withheld value ("x = withheld: group (years)"), so a gap is not read as a missing or zero count.
 */
public final class ReportCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private ReportCharts() {
    }

    /**
     * Writes the charts of a report into a directory.
     *
     * @param report the report
     * @param dir    the directory, which must exist
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(MonitorReport report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        for (ReportTable table : report.tables()) {
            if (table.name().equals("registrations-by-year-reporter")) {
                written.add(save(lines(table, "Registrations per year by reporter type", "registrations"),
                        dir.resolve("registrations-by-reporter.png")));
            } else if (table.name().equals("police-signals-by-year-origin")) {
                written.add(save(lines(table, "Presumed victims identified by the police, by origin group",
                        "identified victims"), dir.resolve("police-signals-by-origin.png")));
            }
        }
        if (!report.minorsDomesticSexualByYear().isEmpty()) {
            written.add(save(minors(report.minorsDomesticSexualByYear()),
                    dir.resolve("minors-domestic-sexual.png")));
        }
        Optional<MonitorReport.PopulationEstimate> estimate = report.populationEstimate();
        if (estimate.isPresent()) {
            written.add(save(estimate(estimate.get()), dir.resolve("population-estimate.png")));
        }
        return written;
    }

    /** One line per column category of a year-by-group table, from its published cells. */
    static JFreeChart lines(ReportTable table, String title, String axis) {
        Dimension years = table.dimensions().get(0);
        Dimension groups = table.dimensions().get(1);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> withheld = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            boolean any = false;
            for (int y = 0; y < years.size(); y++) {
                OptionalLong value = table.value(y, g);
                if (value.isPresent() && value.getAsLong() > 0) {
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            List<String> gaps = new ArrayList<>();
            for (int y = 0; y < years.size(); y++) {
                OptionalLong value = table.value(y, g);
                dataset.addValue(value.isPresent() ? (Number) value.getAsLong() : null, groups.labels().get(g),
                        years.labels().get(y));
                if (value.isEmpty()) {
                    gaps.add(years.labels().get(y));
                }
            }
            if (!gaps.isEmpty()) {
                withheld.add(groups.labels().get(g) + " (" + String.join(", ", gaps) + ")");
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(title + (table.isProtected() ? " (protected)" : ""),
                years.name(), axis, dataset, PlotOrientation.VERTICAL, true, false, false);
        if (!withheld.isEmpty()) {
            chart.addSubtitle(new TextTitle("x = withheld (disclosure control), shown as a gap: "
                    + String.join("; ", withheld)));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** The observed count and the estimated population with its interval. */
    static JFreeChart estimate(MonitorReport.PopulationEstimate estimate) {
        String observed = "observed on at least one list";
        String estimated = String.format(java.util.Locale.ROOT, "estimated population (%.0f%% CI)",
                100 * estimate.level());
        DefaultIntervalCategoryDataset dataset = new DefaultIntervalCategoryDataset(
                new Comparable<?>[] {"persons"}, new Comparable<?>[] {observed, estimated},
                new Number[][] {{0, estimate.lower()}}, new Number[][] {{estimate.observed(), estimate.upper()}});
        JFreeChart chart = ChartFactory.createBarChart("Population estimate " + estimate.period()
                + " (multiple systems estimation)", "", "persons", dataset, PlotOrientation.VERTICAL, false, false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        IntervalBarRenderer bars = new IntervalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x3b6ea5));
        plot.setRenderer(bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker point = new ValueMarker(estimate.estimate(), Color.DARK_GRAY, new BasicStroke(2f));
        point.setLabel(String.format(java.util.Locale.ROOT, "estimate %,.0f", estimate.estimate()));
        plot.addRangeMarker(point);
        return chart;
    }

    /**
     * The estimated minors of domestic sexual exploitation per year, each a point with its interval as an error
     * bar, beside the registered minors of that form.
     */
    static JFreeChart minors(List<MonitorReport.YearEstimate> years) {
        YIntervalSeries estimated = new YIntervalSeries(
                "estimated (95% CI, model with covariates)");
        YIntervalSeries registered = new YIntervalSeries("registered");
        for (MonitorReport.YearEstimate y : years) {
            estimated.add(y.year(), y.estimate(), y.lower(), y.upper());
            registered.add(y.year(), y.registered(), y.registered(), y.registered());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(estimated);
        dataset.addSeries(registered);
        NumberAxis x = new NumberAxis("year");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new DecimalFormat("0"));
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0.08);
        x.setUpperMargin(0.08);
        NumberAxis y = new NumberAxis("persons");
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, new Color(0x0072b2));
        renderer.setSeriesPaint(1, new Color(0xd55e00));
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(10);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart("Minors, domestic sexual exploitation: estimated and registered per year",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** Writes the PNG to a temporary sibling and moves it into place, so a chart is never half written. */
    private static Path save(JFreeChart chart, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + ".partial");
        try {
            ChartUtils.saveChartAsPNG(temporary.toFile(), chart, WIDTH, HEIGHT);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}
