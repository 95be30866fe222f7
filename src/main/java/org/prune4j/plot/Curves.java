package org.prune4j.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Line-and-marker curves, one per group, read from long-format columns (group, x, y): the shape shared by the
 * accuracy-vs-sparsity sweep, the per-layer sensitivity and the timing charts. Points are drawn in x order within a
 * group, and groups in order of first appearance, so the legend follows the table.
 */
final class Curves {
    private Curves() {
    }

    /** One point of a curve, with the row it came from. */
    record Point(String group, double x, double y) {
    }

    /**
     * The finite points (a missing value leaves a gap in its curve, as an untimed cell should).
     *
     * @param what  what is drawn and from which columns, for messages
     * @throws IllegalArgumentException if a row has no group, or no point is finite (nothing would be drawn)
     */
    static List<Point> points(String what, String[] groups, double[] x, double[] y) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null || groups[i].isEmpty()) {
                throw new IllegalArgumentException(what + ": row " + i + " names no curve; give every row one");
            }
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                points.add(new Point(groups[i], x[i], y[i]));
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(what + ": none of the " + groups.length
                    + " rows has finite values to draw (all missing, NaN or infinite)");
        }
        return points;
    }

    /**
     * Adds one series per group to {@code chart}.
     *
     * @param chart  the chart
     * @param points the points
     * @param scaleX factor applied to x when drawn (100 turns fractions into percent)
     * @param scaleY factor applied to y when drawn
     * @return the series, in group order
     */
    static List<XYSeries> add(XYChart chart, List<Point> points, double scaleX, double scaleY) {
        List<XYSeries> series = new ArrayList<>();
        for (String group : groups(points)) {
            List<Point> mine = points.stream().filter(p -> p.group().equals(group))
                    .sorted(Comparator.comparingDouble(Point::x)).toList();
            double[] x = mine.stream().mapToDouble(p -> p.x() * scaleX).toArray();
            double[] y = mine.stream().mapToDouble(p -> p.y() * scaleY).toArray();
            XYSeries s = chart.addSeries(group, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.add(s);
        }
        return series;
    }

    static List<String> groups(List<Point> points) {
        return Columns.distinct(points.stream().map(Point::group).toArray(String[]::new));
    }

    /** @return the points as a table with the given column names, in drawing order */
    static Table table(String name, List<Point> points, String group, String x, String y) {
        Table t = Table.create(name, StringColumn.create(group), DoubleColumn.create(x), DoubleColumn.create(y));
        for (String g : groups(points)) {
            points.stream().filter(p -> p.group().equals(g)).sorted(Comparator.comparingDouble(Point::x))
                    .forEach(p -> {
                        t.stringColumn(group).append(p.group());
                        t.doubleColumn(x).append(p.x());
                        t.doubleColumn(y).append(p.y());
                    });
        }
        return t;
    }
}
