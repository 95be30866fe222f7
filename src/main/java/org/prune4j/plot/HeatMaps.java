package org.prune4j.plot;

import org.prune4j.nn.DenseLayer;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Masks and weight matrices as images: which input pixels still feed the network after pruning (Han et al.'s
 * Fig. 4), and any weight matrix with a diverging colour scale where white is exactly zero.
 */
final class HeatMaps {
    private HeatMaps() {
    }

    /**
     * Per input, the number of its outgoing connections still kept (the mask's row sums, or the non-zero weights
     * when the layer has no mask), laid out as a square image.
     */
    static Plot inputMask(DenseLayer layer) {
        int side = (int) Math.round(Math.sqrt(layer.inputs()));
        if (side * side != layer.inputs()) {
            throw new IllegalArgumentException(layer.name() + " has " + layer.inputs()
                    + " inputs, not a square image; use Charts.heatMap(layer) for the whole matrix");
        }
        int out = layer.outputs();
        float[] w = layer.mask().map(m -> m.data().asFloat()).orElseGet(layer::weightArray);
        double[] kept = new double[layer.inputs()];
        int most = 0;
        for (int i = 0; i < layer.inputs(); i++) {
            int n = 0;
            for (int j = 0; j < out; j++) {
                if (w[i * out + j] != 0f) {
                    n++;
                }
            }
            kept[i] = n;
            most = Math.max(most, n);
        }
        Table data = Table.create("Connections kept per input", IntColumn.create("row"), IntColumn.create("column"),
                IntColumn.create("kept"));
        for (int i = 0; i < kept.length; i++) {
            data.intColumn("row").append(i / side);
            data.intColumn("column").append(i % side);
            data.intColumn("kept").append((int) kept[i]);
        }
        int scaleTop = most;
        Recipe recipe = (wd, ht, title) -> {
            String t = title != null ? title : "Connections kept per input pixel — " + layer.name();
            // the colours span what is there, not all `out`: pruned to a few percent, a scale to 300 is one colour
            Panel p = new HeatMapPanel(t, "Pixel column", "Pixel row", "Kept connections (of " + out + ")", kept,
                    side, side, 0, Math.max(1, scaleTop), Palette::sequential, true);
            return Figure.single(t, p, () -> data);
        };
        return new Plot(recipe, 560, 500, null);
    }

    /** A layer's weight matrix {@code [in × out]}: rows are inputs, columns neurons; pruned weights are white. */
    static Plot weights(DenseLayer layer) {
        float[] w = layer.weightArray();
        double[] v = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            v[i] = w[i];
        }
        return matrix(v, layer.inputs(), layer.outputs(), "Weights — " + layer.name() + " (" + layer.inputs()
                + " x " + layer.outputs() + ")", "Neuron (column j)", "Input (row i)");
    }

    /** Any matrix, diverging colours symmetric about zero. */
    static Plot matrix(double[] values, int rows, int columns, String defaultTitle, String xTitle, String yTitle) {
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException("a " + rows + " x " + columns + " matrix has " + (long) rows * columns
                    + " values, got " + values.length);
        }
        double m = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("the value at row " + i / columns + ", column " + i % columns
                        + " is " + values[i] + "; a heat map colours finite values only (did training diverge?)");
            }
            m = Math.max(m, Math.abs(values[i]));
        }
        double maxAbs = m > 0 ? m : 1;
        Recipe recipe = (wd, ht, title) -> {
            String t = title != null ? title : defaultTitle;
            Panel p = new HeatMapPanel(t, xTitle, yTitle, "Value", values, rows, columns, -maxAbs, maxAbs,
                    f -> Palette.diverging(2 * f - 1), false);
            return Figure.single(t, p, () -> cells(values, rows, columns));
        };
        return new Plot(recipe, 640, 600, null);
    }

    private static Table cells(double[] values, int rows, int columns) {
        int[] r = new int[values.length];
        int[] c = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = i / columns;
            c[i] = i % columns;
        }
        return Table.create("Matrix", IntColumn.create("row", r), IntColumn.create("column", c),
                DoubleColumn.create("value", values));
    }
}
