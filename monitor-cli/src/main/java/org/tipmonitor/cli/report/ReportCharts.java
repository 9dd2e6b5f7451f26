package org.tipmonitor.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.VictimOriginGroup;

/**
 * Charts of a monitor report, each written as PNG and SVG, drawn from its published (protected) tables:
 * registrations per year by reporter type, the police-signal series by origin group, the minors of domestic sexual
 * exploitation, and the population estimate as a point with its interval beside the observed count.
 *
 * <p>Readability rules (issue 15): at most {@value #MAX_SERIES} series per chart (beyond that the
 * {@value #MAX_SERIES} - 1 largest are kept and the rest merged into one "All others" series, named in a
 * subtitle); colours from the colour-blind-safe palette of Okabe and Ito (2008), {@link #PALETTE}, every one at
 * least 3:1 against white; series carry their English labels, not exchange codes; a withheld cell is never a
 * silent end of a line: a dashed line bridges it and a hollow marker stands at the position interpolated between
 * the neighbouring published values, with a legend entry "withheld (disclosure control)" and a subtitle listing
 * every withheld value. Withheld values are never drawn from the raw counts.
 */
public final class ReportCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    /** The most series a chart draws. */
    static final int MAX_SERIES = 8;

    /** Headroom above the highest value of the estimate chart, as a fraction of that value, for its labels. */
    static final double HEADROOM = 0.18;

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** The legend label of the withheld markers. */
    static final String WITHHELD = "withheld (disclosure control)";

    /**
     * The series colours: the Okabe-Ito colour-blind-safe palette (M. Okabe and K. Ito, "Color Universal Design
     * (CUD): how to make figures and presentations that are friendly to colorblind people", 2008) without its
     * yellow (#F0E442, contrast 1.3:1 on white), with its orange (#E69F00, 2.2:1) and sky blue (#56B4E9, 2.3:1)
     * darkened in lightness, same hue, to reach the 3:1 that WCAG 2.1 (success criterion 1.4.11) asks of graphics
     * on white, and dark grey last (the merged "All others" series). In order: blue, vermillion, bluish green,
     * reddish purple, dark orange, dark sky blue, black, dark grey.
     */
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xB07800), new Color(0x3A87C0), Color.BLACK, new Color(0x666666));

    private ReportCharts() {
    }

    /**
     * Writes the charts of a report into a directory, each as {@code name.png} and {@code name.svg}.
     *
     * @param report the report
     * @param dir    the directory, which must exist
     * @return the files written, PNG then SVG of each chart
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(MonitorReport report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        for (ReportTable table : report.tables()) {
            if (table.name().equals("registrations-by-year-reporter")) {
                written.addAll(save(lines(table, "Registrations per year by reporter type", "registrations"),
                        dir, "registrations-by-reporter"));
            } else if (table.name().equals("police-signals-by-year-origin")) {
                written.addAll(save(lines(table, "Presumed victims identified by the police, by origin group",
                        "identified victims"), dir, "police-signals-by-origin"));
            }
        }
        if (!report.minorsDomesticSexualByYear().isEmpty()) {
            written.addAll(save(minors(report.minorsDomesticSexualByYear()), dir, "minors-domestic-sexual"));
        }
        Optional<MonitorReport.PopulationEstimate> estimate = report.populationEstimate();
        if (estimate.isPresent()) {
            written.addAll(save(estimate(estimate.get()), dir, "population-estimate"));
        }
        return written;
    }

    /**
     * One line per column category of a year-by-group table, from its published cells, labelled with the
     * categories' English labels. Groups with no count in any year are left out and named in a subtitle. With more
     * than {@value #MAX_SERIES} groups, the {@value #MAX_SERIES} - 1 with the largest published totals are drawn
     * and the others summed into "All others" (a year in which any merged cell is withheld is withheld there too).
     * Withheld cells: dataset 0 has a gap, dataset 1 bridges it with a dashed line through a hollow marker at the
     * position interpolated linearly between the nearest published values of the series (the one neighbour's
     * value at either end).
     */
    static JFreeChart lines(ReportTable table, String title, String axis) {
        Dimension years = table.dimensions().get(0);
        Dimension groups = table.dimensions().get(1);
        int n = years.size();
        List<Integer> shown = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        long[] totals = new long[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            boolean drawn = false;
            for (int y = 0; y < n; y++) {
                OptionalLong value = table.value(y, g);
                if (value.isEmpty() || value.getAsLong() > 0) {
                    drawn = true;
                }
                totals[g] += value.orElse(0);
            }
            if (drawn) {
                shown.add(g);
            } else {
                omitted.add(label(groups.name(), groups.labels().get(g)));
            }
        }
        List<Integer> kept = new ArrayList<>(shown);
        List<Integer> merged = new ArrayList<>();
        if (shown.size() > MAX_SERIES) {
            List<Integer> bySize = new ArrayList<>(shown);
            bySize.sort(Comparator.comparingLong((Integer g) -> -totals[g]).thenComparingInt(g -> g));
            kept = new ArrayList<>(bySize.subList(0, MAX_SERIES - 1));
            kept.sort(null);
            merged = new ArrayList<>(bySize.subList(MAX_SERIES - 1, bySize.size()));
            merged.sort(null);
        }
        Map<String, Long[]> series = new LinkedHashMap<>();
        for (int g : kept) {
            Long[] values = new Long[n];
            for (int y = 0; y < n; y++) {
                OptionalLong value = table.value(y, g);
                values[y] = value.isPresent() ? value.getAsLong() : null;
            }
            series.put(label(groups.name(), groups.labels().get(g)), values);
        }
        List<String> mergedLabels = new ArrayList<>();
        if (!merged.isEmpty()) {
            Long[] sum = new Long[n];
            for (int y = 0; y < n; y++) {
                long total = 0;
                boolean withheld = false;
                for (int g : merged) {
                    OptionalLong value = table.value(y, g);
                    withheld |= value.isEmpty();
                    total += value.orElse(0);
                }
                sum[y] = withheld ? null : total;
            }
            for (int g : merged) {
                mergedLabels.add(label(groups.name(), groups.labels().get(g)));
            }
            series.put("All others (" + merged.size() + " merged)", sum);
        }
        DefaultCategoryDataset published = new DefaultCategoryDataset();
        DefaultCategoryDataset bridges = new DefaultCategoryDataset();
        List<String> withheld = new ArrayList<>();
        List<boolean[]> marked = new ArrayList<>();
        for (Map.Entry<String, Long[]> entry : series.entrySet()) {
            Long[] values = entry.getValue();
            List<String> gaps = new ArrayList<>();
            boolean[] hollow = new boolean[n];
            Double[] bridge = new Double[n];
            for (int y = 0; y < n; y++) {
                published.addValue(values[y], entry.getKey(), years.labels().get(y));
                if (values[y] != null) {
                    continue;
                }
                gaps.add(years.labels().get(y));
                Double position = interpolate(values, y);
                if (position != null) {
                    bridge[y] = position;
                    hollow[y] = true;
                    for (int near : new int[] {y - 1, y + 1}) {
                        if (near >= 0 && near < n && values[near] != null) {
                            bridge[near] = values[near].doubleValue();
                        }
                    }
                }
            }
            for (int y = 0; y < n; y++) {
                bridges.addValue(bridge[y], entry.getKey() + " (withheld)", years.labels().get(y));
            }
            marked.add(hollow);
            if (!gaps.isEmpty()) {
                withheld.add(entry.getKey() + " (" + (gaps.size() == n ? "every year" : String.join(", ", gaps))
                        + ")");
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(title + (table.isProtected() ? " (protected)" : ""),
                years.name(), axis, published, PlotOrientation.VERTICAL, true, false, false);
        if (!merged.isEmpty()) {
            chart.addSubtitle(new TextTitle("The " + (MAX_SERIES - 1) + " largest of " + shown.size()
                    + " series drawn; the other " + merged.size() + " summed into \"All others\": "
                    + String.join(", ", mergedLabels)));
        }
        if (!withheld.isEmpty()) {
            chart.addSubtitle(new TextTitle("Hollow marker on a dashed line = " + WITHHELD
                    + ", drawn between the published neighbours, not a published value: "
                    + String.join("; ", withheld)));
        }
        if (!omitted.isEmpty()) {
            chart.addSubtitle(new TextTitle("Not drawn, no count in any year: " + String.join(", ", omitted)));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer lines = (LineAndShapeRenderer) plot.getRenderer();
        LineAndShapeRenderer dashed = new LineAndShapeRenderer(true, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return marked.get(series)[item];
            }
        };
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        BasicStroke dash = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        lines.setDefaultShapesVisible(true);
        lines.setDefaultStroke(new BasicStroke(2f));
        lines.setAutoPopulateSeriesStroke(false);
        dashed.setDefaultStroke(dash);
        dashed.setAutoPopulateSeriesStroke(false);
        dashed.setUseFillPaint(true);
        dashed.setDefaultFillPaint(Color.WHITE);
        dashed.setAutoPopulateSeriesFillPaint(false);
        dashed.setDrawOutlines(true);
        dashed.setUseOutlinePaint(false);
        dashed.setDefaultOutlineStroke(new BasicStroke(2f));
        dashed.setAutoPopulateSeriesOutlineStroke(false);
        for (int i = 0; i < series.size(); i++) {
            Color colour = i == series.size() - 1 && !merged.isEmpty() ? PALETTE.get(MAX_SERIES - 1)
                    : PALETTE.get(i);
            lines.setSeriesPaint(i, colour);
            lines.setSeriesShape(i, shapes[i % shapes.length]);
            dashed.setSeriesPaint(i, colour);
            dashed.setSeriesShape(i, shapes[i % shapes.length]);
            dashed.setSeriesVisibleInLegend(i, false);
        }
        plot.setDataset(1, bridges);
        plot.setRenderer(1, dashed);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < series.size(); i++) {
            legend.add(lines.getLegendItem(0, i));
        }
        if (!withheld.isEmpty()) {
            Shape circle = new Ellipse2D.Double(-4, -4, 8, 8);
            legend.add(new LegendItem(WITHHELD, WITHHELD, null, null, true, circle, true, Color.WHITE, true,
                    Color.DARK_GRAY, new BasicStroke(2f), true, new Line2D.Double(-9, 0, 9, 0), dash,
                    Color.DARK_GRAY));
        }
        plot.setFixedLegendItems(legend);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /**
     * Where the marker of a withheld value stands: linearly interpolated between the nearest published values
     * before and after it, {@code v_b + (v_a - v_b) (y - b) / (a - b)}; at either end of the series the one
     * published neighbour's value.
     *
     * @param values the series, {@code null} where withheld
     * @param y      the position of a withheld value
     * @return the marker's position, or null if the series has no published value at all
     */
    static Double interpolate(Long[] values, int y) {
        int n = values.length;
        int before = y - 1;
        while (before >= 0 && values[before] == null) {
            before--;
        }
        int after = y + 1;
        while (after < n && values[after] == null) {
            after++;
        }
        if (before >= 0 && after < n) {
            return values[before] + (values[after] - values[before]) * (double) (y - before) / (after - before);
        } else if (before >= 0) {
            return values[before].doubleValue();
        } else if (after < n) {
            return values[after].doubleValue();
        }
        return null;
    }

    /**
     * The English label of a category: the {@link CodeList#label()} of the code list the dimension draws from,
     * else the code with underscores as spaces and a capital first letter.
     */
    static String label(String dimension, String code) {
        Class<? extends CodeList> type = switch (dimension) {
            case "reporterType" -> ReporterType.class;
            case "origin" -> VictimOriginGroup.class;
            case "exploitationForm" -> ExploitationForm.class;
            case "legalBasis" -> LegalBasis.class;
            default -> null;
        };
        if (type != null) {
            for (CodeList constant : type.getEnumConstants()) {
                if (constant.code().equals(code)) {
                    return constant.label();
                }
            }
        }
        String words = code.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The observed count and the estimated population as points on one axis, the estimate with its interval as an
     * error bar, each labelled inside the plot: the range axis runs from 0 to {@value #HEADROOM} above the largest
     * of the interval's upper limit and the observed count, so no label is clipped.
     */
    static JFreeChart estimate(MonitorReport.PopulationEstimate estimate) {
        String percent = String.format(Locale.ROOT, "%.0f%%", 100 * estimate.level());
        YIntervalSeries observed = new YIntervalSeries("observed on at least one list");
        observed.add(0, estimate.observed(), estimate.observed(), estimate.observed());
        YIntervalSeries estimated = new YIntervalSeries("estimated population, with its " + percent + " interval");
        estimated.add(1, estimate.estimate(), estimate.lower(), estimate.upper());
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(observed);
        dataset.addSeries(estimated);
        SymbolAxis x = new SymbolAxis(null, new String[] {"observed", "estimated"});
        x.setRange(-0.6, 1.6);
        x.setGridBandsVisible(false);
        double top = Math.max(estimate.upper(), estimate.observed());
        NumberAxis y = new NumberAxis("persons");
        y.setRange(0, top * (1 + HEADROOM));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, PALETTE.get(1));
        renderer.setSeriesPaint(1, PALETTE.get(0));
        renderer.setSeriesShape(0, new Rectangle2D.Double(-6, -6, 12, 12));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(16);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        double lift = top * 0.03;
        XYTextAnnotation observedLabel = new XYTextAnnotation(
                String.format(Locale.ROOT, "observed %,d", estimate.observed()), 0, estimate.observed() + lift);
        observedLabel.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        observedLabel.setFont(LABEL_FONT);
        plot.addAnnotation(observedLabel);
        XYTextAnnotation estimateLabel = new XYTextAnnotation(String.format(Locale.ROOT,
                "estimate %,.0f (%s interval %,.0f to %,.0f)", estimate.estimate(), percent, estimate.lower(),
                estimate.upper()), 1, estimate.upper() + lift);
        estimateLabel.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        estimateLabel.setFont(LABEL_FONT);
        plot.addAnnotation(estimateLabel);
        JFreeChart chart = new JFreeChart("Population estimate " + estimate.period()
                + " (multiple systems estimation)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
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
        renderer.setSeriesPaint(0, PALETTE.get(0));
        renderer.setSeriesPaint(1, PALETTE.get(1));
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(10);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Minors, domestic sexual exploitation: estimated and registered per year",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes a chart as {@code name.png} and {@code name.svg}. */
    private static List<Path> save(JFreeChart chart, Path dir, String name) throws IOException {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        atomically(png, temporary -> ChartUtils.saveChartAsPNG(temporary.toFile(), chart, WIDTH, HEIGHT));
        atomically(svg, temporary -> Files.writeString(temporary, svg(chart), StandardCharsets.UTF_8));
        return List.of(png, svg);
    }

    /** The chart as a standalone SVG document, {@value #WIDTH} by {@value #HEIGHT} user units. */
    static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument();
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    /** Writes to a temporary sibling and moves it into place, so a chart is never half written. */
    private static void atomically(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + ".partial");
        try {
            writer.write(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
