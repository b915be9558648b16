package org.xorlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xorlab.engine.Measure;
import org.xorlab.run.study.StudyCurves;
import org.xorlab.text.NumberText;

/**
 * A study's two charts, built once here for the window and for {@code xorlab study --png}: the fraction of seeds
 * converged against the cost (one step curve per method, each at its best rate), and the median cost against the
 * learning rate on log-log axes, with a rate whose median run did not reach the target drawn as a cross on the top
 * edge. Colours are {@link RunColours}, one per method in the grid's order; letters and lines are the given
 * {@link ChartLook}'s.
 */
public final class StudyCharts {
    private StudyCharts() {
    }

    /** The ECDF chart: "fraction of seeds below the target" (0 to 1) against {@code measure}, log scale. */
    public static JFreeChart ecdf(List<StudyCurves.Ecdf> curves, Measure measure, ChartLook look) {
        XYSeriesCollection data = new XYSeriesCollection();
        double min = Double.POSITIVE_INFINITY;
        double max = 1;
        for (StudyCurves.Ecdf c : curves) {
            XYSeries s = new XYSeries(c.method().name() + " (rate " + NumberText.plain(c.learningRate()) + "): "
                    + NumberText.count(c.costs().length) + " of " + NumberText.count(c.runs()), false, true);
            if (c.costs().length > 0) {
                s.add(c.costs()[0], 0.0);
            }
            for (int i = 0; i < c.costs().length; i++) {
                s.add(c.costs()[i], c.fractions()[i]);
                min = Math.min(min, c.costs()[i]);
                max = Math.max(max, c.costs()[i]);
            }
            data.addSeries(s);
        }
        LossLogAxis x = new LossLogAxis(capitalised(measure.plural()) + " to the target (log scale)");
        if (min <= max) {
            x.setRoundedRange(min, max);
        }
        NumberAxis y = new NumberAxis("Fraction of seeds converged");
        y.setRange(0, 1.02);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1, NumberText.axisFormat(1)));
        look.style(x);
        look.style(y);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(look.runStroke());
        colour(renderer, curves.size());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        look.style(plot);
        return chart(plot, look);
    }

    /** The sensitivity chart: median {@code measure} to the target against the learning rate, both log scale. */
    public static JFreeChart sensitivity(List<StudyCurves.Sensitivity> curves, Measure measure, ChartLook look) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeriesCollection failed = new XYSeriesCollection();
        double top = 1;
        double bottom = Double.POSITIVE_INFINITY;
        double lowRate = Double.POSITIVE_INFINITY;
        double highRate = 0;
        for (StudyCurves.Sensitivity c : curves) {
            for (double m : c.medians()) {
                if (Double.isFinite(m)) {
                    top = Math.max(top, m);
                    bottom = Math.min(bottom, m);
                }
            }
            for (double r : c.rates()) {
                lowRate = Math.min(lowRate, r);
                highRate = Math.max(highRate, r);
            }
        }
        double edge = top * 2;
        int method = 0;
        for (StudyCurves.Sensitivity c : curves) {
            // Crosses of several methods at one rate are spread a little sideways, so none hides another.
            double spread = Math.pow(10, (method++ - (curves.size() - 1) / 2.0) * 0.025);
            XYSeries s = new XYSeries(c.method().name(), false, true);
            XYSeries f = new XYSeries(c.method().name() + ": median not reached", false, true);
            for (int i = 0; i < c.rates().length; i++) {
                if (Double.isFinite(c.medians()[i])) {
                    s.add(c.rates()[i], c.medians()[i]);
                } else {
                    s.add(c.rates()[i], null);
                    f.add(c.rates()[i] * spread, edge);
                }
            }
            data.addSeries(s);
            failed.addSeries(f);
        }
        LossLogAxis x = new LossLogAxis("Learning rate (log scale)");
        if (lowRate <= highRate) {
            x.setRoundedRange(lowRate / 1.3, highRate * 1.3);
        }
        LossLogAxis y = new LossLogAxis("Median " + measure.plural() + " (log scale)");
        y.setRoundedRange(Math.min(bottom, top), edge * 1.2);
        look.style(x);
        look.style(y);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setAutoPopulateSeriesStroke(false);
        lines.setDefaultStroke(look.runStroke());
        lines.setAutoPopulateSeriesShape(false);
        lines.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        colour(lines, curves.size());
        XYLineAndShapeRenderer crosses = new XYLineAndShapeRenderer(false, true);
        crosses.setAutoPopulateSeriesShape(false);
        crosses.setDefaultShape(cross());
        crosses.setDefaultSeriesVisibleInLegend(false);
        colour(crosses, curves.size());
        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setDataset(1, failed);
        plot.setRenderer(1, crosses);
        look.style(plot);
        // The legend: each method's line, then what a cross means (drawn in each method's colour on the plot).
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < curves.size(); i++) {
            legend.add(lines.getLegendItem(0, i));
        }
        LegendItem cross = new LegendItem("median not reached", null, null, null, cross(), look.text());
        legend.add(cross);
        plot.setFixedLegendItems(legend);
        return chart(plot, look);
    }

    private static java.awt.Shape cross() {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-6, -6);
        p.lineTo(6, 6);
        p.moveTo(-6, 6);
        p.lineTo(6, -6);
        return new BasicStroke(3f).createStrokedShape(p);
    }

    private static void colour(XYLineAndShapeRenderer renderer, int count) {
        for (int i = 0; i < count; i++) {
            Color c = RunColours.of(i);
            renderer.setSeriesPaint(i, c);
        }
    }

    private static JFreeChart chart(XYPlot plot, ChartLook look) {
        JFreeChart chart = new JFreeChart(null, ChartLook.font(18), plot, true);
        chart.setBackgroundPaint(ChartLook.BACKGROUND);
        LegendTitle legend = chart.getLegend();
        look.style(legend);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.setAntiAlias(true);
        // Room on the right for the last tick label of a log axis, which is centred on the plot's edge.
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 28));
        return chart;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
