package org.xorlab.app.view;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Dataset;

/**
 * The network's output y_hat over the input plane as a heatmap, with the y_hat = 0.5 decision boundary, the unit
 * square, the axes x1 (horizontal) and x2 (vertical), the four training points in their target's colour, and a
 * colour legend. The plot stays square at any size. Feed it with {@link #show}; it never samples the network itself.
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

    public DecisionSurfaceView() {
        super(560, 480);
        setMinSize(240, 200);
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
    Point2D toView(double x0, double x1) {
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
        if (dataset != null) {
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

    private void drawUnitSquareAndAxes(GraphicsContext g) {
        double left = Math.round(screenX(0));
        double right = Math.round(screenX(1));
        double top = Math.round(screenY(1));
        double bottom = Math.round(screenY(0));
        g.setStroke(Palette.INK.deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1.5);
        g.setLineDashes(6, 5);
        g.strokeRect(left, top, right - left, bottom - top);
        g.setLineDashes();

        double plotBottom = plot.getMaxY();
        double plotLeft = plot.getMinX();
        g.setStroke(Palette.MUTED);
        g.setLineWidth(1.5);
        g.setFill(Palette.MUTED);
        g.setFont(Fonts.SMALL);
        for (int v = 0; v <= 1; v++) {
            double sx = Math.round(screenX(v));
            g.strokeLine(sx, plotBottom, sx, plotBottom + 6);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(Integer.toString(v), sx, plotBottom + 8);
            double sy = Math.round(screenY(v));
            g.strokeLine(plotLeft - 6, sy, plotLeft, sy);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Integer.toString(v), plotLeft - 9, sy);
        }
        g.setFill(Palette.INK);
        g.setFont(Fonts.LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x1", plot.getMinX() + plot.getWidth() / 2, plotBottom + 26);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("x2", plotLeft - 40, plot.getMinY() + plot.getHeight() / 2);
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
        double barWidth = 18;
        double barHeight = Math.min(220, plot.getHeight() * 0.7);
        double bx = plot.getMaxX() + 22;
        double by = plot.getMinY() + (plot.getHeight() - barHeight) / 2 + 12;
        // 1 at the top, as on the vertical axis.
        g.setFill(Palette.scale(0, by + barHeight, 0, by));
        g.fillRect(bx, by, barWidth, barHeight);
        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(bx + 0.5, by + 0.5, barWidth - 1, barHeight - 1);
        g.setFill(Palette.INK);
        g.setFont(Fonts.LABEL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("y_hat", bx - 4, by - 14);
        g.setFont(Fonts.SMALL);
        g.setFill(Palette.MUTED);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(Palette.MUTED);
        String[] labels = {"0", "0.5", "1"};
        for (int i = 0; i < 3; i++) {
            double ty = Math.round(by + barHeight * (1 - i / 2.0));
            g.strokeLine(bx + barWidth, ty, bx + barWidth + 5, ty);
            g.fillText(labels[i], bx + barWidth + 8, ty);
        }
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
