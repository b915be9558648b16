package org.xorlab.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonHistory;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.text.NumberText;

/**
 * Draws a comparison's loss curves as a PNG with JFreeChart (plain Java2D, so it works headless): loss on a log
 * scale against epochs, one colour per run, the target loss as a dashed line and a dot where each run first got
 * below it. Sized and lettered for a classroom projector.
 */
final class LossCurvePng {
    static final int WIDTH = 1200;
    static final int HEIGHT = 700;

    /** Okabe-Ito colours: distinct for colour-blind viewers too. */
    private static final Color[] COLOURS = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7)};
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final String FONT = Font.SANS_SERIF;
    /** With more runs than this reaching the target, pointer labels would collide: only dots are drawn. */
    private static final int MAX_POINTER_LABELS = 2;

    private LossCurvePng() {
    }

    /**
     * The chart of {@code history}.
     *
     * @param subtitle one line under the title, for example the shared settings
     */
    static JFreeChart chart(ComparisonResult result, ComparisonHistory history, String subtitle) {
        List<ComparisonResult.RunSummary> runs = result.runs();
        String target = NumberText.plain(result.targetLoss());
        XYSeriesCollection data = new XYSeriesCollection();
        long[] epochs = history.epochs();
        double low = result.targetLoss();
        double high = result.targetLoss();
        for (int r = 0; r < runs.size(); r++) {
            ComparisonResult.RunSummary run = runs.get(r);
            String reached = run.reachedTarget()
                    ? "below " + target + " at epoch " + NumberText.count(run.epochsToTarget().getAsLong())
                    : run.diverged() ? "diverged at epoch " + NumberText.count(run.divergence().epoch())
                    : "budget spent, never below " + target;
            XYSeries series = new XYSeries(run.name() + ", batch size " + run.batchSize() + ": " + reached,
                    false, false);
            double[] losses = history.losses(r);
            for (int i = 0; i < epochs.length; i++) {
                // A log axis cannot show 0, and a stopped run has NaN: leave those points out.
                if (losses[i] > 0 && Double.isFinite(losses[i])) {
                    series.add(epochs[i], losses[i], false);
                    low = Math.min(low, losses[i]);
                    high = Math.max(high, losses[i]);
                }
            }
            data.addSeries(series);
        }

        NumberAxis x = new NumberAxis("Epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        x.setNumberFormatOverride(NumberText.axisFormat(0));
        x.setAutoRangeIncludesZero(false);
        if (result.epochs() > 1) {
            x.setRange(1, result.epochs());
        }
        LogAxis y = new NiceLogAxis("Loss (mean squared error, log scale)");
        y.setRange(NiceLogAxis.niceBelow(low), NiceLogAxis.niceAbove(high));
        for (var axis : List.of(x, y)) {
            axis.setLabelFont(new Font(FONT, Font.PLAIN, 20));
            axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 16));
            axis.setLabelPaint(INK);
            axis.setTickLabelPaint(INK);
            axis.setAxisLinePaint(INK);
            axis.setTickMarkPaint(INK);
        }

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int r = 0; r < runs.size(); r++) {
            lines.setSeriesPaint(r, colour(r));
            lines.setSeriesStroke(r, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }

        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        addTarget(plot, result, target);

        JFreeChart chart = new JFreeChart(title(runs), new Font(FONT, Font.BOLD, 26), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(16, 16, 12, 44));
        chart.getTitle().setPaint(INK);
        TextTitle sub = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 18));
        sub.setPaint(MUTED);
        sub.setPadding(new RectangleInsets(4, 0, 8, 0));
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(new Font(FONT, Font.PLAIN, 18));
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 24));
        legend.setMargin(new RectangleInsets(8, 0, 0, 0));
        return chart;
    }

    /** The target loss as a dashed line, and a dot (with a label while they cannot collide) at each crossing. */
    private static void addTarget(XYPlot plot, ComparisonResult result, String target) {
        ValueMarker line = new ValueMarker(result.targetLoss(), MUTED,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        line.setLabel("target loss " + target);
        line.setLabelFont(new Font(FONT, Font.PLAIN, 16));
        line.setLabelPaint(MUTED);
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        line.setLabelOffset(new RectangleInsets(4, 8, 4, 8));
        plot.addRangeMarker(line);

        List<ComparisonResult.RunSummary> runs = result.runs();
        long reached = runs.stream().filter(ComparisonResult.RunSummary::reachedTarget).count();
        Range epochs = plot.getDomainAxis().getRange();
        boolean crossingAtRight = false;
        int labelled = 0;
        for (int r = 0; r < runs.size(); r++) {
            ComparisonResult.RunSummary run = runs.get(r);
            if (!run.reachedTarget()) {
                continue;
            }
            long epoch = run.epochsToTarget().getAsLong();
            Color colour = colour(r);
            plot.addAnnotation(new Dot(epoch, result.targetLoss(), colour));
            // Labels point away from the nearer side of the plot so they are not cut off.
            boolean right = epoch < epochs.getLowerBound() + 0.7 * epochs.getLength();
            crossingAtRight |= !right;
            if (reached <= MAX_POINTER_LABELS) {
                // The first label goes above the target line, a second one below it.
                boolean above = labelled++ == 0;
                double angle = (right ? Math.PI / 4 : 3 * Math.PI / 4) * (above ? -1 : 1);
                XYPointerAnnotation pointer = new XYPointerAnnotation(run.name() + ": epoch " + NumberText.count(epoch),
                        epoch,
                        result.targetLoss(), angle);
                pointer.setTextAnchor(above ? (right ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT)
                        : (right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT));
                pointer.setFont(new Font(FONT, Font.BOLD, 18));
                pointer.setPaint(colour);
                pointer.setArrowPaint(colour);
                pointer.setArrowStroke(new BasicStroke(2f));
                pointer.setArrowLength(10);
                pointer.setBaseRadius(55);
                pointer.setTipRadius(9);
                plot.addAnnotation(pointer);
            }
        }
        // The line's own label sits at the end of the line where no crossing is labelled.
        line.setLabelAnchor(crossingAtRight ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(crossingAtRight ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
    }

    private static Color colour(int run) {
        return COLOURS[run % COLOURS.length];
    }

    private static String title(List<ComparisonResult.RunSummary> runs) {
        StringBuilder s = new StringBuilder("Loss per epoch: ");
        for (int r = 0; r < runs.size(); r++) {
            if (r > 0) {
                s.append(r == runs.size() - 1 ? " vs " : ", ");
            }
            s.append(switch (runs.get(r).batchSize()) {
                case 1 -> "SGD";
                case 4 -> "full-batch GD";
                default -> "mini-batch " + runs.get(r).batchSize();
            });
        }
        return s.toString();
    }

    /** Writes {@code chart} as a {@value #WIDTH} x {@value #HEIGHT} PNG. */
    static void write(JFreeChart chart, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }

    /** A filled circle of fixed size in data coordinates of a log-scaled plot: drawn as a shape per render. */
    private static final class Dot extends XYShapeAnnotation {
        private static final long serialVersionUID = 1L;
        private final double epoch;
        private final double loss;
        private final Paint colour;

        Dot(double epoch, double loss, Paint colour) {
            super(new Ellipse2D.Double(epoch, loss, 0, 0));
            this.epoch = epoch;
            this.loss = loss;
            this.colour = colour;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea,
                         org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                         int rendererIndex, org.jfree.chart.plot.PlotRenderingInfo info) {
            double px = domainAxis.valueToJava2D(epoch, dataArea, plot.getDomainAxisEdge());
            double py = rangeAxis.valueToJava2D(loss, dataArea, plot.getRangeAxisEdge());
            double r = 7;
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            g2.setPaint(colour);
            g2.fill(dot);
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(2f));
            g2.draw(dot);
        }
    }

    /**
     * A log axis with ticks at 1, 2 and 5 times a power of ten (only the powers of ten over more than four
     * decades), labelled 0.01 rather than 1E-2; JFreeChart's own picks ticks such as 0.3981071706.
     */
    private static final class NiceLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private static final int[] STEPS = {1, 2, 5};

        NiceLogAxis(String label) {
            super(label);
        }

        /** The largest 1, 2 or 5 times a power of ten at or below {@code v}. */
        static double niceBelow(double v) {
            int k = (int) Math.floor(Math.log10(v));
            double best = Math.pow(10, k);
            for (int m : STEPS) {
                double candidate = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
                if (candidate <= v) {
                    best = candidate;
                }
            }
            return best;
        }

        /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
        static double niceAbove(double v) {
            int k = (int) Math.floor(Math.log10(v));
            for (int m : STEPS) {
                double candidate = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
                if (candidate >= v) {
                    return candidate;
                }
            }
            return Math.pow(10, k + 1);
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            double lower = getLowerBound();
            double upper = getUpperBound();
            int first = (int) Math.floor(Math.log10(lower));
            int last = (int) Math.ceil(Math.log10(upper));
            int[] steps = last - first > 4 ? new int[] {1} : STEPS;
            List<NumberTick> ticks = new ArrayList<>();
            for (int k = first; k <= last; k++) {
                for (int m : steps) {
                    BigDecimal value = BigDecimal.valueOf(m).scaleByPowerOfTen(k);
                    double v = value.doubleValue();
                    if (v >= lower * (1 - 1e-12) && v <= upper * (1 + 1e-12)) {
                        String text = k >= -4 ? value.toPlainString() : m + "e" + k;
                        ticks.add(new NumberTick(v, text, TextAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT, 0));
                    }
                }
            }
            return ticks;
        }
    }
}
