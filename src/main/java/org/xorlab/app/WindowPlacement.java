package org.xorlab.app;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where a remembered window goes on the screens there are now: a pure function, so it is tested without a screen.
 * The window goes onto the screen it overlaps most (the first, primary, screen if it overlaps none, say because a
 * projector was unplugged, and then centred there), no larger than that screen and moved so that all of it is on
 * it. A remembered size of 100,000 pixels from a corrupt or hand-edited settings file becomes the screen's size.
 */
final class WindowPlacement {
    private WindowPlacement() {
    }

    /**
     * @param saved   the window's remembered place and size
     * @param screens the usable bounds of each screen (without task bars), the primary screen first; not empty
     * @return the place and size to give the window, entirely within one of {@code screens}
     */
    static Rectangle2D fit(Rectangle2D saved, List<Rectangle2D> screens) {
        Rectangle2D screen = screens.get(0);
        double most = 0;
        for (Rectangle2D s : screens) {
            double overlap = overlap(saved, s);
            if (overlap > most) {
                most = overlap;
                screen = s;
            }
        }
        double width = Math.min(saved.getWidth(), screen.getWidth());
        double height = Math.min(saved.getHeight(), screen.getHeight());
        if (most == 0) {
            return new Rectangle2D(screen.getMinX() + (screen.getWidth() - width) / 2,
                    screen.getMinY() + (screen.getHeight() - height) / 2, width, height);
        }
        double x = clamp(saved.getMinX(), screen.getMinX(), screen.getMaxX() - width);
        double y = clamp(saved.getMinY(), screen.getMinY(), screen.getMaxY() - height);
        return new Rectangle2D(x, y, width, height);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(v, high));
    }
}
