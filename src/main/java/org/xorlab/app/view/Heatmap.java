package org.xorlab.app.view;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.xorlab.engine.DecisionGrid;

/**
 * One channel of a {@link DecisionGrid} as an image with one pixel per cell, coloured by {@link Palette}. The image
 * and its ARGB buffer are reused while the resolution stays the same.
 */
final class Heatmap {
    private WritableImage image;
    private int[] buffer;
    private int resolution;

    /** Recolours the image from {@code channel} of {@code grid}; row 0 of the grid is the image's top row. */
    void paint(DecisionGrid grid, Contour.Channel channel) {
        int n = grid.resolution();
        if (image == null || resolution != n) {
            resolution = n;
            image = new WritableImage(n, n);
            buffer = new int[n * n];
        }
        for (int row = 0; row < n; row++) {
            int offset = row * n;
            for (int col = 0; col < n; col++) {
                buffer[offset + col] = Palette.argb(channel.at(col, row));
            }
        }
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), buffer, 0, n);
    }

    /** The image, or null before the first {@link #paint}. */
    WritableImage image() {
        return image;
    }

    /** The colour of the pixel whose cell contains input (x0, x1). */
    Color colorAt(DecisionGrid grid, double x0, double x1) {
        if (image == null) {
            throw new IllegalStateException("nothing has been shown yet");
        }
        return image.getPixelReader().getColor(grid.column(x0), grid.row(x1));
    }
}
