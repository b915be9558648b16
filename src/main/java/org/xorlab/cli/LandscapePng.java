package org.xorlab.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.xorlab.engine.LossPlane;
import org.xorlab.plot.ChartLook;
import org.xorlab.plot.Contours;
import org.xorlab.plot.LandscapeLook;
import org.xorlab.plot.LossLogAxis;
import org.xorlab.plot.RunColours;
import org.xorlab.text.NumberText;

/**
 * {@code xorlab landscape --png}: the loss over a plane as a heatmap on {@link LandscapeLook}'s log scale (the
 * window's landscape view draws with the same colours), its contour lines ({@link Contours}), the run's path in
 * {@link RunColours#of(int) the first run's colour} on a white halo with its start and end marked, the plane's axes
 * and a colour bar of the log scale. Lettered for a projector in {@link ChartLook#PRINT}'s sizes; the plot is square,
 * so that distances and angles on the plane look as they are.
 */
final class LandscapePng {
    static final int WIDTH = 1200;
    static final int HEIGHT = 1000;

    private static final ChartLook LOOK = ChartLook.PRINT;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font SUBTITLE_FONT = ChartLook.font(18);
    private static final Font MARK_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    /** Room on the right for the colour bar, its ticks and its title. */
    private static final int BAR_ROOM = 200;
    private static final int BAR_GAP = 36;
    private static final int BAR_WIDTH = 30;

    /**
     * What the picture shows.
     *
     * @param losses   the grid, row-major from the lowest b ({@link org.xorlab.engine.PlaneLoss#grid})
     * @param path     the path's points projected, (a, b) each, epoch 0 first
     * @param lastEpoch the epoch of the path's last point
     * @param lossName the loss in words, for the colour bar ("mean squared error")
     * @param settings the run's settings, for the line under the title
     */
    record Landscape(LossPlane plane, LossPlane.Window window, int n, double[] losses, double[][] path,
                     long lastEpoch, String lossName, String settings) {
    }

    private LandscapePng() {
    }

    static void write(Landscape landscape, OutputStream out) throws IOException {
        ChartUtils.writeBufferedImageAsPNG(out, image(landscape));
    }

    /** The picture, {@value #WIDTH} x {@value #HEIGHT}. */
    static BufferedImage image(Landscape l) {
        double[] range = LandscapeLook.logRange(l.losses());
        JFreeChart chart = chart(l, range);
        // Lay the chart out once to learn how much its axes and titles take, then narrow it so the plot is square.
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        int chartWidth = WIDTH - BAR_ROOM;
        chart.draw(sg, new Rectangle2D.Double(0, 0, chartWidth, HEIGHT), info);
        sg.dispose();
        Rectangle2D first = info.getPlotInfo().getDataArea();
        chartWidth = (int) Math.round(chartWidth - (first.getWidth() - first.getHeight()));

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setPaint(ChartLook.BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int left = (WIDTH - BAR_ROOM - chartWidth) / 2;
            info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(left, 0, chartWidth, HEIGHT), info);
            drawColourBar(g, info.getPlotInfo().getDataArea(), range, l.lossName());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static JFreeChart chart(Landscape l, double[] range) {
        LossPlane.Window w = l.window();
        int n = l.n();
        // Each grid point is the centre of its cell, so the picture reaches half a cell beyond the outer points.
        double da = (w.aMax() - w.aMin()) / (n - 1) / 2;
        double db = (w.bMax() - w.bMin()) / (n - 1) / 2;
        NumberAxis x = new NumberAxis(l.plane().aLabel());
        NumberAxis y = new NumberAxis(l.plane().bLabel());
        for (NumberAxis axis : List.of(x, y)) {
            axis.setAutoRangeIncludesZero(false);
            // Tick labels as decimals with as many places as the step needs, in Locale.ROOT (a '.' point everywhere).
            axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(java.util.Locale.ROOT));
            LOOK.style(axis);
        }
        x.setRange(w.aMin() - da, w.aMax() + da);
        y.setRange(w.bMin() - db, w.bMax() + db);
        XYPlot plot = new XYPlot(null, x, y, new XYLineAndShapeRenderer());
        LOOK.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(true);
        plot.setOutlinePaint(LOOK.axisLine());
        plot.addAnnotation(new Heatmap(heatmap(l.losses(), n, range), w.aMin() - da, w.aMax() + da, w.bMin() - db,
                w.bMax() + db));
        plot.addAnnotation(new ContourLines(l.losses(), n, range, w));
        plot.addAnnotation(new PathLine(l.path(), l.lastEpoch()));

        JFreeChart chart = new JFreeChart(l.plane().description(), TITLE_FONT, plot, false);
        chart.setBackgroundPaint(ChartLook.BACKGROUND);
        chart.setPadding(new RectangleInsets(16, 16, 12, 16));
        chart.getTitle().setPaint(LOOK.text());
        TextTitle sub = new TextTitle(l.settings() + ".", SUBTITLE_FONT);
        sub.setPaint(LOOK.note());
        sub.setMaximumLinesToDisplay(2);
        sub.setPadding(new RectangleInsets(4, 0, 2, 0));
        chart.addSubtitle(sub);
        TextTitle key = new TextTitle("The run's path in blue, from its start (ring) to its end (dot), projected onto "
                + "the plane.", SUBTITLE_FONT);
        key.setPaint(LOOK.note());
        key.setMaximumLinesToDisplay(1);
        key.setPadding(new RectangleInsets(2, 0, 10, 0));
        chart.addSubtitle(key);
        return chart;
    }

