package org.xorlab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.xorlab.run.StopRule;
import org.xorlab.app.controls.TransportBar;
import org.xorlab.app.train.RunModel;
import org.xorlab.session.AppSettings;
import org.xorlab.session.AtomicFile;
import org.xorlab.session.SettingsFile;

/** The XOR Lab window: the notebook's network, trained live. */
public final class XorLabApp extends Application {
    /** The smallest window the views are laid out for. */
    private SettingsFile settingsFile;
    /** The session to open once the window shows ({@code xorlab open FILE}), or null for a fresh run. */
    private Path session;
    /** False in tests, which must not replace the test runner's handler of uncaught exceptions. */
    private final boolean reportCrashes;
    private AppSettings settings;
    private CrashReporter crashes;
    private RunModel model;
    private AppShell window;
    private RememberedWindow remembered;

    /**
     * The window as launched: settings (and the error log) in {@code $XORLAB_HOME} or {@code ~/.xorlab}. Its one
     * parameter, if any, is a session file to open ({@link #launchWith(Path)}).
     */
    public XorLabApp() {
        this.settingsFile = null;
        this.reportCrashes = true;
    }

    /**
     * A window remembering its settings in {@code settingsFile} and leaving uncaught exceptions to the caller; tests
     * pass a file in a temporary folder.
     */
    XorLabApp(SettingsFile settingsFile) {
        this(settingsFile, null);
    }

    /** The same, opening {@code session} once it shows, as {@code xorlab open FILE} does. */
    XorLabApp(SettingsFile settingsFile, Path session) {
        this.settingsFile = settingsFile;
        this.session = session;
        this.reportCrashes = false;
    }

    /**
     * Opens the window, with {@code session} (or a fresh run if null), and returns once it has been closed. Called
     * once per process, as {@link Application#launch} may be.
     */
    public static void launchWith(Path session) {
        Application.launch(XorLabApp.class, session == null ? new String[0] : new String[] {session.toString()});
    }

    /** Reads the remembered settings on the launcher thread, before the window opens. */
    @Override
    public void init() {
        List<String> parameters = getParameters() == null ? List.of() : getParameters().getRaw();
        if (session == null && !parameters.isEmpty()) {
            session = Path.of(parameters.get(0));
        }
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
        // No larger than the screen, so all of the window can be on it.
        Rectangle2D screen = RememberedWindow.screens().get(0);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.show();
        fitOnScreen(stage, screen);
        if (session != null) {
            // The file's problem, if it has one, shows in the window over the fresh run.
            window.sessions().openAtLaunch(session);
        }
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
