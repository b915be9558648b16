package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.xorlab.engine.Activation;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingOptions;

/**
 * One small heatmap per hidden unit of one hidden layer: v[l][j] over the same input plane as the decision surface,
 * on the colour scale of the layer's activation ({@link ActivationScale}: a sigmoid's 0 to 1 as the surface's, else
 * -1 to 1), titled h1, h2, ... for the notebook's one layer and "layer 2, unit 3" (or as much of it as fits) for a
 * deeper network's, with the unit's own line at the scale's middle and the four inputs marked (on data, its training
 * points, over the data's range as the grid was sampled: {@link org.xorlab.run.PlotRange}). {@link #showLayer}
 * chooses the layer. Tiles flow into as many rows as make them largest in the space given.
 */
public final class HiddenUnitMaps extends CanvasView {
    private static final double GAP = 14;
    private static final double TITLE = 24;
    private static final double MAX_TILE = 220;

    private final List<Heatmap> heatmaps = new ArrayList<>();
    private final List<double[]> lines = new ArrayList<>();
    private final List<Rectangle2D> tiles = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private DecisionGrid grid;
    /** The points marked on every tile: the truth tables' four corners, or the data's training points. */
    private Samples points = Samples.of(Dataset.XOR);
    /** The hidden layer shown, from 1. */
    private int layer = 1;

    public HiddenUnitMaps() {
        super(GAP + 2 * (150 + GAP), TITLE + 150 + 2 * GAP);
        setMinSize(120, 100);
    }

    /**
     * Shows the hidden activations of a newly sampled grid. Call on the FX thread.
     *
     * @throws IllegalArgumentException if the grid is missing
     */
    public void show(DecisionGrid grid) {
        show(grid, Samples.of(Dataset.XOR));
    }

    /**
     * Shows the hidden activations of a newly sampled grid with {@code points} marked on each tile (a truth table's
     * four, or a dataset's training points). Call on the FX thread.
     *
     * @throws IllegalArgumentException if the grid or the points are missing
     */
    public void show(DecisionGrid grid, Samples points) {
        if (grid == null || points == null) {
            throw new IllegalArgumentException("the hidden unit maps need a sampled grid and the points to mark");
        }
        if (grid == this.grid && points.equals(this.points)) {
            return;
        }
        this.points = points;
        int before = units();
        this.grid = grid;
        layer = Math.min(layer, grid.hiddenLayerCount());
        paint(before);
    }

    /**
     * Shows hidden layer {@code l} (from 1) of this and every later grid; a grid with fewer layers shows its last.
     * Call on the FX thread.
     *
     * @throws IllegalArgumentException if {@code l} is not from 1 to 6
     */
    public void showLayer(int l) {
        if (l < 1 || l > TrainingOptions.MAX_LAYERS) {
            throw new IllegalArgumentException("hidden layer must be from 1 to "
                    + TrainingOptions.MAX_LAYERS + " (got " + l + ")");
        }
        int before = units();
        layer = grid == null ? l : Math.min(l, grid.hiddenLayerCount());
        if (grid != null) {
            paint(before);
        }
    }

    /** The hidden layer shown, from 1. */
    public int layer() {
        return layer;
    }

    /** The units of the layer shown; 0 before any grid. */
    private int units() {
        return grid == null ? 0 : grid.hiddenLayers()[layer - 1];
    }

    /** Recolours the shown layer's heatmaps from the grid; {@code before} is the number of tiles drawn until now. */
    private void paint(int before) {
        int h = units();
        while (heatmaps.size() < h) {
            heatmaps.add(new Heatmap());
        }
        lines.clear();
        Activation activation = grid.activation();
        for (int j = 0; j < h; j++) {
            final int unit = j;
            final int l = layer;
            Contour.Channel value = (col, row) -> grid.hidden(l, unit, col, row);
            heatmaps.get(j).paint(grid, (col, row) -> ActivationScale.position(activation, value.at(col, row)));
            lines.add(Contour.trace(grid, value, ActivationScale.level(activation)));
        }
        if (before != h) {
            // The preferred width depends on the number of tiles.
            requestLayout();
        }
        redraw();
    }

    /** The heatmap's colour for hidden unit {@code unit} (0-based) at input (x0, x1). */
    Color colorAt(int unit, double x0, double x1) {
        if (grid == null) {
            throw new IllegalStateException("nothing has been shown yet");
        }
        return heatmaps.get(unit).colorAt(grid, x0, x1);
    }

    /** Where each unit's heatmap was last drawn, in this view's coordinates (one per hidden unit). */
    List<Rectangle2D> tileBounds() {
        return List.copyOf(tiles);
    }

    /** Each tile's title as last drawn, in the tiles' order. */
    List<String> tileTitles() {
        return List.copyOf(titles);
    }

