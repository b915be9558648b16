package org.xorlab.app;

import java.io.IOException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.xorlab.session.AppSettings;
import org.xorlab.session.AtomicFile;
import org.xorlab.session.SettingsFile;

/** The XOR Lab window: the notebook's network, trained live. */
public final class XorLabApp extends Application {
    private SettingsFile settingsFile;
    /** False in tests, which must not replace the test runner's handler of uncaught exceptions. */
    private final boolean reportCrashes;
    private AppSettings settings;
    private CrashReporter crashes;
    private RunModel model;
    private AppShell window;
    private RememberedWindow remembered;

    /** The window as launched: settings (and the error log) in {@code $XORLAB_HOME} or {@code ~/.xorlab}. */
    public XorLabApp() {
        this.settingsFile = null;
        this.reportCrashes = true;
    }

    /**
     * A window remembering its settings in {@code settingsFile} and leaving uncaught exceptions to the caller; tests
     * pass a file in a temporary folder.
     */
    XorLabApp(SettingsFile settingsFile) {
        this.settingsFile = settingsFile;
        this.reportCrashes = false;
    }

    /** Reads the remembered settings on the launcher thread, before the window opens. */
    @Override
    public void init() {
        loadSettings();
    }

    private void loadSettings() {
        if (settingsFile == null) {
            settingsFile = SettingsFile.forThisUser();
        }
        if (settings == null) {
            settings = settingsFile.load(System.err);
        }
    }

    @Override
    public void start(Stage stage) {
        loadSettings();
        var run = settings.run();
        model = new RunModel(run.config(), new StopRule(run.stopAtLoss(), run.stopEpochs(), run.targetLoss()),
                TransportBar.SPEEDS[TransportBar.speedIndex(settings.speed())]);
        window = new AppShell(model);
        remembered = new RememberedWindow(stage, window);
        var size = remembered.restore(settings);
        Scene scene = new Scene(window, size.getWidth(), size.getHeight());
        window.attach(scene);
        stage.setTitle("XOR Lab — backpropagation, made visible");
        stage.getIcons().add(new javafx.scene.image.Image(
                XorLabApp.class.getResource("/org/xorlab/app/icon-256.png").toExternalForm()));
        stage.setScene(scene);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.show();
        fitOnScreen(stage, screen);
        if (reportCrashes) {
            // The error log sits beside the settings, in XOR Lab's folder.
            crashes = new CrashReporter(settingsFile.path().resolveSibling("errors.log"));
            crashes.install(stage);
            model.failureProperty().addListener((o, old, text) -> {
                if (!text.isEmpty() && model.failure() != null) {
                    crashes.report("Training stopped", model.failure());
                }
            });
        }
    }

    /** The window's smallest size: it fits a 1024x768 screen with a panel or task bar on it. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;

    /**
     * Never opens wider or taller than the screen's usable area (the scene's size plus the window's decorations
     * could be), unless it was remembered maximized or full screen.
     */
    private static void fitOnScreen(Stage stage, javafx.geometry.Rectangle2D screen) {
        if (stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        if (stage.getWidth() > screen.getWidth()) {
            stage.setWidth(screen.getWidth());
            stage.setX(screen.getMinX());
        }
        if (stage.getHeight() > screen.getHeight()) {
            stage.setHeight(screen.getHeight());
            stage.setY(screen.getMinY());
        }
    }

    /** Remembers the settings for the next launch, then stops training. */
    @Override
    public void stop() {
        if (model != null) {
            try {
                settingsFile.save(remembered.capture(settings));
            } catch (IOException e) {
                System.err.println("xorlab: could not remember the settings in " + settingsFile.path() + ": "
                        + AtomicFile.reason(e));
            }
            model.shutdown();
        }
        if (window != null) {
            window.shutdown();
        }
    }

    /** The shell, for tests. */
    AppShell shell() {
        return window;
    }
}
