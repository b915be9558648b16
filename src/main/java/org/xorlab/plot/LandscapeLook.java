package org.xorlab.plot;

/**
 * How a loss landscape looks, in the window's view and in {@code xorlab landscape --png} alike: the loss on a log
 * scale as lightness, from near white in the valleys to dark slate on the heights, so that the runs' coloured paths
 * ({@link RunColours}) stand out on it and the picture reads the same without colour vision; and the contour levels,
 * evenly spaced in log loss.
 */
public final class LandscapeLook {
    /** The colour of the lowest loss shown, 0xRRGGBB. */
    public static final int LOW = 0xFAFAF7;
    /** The colour of the highest loss shown. */
    public static final int HIGH = 0x363C48;
    /** Losses below this are shown as this, so that a zero loss has a place on the log scale. */
    public static final double FLOOR = 1e-12;
    /** How many contour levels a landscape gets at most. */
    public static final int CONTOURS = 10;

    private LandscapeLook() {
    }

    /**
     * The log scale of a grid: the lowest and highest finite loss in it, each at least {@link #FLOOR}, as base-10
     * logarithms; {@code {lo, lo + 1}} when they are equal (a flat plane), {@code {0, 1}} when none is finite.
     */
    public static double[] logRange(double[] losses) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double loss : losses) {
            if (Double.isFinite(loss)) {
                double l = Math.log10(Math.max(loss, FLOOR));
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-9) {
            return new double[] {lo, lo + 1};
        }
        return new double[] {lo, hi};
    }

    /** Where {@code loss} falls on the scale {@code range} ({@link #logRange}), from 0 (lowest) to 1; 1 for NaN. */
    public static double position(double loss, double[] range) {
        if (!(loss == loss)) {
            return 1;
        }
        double l = Math.log10(Math.max(loss, FLOOR));
        return Math.min(1, Math.max(0, (l - range[0]) / (range[1] - range[0])));
    }

    /** The colour, 0xRRGGBB, of a loss at {@code position} (0 to 1) on the scale. */
    public static int rgb(double position) {
        // Lightness falls a little faster than linearly, so the valleys' shades stay apart.
        double t = Math.pow(Math.min(1, Math.max(0, position)), 0.8);
        return mix(LOW, HIGH, t);
    }

    /** The colour of a contour line at {@code position}: darker than the shade below it on light ground, lighter on dark. */
    public static int contourRgb(double position) {
        int shade = rgb(position);
        return position < 0.55 ? mix(shade, 0x1E2430, 0.45) : mix(shade, 0xFFFFFF, 0.35);
    }

    /** The contour levels of the scale, as base-10 logarithms of the loss: {@link #CONTOURS} evenly spaced inside it. */
    public static double[] levels(double[] range) {
        double[] out = new double[CONTOURS];
        for (int i = 0; i < CONTOURS; i++) {
            out[i] = range[0] + (range[1] - range[0]) * (i + 0.5) / CONTOURS;
        }
        return out;
    }

    private static int mix(int from, int to, double t) {
        int r = channel(from >> 16, to >> 16, t);
        int g = channel(from >> 8, to >> 8, t);
        int b = channel(from, to, t);
        return r << 16 | g << 8 | b;
    }

    private static int channel(int from, int to, double t) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) Math.round(a + (b - a) * t);
    }
}
