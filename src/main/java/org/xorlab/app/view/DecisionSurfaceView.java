package org.xorlab.app.view;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import java.util.function.IntSupplier;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Samples;
import org.xorlab.run.DataDraft;
import org.xorlab.run.PlotRange;

/**
 * The network's output y_hat over the input plane as a heatmap, with the y_hat = 0.5 decision boundary, the unit
 * square, the axes x1 (horizontal) and x2 (vertical), the four training points in their target's colour, and a
 * colour legend. The plot stays square at any size. Feed it with {@link #show}; it never samples the network itself.
 * For data beyond the truth tables ({@link #showPoints}) it draws every point as a plain fill, training points solid
 * and test points hollow, over the range the grid was sampled on ({@link PlotRange}); given a {@link DataDraft}
 * ({@link #edit}) a click adds a point, a right-click removes the nearest, a drag moves one, Delete removes the
 * hovered one and Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo.
 */
public final class DecisionSurfaceView extends CanvasView {
    /** The output level drawn as the decision boundary. */
    static final double BOUNDARY_LEVEL = 0.5;

    private static final double LEFT = 56;
    private static final double RIGHT = 96;
    private static final double TOP = 16;
    private static final double BOTTOM = 52;
    private static final Color BOUNDARY = Color.rgb(20, 22, 25);

    private final Heatmap heatmap = new Heatmap();
    private DecisionGrid grid;
    private Dataset dataset;
    /** The boundary's segments in input coordinates, recomputed with each grid. */
    private double[] boundary = new double[0];
    private Rectangle2D plot = Rectangle2D.EMPTY;
    /** The data's training and test points; null for a truth table's four. */
    private Samples train;
    private Samples test = Samples.NONE;
    /** The points a click edits, or null when the surface only shows. */
    private DataDraft draft;
    private IntSupplier newClass = () -> 1;
    /** The draft's point under the pointer, or -1. */
    private int hovered = -1;
    /** The draft's point being dragged, or -1; where it started, for the one step of Undo. */
    private int dragging = -1;
    private double dragFromX1;
    private double dragFromX2;
    private boolean dragMoved;
    /** How near (in pixels) a click must be to a point to pick it. */
    static final double PICK_PIXELS = 10;

    public DecisionSurfaceView() {
        super(560, 480);
        setMinSize(240, 200);
        initEditing();
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        setAccessibleRoleDescription("decision surface");
    }

    /** "Decision surface: ŷ at (0,0) is 0.09, at (0,1) is 0.91, ...", from the grid's cells under the points. */
    @Override
    String describe() {
        if (grid == null) {
            return "Decision surface: nothing sampled yet";
        }
        StringBuilder s = new StringBuilder("Decision surface: ŷ");
        int points = train != null ? train.size() : dataset != null ? Dataset.SIZE : 0;
        int named = Math.min(points, 20);
        for (int i = 0; i < named; i++) {
            double x1 = train != null ? train.x1(i) : Dataset.x0(i);
            double x2 = train != null ? train.x2(i) : Dataset.x1(i);
            s.append(i == 0 ? " at " : ", at ").append(HoverCard.pointText(x1, x2)).append(" is ")
                    .append(org.xorlab.text.NumberText.brief(Math.round(grid.output(grid.column(x1), grid.row(x2))
                            * 100) / 100.0));
        }
        if (points > named) {
            s.append(", and ").append(org.xorlab.text.NumberText.count(points - named)).append(" more points");
        }
        return s.append("; the line ŷ = 0.5 divides the classes").toString();
    }

    /**
     * Shows these points instead of the truth table's: {@code train} solid, {@code test} hollow. Null for
     * {@code train} goes back to the truth table's four points. Call on the FX thread.
     */
    public void showPoints(Samples train, Samples test) {
        Samples t = test == null ? Samples.NONE : test;
        if (java.util.Objects.equals(train, this.train) && t.equals(this.test)) {
            return;
        }
        this.train = train;
        this.test = t;
        hovered = -1;
        redraw();
    }

    /** The training points drawn now, or null while the truth table's four are. */
    public Samples shownTrainingPoints() {
        return train;
    }

