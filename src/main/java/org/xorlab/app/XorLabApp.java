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
    private AppSettings settings;
    private RunModel model;
    private AppShell window;
    private RememberedWindow remembered;

    /** The window as launched: settings from {@code $XORLAB_HOME} or {@code ~/.xorlab}. */
    public XorLabApp() {
        this(null);
    }

    /** A window remembering its settings in {@code settingsFile}; tests pass one in a temporary folder. */
    XorLabApp(SettingsFile settingsFile) {
        this.settingsFile = settingsFile;
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
        stage.setScene(scene);
        stage.setMinWidth(1100);
        stage.setMinHeight(700);
        stage.show();
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
            window.shutdown();
        }
    }

    /** The shell, for tests. */
    AppShell shell() {
        return window;
    }
}
