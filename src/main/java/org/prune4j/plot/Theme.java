package org.prune4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The house look applied to every XChart chart: white background, light grid, fonts sized for a notebook cell at
 * 100 % zoom, Okabe–Ito series colours, legend inside the plot where it rarely hides data.
 */
final class Theme {
    static final String FONT = Font.SANS_SERIF;
    static final Font TITLE = new Font(FONT, Font.BOLD, 15);
    static final Font FIGURE_TITLE = new Font(FONT, Font.BOLD, 16);
    static final Font AXIS_TITLE = new Font(FONT, Font.PLAIN, 13);
    static final Font TICKS = new Font(FONT, Font.PLAIN, 11);
    static final Font LEGEND = new Font(FONT, Font.PLAIN, 12);
    static final Font NOTE = new Font(FONT, Font.PLAIN, 11);
    static final Color INK = new Color(0x222222);
    static final Color GRID = new Color(0xE4E4E4);
    static final Color FRAME = new Color(0x9A9A9A);

    private Theme() {
    }

    static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        axes(chart.getStyler());
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    static CategoryChart bars(int width, int height, String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChart(width, height);
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        axes(chart.getStyler());
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        return chart;
    }

    static void base(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(INK);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(6);
        s.setChartPadding(10);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(GRID);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendPadding(6);
        s.setSeriesColors(Palette.SERIES.toArray(new Color[0]));
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setPlotBorderColor(FRAME);
        s.setAnnotationLineColor(INK);
        s.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        s.setAnnotationTextFont(NOTE);
        s.setAnnotationTextFontColor(INK);
    }

    static void axes(AxesChartStyler s) {
        base(s);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickMarksColor(FRAME);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTitlePadding(6);
        s.setPlotMargin(4);
    }
}
