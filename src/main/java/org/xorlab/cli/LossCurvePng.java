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
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
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
import org.xorlab.engine.ComparisonHistory;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.plot.ChartLook;
import org.xorlab.plot.LossLogAxis;
import org.xorlab.plot.RunColours;
import org.xorlab.text.NumberText;

/**
 * Draws a comparison's loss curves as a PNG with JFreeChart (plain Java2D, so it works headless): loss on a log
 * scale against epochs, one colour per run, the target loss as a dashed line and a dot where each run first got
 * below it. Sized and lettered for a classroom projector: the window chart's axes and colours
 * ({@link org.xorlab.plot}) in {@link ChartLook#PRINT}'s sizes.
 */
final class LossCurvePng {
    static final int WIDTH = 1200;
    static final int HEIGHT = 700;

    private static final ChartLook LOOK = ChartLook.PRINT;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font SUBTITLE_FONT = ChartLook.font(18);
    private static final Font POINTER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
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
        LossLogAxis y = new LossLogAxis("Loss (" + lossName(result) + ", log scale)");
        y.setRoundedRange(low, high);
        // A printed chart labels its ticks and leaves the ones between them out.
        y.setMinorTickMarksVisible(false);
        LOOK.style(x);
        LOOK.style(y);

        XYLineAndShapeRenderer lines = LOOK.runRenderer();
        for (int r = 0; r < runs.size(); r++) {
            ChartLook.paint(lines, r);
        }

        XYPlot plot = new XYPlot(data, x, y, lines);
        LOOK.style(plot);
        addTarget(plot, result, target);

        JFreeChart chart = new JFreeChart(title(runs), TITLE_FONT, plot, true);
        chart.setBackgroundPaint(ChartLook.BACKGROUND);
        chart.setPadding(new RectangleInsets(16, 16, 12, 44));
        chart.getTitle().setPaint(LOOK.text());
        TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
        sub.setPaint(LOOK.note());
        sub.setPadding(new RectangleInsets(4, 0, 8, 0));
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        LOOK.style(legend);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        legend.setMargin(new RectangleInsets(8, 0, 0, 0));
        return chart;
    }

    /** The target loss as a dashed line, and a dot (with a label while they cannot collide) at each crossing. */
    private static void addTarget(XYPlot plot, ComparisonResult result, String target) {
        ValueMarker line = new ValueMarker(result.targetLoss(), LOOK.note(), LOOK.targetStroke());
        line.setLabel("target loss " + target);
        line.setLabelFont(LOOK.noteFont());
        line.setLabelPaint(LOOK.note());
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
            Color colour = RunColours.of(r);
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
                pointer.setFont(POINTER_FONT);
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

    /**
     * "Loss per epoch: full-batch GD vs SGD" for a race of batch sizes; the runs' names ("SGD, momentum vs Adam")
     * when some share a batch size.
     */
    private static String title(List<ComparisonResult.RunSummary> runs) {
        boolean bySize = runs.stream().mapToInt(ComparisonResult.RunSummary::batchSize).distinct().count()
                == runs.size();
        StringBuilder s = new StringBuilder("Loss per epoch: ");
        for (int r = 0; r < runs.size(); r++) {
            if (r > 0) {
                s.append(r == runs.size() - 1 ? " vs " : ", ");
            }
            s.append(!bySize ? runs.get(r).name() : switch (runs.get(r).batchSize()) {
                case 1 -> "SGD";
                case 4 -> "full-batch GD";
                default -> "mini-batch " + runs.get(r).batchSize();
            });
        }
        return s.toString();
    }

    /** The runs' loss as the axis names it: "mean squared error", "cross-entropy", or each run's own. */
    private static String lossName(ComparisonResult result) {
        List<TrainingOptions.Loss> losses = result.runs().stream().map(r -> r.config().options().loss()).distinct()
                .toList();
        return losses.size() == 1 ? losses.get(0).words() : "each run's own loss";
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
}
