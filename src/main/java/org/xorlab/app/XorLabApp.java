package org.xorlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.xorlab.engine.TrainingConfig;

/** The XOR Lab window: the notebook's network, trained live. */
public final class XorLabApp extends Application {
    private final CrashReporter crashes = new CrashReporter(CrashReporter.defaultLog());
    private RunModel model;
    private AppShell window;

    @Override
    public void start(Stage stage) {
        model = new RunModel(TrainingConfig.NOTEBOOK, StopRule.DEFAULT,
                TransportBar.SPEEDS[TransportBar.DEFAULT_SPEED_INDEX]);
        window = new AppShell(model);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1560, screen.getWidth()), Math.min(960, screen.getHeight()));
        window.attach(scene);
        stage.setTitle("XOR Lab — backpropagation, made visible");
        stage.setScene(scene);
        stage.setMinWidth(1100);
        stage.setMinHeight(700);
        stage.show();
        crashes.install(stage);
        model.failureProperty().addListener((o, old, text) -> {
            if (!text.isEmpty() && model.failure() != null) {
                crashes.report("Training stopped", model.failure());
            }
        });
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        if (window != null) {
            window.shutdown();
        }
    }
}
