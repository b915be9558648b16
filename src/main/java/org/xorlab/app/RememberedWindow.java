package org.xorlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.StopRule;
import org.xorlab.session.AppSettings;
import org.xorlab.session.RunSettings;

/**
 * Carries the remembered settings into the window at launch and back out at close: the Train tab's settings and
 * speed, the zoom levels, the last folder, and the window's normal place and size (not its full-screen size),
 * fitted to the screens there are now (see {@link WindowPlacement}).
 */
final class RememberedWindow {
    /** The window's size on a first launch, if the screen has room. */
    static final double DEFAULT_WIDTH = 1560;
    static final double DEFAULT_HEIGHT = 960;

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
        List<Rectangle2D> screens = screens();
        Rectangle2D screen = screens.get(0);
        AppSettings.WindowBounds w = settings.window();
        if (w == null) {
            return new Dimension2D(Math.min(DEFAULT_WIDTH, screen.getWidth()), Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        }
        Rectangle2D placed = WindowPlacement.fit(new Rectangle2D(w.x(), w.y(), w.width(), w.height()), screens);
        stage.setX(placed.getMinX());
        stage.setY(placed.getMinY());
        // The stage's own size (with its decorations), so the window does not grow by them at each launch.
        stage.setWidth(placed.getWidth());
        stage.setHeight(placed.getHeight());
        stage.setMaximized(w.maximized());
        // Remembered as it was placed, not as the file said, even if it is never shown in its normal state.
        normal = placed;
        return new Dimension2D(placed.getWidth(), placed.getHeight());
    }

    /** The usable bounds of every screen, the primary one first. */
    static List<Rectangle2D> screens() {
        List<Rectangle2D> bounds = new ArrayList<>();
        Screen primary = Screen.getPrimary();
        bounds.add(primary.getVisualBounds());
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(primary)) {
                bounds.add(s.getVisualBounds());
            }
        }
        return bounds;
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