    /**
     * Lets the pointer edit {@code draft} (null: only show); {@code newClass} says the class a click adds, 0 or 1.
     */
    public void edit(DataDraft draft, IntSupplier newClass) {
        this.draft = draft;
        this.newClass = newClass == null ? () -> 1 : newClass;
        hovered = -1;
        dragging = -1;
        setFocusTraversable(draft != null);
        setCursor(draft == null ? Cursor.DEFAULT : Cursor.CROSSHAIR);
        redraw();
    }

    /** The input (x1, x2) drawn at view point (sx, sy). */
    Point2D toInput(double sx, double sy) {
        PlotRange r = range();
        return new Point2D(r.min() + (sx - plot.getMinX()) / plot.getWidth() * (r.max() - r.min()),
                r.max() - (sy - plot.getMinY()) / plot.getHeight() * (r.max() - r.min()));
    }

    private int pick(double sx, double sy) {
        Point2D p = toInput(sx, sy);
        double radius = PICK_PIXELS / plot.getWidth() * (range().max() - range().min());
        return draft.nearest(p.getX(), p.getY(), radius);
    }

    private void initEditing() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (draft == null || !plot.contains(e.getX(), e.getY())) {
                return;
            }
            requestFocus();
            dragMoved = false;
            dragging = e.getButton() == MouseButton.PRIMARY ? pick(e.getX(), e.getY()) : -1;
            if (dragging >= 0) {
                dragFromX1 = draft.points().x1(dragging);
                dragFromX2 = draft.points().x2(dragging);
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (draft == null || dragging < 0) {
                return;
            }
            Point2D p = clampedInput(e.getX(), e.getY());
            dragMoved = true;
            draft.drag(dragging, p.getX(), p.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (draft == null) {
                return;
            }
            if (dragging >= 0) {
                int i = dragging;
                dragging = -1;
                if (dragMoved) {
                    double x1 = draft.points().x1(i);
                    double x2 = draft.points().x2(i);
                    draft.drag(i, dragFromX1, dragFromX2);
                    draft.move(i, x1, x2);
                }
                e.consume();
                return;
            }
            if (!plot.contains(e.getX(), e.getY())) {
                return;
            }
            if (e.getButton() == MouseButton.SECONDARY) {
                int i = pick(e.getX(), e.getY());
                if (i >= 0) {
                    draft.remove(i);
                }
            } else if (e.getButton() == MouseButton.PRIMARY && draft.size() < Samples.MAX_POINTS) {
                Point2D p = toInput(e.getX(), e.getY());
                draft.add(p.getX(), p.getY(), newClass.getAsInt());
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int now = draft == null || !plot.contains(e.getX(), e.getY()) ? -1 : pick(e.getX(), e.getY());
            if (now != hovered) {
                hovered = now;
                redraw();
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (hovered >= 0) {
                hovered = -1;
                redraw();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (draft == null) {
                return;
            }
            boolean undoKey = e.isShortcutDown() && e.getCode() == KeyCode.Z && !e.isShiftDown();
            boolean redoKey = e.isShortcutDown() && (e.getCode() == KeyCode.Y
                    || e.getCode() == KeyCode.Z && e.isShiftDown());
            if (undoKey) {
                draft.undo();
            } else if (redoKey) {
                draft.redo();
            } else if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && hovered >= 0
                    && hovered < draft.size()) {
                draft.remove(hovered);
                hovered = -1;
            } else {
                return;
            }
            e.consume();
        });
    }

    private Point2D clampedInput(double sx, double sy) {
        double cx = Math.max(plot.getMinX(), Math.min(plot.getMaxX(), sx));
        double cy = Math.max(plot.getMinY(), Math.min(plot.getMaxY(), sy));
        return toInput(cx, cy);
    }

    /**
     * Shows a newly sampled grid and the dataset whose four points are drawn on it. Call on the FX thread.
     *
     * @throws IllegalArgumentException if either is missing
     */
    public void show(DecisionGrid grid, Dataset dataset) {
        if (grid == null || dataset == null) {
            throw new IllegalArgumentException("the decision surface needs both a sampled grid and a dataset");
        }
        if (grid == this.grid && dataset == this.dataset) {
            return;
        }
        this.grid = grid;
        this.dataset = dataset;
        heatmap.paint(grid, grid::output);
        boundary = Contour.trace(grid, grid::output, BOUNDARY_LEVEL);
        redraw();
    }

    /**
     * The heatmap's colour at input (x0, x1): the pixel of the cell containing it, without boundary or points.
     *
     * @throws IllegalStateException before the first {@link #show}
     */
    public Color colorAt(double x0, double x1) {
        if (grid == null) {
            throw new IllegalStateException("nothing has been shown yet");
        }
        return heatmap.colorAt(grid, x0, x1);
    }

    /** The decision boundary as segments {x0a, x1a, x0b, x1b, ...} in input coordinates. */
    double[] boundary() {
        return boundary.clone();
    }

    /** The square the heatmap fills, in this view's coordinates. */
    Rectangle2D plotBounds() {
        return plot;
    }

    /** Where input (x0, x1) is drawn, in this view's coordinates. */
    public Point2D toView(double x0, double x1) {
        return new Point2D(screenX(x0), screenY(x1));
    }

    /** Draws everything from the latest grid and dataset. */
    @Override
    void draw(GraphicsContext g, double w, double h) {
        double side = Math.floor(Math.min(w - LEFT - RIGHT, h - TOP - BOTTOM));
        if (side < 20) {
            plot = Rectangle2D.EMPTY;
            return;
        }
        double x = Math.floor(LEFT + (w - LEFT - RIGHT - side) / 2);
        double y = Math.floor(TOP + (h - TOP - BOTTOM - side) / 2);
        plot = new Rectangle2D(x, y, side, side);

        if (grid != null) {
            g.setImageSmoothing(true);
            g.drawImage(heatmap.image(), x, y, side, side);
            drawBoundary(g);
        }
        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, side - 1, side - 1);
        drawUnitSquareAndAxes(g);
        if (train != null) {
            drawData(g);
        } else if (dataset != null) {
            drawPoints(g);
        }
        drawLegend(g);
    }

