package org.xorlab.app.view;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.xorlab.engine.Activation;

/** The key under the network diagram: edge width, edge colour, bias ring, node fill and (with them) the arrows. */
final class NetworkLegend {
    private static final String ARROWS = "arrows: last step's change (up = grew)";
    /** After a tanh, ReLU or linear layer's scale: the output's own, a sigmoid's. */
    static final String OUTPUT_SCALE = "(y_hat: 0 to 1)";

    private NetworkLegend() {
    }

    /**
     * Draws the legend's three lines from {@code top} in a view {@code w} wide, with the arrows' line where the
     * gradients are shown and it fits; the fill's scale is that of {@code activation} (see {@link ActivationScale}).
     */
    static void draw(GraphicsContext g, double w, double top, boolean arrows, Activation activation) {
        double y1 = top + 20;
        double y2 = y1 + 28;
        double x = 16;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Fonts.SMALL);
        g.setFill(Palette.MUTED);
        g.fillText("edge width = |weight|:", x, y1);
        x += Fonts.measure("edge width = |weight|:", Fonts.SMALL).getWidth() + 10;
        g.setLineCap(StrokeLineCap.BUTT);
        for (double sample : new double[] {0.5, 2, 8}) {
            g.setStroke(Palette.FRAME);
            g.setLineWidth(NetworkView.edgeWidth(sample));
            g.strokeLine(x, y1, x + 28, y1);
            x += 32;
            String text = sample == 8 ? "8+" : HoverCard.plain(sample);
            g.fillText(text, x, y1);
            x += Fonts.measure(text, Fonts.SMALL).getWidth() + 14;
        }
        double y3 = y2 + 28;
        x = 16;
        x = swatch(g, x, y2, Palette.forWeight(4), "positive");
        x = swatch(g, x, y2, Palette.forWeight(-4), "negative");
        g.setFill(Palette.MUTED);
        g.fillText("ring = bias", x + 8, y2);

        x = 16;
        g.fillText("node fill = activation", x, y3);
        x += Fonts.measure("node fill = activation", Fonts.SMALL).getWidth() + 10;
        String low = ActivationScale.low(activation);
        g.fillText(low, x, y3);
        x += Fonts.measure(low, Fonts.SMALL).getWidth() + 5;
        g.setFill(Palette.scale(x, 0, x + 90, 0));
        g.fillRect(x, y3 - 8, 90, 16);
        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y3 - 7.5, 89, 15);
        x += 95;
        g.setFill(Palette.MUTED);
        g.fillText("1", x, y3);
        x += Fonts.measure("1", Fonts.SMALL).getWidth();
        if (activation != Activation.SIGMOID) {
            g.fillText(OUTPUT_SCALE, x + 10, y3);
            x += 10 + Fonts.measure(OUTPUT_SCALE, Fonts.SMALL).getWidth();
        }
        if (arrows && x + 24 + Fonts.measure(ARROWS, Fonts.SMALL).getWidth() < w - 4) {
            g.fillText(ARROWS, x + 24, y3);
        }
    }

    private static double swatch(GraphicsContext g, double x, double y, Color color, String text) {
        g.setStroke(color);
        g.setLineWidth(6);
        g.strokeLine(x, y, x + 24, y);
        g.setFill(Palette.MUTED);
        g.fillText(text, x + 30, y);
        return x + 30 + Fonts.measure(text, Fonts.SMALL).getWidth() + 16;
    }
}
