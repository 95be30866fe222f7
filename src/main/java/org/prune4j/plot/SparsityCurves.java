package org.prune4j.plot;

import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import tech.tablesaw.api.Table;

/**
 * Accuracy against sparsity, one curve per group: the sweep (Han et al.'s Fig. 5: weight vs unit pruning, with and
 * without retraining or L2) and the per-layer sensitivity (their Fig. 6: one layer pruned at a time). Fractions in
 * the table are drawn as percent.
 */
final class SparsityCurves {
    static final int WIDTH = 720;
    static final int HEIGHT = 460;

    private SparsityCurves() {
    }

    /** Contract {@code series, sparsity, accuracy}. */
    static Plot sweep(Table table) {
        Columns.require(table, "accuracy vs sparsity", "series", "sparsity", "accuracy");
        return of(table, "series", "Accuracy vs sparsity", "Pruned (% of the weights, or of the neurons for unit pruning)");
    }

    /** Contract {@code layer, sparsity, accuracy}. */
    static Plot sensitivity(Table table) {
        Columns.require(table, "sensitivity", "layer", "sparsity", "accuracy");
        return of(table, "layer", "Sensitivity: one layer pruned at a time",
                "Sparsity of the pruned layer (% of its weights removed)");
    }

    private static Plot of(Table table, String group, String defaultTitle, String xTitle) {
        List<Curves.Point> points = Curves.points(defaultTitle + " (" + group + ", sparsity, accuracy)",
                Columns.strings(table, group), Columns.doubles(table, "sparsity"),
                Columns.doubles(table, "accuracy"));
        for (Curves.Point p : points) {
            if (p.x() < 0 || p.x() > 1 || p.y() < 0 || p.y() > 1) {
                throw new IllegalArgumentException("sparsity and accuracy are fractions in [0, 1]; got sparsity "
                        + p.x() + ", accuracy " + p.y() + " for " + group + " '" + p.group() + "'");
            }
        }
        Table data = Curves.table(defaultTitle, points, group, "sparsity", "accuracy");
        Recipe recipe = (w, h, title) -> {
            String t = title != null ? title : defaultTitle;
            XYChart chart = Theme.xy(w, h, t, xTitle, "Test accuracy (%)");
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisMax(100.0);
            chart.getStyler().setYAxisDecimalPattern("0.#");
            Curves.add(chart, points, 100, 100);
            return Figure.single(t, Panel.of(chart), () -> data);
        };
        return new Plot(recipe, WIDTH, HEIGHT, null);
    }
}