    private void drawBoundary(GraphicsContext g) {
        g.setLineCap(StrokeLineCap.ROUND);
        // A pale halo under a dark line keeps the boundary visible on both the blue and the orange side.
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.rgb(255, 255, 255, 0.7) : BOUNDARY);
            g.setLineWidth(pass == 0 ? 5 : 2.5);
            for (int i = 0; i < boundary.length; i += 4) {
                g.strokeLine(screenX(boundary[i]), screenY(boundary[i + 1]),
                        screenX(boundary[i + 2]), screenY(boundary[i + 3]));
            }
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    /** The truth tables' dashed unit square and ticks at 0 and 1; the data's axes with round ticks otherwise. */
    private void drawUnitSquareAndAxes(GraphicsContext g) {
        if (train != null) {
            drawAxes(g, tickStep(range()));
            return;
        }
        double left = Math.round(screenX(0));
        double right = Math.round(screenX(1));
        double top = Math.round(screenY(1));
        double bottom = Math.round(screenY(0));
        g.setStroke(Palette.INK.deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1.5);
        g.setLineDashes(6, 5);
        g.strokeRect(left, top, right - left, bottom - top);
        g.setLineDashes();
        drawAxes(g, 1); // over -0.5 to 1.5: ticks at 0 and 1
    }

    /** Axes with ticks every {@code step} over the range, each labelled, and the names x1 and x2. */
    private void drawAxes(GraphicsContext g, double step) {
        PlotRange r = range();
        double plotBottom = plot.getMaxY();
        double plotLeft = plot.getMinX();
        g.setStroke(Palette.MUTED);
        g.setLineWidth(1.5);
        g.setFill(Palette.MUTED);
        g.setFont(Fonts.SMALL);
        for (double v = Math.ceil(r.min() / step) * step; v <= r.max() + 1e-9; v += step) {
            String label = org.xorlab.text.NumberText.brief(Math.abs(v) < 1e-9 ? 0 : v);
            double sx = Math.round(screenX(v));
            g.strokeLine(sx, plotBottom, sx, plotBottom + 6);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(label, sx, plotBottom + 8);
            double sy = Math.round(screenY(v));
            g.strokeLine(plotLeft - 6, sy, plotLeft, sy);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, plotLeft - 9, sy);
        }
        g.setFill(Palette.INK);
        g.setFont(Fonts.LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x1", plot.getMinX() + plot.getWidth() / 2, plotBottom + 26);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("x2", plotLeft - 40, plot.getMinY() + plot.getHeight() / 2);
    }

