package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Remembered window geometry fitted to the screens there are: always entirely on one of them. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1040);
    /** A projector to the left of the laptop. */
    private static final Rectangle2D PROJECTOR = new Rectangle2D(-1280, 0, 1280, 800);

    private static Rectangle2D fit(double x, double y, double w, double h, Rectangle2D... screens) {
        return WindowPlacement.fit(new Rectangle2D(x, y, w, h), List.of(screens));
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        assertThat(fit(40, 50, 1300, 820, LAPTOP)).isEqualTo(new Rectangle2D(40, 50, 1300, 820));
        assertThat(fit(-1200, 30, 1000, 700, LAPTOP, PROJECTOR)).isEqualTo(new Rectangle2D(-1200, 30, 1000, 700));
    }

    @Test
    void aHugeWindowBecomesTheScreen() {
        // What a corrupt or hand-edited settings file may say (the settings allow up to 100,000 pixels).
        assertThat(fit(0, 0, 100_000, 100_000, LAPTOP)).isEqualTo(LAPTOP);
        assertThat(fit(-50_000, -50_000, 100_000, 100_000, LAPTOP)).isEqualTo(LAPTOP);
    }

    @Test
    void aWindowHangingOffTheEdgeIsMovedOn() {
        assertThat(fit(1800, 900, 1300, 820, LAPTOP)).isEqualTo(new Rectangle2D(620, 220, 1300, 820));
        assertThat(fit(-300, -40, 1300, 820, LAPTOP)).isEqualTo(new Rectangle2D(0, 0, 1300, 820));
    }

    @Test
    void aWindowGoesOntoTheScreenItOverlapsMost() {
        // Mostly on the projector: fitted to the projector, which is smaller than the window.
        assertThat(fit(-1500, 100, 1400, 900, LAPTOP, PROJECTOR)).isEqualTo(new Rectangle2D(-1280, 0, 1280, 800));
        // Mostly on the laptop.
        assertThat(fit(-200, 100, 1400, 900, LAPTOP, PROJECTOR)).isEqualTo(new Rectangle2D(0, 100, 1400, 900));
    }

    @Test
    void aWindowOnAScreenThatIsGoneIsCentredOnThePrimaryScreen() {
        // The projector was unplugged since.
        assertThat(fit(-1200, 30, 1000, 700, LAPTOP)).isEqualTo(new Rectangle2D(460, 170, 1000, 700));
        assertThat(fit(90_000, 90_000, 100_000, 100_000, LAPTOP)).isEqualTo(LAPTOP);
    }
}
