package org.xorlab.app;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.xorlab.app.view.ZoomPane;
import org.xorlab.session.AppSettings;

/**
 * How the window presents itself: the zoom (a larger root font size for the controls; the canvases scale with it
 * through {@link ZoomPane}), full screen, whether the settings panel shows, and presenter mode, which turns all
 * three up for a projector at once (F5) and back again. Presenter mode has its own zoom, remembered separately.
 */
final class Presentation {
    /** The zoom steps Ctrl+= and Ctrl+- move through. */
    static final double[] ZOOMS = {0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0};
    /** The root font size at zoom 1, as xorlab.css sets it; every other size in the stylesheet is relative to it. */
    static final double BASE_FONT_PX = 15;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final DoubleProperty presenterZoom = new SimpleDoubleProperty(AppSettings.DEFAULT_PRESENTER_ZOOM);
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty settingsShown = new SimpleBooleanProperty(true);
    /** The size of the window's content, for {@link #fitting}. */
    private final DoubleProperty width = new SimpleDoubleProperty(Double.MAX_VALUE);
    private final DoubleProperty height = new SimpleDoubleProperty(Double.MAX_VALUE);
    private final ObservableDoubleValue effectiveZoom = Bindings.createDoubleBinding(
            () -> presenting.get() ? presenting(presenterZoom.get(), width.get(), height.get())
                    : fitting(zoom.get(), width.get(), height.get(), settingsShown.get()),
            presenting, zoom, presenterZoom, width, height, settingsShown);
    private Stage stage;
    /** The settings panel and full screen before presenter mode, to return to. */
    private boolean settingsBefore = true;
    private boolean fullScreenBefore;

    /** Style class of the root in presenter mode (the stylesheet drops details there, such as key caps on buttons). */
    static final String PRESENTING = "presenting";

    /**
     * The Train tab's smallest comfortable size at zoom 1 without the settings panel, and the panel's width: zooming
     * in further would squeeze the canvases until their labels overlap.
     */
    static final double MIN_LAYOUT_WIDTH = 1000;
    static final double SETTINGS_WIDTH = 330;
    static final double MIN_LAYOUT_HEIGHT = 640;

    /**
     * Presenter mode's own layout (the chart, the network and the surface; the truth table and the hidden units'
     * maps hidden) at zoom 1: its smallest comfortable size, so that a 1024x768 projector still gets 20 px text.
     */
    static final double PRESENTER_MIN_WIDTH = 750;
    static final double PRESENTER_MIN_HEIGHT = 530;
    /** Presenter mode's smallest text, where the screen has room for it; larger screens get more (see below). */
    static final double PRESENTER_MIN_FONT_PX = 20;
    /** Presenter mode's text grows with the screen: at least zoom = height / this. */
    static final double PRESENTER_HEIGHT_PER_ZOOM = 720;

    /**
     * The zoom in presenter mode for the {@code wanted} one on a screen of this size: at least 20 px text and more on
     * taller screens (1.5 at 1080 px, 3 at 2160 px), up to what fits presenter mode's layout, and never below 100 %.
     */
    static double presenting(double wanted, double width, double height) {
        double fit = Math.min(width / PRESENTER_MIN_WIDTH, height / PRESENTER_MIN_HEIGHT);
        double floor = Math.max(PRESENTER_MIN_FONT_PX / BASE_FONT_PX, height / PRESENTER_HEIGHT_PER_ZOOM);
        return Math.max(1, Math.min(Math.max(wanted, floor), fit));
    }

    /**
     * The zoom to use for the {@code wanted} one in a window of this size: above 100 % no more than still leaves
     * the layout its smallest comfortable size (so on a small projector 150 % becomes what fits), and never below
     * 100 % unless wanted.
     */
    static double fitting(double wanted, double width, double height, boolean settingsShown) {
        if (wanted <= 1) {
            return wanted;
        }
        double fit = Math.min(width / (MIN_LAYOUT_WIDTH + (settingsShown ? SETTINGS_WIDTH : 0)), height / MIN_LAYOUT_HEIGHT);
        return Math.max(1, Math.min(wanted, fit));
    }

    /** Applies the zoom to {@code root}'s font size, and presenter mode to its style class, from now on. */
    void attach(Region root) {
        width.bind(root.widthProperty());
        height.bind(root.heightProperty());
        Runnable apply = () -> root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;",
                BASE_FONT_PX * effectiveZoom.get()));
        effectiveZoom.addListener((o, old, z) -> apply.run());
        apply.run();
        presenting.addListener((o, was, on) -> {
            root.getStyleClass().remove(PRESENTING);
            if (on) {
                root.getStyleClass().add(PRESENTING);
            }
        });
    }

    /** The stage full screen applies to; without one (a test's bare scene) full screen does nothing. */
    void setStage(Stage s) {
        stage = s;
        if (s != null) {
            s.setFullScreenExitHint("F11 leaves full screen; F5 leaves presenter mode");
        }
    }

    /**
     * The zoom in force now: the presenter zoom in presenter mode, the normal zoom otherwise, either limited to what
     * fits the window (see {@link #fitting}).
     */
    ObservableDoubleValue effectiveZoomProperty() {
        return effectiveZoom;
    }

    double effectiveZoom() {
        return effectiveZoom.get();
    }

    /** The zoom outside presenter mode. */
    DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The zoom in presenter mode. */
    DoubleProperty presenterZoomProperty() {
        return presenterZoom;
    }

    ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    boolean isPresenting() {
        return presenting.get();
    }

    /** Whether the Train tab's settings panel is showing. */
    BooleanProperty settingsShownProperty() {
        return settingsShown;
    }

    /**
     * Enters presenter mode (presenter zoom, full screen, settings hidden) or leaves it, putting the settings panel
     * and full screen back as they were before.
     */
    void togglePresenting() {
        boolean on = !presenting.get();
        if (on) {
            settingsBefore = settingsShown.get();
            fullScreenBefore = stage != null && stage.isFullScreen();
        }
        presenting.set(on);
        settingsShown.set(on ? false : settingsBefore);
        if (stage != null) {
            stage.setFullScreen(on || fullScreenBefore);
        }
    }

    void toggleFullScreen() {
        if (stage != null) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    void toggleSettings() {
        settingsShown.set(!settingsShown.get());
    }

    /** One zoom step up (+1) or down (-1) from the zoom in force. */
    void zoomBy(int steps) {
        DoubleProperty target = presenting.get() ? presenterZoom : zoom;
        target.set(step(target.get(), steps));
    }

    /** Back to 100 %, or to the default presenter zoom in presenter mode. */
    void resetZoom() {
        if (presenting.get()) {
            presenterZoom.set(AppSettings.DEFAULT_PRESENTER_ZOOM);
        } else {
            zoom.set(1.0);
        }
    }

    /** The zoom {@code steps} stops away from {@code from}, which need not be a stop itself. */
    static double step(double from, int steps) {
        int i = 0;
        while (i < ZOOMS.length - 1 && ZOOMS[i] < from - 1e-9) {
            i++;
        }
        // Between two stops (after an odd remembered value), the first step lands on the nearer stop that way.
        if (ZOOMS[i] > from + 1e-9 && steps != 0) {
            if (steps > 0) {
                steps--;
            } else if (i > 0) {
                i--;
                steps++;
            }
        }
        return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, i + steps))];
    }

    /** "125 %". */
    static String percent(double zoom) {
        return Math.round(zoom * 100) + " %";
    }
}
