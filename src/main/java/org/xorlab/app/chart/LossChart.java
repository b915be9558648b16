package org.xorlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Yardstick;
import org.xorlab.plot.ChartLook;
import org.xorlab.plot.CutOffMark;
import org.xorlab.plot.DecimatedSeries;
import org.xorlab.plot.LossLogAxis;
import org.xorlab.plot.RunColours;
import org.xorlab.plot.TargetLossLine;
import org.xorlab.session.AtomicFile;
import org.xorlab.text.NumberText;

/**
 * The live loss chart: mean squared error per epoch for one or more training runs, on a log (default) or linear axis.
 * A run with a test set also draws its test loss per epoch ({@link #appendTest}), dashed in the run's colour; the
 * legend then names the two curves, and the readout gives both losses of the epoch under the mouse.
 *
 * <p>Feed it with {@link #append} in batches, at most once per frame: each batch redraws the chart once. However long a
 * run trains, at most {@link #POINT_BUDGET} points per run are plotted (see {@link DecimatedSeries}). Moving the mouse
 * over the plot marks the nearest point and reads out its epoch and loss; dragging zooms, a double click zooms back out.
 *
 * <p>All methods must be called on the JavaFX application thread.
 */
public final class LossChart extends StackPane {

    /** Most points plotted per run, however long it trains. */
    public static final int POINT_BUDGET = 4000;
    /**
     * The chart's smallest height: room for a plot area of {@link #MIN_PLOT_HEIGHT} px, the axes, and a legend
     * above it when several runs are drawn.
     */
    public static final double MIN_HEIGHT = 300;
    /** The plot area's height the layout keeps at least, so a curve can still be read. */
    public static final double MIN_PLOT_HEIGHT = 180;
    /** The canvas's largest side: a larger canvas would be beyond what the graphics card can draw (it shows black). */
    static final double MAX_CANVAS_SIDE = 8192;
    /** Largest image {@link #writePng} renders, each way. */
    public static final int MAX_IMAGE_SIZE = 10_000;

    static final String LOG_LABEL = "Loss (MSE, log)";
    static final String LINEAR_LABEL = "Loss (MSE)";
    /** The legend's names for a single run's two curves. */
    static final String TRAINING_CURVE = "training loss";
    static final String TEST_CURVE = "test loss";
    /** The loss axis's name when the runs minimise different losses and are all read by their squared error. */
    static final String SQUARED_ERROR_LABEL = "Mean squared error";
    static final String NO_DATA_MESSAGE = "No loss values yet";

    /** Fonts, colours and strokes: the window's, which the command line's PNG shares in its own sizes. */
    private static final ChartLook LOOK = ChartLook.WINDOW;
    private static final Color NO_DATA_TEXT = new Color(0x75, 0x75, 0x75);
    /** The rewind position's vertical line. */
    private static final Color MARKER = new Color(0x61, 0x61, 0x61);
    private static final BasicStroke MARKER_STROKE = new BasicStroke(1.5f);

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = LOOK.runRenderer();
    /** Each run's test loss, series i for run i (empty for a run without a test set), on the same loss axis. */
    private final XYSeriesCollection testDataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer testRenderer = LOOK.testRenderer();
    private final NumberAxis domainAxis = new NumberAxis(XAxisMode.EPOCHS.label());
    private final LossLogAxis logAxis = new LossLogAxis(LOG_LABEL);
    private final NumberAxis linearAxis = new NumberAxis(LINEAR_LABEL);
    private final XYPlot plot = new XYPlot(dataset, domainAxis, logAxis, renderer);
    private final JFreeChart chart = new JFreeChart(null, LOOK.axisLabelFont(), plot, false);
    private final LegendTitle legend = createLegend();
    private final ChartViewer viewer = new ChartViewer(chart, false);
    private final HoverReadout readout = new HoverReadout();
    private final List<Run> runs = new ArrayList<>();

    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final ObjectProperty<XAxisMode> xAxisMode =
            new SimpleObjectProperty<>(this, "xAxisMode", XAxisMode.EPOCHS);

    private TargetLossLine target;
    private ValueMarker marker;
    /** Epoch the marker stands at, or -1 when there is none. */
    private long markerEpoch = -1;
    /** Depth of nested {@link #batch} calls; the chart redraws when it returns to 0. */
    private int batchDepth;
    /** Last mouse position on the chart canvas, or null when the mouse is elsewhere. */
    private Point2D mouse;

