package org.xorlab.session;

import java.util.Objects;

/**
 * What the window remembers between launches: the Train tab's settings, the playing speed, the zoom levels, the
 * window's place and size, and the folder files were last saved to or opened from.
 *
 * @param run           the Train tab's settings
 * @param speed         epochs per second while playing; positive infinity for as fast as possible
 * @param zoom          the window's zoom outside presenter mode, from {@value #MIN_ZOOM} to {@value #MAX_ZOOM}
 * @param presenterZoom the zoom in presenter mode, in the same range
 * @param window        where the window was, or null to let the window choose
 * @param lastFolder    the folder of the last file saved or opened, or null
 */
public record AppSettings(RunSettings run, double speed, double zoom, double presenterZoom, WindowBounds window,
                          String lastFolder) {
    public static final double MIN_ZOOM = 0.75;
    public static final double MAX_ZOOM = 2.5;
    public static final double DEFAULT_SPEED = 1000;
    public static final double DEFAULT_PRESENTER_ZOOM = 1.25;

    /** A first launch: the notebook's run at 1,000 epochs per second, zoom 100 %, presenter zoom 125 %. */
    public static final AppSettings DEFAULT = new AppSettings(RunSettings.DEFAULT, DEFAULT_SPEED, 1.0,
            DEFAULT_PRESENTER_ZOOM, null, null);

    public AppSettings {
        Objects.requireNonNull(run, "run");
        checkSpeed(speed);
        checkZoom(zoom);
        checkZoom(presenterZoom);
    }

    public static void checkSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be a number of epochs per second greater than 0, or \"max\""
                    + " (got " + speed + ")");
        }
    }

    public static void checkZoom(double zoom) {
        if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
            throw new IllegalArgumentException("zoom must be a number from " + MIN_ZOOM + " to " + MAX_ZOOM
                    + " (got " + zoom + ")");
        }
    }

    public AppSettings withRun(RunSettings r) {
        return new AppSettings(r, speed, zoom, presenterZoom, window, lastFolder);
    }

    public AppSettings withSpeed(double s) {
        return new AppSettings(run, s, zoom, presenterZoom, window, lastFolder);
    }

    public AppSettings withZoom(double z, double presenter) {
        return new AppSettings(run, speed, z, presenter, window, lastFolder);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(run, speed, zoom, presenterZoom, w, lastFolder);
    }

    public AppSettings withLastFolder(String folder) {
        return new AppSettings(run, speed, zoom, presenterZoom, window, folder);
    }

    /**
     * The window's place and size in screen coordinates (its normal size, not full screen).
     *
     * @param maximized true if it was maximized; the bounds are then those it returns to
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        /** Smaller than this is not a usable window. */
        public static final double MIN_WIDTH = 400;
        public static final double MIN_HEIGHT = 300;
        /** Larger than this is a corrupt value, not a screen. */
        public static final double MAX_SIDE = 100_000;

        public WindowBounds {
            if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > MAX_SIDE || Math.abs(y) > MAX_SIDE) {
                throw new IllegalArgumentException("window position must be two numbers within " + MAX_SIDE
                        + " of 0 (got " + x + ", " + y + ")");
            }
            if (!(width >= MIN_WIDTH && width <= MAX_SIDE && height >= MIN_HEIGHT && height <= MAX_SIDE)) {
                throw new IllegalArgumentException("window size must be from " + (int) MIN_WIDTH + " x " + (int) MIN_HEIGHT
                        + " to " + (int) MAX_SIDE + " x " + (int) MAX_SIDE + " (got " + width + " x " + height + ")");
            }
        }
    }
}
