package org.prune4j.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.Styler;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-layer sparsity as bars: the percentage of weights kept in each layer and in total (Han et al.'s Table 1/2
 * "weights %" column), one bar group per layer and one colour per source, so a run can stand next to the paper.
 * Values are printed on the bars. {@link #data()} has columns {@code series, layer, kept} (fractions).
 *
 * <pre>{@code
 * Charts.kept(pruned).and("Han et al.", Map.of("fc1", .08, "fc2", .09, "fc3", .26, "total", .08))
 * }</pre>
 */
public final class KeptBars extends Plot {
    /** The row name of the whole-network figure. */
    public static final String TOTAL = "total";

    private record Source(String label, Map<String, Double> kept) {
    }

    private final List<Source> sources;

    private KeptBars(List<Source> sources, int width, int height, String title) {
        super((w, h, t) -> draw(sources, w, h, t), width, height, title);
        this.sources = sources;
    }

    static KeptBars of(String label, Map<String, Double> kept) {
        return new KeptBars(List.of(source(label, kept)), 720, 440, null);
    }

    /**
     * Kept fraction per layer of a network, plus its total.
     *
     * @param net the network
     * @return layer to kept fraction, in layer order, {@code total} last
     */
    static Map<String, Double> keptOf(Network net) {
        Map<String, Double> kept = new LinkedHashMap<>();
        for (DenseLayer l : net.layers()) {
            kept.put(l.name(), (double) l.nonZeroWeights() / l.weightCount());
        }
        kept.put(TOTAL, (double) net.nonZeroWeights() / net.weightCount());
        return kept;
    }

    /**
     * Kept fraction per layer from a per-layer report: column {@code kept} if present, else
     * {@code non_zero / weights}; a {@code total} row is added from {@code weights} and {@code non_zero} when the
     * table has those columns and no such row.
     *
     * @param report table with {@code layer} and {@code kept}, or {@code layer, weights, non_zero}
     * @return layer to kept fraction
     */
    static Map<String, Double> keptOf(Table report) {
        if (!report.containsColumn("kept")) {
            Columns.require(report, "per-layer sparsity", "layer", "weights", "non_zero");
        } else {
            Columns.require(report, "per-layer sparsity", "layer", "kept");
        }
        String[] layers = Columns.strings(report, "layer");
        boolean counts = report.containsColumn("weights") && report.containsColumn("non_zero");
        double[] weights = counts ? Columns.doubles(report, "weights") : null;
        double[] nonZero = counts ? Columns.doubles(report, "non_zero") : null;
        double[] kept = report.containsColumn("kept") ? Columns.doubles(report, "kept") : null;
        Map<String, Double> out = new LinkedHashMap<>();
        double allWeights = 0;
        double allNonZero = 0;
        for (int i = 0; i < layers.length; i++) {
            double k = kept != null ? kept[i] : nonZero[i] / weights[i];
            out.put(layers[i], k);
            if (counts && !layers[i].equalsIgnoreCase(TOTAL)) {
                allWeights += weights[i];
                allNonZero += nonZero[i];
            }
        }
        if (counts && out.keySet().stream().noneMatch(TOTAL::equalsIgnoreCase) && allWeights > 0) {
            out.put(TOTAL, allNonZero / allWeights);
        }
        return out;
    }

    private static Source source(String label, Map<String, Double> kept) {
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no layers in '" + label + "'");
        }
        for (Map.Entry<String, Double> e : kept.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("'" + label + "' has a layer without a name; every bar needs one");
            }
            Double value = e.getValue();
            if (value == null || value.isNaN()) {
                throw new IllegalArgumentException("'" + label + "' has no kept fraction for " + e.getKey()
                        + " (a layer without weights, or a missing value); leave the layer out instead");
            }
            double v = value;
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("kept is a fraction in [0, 1]; '" + label + "' has " + v
                        + " for " + e.getKey() + " (did you pass percent?)");
            }
        }
        // a map without an order of its own (Map.of, HashMap) would order the bars differently from run to run
        boolean ordered = kept instanceof LinkedHashMap || kept instanceof SortedMap;
        return new Source(label, new LinkedHashMap<>(ordered ? kept : new TreeMap<>(kept)));
    }

    /**
     * Adds a network's kept fractions as another bar per layer.
     *
     * @param label legend label
     * @param net   the network
     * @return a new chart
     */
    public KeptBars and(String label, Network net) {
        return and(label, keptOf(net));
    }

    /**
     * Adds a per-layer report's kept fractions (see {@link Charts#kept(Table)} for the columns).
     *
     * @param label  legend label
     * @param report the report
     * @return a new chart
     */
    public KeptBars and(String label, Table report) {
        return and(label, keptOf(report));
    }

    /**
     * Adds kept fractions given by hand, e.g. a paper's: {@code Map.of("fc1", .08, "fc2", .09, "fc3", .26)}.
     * Layers the other sources lack get their own group; missing bars are left empty.
     *
     * @param label legend label
     * @param kept  layer name to kept fraction in [0, 1] (a {@code LinkedHashMap} keeps your order)
     * @return a new chart
     */
    public KeptBars and(String label, Map<String, Double> kept) {
        List<Source> more = new ArrayList<>(sources);
        more.add(source(label, kept));
        return new KeptBars(more, width(), height(), titleOverride());
    }

    @Override
    public KeptBars size(int width, int height) {
        return new KeptBars(sources, width, height, titleOverride());
    }

    @Override
    public KeptBars title(String title) {
        return new KeptBars(sources, width(), height(), title);
    }

    private static Figure draw(List<Source> sources, int width, int height, String titleOverride) {
        Set<String> layers = new LinkedHashSet<>();
        for (Source s : sources) {
            // one group per layer whatever its case ("fc1" and "FC1"), as lookup() finds either
            s.kept().keySet().stream().filter(k -> !k.equalsIgnoreCase(TOTAL))
                    .filter(k -> layers.stream().noneMatch(k::equalsIgnoreCase)).forEach(layers::add);
        }
        boolean anyTotal = sources.stream().anyMatch(s -> s.kept().keySet().stream().anyMatch(TOTAL::equalsIgnoreCase));
        if (anyTotal) {
            layers.add(TOTAL);
        }
        List<String> categories = List.copyOf(layers);
        String title = titleOverride != null ? titleOverride : "Weights kept per layer";
        CategoryChart chart = Theme.bars(width, height, title, "Layer", "Weights kept (%)");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(Theme.NOTE);
        chart.getStyler().setLabelsFontColor(Theme.INK);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendVisible(sources.size() > 1 || sources.get(0).label() != null);
        Table data = Table.create("Weights kept per layer", StringColumn.create("series"),
                StringColumn.create("layer"), DoubleColumn.create("kept"));
        double max = 0;
        for (Source s : sources) {
            List<Double> values = new ArrayList<>();
            for (String layer : categories) {
                Double k = lookup(s.kept(), layer);
                values.add(k == null ? Double.NaN : 100 * k);
                if (k != null) {
                    max = Math.max(max, 100 * k);
                    data.stringColumn("series").append(s.label());
                    data.stringColumn("layer").append(layer);
                    data.doubleColumn("kept").append(k);
                }
            }
            // XChart needs a series name; an unlabelled single source (no legend) is named for it
            chart.addSeries(s.label() == null || s.label().isEmpty() ? "kept" : s.label(), categories, values);
        }
        // headroom above the tallest bar for its label and the legend
        chart.getStyler().setYAxisMax(Math.min(100, Math.max(5, max * 1.25)));
        return Figure.single(title, Panel.of(chart), () -> data);
    }

    private static Double lookup(Map<String, Double> kept, String layer) {
        for (Map.Entry<String, Double> e : kept.entrySet()) {
            if (e.getKey().equalsIgnoreCase(layer)) {
                return e.getValue();
            }
        }
        return null;
    }
}
