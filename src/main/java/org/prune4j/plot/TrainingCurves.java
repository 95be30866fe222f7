package org.prune4j.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import tech.tablesaw.api.Table;

/**
 * Training curves from a history table ({@code epoch, loss, train_accuracy, test_accuracy, test_loss}): loss on the
 * left, accuracy in percent on the right. Test columns that are all missing (no test set) are left out.
 */
final class TrainingCurves {
    private TrainingCurves() {
    }

    static Plot of(Table table) {
        Columns.require(table, "training curves", "epoch", "loss", "train_accuracy");
        double[] epoch = Columns.doubles(table, "epoch");
        double[] loss = Columns.doubles(table, "loss");
        double[] trainAcc = Columns.doubles(table, "train_accuracy");
        double[] testAcc = optional(table, "test_accuracy");
        double[] testLoss = optional(table, "test_loss");
        if (table.rowCount() > 0 && optional(table, "epoch") == null) {
            throw new IllegalArgumentException("the history's epoch is missing in every row; number the epochs 1, 2, ...");
        }
        for (String column : List.of("loss", "train_accuracy")) {
            if (optional(table, column) == null) {
                throw new IllegalArgumentException("the history's " + column + " is missing or NaN in every epoch"
                        + " (did training diverge? a lower learning rate may help)");
            }
        }
        Table own = table.copy(); // the plot redraws from it later: a caller's change must not show up
        double firstEpoch = Arrays.stream(epoch).filter(Double::isFinite).min().orElse(0);
        double lastEpoch = Arrays.stream(epoch).filter(Double::isFinite).max().orElse(0);
        Recipe recipe = (w, h, title) -> {
            String heading = title != null ? title : "Training";
            XYChart lossChart = Theme.xy(w / 2, h, "Loss", "Epoch", "Cross-entropy loss");
            XYChart accChart = Theme.xy(w / 2, h, "Accuracy", "Epoch", "Accuracy (%)");
            for (XYChart c : List.of(lossChart, accChart)) {
                c.getStyler().setXAxisDecimalPattern("0");
                c.getStyler().setXAxisTickMarkSpacingHint(60);
                if (lastEpoch - firstEpoch < 1) { // one epoch: a point in a range around it, not a collapsed axis
                    c.getStyler().setXAxisMin(firstEpoch - 1);
                    c.getStyler().setXAxisMax(lastEpoch + 1);
                }
            }
            lossChart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            accChart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            accChart.getStyler().setYAxisDecimalPattern("0.#");
            line(lossChart, "train", epoch, loss, 1, 0);
            line(accChart, "train (running, during the epoch)", epoch, trainAcc, 100, 0);
            if (testLoss != null) {
                line(lossChart, "test", epoch, testLoss, 1, 1);
            }
            if (testAcc != null) {
                line(accChart, "test", epoch, testAcc, 100, 1);
            }
            return new Figure(heading, heading, List.of(Panel.of(lossChart), Panel.of(accChart)), 2, () -> own);
        };
        return new Plot(recipe, 900, 400, null);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, double scale, int colour) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) { // an epoch without a number has no place on the axis
                xs.add(x[i]);
                ys.add(y[i] * scale);
            }
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(Palette.series(colour));
        s.setMarkerColor(Palette.series(colour));
        if (xs.size() > 40) {
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
    }

    private static double[] optional(Table table, String column) {
        if (!table.containsColumn(column)) {
            return null;
        }
        double[] v = Columns.doubles(table, column);
        for (double d : v) {
            if (Double.isFinite(d)) {
                return v;
            }
        }
        return null;
    }
}