    /**
     * As wide as two tiles whatever the number of units: more tiles wrap into rows or get smaller. Asking for a row
     * of eight 150 px tiles (1,326 px) made the surface's card take the width the network needs most with 8 units.
     */
    @Override
    protected double computePrefWidth(double height) {
        int h = grid == null ? 2 : Math.min(units(), 2);
        return GAP + h * (150 + GAP);
    }

    /** Draws every tile from the latest grid. */
    @Override
    void draw(GraphicsContext g, double w, double h) {
        tiles.clear();
        titles.clear();
        if (grid == null) {
            return;
        }
        int units = units();
        // Choose the number of rows that makes the tiles largest.
        double side = 0;
        int columns = units;
        for (int rows = 1; rows <= units; rows++) {
            int cols = (units + rows - 1) / rows;
            double s = Math.min((w - GAP * (cols + 1)) / cols, (h - GAP - rows * (TITLE + GAP)) / rows);
            if (s > side) {
                side = s;
                columns = cols;
            }
        }
        side = Math.floor(Math.min(side, MAX_TILE));
        if (side < 16) {
            return;
        }
        int rows = (units + columns - 1) / columns;
        double used = columns * side + (columns - 1) * GAP;
        double left = Math.floor((w - used) / 2);
        double top = Math.floor((h - rows * (TITLE + side) - (rows - 1) * GAP) / 2);
        for (int j = 0; j < units; j++) {
            double x = left + (j % columns) * (side + GAP);
            double y = top + (j / columns) * (TITLE + side + GAP) + TITLE;
            Rectangle2D tile = new Rectangle2D(x, y, side, side);
            tiles.add(tile);
            drawTile(g, j, tile);
        }
    }

    /** A tile's title: "h3" for the notebook's one layer, else "layer 2, unit 3", "unit 3" or "3", the first that fits. */
    private String title(int unit, double room) {
        if (grid.hiddenLayerCount() == 1) {
            return "h" + (unit + 1);
        }
        for (String t : List.of("layer " + layer + ", unit " + (unit + 1), "unit " + (unit + 1))) {
            if (Fonts.measure(t, Fonts.LABEL).getWidth() <= room) {
                return t;
            }
        }
        return Integer.toString(unit + 1);
    }

    private void drawTile(GraphicsContext g, int unit, Rectangle2D tile) {
        double x = tile.getMinX();
        double y = tile.getMinY();
        double side = tile.getWidth();
        g.setImageSmoothing(true);
        g.drawImage(heatmaps.get(unit).image(), x, y, side, side);

        g.setLineCap(StrokeLineCap.ROUND);
        g.setStroke(Palette.INK);
        g.setLineWidth(1.5);
        double[] line = lines.get(unit);
        for (int i = 0; i < line.length; i += 4) {
            g.strokeLine(sx(tile, line[i]), sy(tile, line[i + 1]), sx(tile, line[i + 2]), sy(tile, line[i + 3]));
        }
        g.setLineCap(StrokeLineCap.SQUARE);

        // A truth table's four corners on the notebook's range, with their unit square.
        boolean corners = points.size() == Dataset.SIZE && grid.min() == DecisionGrid.DEFAULT_MIN
                && grid.max() == DecisionGrid.DEFAULT_MAX;
        if (corners) {
            // The truth tables' unit square, dashed, its four corners ringed.
            g.setStroke(Palette.INK.deriveColor(0, 1, 1, 0.5));
            g.setLineWidth(1);
            g.setLineDashes(4, 4);
            double l = Math.round(sx(tile, 0));
            double r = Math.round(sx(tile, 1));
            double t = Math.round(sy(tile, 1));
            double b = Math.round(sy(tile, 0));
            g.strokeRect(l, t, r - l, b - t);
            g.setLineDashes();
        }
        // Four corners get rings; a dataset's many points small dots, so the map still shows through.
        double dot = points.size() <= Dataset.SIZE ? Math.max(3, side / 40) : Math.max(1.2, Math.min(2.5, side / 90));
        g.setStroke(Palette.INK);
        g.setFill(Palette.INK.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.5);
        for (int i = 0; i < points.size(); i++) {
            double px = sx(tile, points.x1(i));
            double py = sy(tile, points.x2(i));
            if (points.size() <= Dataset.SIZE) {
                g.strokeOval(px - dot, py - dot, 2 * dot, 2 * dot);
            } else {
                g.fillOval(px - dot, py - dot, 2 * dot, 2 * dot);
            }
        }

        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, side - 1, side - 1);
        g.setFill(Palette.INK);
        g.setFont(Fonts.LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String title = title(unit, side + GAP - 2);
        titles.add(title);
        g.fillText(title, x + side / 2, y - 4);
    }

    private double sx(Rectangle2D tile, double x0) {
        return tile.getMinX() + (x0 - grid.min()) / (grid.max() - grid.min()) * tile.getWidth();
    }

    private double sy(Rectangle2D tile, double x1) {
        return tile.getMinY() + (grid.max() - x1) / (grid.max() - grid.min()) * tile.getHeight();
    }
}
