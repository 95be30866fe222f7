package org.prune4j.plot;

import org.prune4j.bench.Crossover;
import org.prune4j.bench.MethodKind;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Time against sparsity per multiplication method, one panel per {@code (shape, batch)}, with the
 * {@linkplain Crossover crossover} marked by a dashed vertical line (or "no crossover" in the panel title). Dense
 * methods are dashed, sparse solid, shrunk dotted, mixed dash-dotted (see {@link MethodKind}). The crossover is judged as
 * {@link Crossover} judges it, on the ratios paired round by round where the table has them, which a drifting
 * machine moves less than the medians drawn; "≤" marks a crossover at the lowest sparsity measured (sparse may win
 * lower still). {@link #data()} has columns
 * {@code shape, batch, method, kind, sparsity, median_ms, p25_ms, p75_ms} (quartiles missing if the table has
 * none); {@link #crossovers()} the marked crossovers.
 */
public final class TimingChart extends Plot {
    private record Options(Table timing, Integer batch, boolean log) {
    }

    private final Options options;

    /** The lowest a panel may get when many share the tallest plot. */
    private static final int MIN_PANEL_HEIGHT = 200;

    private TimingChart(Options options, int width, int height, String title) {
        super((w, h, t) -> draw(options, t), width, height, title);
        this.options = options;
    }

    static TimingChart of(Table timing, Integer batch) {
        Crossover.requireContract(timing);
        double[] sparsity = Columns.doubles(timing, "sparsity");
        for (int i = 0; i < sparsity.length; i++) {
            if (sparsity[i] < 0 || sparsity[i] > 1) {
                throw new IllegalArgumentException("sparsity is a fraction in [0, 1]; row " + i + " has " + sparsity[i]
                        + " (did you pass percent?)");
            }
        }
        // a copy: the chart redraws from it at any size later, and a plot does not change under its caller
        Options o = new Options(timing.copy(), batch, false);
        int panels = panels(o).size();
        if (panels == 0) {
            throw new IllegalArgumentException("no timing rows for batch " + batch + "; the table has batches "
                    + Crossover.shapesAndBatches(timing).values().stream().flatMap(List::stream).distinct().toList());
        }
        int columns = Math.min(2, panels);
        return new TimingChart(o, columns == 1 ? 720 : 1000, stackedHeight(panels, columns, 440, panels > 1 ? 30 : 0,
                MIN_PANEL_HEIGHT, "shape and batch panels", "chart one batch at a time with Charts.timing(table, batch)"),
                null);
    }

    /** @return a new chart with time on a logarithmic axis (for methods orders of magnitude apart) */
    public TimingChart logTime() {
        double[] median = Columns.doubles(options.timing, "median_ms");
        for (int i = 0; i < median.length; i++) {
            if (median[i] <= 0) {
                throw new IllegalArgumentException("a logarithmic time axis needs positive times; row " + i
                        + " has median_ms " + median[i]);
            }
        }
        return new TimingChart(new Options(options.timing, options.batch, true), width(), height(), titleOverride());
    }

    @Override
    public TimingChart size(int width, int height) {
        return new TimingChart(options, width, height, titleOverride());
    }

    @Override
    public TimingChart title(String title) {
        return new TimingChart(options, width(), height(), title);
    }

    /** @return the crossover of each panel: {@code shape, batch, crossover} (missing where sparse never wins) */
    public Table crossovers() {
        Table all = Crossover.of(options.timing);
        return options.batch == null ? all : all.where(all.intColumn("batch").isEqualTo(options.batch));
    }

    private record Key(String shape, int batch) {
    }

    private static List<Key> panels(Options o) {
        List<Key> keys = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : Crossover.shapesAndBatches(o.timing).entrySet()) {
            for (int b : e.getValue()) {
                if (o.batch == null || o.batch == b) {
                    keys.add(new Key(e.getKey(), b));
                }
            }
        }
        return keys;
    }

    private static Figure draw(Options o, String titleOverride) {
        Table t = o.timing;
        String[] shapes = Columns.strings(t, "shape");
        double[] batches = Columns.doubles(t, "batch");
        double[] sparsity = Columns.doubles(t, "sparsity");
        String[] methods = Columns.strings(t, "method");
        double[] median = Columns.doubles(t, "median_ms");
        double[] p25 = t.containsColumn("p25_ms") ? Columns.doubles(t, "p25_ms") : null;
        double[] p75 = t.containsColumn("p75_ms") ? Columns.doubles(t, "p75_ms") : null;
        Table data = Table.create("Timing", StringColumn.create("shape"), IntColumn.create("batch"),
                StringColumn.create("method"), StringColumn.create("kind"), DoubleColumn.create("sparsity"),
                DoubleColumn.create("median_ms"), DoubleColumn.create("p25_ms"), DoubleColumn.create("p75_ms"));
        List<Key> keys = panels(o);
        List<Panel> panels = new ArrayList<>();
        for (Key key : keys) {
            List<String> group = new ArrayList<>();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < shapes.length; i++) {
                if (shapes[i].equals(key.shape()) && batches[i] == key.batch()) {
                    group.add(methods[i]);
                    xs.add(sparsity[i]);
                    ys.add(median[i]);
                    data.stringColumn("shape").append(shapes[i]);
                    data.intColumn("batch").append(key.batch());
                    data.stringColumn("method").append(methods[i]);
                    data.stringColumn("kind").append(MethodKind.of(methods[i]).name().toLowerCase(Locale.ROOT));
                    data.doubleColumn("sparsity").append(sparsity[i]);
                    data.doubleColumn("median_ms").append(median[i]);
                    data.doubleColumn("p25_ms").append(p25 == null ? Double.NaN : p25[i]);
                    data.doubleColumn("p75_ms").append(p75 == null ? Double.NaN : p75[i]);
                }
            }
            List<Curves.Point> points = Curves.points("timing of " + key.shape() + " at batch " + key.batch()
                    + " (method, sparsity, median_ms)", group.toArray(String[]::new),
                    xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
            OptionalDouble crossover = Crossover.at(t, key.shape(), key.batch());
            String panelTitle = key.shape() + ", batch " + key.batch()
                    + (crossover.isPresent() ? "" : " (no crossover)");
            if (keys.size() == 1) {
                panelTitle = (titleOverride != null ? titleOverride : "Time per multiplication") + " — " + panelTitle;
            }
            XYChart chart = Theme.xy(720, 440, panelTitle, "Sparsity (% of weights removed)",
                    o.log ? "Median time (ms, log scale)" : "Median time (ms)");
            chart.getStyler().setYAxisLogarithmic(o.log);
            if (!o.log) {
                chart.getStyler().setYAxisMin(0.0);
            }
            chart.getStyler().setYAxisDecimalPattern("0.###");
            chart.getStyler().setXAxisDecimalPattern("0.#");
            double lowest = 100 * points.stream().mapToDouble(Curves.Point::x).min().getAsDouble();
            double minX = lowest;
            double maxX = 100 * points.stream().mapToDouble(Curves.Point::x).max().getAsDouble();
            if (maxX - minX < 1) { // one sparsity (a network timed as it is): a range around it, not a collapsed axis
                minX -= 5;
                maxX += 5;
                chart.getStyler().setXAxisMin(minX);
                chart.getStyler().setXAxisMax(maxX);
            }
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            List<XYSeries> series = Curves.add(chart, points, 100, 1);
            List<String> names = Curves.groups(points);
            for (int i = 0; i < series.size(); i++) {
                MethodKind kind = MethodKind.of(names.get(i));
                float[] dash = switch (kind) {
                    case DENSE -> new float[] {7f, 4f};
                    case SHRUNK -> new float[] {2f, 3f};
                    case MIXED -> new float[] {7f, 3f, 2f, 3f};
                    case SPARSE -> null;
                };
                series.get(i).setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        dash, 0f));
            }
            if (crossover.isPresent()) {
                double x = 100 * crossover.getAsDouble();
                double top = points.stream().mapToDouble(Curves.Point::y).max().orElse(1);
                chart.addAnnotation(new AnnotationLine(x, true, false));
                // the text is centred on its x: kept off the axes when the line is at an edge
                double margin = 0.2 * (maxX - minX); // about half the text's width
                double textX = Math.max(minX + margin, Math.min(maxX - margin, x));
                chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "crossover %s%s %%",
                        x <= lowest ? "≤ " : "", new DecimalFormat("0.#",
                                DecimalFormatSymbols.getInstance(Locale.ROOT)).format(x)), textX,
                        o.log ? top : top * 0.97, false));
            }
            panels.add(Panel.of(chart));
        }
        String heading = titleOverride != null ? titleOverride : "Time per multiplication";
        if (panels.size() == 1) {
            return Figure.single(heading, panels.get(0), () -> data);
        }
        return new Figure(heading, heading, panels, 2, () -> data);
    }
}
