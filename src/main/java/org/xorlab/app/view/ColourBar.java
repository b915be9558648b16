package org.xorlab.app.view;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/** The views' colour scale beside a square plot: a framed bar, its title above it and labelled ticks on its right. */
final class ColourBar {
    private ColourBar() {
    }

    /**
     * Draws the bar to the right of {@code plot}, vertically centred on it.
     *
     * @param fill      the bar's paint, given the bar's top and bottom (the scale's highest value at the top)
     * @param positions each label's place on the scale, 0 at the bottom to 1 at the top
     */
    static void draw(GraphicsContext g, Rectangle2D plot, String title, java.util.function.BiFunction<Double, Double,
            Paint> fill, String[] labels, double[] positions) {
        double barWidth = 16;
        double barHeight = Math.min(230, plot.getHeight() * 0.72);
        double bx = plot.getMaxX() + 18;
        double by = plot.getMinY() + (plot.getHeight() - barHeight) / 2 + 10;
        g.setFill(fill.apply(by, by + barHeight));
        g.fillRect(bx, by, barWidth, barHeight);
        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(bx + 0.5, by + 0.5, barWidth - 1, barHeight - 1);
        g.setFill(Palette.INK);
        g.setFont(Fonts.LABEL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(title, bx - 3, by - 8);
        g.setFont(Fonts.SMALL);
        g.setFill(Palette.MUTED);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(Palette.MUTED);
        for (int i = 0; i < labels.length; i++) {
            double ty = Math.round(by + barHeight * (1 - positions[i]));
            g.strokeLine(bx + barWidth, ty, bx + barWidth + 5, ty);
            g.fillText(labels[i], bx + barWidth + 8, ty);
        }
    }
}
