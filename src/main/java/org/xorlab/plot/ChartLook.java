package org.xorlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How a loss chart looks: its fonts, colours, strokes and spacing. {@link #WINDOW} is the window's live chart,
 * {@link #PRINT} the PNG of {@code xorlab compare --png}, lettered larger because it is shown whole on a projector.
 * The same methods apply either, so the two charts differ only in these values; where each puts its legend, and
 * what it draws besides the curves, is its own.
 *
 * @param axisLabelFont the axes' titles ("Epoch", "Loss ...")
 * @param tickFont the axes' tick labels
 * @param legendFont the legend's run names
 * @param noteFont the words drawn in the plot: the target line's label, "budget spent"
 * @param text axis titles and legend items
 * @param tickText tick labels
 * @param axisLine the axis lines and tick marks
 * @param grid the grid lines at labelled ticks
 * @param minorGrid the loss axis's grid lines between labelled ticks, or null for none
 * @param outlined true to frame the plot area in {@code axisLine}
 * @param axisOffset space between the plot area and its axes
 * @param note the target line and its label
 * @param runStroke every run's curve
 * @param targetStroke the target line
 * @param axisLabelInsets space around an axis title
 * @param tickMarkLength how far a labelled tick mark reaches out of the plot
 * @param legendItemPadding space around each legend item's text
 */
public record ChartLook(
        Font axisLabelFont, Font tickFont, Font legendFont, Font noteFont,
        Color text, Color tickText, Color axisLine, Color grid, Color minorGrid, boolean outlined,
        RectangleInsets axisOffset, Color note, BasicStroke runStroke, BasicStroke targetStroke,
        RectangleInsets axisLabelInsets, float tickMarkLength, RectangleInsets legendItemPadding) {

    /** Every chart's background. */
    public static final Color BACKGROUND = Color.WHITE;
    /** Grid lines, major and minor. */
    private static final BasicStroke GRID_STROKE = new BasicStroke(1f);
    private static final float MINOR_TICK_MARK_LENGTH = 2f;
    private static final float[] DASHES = {8f, 6f};

    /** The window's chart: sized for a classroom projector, with a framed plot and minor grid lines. */
    public static final ChartLook WINDOW = new ChartLook(
            font(17), font(15), font(15), font(14),
            new Color(0x21, 0x21, 0x21), new Color(0x42, 0x42, 0x42), new Color(0x9E, 0x9E, 0x9E),
            new Color(0xDD, 0xDD, 0xDD), new Color(0xF0, 0xF0, 0xF0), true, RectangleInsets.ZERO_INSETS,
            new Color(0x42, 0x42, 0x42), roundStroke(2f), dashedStroke(1.5f),
            new RectangleInsets(6, 6, 6, 6), 4f, new RectangleInsets(2, 6, 2, 16));

    /** The command line's 1200 x 700 PNG: larger letters and lines, one dark ink, no frame. */
    public static final ChartLook PRINT = new ChartLook(
            font(20), font(16), font(18), font(16),
            new Color(0x22, 0x22, 0x22), new Color(0x22, 0x22, 0x22), new Color(0x22, 0x22, 0x22),
            new Color(0xDD, 0xDD, 0xDD), null, false, new RectangleInsets(4, 4, 4, 4),
            new Color(0x55, 0x55, 0x55), roundStroke(3f), dashedStroke(2f),
            new RectangleInsets(3, 3, 3, 3), 2f, new RectangleInsets(2, 6, 2, 24));

    /** The plain sans-serif font of this size; every chart letters in it. */
    public static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    /** Letters, line and tick marks of an axis. */
    public void style(ValueAxis axis) {
        axis.setLabelFont(axisLabelFont);
        axis.setLabelPaint(text);
        axis.setLabelInsets(axisLabelInsets);
        axis.setTickLabelFont(tickFont);
        axis.setTickLabelPaint(tickText);
        axis.setAxisLinePaint(axisLine);
        axis.setTickMarkPaint(axisLine);
        axis.setTickMarkOutsideLength(tickMarkLength);
        axis.setMinorTickMarkOutsideLength(MINOR_TICK_MARK_LENGTH);
    }

    /** The plot area: background, grid, frame and the space to its axes. */
    public void style(XYPlot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        plot.setDomainGridlinePaint(grid);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlinePaint(grid);
        plot.setRangeGridlineStroke(GRID_STROKE);
        if (minorGrid != null) {
            plot.setRangeMinorGridlinesVisible(true);
            plot.setRangeMinorGridlinePaint(minorGrid);
            plot.setRangeMinorGridlineStroke(GRID_STROKE);
        }
        if (outlined) {
            plot.setOutlinePaint(axisLine);
        } else {
            plot.setOutlineVisible(false);
        }
        plot.setAxisOffset(axisOffset);
    }

    /** The legend's letters, on the chart's background without a frame; where it stands is the caller's choice. */
    public void style(LegendTitle legend) {
        legend.setItemFont(legendFont);
        legend.setItemPaint(text);
        legend.setBackgroundPaint(BACKGROUND);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemLabelPadding(legendItemPadding);
    }

    /** A renderer drawing each run as a line (no shapes) in {@link #runStroke}; colour the runs with {@link #paint}. */
    public XYLineAndShapeRenderer runRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(runStroke);
        return renderer;
    }

    /**
     * A renderer drawing each run's test loss (SPEC.md, "Data": the held-out points' loss after each epoch) as a
     * dashed line of the run's width, so that it reads as the same run's second curve; colour it with {@link #paint}.
     */
    public XYLineAndShapeRenderer testRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(testStroke());
        return renderer;
    }

    /** The test loss's line: {@link #runStroke}'s width, in short dashes. */
    public BasicStroke testStroke() {
        float width = runStroke.getLineWidth();
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {3 * width, 2 * width}, 0f);
    }

    /** Draws series {@code run} of the renderer in the run's {@link RunColours colour}. */
    public static void paint(XYLineAndShapeRenderer renderer, int run) {
        renderer.setSeriesPaint(run, RunColours.of(run), false);
    }

    private static BasicStroke roundStroke(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static BasicStroke dashedStroke(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASHES, 0f);
    }
}