    /** An empty chart with a log-scaled loss axis, labelled in epochs. */
    public LossChart() {
        createView();
        initListeners();
    }

    // ---- runs and data ----

    /**
     * Adds a run with the next free colour (four distinct ones, then they repeat).
     *
     * @param name what the legend and the readout call it, e.g. "SGD (batch 1)"
     * @param updatesPerEpoch weight updates the run makes per epoch, for the "Weight updates" axis
     * @param samplesPerEpoch training samples in one epoch (4 for a truth table), for the "Samples seen" axis
     * @return the run's index, counting from 0 in the order of adding
     * @throws IllegalArgumentException if the name is blank or updatesPerEpoch or samplesPerEpoch is below 1
     */
    public int addRun(String name, int updatesPerEpoch, int samplesPerEpoch) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("run name must not be blank");
        }
        if (updatesPerEpoch < 1) {
            throw new IllegalArgumentException("updates per epoch must be 1 or more, got " + updatesPerEpoch);
        }
        if (samplesPerEpoch < 1) {
            throw new IllegalArgumentException("samples per epoch must be 1 or more, got " + samplesPerEpoch);
        }
        int index = runs.size();
        Run run = new Run(name.strip(), updatesPerEpoch, samplesPerEpoch,
                new XYSeries(new RunKey(index, name.strip()), false, true),
                new XYSeries(new RunKey(index, name.strip() + " (" + TEST_CURVE + ")"), false, true));
        runs.add(run);
        ChartLook.paint(renderer, index);
        ChartLook.paint(testRenderer, index);
        batch(() -> {
            dataset.addSeries(run.series);
            testDataset.addSeries(run.testSeries);
            placeAnnotations();
            placeMarker();
        });
        return index;
    }

    /**
     * A run on a truth table's four samples (the Train tab's run keeps to the epoch axis, where this is never read).
     *
     * @see #addRun(String, int, int)
     */
    public int addRun(String name, int updatesPerEpoch) {
        return addRun(name, updatesPerEpoch, org.xorlab.engine.Dataset.SIZE);
    }

    /** Drops all of a run's points, training and test, keeping the run and its colour (for Reset). */
    public void clearRun(int run) {
        Run r = run(run);
        r.history.clear();
        r.test.history.clear();
        batch(() -> {
            refresh(r);
            placeAnnotations();
        });
        if (r.cutOff) {
            r.cutOff = false;
            placeAnnotations();
        }
        refreshReadout();
    }

    /** Removes every run; the next {@link #addRun} returns 0 again. */
    public void removeAllRuns() {
        runs.clear();
        batch(() -> {
            dataset.removeAllSeries();
            testDataset.removeAllSeries();
            placeAnnotations();
        });
        readout.hide();
    }

    /** Number of runs added since creation or the last {@link #removeAllRuns}. */
    public int runCount() {
        return runs.size();
    }

    /**
     * Appends the losses of consecutive epochs {@code firstEpoch, firstEpoch + 1, ...} to a run and redraws once.
     * Losses that cannot be plotted (NaN, infinite, zero or negative) are counted but never drawn.
     *
     * @param losses the losses; only the first {@code count} are read
     * @throws IllegalArgumentException if the run does not exist, {@code count} does not fit {@code losses}, or
     *     {@code firstEpoch} is not after the run's last epoch
     */
    public void append(int run, long firstEpoch, double[] losses, int count) {
        Run r = run(run);
        Objects.requireNonNull(losses, "losses");
        if (count < 0 || count > losses.length) {
            throw new IllegalArgumentException(
                    "count must be between 0 and " + losses.length + " (the length of losses), got " + count);
        }
        if (count == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            r.history.add(firstEpoch + i, losses[i]);
        }
        refresh(r);
        refreshReadout();
    }

    /**
     * Appends the test losses (the held-out points' loss after each epoch) of consecutive epochs to a run's dashed
     * second curve, as {@link #append} does its training losses. The first test loss shows the legend.
     *
     * @throws IllegalArgumentException as {@link #append}
     */
    public void appendTest(int run, long firstEpoch, double[] losses, int count) {
        Run r = run(run);
        Objects.requireNonNull(losses, "losses");
        if (count < 0 || count > losses.length) {
            throw new IllegalArgumentException(
                    "count must be between 0 and " + losses.length + " (the length of losses), got " + count);
        }
        if (count == 0) {
            return;
        }
        boolean first = r.test.history.received() == 0;
        for (int i = 0; i < count; i++) {
            r.test.history.add(firstEpoch + i, losses[i]);
        }
        batch(() -> {
            refresh(r);
            if (first) {
                placeAnnotations();
            }
        });
        refreshReadout();
    }

    /** Number of points the run's test curve is drawn through now; 0 for a run without a test set. */
    public int plottedTestPoints(int run) {
        return run(run).testSeries.getItemCount();
    }

    /** True while some run has a test loss on the chart. */
    public boolean showsTestLoss() {
        return runs.stream().anyMatch(r -> r.test.size > 0);
    }

    /** Number of points the run's line is drawn through now. */
    public int plottedPoints(int run) {
        return run(run).series.getItemCount();
    }

    /** Number of epochs appended to the run since it was added or cleared, plotted or not. */
    public long epochsAppended(int run) {
        return run(run).history.received();
    }

    // ---- axes ----

    /** Chooses what the horizontal axis counts; the plotted epochs stay the same. */
    public void setXAxis(XAxisMode mode) {
        xAxisMode.set(Objects.requireNonNull(mode, "x axis mode"));
    }

    public XAxisMode getXAxis() {
        return xAxisMode.get();
    }

    /** What the horizontal axis counts; never null. */
    public ObjectProperty<XAxisMode> xAxisModeProperty() {
        return xAxisMode;
    }

    /** Shows the loss on a log (true, the default) or linear axis, keeping the data. */
    public void setLogScale(boolean log) {
        logScale.set(log);
    }

    public boolean isLogScale() {
        return logScale.get();
    }

    /** True while the loss axis is logarithmic. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /**
     * Names the loss axis after what the runs' curves are: "Loss (MSE)" or "Loss (cross-entropy)" when every run
     * minimises that loss, "Mean squared error" when their losses differ (each run is then plotted by its squared
     * error, see {@link Yardstick}).
     */
    public void describeLoss(List<TrainingConfig> configs) {
        String log;
        String linear;
        if (Yardstick.of(configs) == Yardstick.SQUARED_ERROR) {
            log = SQUARED_ERROR_LABEL + " (log)";
            linear = SQUARED_ERROR_LABEL;
        } else if (!configs.isEmpty() && configs.get(0).options().loss() == TrainingOptions.Loss.CROSS_ENTROPY) {
            log = "Loss (cross-entropy, log)";
            linear = "Loss (cross-entropy)";
        } else {
            log = LOG_LABEL;
            linear = LINEAR_LABEL;
        }
        if (!log.equals(logAxis.getLabel())) {
            logAxis.setLabel(log);
            linearAxis.setLabel(linear);
        }
    }

    /** The loss axis's name as shown now (on the log or the linear axis). */
    public String lossAxisLabel() {
        return isLogScale() ? logAxis.getLabel() : linearAxis.getLabel();
    }

    // ---- marker and target ----

    /**
     * Draws a vertical line at the end of {@code epoch} (for the rewind position). On the "Weight updates" axis it is
     * placed with the first run's updates per epoch.
     */
    public void setMarkerEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("marker epoch must be 0 or more, got " + epoch);
        }
        markerEpoch = epoch;
        placeMarker();
    }

    /** Removes the vertical line, if any. */
    public void clearMarker() {
        markerEpoch = -1;
        placeMarker();
    }

    /**
     * Draws a dashed horizontal line labelled "target ..." at this loss; the loss axis always includes it.
     *
     * @throws IllegalArgumentException unless the loss is positive and finite
     */
    public void setTargetLoss(double loss) {
        if (!DecimatedSeries.isPlottable(loss)) {
            throw new IllegalArgumentException("target loss must be a positive finite number, got " + loss);
        }
        target = new TargetLossLine(loss, LOOK);
        placeAnnotations();
    }

    /**
     * Marks the end of run {@code run}'s curve as cut off by its budget ("budget spent"), or removes the mark.
     */
    public void setRunCutOff(int run, boolean cutOff) {
        Run r = run(run);
        if (r.cutOff != cutOff) {
            r.cutOff = cutOff;
            placeAnnotations();
        }
    }

    /** True while run {@code run}'s curve ends in the "budget spent" mark. */
    public boolean isRunCutOff(int run) {
        return run(run).cutOff && run(run).size > 0;
    }

    /** Removes the target line, if any. */
    public void clearTargetLoss() {
        target = null;
        placeAnnotations();
    }

    /** Zooms back out to show all data, as a double click on the plot does. */
    public void resetZoom() {
        batch(() -> {
            domainAxis.setAutoRange(true);
            plot.getRangeAxis().setAutoRange(true);
        });
    }

    // ---- images ----

    /**
     * Draws the chart, without the hover readout, into a new image of the given size. Call it on the FX thread; the
     * image can then be written anywhere.
     *
     * @throws IllegalArgumentException if a side is below 1 or above {@link #MAX_IMAGE_SIZE}
     */
    public BufferedImage renderImage(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_IMAGE_SIZE || height > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("image size must be between 1 and " + MAX_IMAGE_SIZE
                    + " pixels each way, got " + width + "x" + height);
        }
        return chart.createBufferedImage(width, height);
    }

    /**
     * Writes the chart as a PNG of the given size (see {@link #renderImage}). This writes the file on the calling
     * thread; for large images render on the FX thread and write from a background task instead.
     *
     * @throws IOException if the file cannot be written
     */
    public void writePng(Path file, int width, int height) throws IOException {
        Objects.requireNonNull(file, "file");
        BufferedImage image = renderImage(width, height);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available to write " + file);
            }
        });
    }

    /** The plot area's height, in the chart's own pixels, as last drawn; 0 before the first drawing. */
    public double plotAreaHeight() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null ? 0 : info.getPlotInfo().getDataArea().getHeight();
    }

    /**
     * The smallest space, in the chart's pixels, between the text boxes of two neighbouring tick labels of the loss
     * axis as last drawn; infinite before the first drawing or with fewer than two labels.
     */
    public double tickLabelGap() {
        return smallestGap(tickLabelBoxes());
    }

    /** The text boxes of the loss axis's tick labels as last drawn, top first; none before the first drawing. */
    List<Rectangle2D> tickLabelBoxes() {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null) {
            return List.of();
        }
        // Measured as the canvas measures the labels' line height: with an image's font metrics.
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            g2.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS,
                    java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            return tickLabelBoxes(g2, info.getPlotInfo().getDataArea());
        } finally {
            g2.dispose();
        }
    }

    /** The text boxes of the loss axis's tick labels for a plot drawn in {@code dataArea} with {@code g2}, top first. */
    List<Rectangle2D> tickLabelBoxes(Graphics2D g2, Rectangle2D dataArea) {
        ValueAxis axis = plot.getRangeAxis();
        RectangleEdge edge = plot.getRangeAxisEdge();
        g2.setFont(axis.getTickLabelFont());
        double x = dataArea.getMinX() - axis.getTickMarkOutsideLength() - axis.getTickLabelInsets().getRight();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (Object o : axis.refreshTicks(g2, new AxisState(), dataArea, edge)) {
            ValueTick tick = (ValueTick) o;
            if (tick.getText() != null && !tick.getText().isEmpty()) {
                double y = axis.valueToJava2D(tick.getValue(), dataArea, edge);
                boxes.add(TextUtils.calculateRotatedStringBounds(tick.getText(), g2, (float) x, (float) y,
                        tick.getTextAnchor(), tick.getAngle(), tick.getRotationAnchor()).getBounds2D());
            }
        }
        boxes.sort(java.util.Comparator.comparingDouble(Rectangle2D::getMinY));
        return boxes;
    }

    /** The smallest vertical space between consecutive boxes sorted top first; infinite for fewer than two. */
    static double smallestGap(List<Rectangle2D> boxes) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < boxes.size(); i++) {
            gap = Math.min(gap, boxes.get(i).getMinY() - boxes.get(i - 1).getMaxY());
        }
        return gap;
    }

    /**
     * Lays the chart out at its size, but never at less than one pixel or more than {@link #MAX_CANVAS_SIDE} each way,
     * so that a squeezed or huge chart still draws rather than showing a black canvas.
     */
    @Override
    protected void layoutChildren() {
        double w = Math.max(1, Math.min(MAX_CANVAS_SIDE, getWidth()));
        double h = Math.max(1, Math.min(MAX_CANVAS_SIDE, getHeight()));
        viewer.resizeRelocate(0, 0, w, h);
        readout.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    // ---- for tests in this package ----

    JFreeChart chart() {
        return chart;
    }

    XYPlot plot() {
        return plot;
    }

    ChartCanvas canvas() {
        return viewer.getCanvas();
    }

    HoverReadout readout() {
        return readout;
    }

    XYSeries series(int run) {
        return run(run).series;
    }

    XYSeries testSeries(int run) {
        return run(run).testSeries;
    }

    // ---- building ----

    private void createView() {
        chart.setBackgroundPaint(ChartLook.BACKGROUND);
        chart.setPadding(new RectangleInsets(8, 8, 8, 20));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);

        LOOK.style(plot);
        plot.setDataset(1, testDataset);
        plot.setRenderer(1, testRenderer);
        testRenderer.setDrawSeriesLineAsPath(true);
        // The test curves are named by the fixed legend (legendItems) once one has points, never one per run.
        testRenderer.setDefaultSeriesVisibleInLegend(false);
        plot.setNoDataMessage(NO_DATA_MESSAGE);
        plot.setNoDataMessageFont(LOOK.axisLabelFont());
        plot.setNoDataMessagePaint(NO_DATA_TEXT);

        // Each curve drawn as one path, so its many short segments meet in round joins rather than overlapping caps.
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));

        LOOK.style(domainAxis);
        domainAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        domainAxis.setAutoRangeIncludesZero(true);
        domainAxis.setLowerMargin(0);
        domainAxis.setUpperMargin(0.02);
        domainAxis.setDefaultAutoRange(new Range(0, 100));

        LOOK.style(logAxis);
        LOOK.style(linearAxis);
        // Extra room around each label spaces the linear loss ticks out to a readable density.
        linearAxis.setTickLabelInsets(new RectangleInsets(8, 4, 8, 4));
        linearAxis.setStandardTickUnits(lossTickUnits());
        linearAxis.setAutoRangeIncludesZero(true);
        linearAxis.setUpperMargin(0.05);
        linearAxis.setDefaultAutoRange(new Range(0, 0.5));

        plot.configureDomainAxes(); // applies the default range set above to the empty chart
        viewer.setStyle("-fx-background-color: white;");
        getChildren().addAll(viewer, readout);
        setMinSize(0, 0);
    }

    private void initListeners() {
        logScale.addListener((obs, was, log) -> {
            ValueAxis axis = log ? logAxis : linearAxis;
            axis.setAutoRange(true);
            plot.setRangeAxis(axis);
            refreshReadout();
        });
        xAxisMode.addListener((obs, was, mode) -> {
            if (mode == null) {
                xAxisMode.set(was);
                return;
            }
            batch(() -> {
                domainAxis.setLabel(mode.label());
                domainAxis.setAutoRange(true);
                runs.forEach(this::refresh);
                placeMarker();
                placeAnnotations();
            });
            refreshReadout();
        });

        ChartCanvas canvas = viewer.getCanvas();
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            mouse = new Point2D(e.getX(), e.getY());
            refreshReadout();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            mouse = null;
            readout.hide();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            mouse = null;
            readout.hide();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
    }

    /** Linear loss ticks in 1-2-5 steps from 1e-8 to 1e6, with just the decimals the step needs. */
    private static TickUnits lossTickUnits() {
        TickUnits units = new TickUnits();
        for (int exponent = -8; exponent <= 6; exponent++) {
            NumberFormat format = NumberText.axisFormat(Math.max(0, -exponent));
            for (int mantissa : new int[] {1, 2, 5}) {
                units.add(new NumberTickUnit(Double.parseDouble(mantissa + "E" + exponent), format));
            }
        }
        return units;
    }

    /** A one-line legend above the plot, right-aligned, so it never hides a curve. */
    private LegendTitle createLegend() {
        LegendTitle title = new LegendTitle(plot);
        LOOK.style(title);
        title.setPosition(RectangleEdge.TOP);
        title.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        title.setPadding(new RectangleInsets(0, 0, 6, 0));
        return title;
    }

    // ---- keeping the view in step ----

    private Run run(int run) {
        if (run < 0 || run >= runs.size()) {
            throw new IllegalArgumentException(runs.isEmpty()
                    ? "no run " + run + ": the chart has no runs"
                    : "no run " + run + ": runs are numbered 0 to " + (runs.size() - 1));
        }
        return runs.get(run);
    }

    /** Copies a run's kept points, training and test, into its series and notifies the chart. O(POINT_BUDGET). */
    private void refresh(Run run) {
        batch(() -> {
            refresh(run, run);
            refresh(run, run.test);
        });
    }

    private void refresh(Run run, Curve curve) {
        curve.size = 0;
        curve.history.forEachPoint((epoch, loss) -> {
            curve.epochs[curve.size] = epoch;
            curve.losses[curve.size] = loss;
            curve.size++;
        });
        XAxisMode mode = xAxisMode.get();
        XYSeries series = curve == run ? run.series : run.testSeries;
        series.setNotify(false);
        series.clear();
        for (int i = 0; i < curve.size; i++) {
            series.add(run.x(mode, curve.epochs[i]), curve.losses[i], false);
        }
        series.setNotify(true);
    }

    /** Shows the target line if set, and the legend only when there are several runs. */
    private void placeAnnotations() {
        batch(() -> {
            plot.clearAnnotations();
            if (target != null) {
                plot.addAnnotation(target);
            }
            XAxisMode mode = xAxisMode.get();
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                if (r.cutOff && r.size > 0) {
                    plot.addAnnotation(new CutOffMark(r.x(mode, r.epochs[r.size - 1]),
                            r.losses[r.size - 1], RunColours.of(i), LOOK));
                }
            }
            // Annotations do not re-run the auto range by themselves; the target line is part of it.
            plot.configureRangeAxes();
            chart.removeSubtitle(legend);
            boolean test = showsTestLoss();
            plot.setFixedLegendItems(test ? legendItems() : null);
            if (runs.size() > 1 || test) {
                chart.addSubtitle(legend);
            }
        });
    }

    /**
     * The legend with test curves: one run's "training loss" and "test loss" in its colour; several runs' names and
     * one grey dashed "test loss", since every run's test curve is its own colour dashed.
     */
    private LegendItemCollection legendItems() {
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-14, 0, 14, 0);
        if (runs.size() == 1) {
            items.add(legendItem(TRAINING_CURVE, line, LOOK.runStroke(), RunColours.of(0)));
            items.add(legendItem(TEST_CURVE, line, LOOK.testStroke(), RunColours.of(0)));
            return items;
        }
        for (int i = 0; i < runs.size(); i++) {
            items.add(legendItem(runs.get(i).name, line, LOOK.runStroke(), RunColours.of(i)));
        }
        items.add(legendItem(TEST_CURVE, line, LOOK.testStroke(), LOOK.note()));
        return items;
    }

    private LegendItem legendItem(String label, Line2D line, BasicStroke stroke, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, line, stroke, colour);
        item.setLabelFont(LOOK.legendFont());
        item.setLabelPaint(LOOK.text());
        return item;
    }

    /** The legend's item labels as drawn now, in order; empty while no legend is shown. */
    List<String> legendLabels() {
        List<String> labels = new ArrayList<>();
        if (isLegendShown()) {
            LegendItemCollection items = plot.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                labels.add(items.get(i).getLabel());
            }
        }
        return labels;
    }

    /** True while the legend is shown. */
    boolean isLegendShown() {
        return chart.getSubtitles().contains(legend);
    }

    /** Runs several changes with one redraw at the end; nests. */
    private void batch(Runnable changes) {
        if (batchDepth++ == 0) {
            chart.setNotify(false);
        }
        try {
            changes.run();
        } finally {
            if (--batchDepth == 0) {
                chart.setNotify(true);
            }
        }
    }

    private void placeMarker() {
        if (markerEpoch < 0) {
            if (marker != null) {
                plot.removeDomainMarker(marker);
                marker = null;
            }
            return;
        }
        double x = runs.isEmpty() ? xAxisMode.get().x(markerEpoch, 1, 1) : runs.get(0).x(xAxisMode.get(), markerEpoch);
        if (marker == null) {
            marker = new ValueMarker(x, MARKER, MARKER_STROKE);
            plot.addDomainMarker(marker);
        } else {
            marker.setValue(x);
        }
    }

    /** Marks the plotted point nearest the mouse, or hides the readout when the mouse is not over the plot. */
    private void refreshReadout() {
        // No rendering info until the canvas has drawn once (data may arrive before the first layout).
        var info = viewer.getCanvas().getRenderingInfo();
        Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
        if (mouse == null || area == null || !area.contains(mouse.getX(), mouse.getY())) {
            readout.hide();
            return;
        }
        XAxisMode mode = xAxisMode.get();
        ValueAxis rangeAxis = plot.getRangeAxis();
        RectangleEdge domainEdge = plot.getDomainAxisEdge();
        RectangleEdge rangeEdge = plot.getRangeAxisEdge();
        Run best = null;
        Curve bestCurve = null;
        int bestIndex = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestX = 0;
        double bestY = 0;
        for (Run run : runs) {
            for (Curve curve : List.of(run, run.test)) {
                for (int i = 0; i < curve.size; i++) {
                    double x = domainAxis.valueToJava2D(run.x(mode, curve.epochs[i]), area, domainEdge);
                    double y = rangeAxis.valueToJava2D(curve.losses[i], area, rangeEdge);
                    if (!area.contains(x, y)) {
                        continue; // zoomed out of view
                    }
                    double distance = (x - mouse.getX()) * (x - mouse.getX())
                            + (y - mouse.getY()) * (y - mouse.getY());
                    if (distance < bestDistance) {
                        best = run;
                        bestCurve = curve;
                        bestIndex = i;
                        bestDistance = distance;
                        bestX = x;
                        bestY = y;
                    }
                }
            }
        }
        if (best == null) {
            readout.hide();
            return;
        }
        long epoch = bestCurve.epochs[bestIndex];
        // Both losses of that epoch: the one under the mouse and its partner on the other curve, when plotted.
        double loss = bestCurve == best ? best.losses[bestIndex] : best.lossAt(epoch);
        double testLoss = bestCurve == best.test ? best.test.losses[bestIndex] : best.test.lossAt(epoch);
        String text = ChartText.readout(runs.size() > 1 ? best.name : null, epoch, loss, testLoss, mode,
                best.updatesPerEpoch, best.samplesPerEpoch);
        ChartCanvas canvas = viewer.getCanvas();
        Point2D at = readout.sceneToLocal(canvas.localToScene(bestX, bestY));
        readout.show(at, text, fxColour(RunColours.of(runs.indexOf(best))));
    }

    /** The same colour for JavaFX nodes. */
    private static javafx.scene.paint.Color fxColour(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** A series key: the run's index keeps keys unique when two runs share a name; the legend shows the name. */
    private record RunKey(int index, String name) implements Comparable<RunKey> {
        @Override
        public int compareTo(RunKey other) {
            return Integer.compare(index, other.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One curve: its full-length history, decimated, and the points currently plotted. */
    private static class Curve {
        final DecimatedSeries history = new DecimatedSeries(POINT_BUDGET);
        /** The plotted points, in epochs, for the hover readout. */
        final long[] epochs = new long[POINT_BUDGET];
        final double[] losses = new double[POINT_BUDGET];
        int size;

        /** The plotted loss at {@code epoch}, or NaN when that epoch is not one of the plotted points. */
        double lossAt(long epoch) {
            int i = java.util.Arrays.binarySearch(epochs, 0, size, epoch);
            return i >= 0 ? losses[i] : Double.NaN;
        }
    }

    /** One training run: its training loss curve (this) and its test loss curve, empty without a test set. */
    private static final class Run extends Curve {
        final String name;
        final int updatesPerEpoch;
        final int samplesPerEpoch;
        final XYSeries series;
        final Curve test = new Curve();
        final XYSeries testSeries;
        /** True when the run stopped for lack of budget before the target: its curve ends in a {@link CutOffMark}. */
        boolean cutOff;

        Run(String name, int updatesPerEpoch, int samplesPerEpoch, XYSeries series, XYSeries testSeries) {
            this.name = name;
            this.updatesPerEpoch = updatesPerEpoch;
            this.samplesPerEpoch = samplesPerEpoch;
            this.series = series;
            this.testSeries = testSeries;
        }

        /** Where the end of {@code epoch} stands on the {@code mode} axis. */
        double x(XAxisMode mode, long epoch) {
            return mode.x(epoch, updatesPerEpoch, samplesPerEpoch);
        }
    }
}
