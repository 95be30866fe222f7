package org.prune4j.plot;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Weight distribution: one histogram panel per layer, one translucent series per network state (before pruning,
 * after pruning, after retraining), on bins shared by the states and symmetric about zero, so the gap pruning cuts
 * around zero and the bimodal shape retraining gives (Han et al. 2015, Fig. 7) line up.
 *
 * <p>Exact zeros (pruned weights) are left out by default: they would be one bar towering over everything. Each
 * legend entry says what fraction of the weights is non-zero. {@link #data()} has columns
 * {@code layer, state, bin, low, high, count}: bin {@code i} counts {@code low <= w < high} (the last bin also
 * {@code w == high}).
 *
 * <pre>{@code
 * Charts.weights(net)                        // every layer
 * Charts.weights(before, after).logCounts()  // overlay, log-scale counts
 * }</pre>
 */
public final class WeightHistogram extends Plot {
    static final int DEFAULT_BINS = 81; // odd: the middle bin is centred on zero
    static final int PANEL_WIDTH = 340;
    static final int SINGLE_WIDTH = 640;
    static final int HEIGHT = 400;
    /** The lowest a panel may get when many layers share the tallest plot (a histogram still reads at 150 pixels). */
    private static final int MIN_PANEL_HEIGHT = 150;
    private static final double LOG_FLOOR = 0.5;

    /** One layer's weights in one state. */
    record Layer(String name, int inputs, int outputs, float[] values) {
        static Layer of(DenseLayer layer) {
            return new Layer(layer.name(), layer.inputs(), layer.outputs(), layer.weightArray());
        }

        long nonZero() {
            long n = 0;
            for (float v : values) {
                if (v != 0f) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A network state: a label and its layers' weights. */
    record State(String label, List<Layer> layers) {
        static State of(Network net) {
            return new State(null, net.layers().stream().map(Layer::of).toList());
        }

        static State of(DenseLayer layer) {
            return new State(null, List.of(Layer.of(layer)));
        }
    }

    private record Options(String name, List<State> states, List<String> labels, int bins, boolean log,
                           boolean zeros) {
    }

    private final Options options;

    private WeightHistogram(Options options, int width, int height, String title) {
        super((w, h, t) -> draw(options, t), width, height, title);
        this.options = options;
    }

    static WeightHistogram of(String name, List<State> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no network or layer given");
        }
        List<String> names = states.get(0).layers().stream().map(Layer::name).toList();
        for (State s : states) {
            if (!s.layers().stream().map(Layer::name).toList().equals(names)) {
                throw new IllegalArgumentException("states to overlay must have the same layers: " + names + " vs "
                        + s.layers().stream().map(Layer::name).toList());
            }
        }
        for (int si = 0; si < states.size(); si++) {
            for (Layer layer : states.get(si).layers()) {
                long bad = 0;
                for (float v : layer.values()) {
                    bad += Float.isFinite(v) ? 0 : 1;
                }
                if (bad > 0) {
                    throw new IllegalArgumentException("layer " + layer.name() + (states.size() > 1 ? " (state "
                            + (si + 1) + ")" : "") + " has " + bad + " NaN or infinite weights (did training"
                            + " diverge?); a histogram cannot bin them");
                }
            }
        }
        Options o = new Options(name, List.copyOf(states), defaultLabels(states), DEFAULT_BINS, false, false);
        int panels = names.size();
        int width = panels == 1 ? SINGLE_WIDTH : Math.min(3, panels) * PANEL_WIDTH;
        int height = stackedHeight(panels, 3, HEIGHT, panels == 1 ? 0 : 30, MIN_PANEL_HEIGHT, "layers",
                "chart a few at a time with Charts.weights(layer, ...)");
        return new WeightHistogram(o, width, height, null);
    }

    /** Labels for the usual sequences: one state; before/after pruning; before/after pruning/after retraining. */
    private static List<String> defaultLabels(List<State> states) {
        return switch (states.size()) {
            case 1 -> List.of("weights");
            case 2 -> List.of("before pruning", "after pruning");
            case 3 -> List.of("before pruning", "after pruning", "after retraining");
            default -> {
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < states.size(); i++) {
                    labels.add("state " + (i + 1));
                }
                yield labels;
            }
        };
    }

    /**
     * @param count number of equal-width bins per layer (odd numbers centre a bin on zero)
     * @return a new histogram
     */
    public WeightHistogram bins(int count) {
        if (count < 2 || count > 1000) {
            throw new IllegalArgumentException("bins must be 2..1000, got " + count);
        }
        return with(new Options(options.name, options.states, options.labels, count, options.log, options.zeros));
    }

    /** @return a new histogram with logarithmic counts (empty bins rest on the axis floor, half a count) */
    public WeightHistogram logCounts() {
        return logCounts(true);
    }

    /**
     * @param log whether counts are drawn on a logarithmic axis
     * @return a new histogram
     */
    public WeightHistogram logCounts(boolean log) {
        return with(new Options(options.name, options.states, options.labels, options.bins, log, options.zeros));
    }

    /**
     * @param show whether exact zeros (pruned weights) are counted; off by default
     * @return a new histogram
     */
    public WeightHistogram zeros(boolean show) {
        return with(new Options(options.name, options.states, options.labels, options.bins, options.log, show));
    }

    /**
     * @param labels one legend label per state, in the order the states were given
     * @return a new histogram
     */
    public WeightHistogram labels(String... labels) {
        if (labels.length != options.states.size()) {
            throw new IllegalArgumentException("give one label per state: " + options.states.size() + " states, "
                    + labels.length + " labels");
        }
        return with(new Options(options.name, options.states, List.of(labels), options.bins, options.log,
                options.zeros));
    }

    @Override
    public WeightHistogram size(int width, int height) {
        return new WeightHistogram(options, width, height, titleOverride());
    }

    @Override
    public WeightHistogram title(String title) {
        return new WeightHistogram(options, width(), height(), title);
    }

    private WeightHistogram with(Options o) {
        return new WeightHistogram(o, width(), height(), titleOverride());
    }

    private static Figure draw(Options o, String titleOverride) {
        List<Layer> first = o.states.get(0).layers();
        List<Panel> panels = new ArrayList<>();
        Table data = Table.create("Weight histogram", StringColumn.create("layer"), StringColumn.create("state"),
                IntColumn.create("bin"), DoubleColumn.create("low"), DoubleColumn.create("high"),
                LongColumn.create("count"));
        String heading = titleOverride != null ? titleOverride : "Weight distribution — " + o.name;
        for (int li = 0; li < first.size(); li++) {
            Layer shape = first.get(li);
            double maxAbs = 0;
            for (State s : o.states) {
                for (float v : s.layers().get(li).values()) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
            Bins bins = Bins.symmetric(maxAbs, o.bins);
            String panelTitle = first.size() == 1
                    ? heading + " (" + (o.name.equals(shape.name()) ? shape.inputs() + " x " + shape.outputs()
                            : shape.name()) + ")"
                    : shape.name() + " (" + shape.inputs() + " x " + shape.outputs() + ")";
            boolean zerosHidden = !o.zeros && hasZeros(o, li);
            XYChart chart = Theme.xy(SINGLE_WIDTH, HEIGHT, panelTitle,
                    zerosHidden ? "Weight value (exact zeros not drawn)" : "Weight value",
                    o.log ? "Count (log scale)" : "Count");
            chart.getStyler().setYAxisLogarithmic(o.log);
            chart.getStyler().setYAxisMin(o.log ? LOG_FLOOR : 0.0);
            if (!o.log) {
                chart.getStyler().setYAxisDecimalPattern("#,##0"); // counts: 120,000, not XChart's 1.2E5
            }
            chart.getStyler().setXAxisTickMarkSpacingHint(60);
            chart.getStyler().setXAxisMaxLabelCount(5); // narrow panels: the hint alone lets labels collide
            // a round range, so that the ticks fall on round values and zero; labels to the range's precision
            double axis = Ticks.roundUp(bins.edge(bins.count()));
            chart.getStyler().setXAxisMin(-axis);
            chart.getStyler().setXAxisMax(axis);
            chart.getStyler().setxAxisTickLabelsFormattingFunction(Ticks.formatter(axis));
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            for (int si = 0; si < o.states.size(); si++) {
                Layer layer = o.states.get(si).layers().get(li);
                long[] counts = bins.histogram(layer.values(), o.zeros);
                double[] x = new double[bins.count() + 1];
                double[] y = new double[bins.count() + 1];
                for (int b = 0; b <= bins.count(); b++) {
                    x[b] = bins.edge(b);
                    long c = counts[Math.min(b, bins.count() - 1)];
                    y[b] = o.log ? Math.max(c, LOG_FLOOR) : c; // empty bins rest on the floor of a log axis
                }
                for (int b = 0; b < bins.count(); b++) {
                    data.stringColumn("layer").append(layer.name());
                    data.stringColumn("state").append(o.labels.get(si));
                    data.intColumn("bin").append(b);
                    data.doubleColumn("low").append(bins.edge(b));
                    data.doubleColumn("high").append(bins.edge(b + 1));
                    data.longColumn("count").append(counts[b]);
                }
                long nz = layer.nonZero();
                String label = o.labels.get(si);
                if (nz < layer.values().length) {
                    label += String.format(Locale.ROOT, " — %.1f %% non-zero", 100.0 * nz / layer.values().length);
                }
                XYSeries series = chart.addSeries(label, x, y);
                // areas fill down to the axis, which a log axis does not have: outline only there
                series.setXYSeriesRenderStyle(o.log ? XYSeries.XYSeriesRenderStyle.Step
                        : XYSeries.XYSeriesRenderStyle.StepArea);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(Palette.series(si));
                series.setFillColor(Palette.series(si, o.states.size() > 1 ? 90 : 150));
                series.setLineStyle(new BasicStroke(1.4f));
            }
            chart.getStyler().setLegendVisible(o.states.size() > 1 || hasZeros(o, li));
            panels.add(Panel.of(chart));
        }
        if (panels.size() == 1) {
            return Figure.single(heading, panels.get(0), () -> data);
        }
        return new Figure(heading, heading, panels, 3, () -> data);
    }

    private static boolean hasZeros(Options o, int layer) {
        for (State s : o.states) {
            Layer l = s.layers().get(layer);
            if (l.nonZero() < l.values().length) {
                return true;
            }
        }
        return false;
    }
}
