package org.xorlab.app.view;

import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

/**
 * The colours every view shares. Values from 0 to 1 (activations, y_hat, targets) run from orange (0) through
 * near-white (0.5) to blue (1), the colour-blind-safe diverging scale of TensorFlow Playground; weights use the
 * same two hues for their sign (blue positive, orange negative), so "blue" always means "towards 1 / positive".
 */
public final class Palette {
    /** The colour of 0: class 0, negative weights. */
    public static final Color ORANGE = Color.rgb(232, 125, 14);
    /** The colour of 0.5: undecided. Slightly off-white so a heatmap stays distinct from the white background. */
    public static final Color MIDDLE = Color.rgb(246, 246, 244);
    /** The colour of 1: class 1, positive weights. */
    public static final Color BLUE = Color.rgb(16, 107, 180);

    /** Text and outlines. */
    public static final Color INK = Color.rgb(33, 37, 41);
    /** Secondary text: tick labels, legends. */
    public static final Color MUTED = Color.rgb(88, 94, 102);
    /** Frames and light guides. */
    public static final Color FRAME = Color.rgb(150, 155, 162);
    /** View background. */
    public static final Color BACKGROUND = Color.WHITE;
    /** Behind a label drawn over lines: the background, a little see-through so the lines still show faintly. */
    public static final Color LABEL_BACKDROP = Color.rgb(255, 255, 255, 0.82);
    /** Neither sign: a weight of exactly 0, or no value. */
    public static final Color NEUTRAL = Color.rgb(170, 174, 180);

    /** Precomputed ARGB colours for values 0, 1/(N-1), ..., 1, so a heatmap costs a table look-up per pixel. */
    private static final int TABLE_SIZE = 1024;
    private static final int[] TABLE = new int[TABLE_SIZE];

    static {
        for (int i = 0; i < TABLE_SIZE; i++) {
            TABLE[i] = toArgb(interpolate((double) i / (TABLE_SIZE - 1)));
        }
    }

    private Palette() {
    }

    /** The colour of a value from 0 (orange) through 0.5 (near-white) to 1 (blue); clamped, NaN is neutral grey. */
    public static Color forValue(double v) {
        if (Double.isNaN(v)) {
            return NEUTRAL;
        }
        return interpolate(clamp01(v));
    }

    /** {@link #forValue(double)} as an opaque ARGB int for a PixelWriter. */
    public static int argb(double v) {
        if (Double.isNaN(v)) {
            return toArgb(NEUTRAL);
        }
        return TABLE[(int) Math.round(clamp01(v) * (TABLE_SIZE - 1))];
    }

    /**
     * The colour of a weight or bias: blue for positive, orange for negative, paler for small magnitudes but never
     * so pale that a thin edge disappears on white; exactly 0 (or NaN) is neutral grey.
     */
    public static Color forWeight(double w) {
        if (Double.isNaN(w) || w == 0) {
            return NEUTRAL;
        }
        double strength = 0.45 + 0.55 * Math.min(1, Math.abs(w) / 4);
        return forValue(0.5 + Math.copySign(0.5 * strength, w));
    }

    /** Dark ink or white, whichever reads better on {@code fill}. */
    public static Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance < 0.5 ? Color.WHITE : INK;
    }

    /** A gradient running through the whole value scale, 0 at {@code (x0, y0)} to 1 at {@code (x1, y1)}. */
    static LinearGradient scale(double x0, double y0, double x1, double y1) {
        Stop[] stops = new Stop[11];
        for (int i = 0; i < stops.length; i++) {
            double t = i / 10.0;
            stops[i] = new Stop(t, forValue(t));
        }
        return new LinearGradient(x0, y0, x1, y1, false, CycleMethod.NO_CYCLE, stops);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** Piecewise linear in sRGB: orange to the middle colour, then the middle colour to blue. */
    private static Color interpolate(double v) {
        return v <= 0.5 ? ORANGE.interpolate(MIDDLE, v * 2) : MIDDLE.interpolate(BLUE, (v - 0.5) * 2);
    }

    private static int toArgb(Color c) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