    /** One pixel per grid point, row 0 (the lowest b) at the bottom. */
    private static BufferedImage heatmap(double[] losses, int n, double[] range) {
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                image.setRGB(column, n - 1 - row,
                        LandscapeLook.rgb(LandscapeLook.position(losses[row * n + column], range)));
            }
        }
        return image;
    }

    /** The log scale beside the plot: the colours from the lowest loss (bottom) to the highest, on a loss axis. */
    private static void drawColourBar(Graphics2D g, Rectangle2D plotArea, double[] range, String lossName) {
        int x0 = (int) Math.round(plotArea.getMaxX()) + BAR_GAP;
        int top = (int) Math.round(plotArea.getMinY());
        int height = (int) Math.round(plotArea.getHeight());
        for (int i = 0; i < height; i++) {
            double position = 1 - (i + 0.5) / height;
            g.setPaint(new Color(LandscapeLook.rgb(position)));
            g.fillRect(x0, top + i, BAR_WIDTH, 1);
        }
        g.setPaint(LOOK.axisLine());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, top, BAR_WIDTH, height);
        for (double level : LandscapeLook.levels(range)) {
            double position = (level - range[0]) / (range[1] - range[0]);
            int yy = (int) Math.round(top + height * (1 - position));
            g.setPaint(new Color(LandscapeLook.contourRgb(position)));
            g.drawLine(x0, yy, x0 + BAR_WIDTH, yy);
        }
        LossLogAxis axis = new LossLogAxis("Loss (" + lossName + ", log scale)");
        axis.setRange(Math.pow(10, range[0]), Math.pow(10, range[1]));
        axis.setMinorTickMarksVisible(false);
        LOOK.style(axis);
        Rectangle2D bar = new Rectangle2D.Double(x0, top, BAR_WIDTH, height);
        axis.draw(g, x0 + BAR_WIDTH, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), bar, RectangleEdge.RIGHT, null);
    }

    private static double toX(ValueAxis axis, double a, Rectangle2D area, XYPlot plot) {
        return axis.valueToJava2D(a, area, plot.getDomainAxisEdge());
    }

    private static double toY(ValueAxis axis, double b, Rectangle2D area, XYPlot plot) {
        return axis.valueToJava2D(b, area, plot.getRangeAxisEdge());
    }

    /** The grid's colours, stretched over the plot with bilinear interpolation. */
    private static final class Heatmap extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final transient BufferedImage image;
        private final double aLow;
        private final double aHigh;
        private final double bLow;
        private final double bHigh;

        Heatmap(BufferedImage image, double aLow, double aHigh, double bLow, double bHigh) {
            this.image = image;
            this.aLow = aLow;
            this.aHigh = aHigh;
            this.bLow = bLow;
            this.bHigh = bHigh;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range,
                         int rendererIndex, PlotRenderingInfo info) {
            double x1 = toX(domain, aLow, area, plot);
            double x2 = toX(domain, aHigh, area, plot);
            double y1 = toY(range, bHigh, area, plot);
            double y2 = toY(range, bLow, area, plot);
            Object hint = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(image, (int) Math.round(x1), (int) Math.round(y1), (int) Math.round(x2 - x1),
                    (int) Math.round(y2 - y1), null);
            if (hint != null) {
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
            }
        }
    }

    /** {@link LandscapeLook#CONTOURS} levels evenly spaced in log loss, each in its own contour colour. */
    private static final class ContourLines extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final double[] logLosses;
        private final int n;
        private final double[] range;
        private final LossPlane.Window window;

        ContourLines(double[] losses, int n, double[] range, LossPlane.Window window) {
            this.logLosses = new double[losses.length];
            for (int i = 0; i < losses.length; i++) {
                logLosses[i] = Double.isFinite(losses[i]) ? Math.log10(Math.max(losses[i], LandscapeLook.FLOOR))
                        : Double.NaN;
            }
            this.n = n;
            this.range = range;
            this.window = window;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis rangeAxis,
                         int rendererIndex, PlotRenderingInfo info) {
            double stepA = (window.aMax() - window.aMin()) / (n - 1);
            double stepB = (window.bMax() - window.bMin()) / (n - 1);
            g2.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double level : LandscapeLook.levels(range)) {
                Path2D.Double lines = new Path2D.Double();
                for (double[] s : Contours.segments(logLosses, n, level)) {
                    lines.moveTo(toX(domain, window.aMin() + s[0] * stepA, area, plot),
                            toY(rangeAxis, window.bMin() + s[1] * stepB, area, plot));
                    lines.lineTo(toX(domain, window.aMin() + s[2] * stepA, area, plot),
                            toY(rangeAxis, window.bMin() + s[3] * stepB, area, plot));
                }
                g2.setPaint(new Color(LandscapeLook.contourRgb((level - range[0]) / (range[1] - range[0]))));
                g2.draw(lines);
            }
        }
    }

    /** The path on a white halo, a ring at its start and a dot at its end, each labelled. */
    private static final class PathLine extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final double[][] path;
        private final long lastEpoch;

        PathLine(double[][] path, long lastEpoch) {
            this.path = path;
            this.lastEpoch = lastEpoch;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range,
                         int rendererIndex, PlotRenderingInfo info) {
            Color colour = RunColours.of(0);
            Path2D.Double line = new Path2D.Double();
            for (int i = 0; i < path.length; i++) {
                double px = toX(domain, path[i][0], area, plot);
                double py = toY(range, path[i][1], area, plot);
                if (i == 0) {
                    line.moveTo(px, py);
                } else {
                    line.lineTo(px, py);
                }
            }
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(line);
            g2.setPaint(colour);
            g2.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(line);

            double sx = toX(domain, path[0][0], area, plot);
            double sy = toY(range, path[0][1], area, plot);
            double ex = toX(domain, path[path.length - 1][0], area, plot);
            double ey = toY(range, path[path.length - 1][1], area, plot);
            double r = 9;
            Ellipse2D start = new Ellipse2D.Double(sx - r, sy - r, 2 * r, 2 * r);
            g2.setPaint(Color.WHITE);
            g2.fill(start);
            g2.setPaint(colour);
            g2.setStroke(new BasicStroke(4f));
            g2.draw(start);
            Ellipse2D end = new Ellipse2D.Double(ex - r, ey - r, 2 * r, 2 * r);
            g2.setPaint(colour);
            g2.fill(end);
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(2.5f));
            g2.draw(end);
            label(g2, "start", sx, sy, ex, ey, area);
            label(g2, "end (epoch " + NumberText.count(lastEpoch) + ")", ex, ey, sx, sy, area);
        }

        /** Text on a white card beside (x, y), on the side away from (awayX, awayY), kept inside the plot. */
        private static void label(Graphics2D g2, String text, double x, double y, double awayX, double awayY,
                                  Rectangle2D area) {
            g2.setFont(MARK_FONT);
            FontMetrics m = g2.getFontMetrics();
            double w = m.stringWidth(text) + 12;
            double h = m.getHeight() + 4;
            double dx = x >= awayX ? 16 : -16 - w;
            double dy = y >= awayY ? 14 : -14 - h;
            double left = Math.max(area.getMinX() + 4, Math.min(area.getMaxX() - w - 4, x + dx));
            double top = Math.max(area.getMinY() + 4, Math.min(area.getMaxY() - h - 4, y + dy));
            g2.setPaint(new Color(255, 255, 255, 225));
            g2.fill(new RoundRectangle2D.Double(left, top, w, h, 8, 8));
            g2.setPaint(LOOK.text());
            g2.drawString(text, (float) (left + 6), (float) (top + 2 + m.getAscent()));
        }
    }
}
