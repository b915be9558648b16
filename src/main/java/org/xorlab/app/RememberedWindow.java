package org.xorlab.app;

import java.nio.file.Path;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.session.AppSettings;
import org.xorlab.session.RunSettings;

/**
 * Carries the remembered settings into the window at launch and back out at close: the Train tab's settings and
 * speed, the zoom levels, the last folder, and the window's normal place and size (not its full-screen size).
 */
final class RememberedWindow {
    /** The window's size on a first launch, if the screen has room. */
    static final double DEFAULT_WIDTH = 1560;
    static final double DEFAULT_HEIGHT = 960;
    /** How much of a remembered window must still be on a screen for its position to be used. */
    private static final double VISIBLE_PART = 120;

    private final Stage stage;
    private final AppShell shell;
    /** The last place and size the window had while neither full screen, maximized nor minimized. */
    private Rectangle2D normal;

    RememberedWindow(Stage stage, AppShell shell) {
        this.stage = stage;
        this.shell = shell;
        Runnable track = () -> {
            if (!stage.isFullScreen() && !stage.isMaximized() && !stage.isIconified() && stage.isShowing()) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((o, old, v) -> track.run());
        stage.yProperty().addListener((o, old, v) -> track.run());
        stage.widthProperty().addListener((o, old, v) -> track.run());
        stage.heightProperty().addListener((o, old, v) -> track.run());
        stage.showingProperty().addListener((o, old, v) -> track.run());
    }

    /**
     * Applies the remembered zoom, folder and window place to the shell and stage.
     *
     * @return the scene size to open with
     */
    Dimension2D restore(AppSettings settings) {
        Presentation p = shell.presentation();
        p.zoomProperty().set(settings.zoom());
        p.presenterZoomProperty().set(settings.presenterZoom());
        if (settings.lastFolder() != null) {
            try {
                shell.dialogs().lastFolderProperty().set(Path.of(settings.lastFolder()));
            } catch (java.nio.file.InvalidPathException e) {
                // not a path on this machine: start in the chooser's default folder
            }
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        AppSettings.WindowBounds w = settings.window();
        if (w == null) {
            return new Dimension2D(Math.min(DEFAULT_WIDTH, screen.getWidth()), Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        }
        if (onSomeScreen(w)) {
            stage.setX(w.x());
            stage.setY(w.y());
            // The stage's own size (with its decorations), so the window does not grow by them at each launch.
            stage.setWidth(w.width());
            stage.setHeight(w.height());
            stage.setMaximized(w.maximized());
            return new Dimension2D(w.width(), w.height());
        }
        // The screen it was on is gone (a projector unplugged): keep the size if it fits, let the window centre.
        return new Dimension2D(Math.min(w.width(), screen.getWidth()), Math.min(w.height(), screen.getHeight()));
    }

    private static boolean onSomeScreen(AppSettings.WindowBounds w) {
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            double visibleWidth = Math.min(b.getMaxX(), w.x() + w.width()) - Math.max(b.getMinX(), w.x());
            double visibleHeight = Math.min(b.getMaxY(), w.y() + w.height()) - Math.max(b.getMinY(), w.y());
            if (visibleWidth >= VISIBLE_PART && visibleHeight >= VISIBLE_PART / 2 && w.y() >= b.getMinY() - 10) {
                return true;
            }
        }
        return false;
    }

    /** A zoom the settings file holds: zooms above its largest (a 4K projector's) are remembered as that. */
    private static double remembered(double zoom) {
        return Math.max(AppSettings.MIN_ZOOM, Math.min(AppSettings.MAX_ZOOM, zoom));
    }

    /** The settings to remember now: {@code before} with everything the user may have changed since. */
    AppSettings capture(AppSettings before) {
        RunModel model = shell.train().model();
        TrainingConfig config = model.configProperty().get();
        StopRule rule = model.stopRuleProperty().get();
        Presentation p = shell.presentation();
        AppSettings.WindowBounds bounds = before.window();
        if (normal != null) {
            try {
                bounds = new AppSettings.WindowBounds(normal.getMinX(), normal.getMinY(), normal.getWidth(),
                        normal.getHeight(), stage.isMaximized());
            } catch (IllegalArgumentException e) {
                // an odd size (the window was squeezed below the minimum): keep what was remembered
            }
        }
        Path folder = shell.dialogs().lastFolderProperty().get();
        return new AppSettings(new RunSettings(config, rule.byTarget(), rule.epochs(), rule.targetLoss()),
                model.speedProperty().get(), remembered(p.zoomProperty().get()),
                remembered(p.presenterZoomProperty().get()), bounds,
                folder == null ? before.lastFolder() : folder.toString());
    }
}