    /** A round tick step (1, 2 or 5 times a power of ten) giving about four to eight ticks over the range. */
    static double tickStep(PlotRange r) {
        double raw = (r.max() - r.min()) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
    }

    /**
     * The data's points as plain fills (a thousand stay within a frame): training points solid with a dark rim, test
     * points hollow rings in their class's colour; the draft's hovered point ringed larger.
     */
    private void drawData(GraphicsContext g) {
        double r = Math.max(3, Math.min(6, plot.getWidth() / 90));
        g.setLineWidth(1);
        for (int i = 0; i < train.size(); i++) {
            double sx = screenX(train.x1(i));
            double sy = screenY(train.x2(i));
            g.setFill(Palette.INK);
            g.fillOval(sx - r - 1, sy - r - 1, 2 * r + 2, 2 * r + 2);
            g.setFill(Palette.forValue(train.y(i)));
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        g.setLineWidth(2);
        for (int i = 0; i < test.size(); i++) {
            double sx = screenX(test.x1(i));
            double sy = screenY(test.x2(i));
            g.setFill(Color.WHITE);
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            g.setStroke(Palette.forValue(test.y(i)));
            g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        if (draft != null && hovered >= 0 && hovered < draft.size()) {
            g.setStroke(Palette.INK);
            g.setLineWidth(2);
            double sx = screenX(draft.points().x1(hovered));
            double sy = screenY(draft.points().x2(hovered));
            g.strokeOval(sx - r - 4, sy - r - 4, 2 * r + 8, 2 * r + 8);
        }
    }

    /** Each training point in its target's colour, with a white ring and a dark rim so it shows on either side. */
    private void drawPoints(GraphicsContext g) {
        double r = Math.max(7, Math.min(13, plot.getWidth() / 36));
        for (int i = 0; i < Dataset.SIZE; i++) {
            double sx = screenX(Dataset.x0(i));
            double sy = screenY(Dataset.x1(i));
            g.setFill(Palette.INK);
            g.fillOval(sx - r - 4, sy - r - 4, 2 * r + 8, 2 * r + 8);
            g.setFill(Color.WHITE);
            g.fillOval(sx - r - 2.5, sy - r - 2.5, 2 * r + 5, 2 * r + 5);
            g.setFill(Palette.forValue(dataset.target(i)));
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
        }
    }

    private void drawLegend(GraphicsContext g) {
        // 1 at the top, as on the vertical axis.
        ColourBar.draw(g, plot, "y_hat", (top, bottom) -> Palette.scale(0, bottom, 0, top),
                new String[] {"0", "0.5", "1"}, new double[] {0, 0.5, 1});
    }

    /** The range shown: the grid's, which the loop sampled on {@link PlotRange}; the unit range before any. */
    private PlotRange range() {
        return grid == null ? PlotRange.UNIT : new PlotRange(grid.min(), grid.max());
    }

    private double screenX(double x0) {
        double min = grid == null ? DecisionGrid.DEFAULT_MIN : grid.min();
        double max = grid == null ? DecisionGrid.DEFAULT_MAX : grid.max();
        return plot.getMinX() + (x0 - min) / (max - min) * plot.getWidth();
    }

    private double screenY(double x1) {
        double min = grid == null ? DecisionGrid.DEFAULT_MIN : grid.min();
        double max = grid == null ? DecisionGrid.DEFAULT_MAX : grid.max();
        return plot.getMinY() + (max - x1) / (max - min) * plot.getHeight();
    }
}
