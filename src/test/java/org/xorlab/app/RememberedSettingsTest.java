package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Slider;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.xorlab.app.controls.TransportBar;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.StopRule;
import org.xorlab.session.AppSettings;
import org.xorlab.session.SettingsFile;

/**
 * The window remembers its settings between launches in the settings file it is given (a temporary folder here,
 * never the real home), and a corrupt file only costs the remembered values.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedSettingsTest {
    @TempDir
    Path home;

    /** Launches the app as Application.launch would, on a new stage. */
    private XorLabApp launch(Stage[] stage) {
        XorLabApp app = new XorLabApp(new SettingsFile(home.resolve("settings.json")));
        onFx(() -> {
            stage[0] = new Stage();
            app.start(stage[0]);
            return null;
        });
        return app;
    }

    private static void close(XorLabApp app, Stage stage) {
        onFx(() -> {
            app.stop();
            stage.hide();
            return null;
        });
    }

    @Test
    void settingsZoomSpeedAndWindowComeBackAtTheNextLaunch() throws Exception {
        TrainingConfig chosen = new TrainingConfig(Dataset.OR, 4, 1234, 0.25, 3);
        Stage[] first = new Stage[1];
        XorLabApp app = launch(first);
        onFx(() -> {
            RunModel model = app.shell().train().model();
            model.configProperty().set(chosen);
            model.stopRuleProperty().set(new StopRule(true, 5000, 0.02));
            app.shell().train().transport().nudgeSpeed(-2);
            app.shell().presentation().zoomProperty().set(1.1);
            app.shell().presentation().presenterZoomProperty().set(1.75);
            first[0].setX(40);
            first[0].setY(50);
            first[0].setWidth(1300);
            first[0].setHeight(820);
            return null;
        });
        double speed = onFx(() -> app.shell().train().model().speedProperty().get());
        assertThat(speed).isEqualTo(100);
        close(app, first[0]);
        assertThat(home.resolve("settings.json")).exists();

        Stage[] second = new Stage[1];
        XorLabApp again = launch(second);
        try {
            RunModel model = onFx(() -> again.shell().train().model());
            assertThat(onFx(() -> model.configProperty().get())).isEqualTo(chosen);
            assertThat(onFx(() -> model.stopRuleProperty().get())).isEqualTo(new StopRule(true, 5000, 0.02));
            assertThat(onFx(() -> model.speedProperty().get())).isEqualTo(100.0);
            Slider slider = onFx(() -> (Slider) second[0].getScene().lookup("#speed"));
            assertThat(onFx(slider::getValue)).isEqualTo((double) TransportBar.speedIndex(100));
            assertThat(onFx(() -> again.shell().presentation().zoomProperty().get())).isEqualTo(1.1);
            assertThat(onFx(() -> again.shell().presentation().presenterZoomProperty().get())).isEqualTo(1.75);
            assertThat(onFx(() -> second[0].getX())).isEqualTo(40);
            assertThat(onFx(() -> second[0].getY())).isEqualTo(50);
            assertThat(onFx(() -> second[0].getWidth())).isEqualTo(1300);
            assertThat(onFx(() -> second[0].getHeight())).isEqualTo(820);
            // The run starts from the remembered settings' seed.
            assertThat(onFx(() -> model.frameProperty().get() == null
                    || model.frameProperty().get().snapshot().config().equals(chosen))).isTrue();
        } finally {
            close(again, second[0]);
        }
    }

    @Test
    void anAbsurdRememberedWindowIsFittedToTheScreenAndNotSavedBack() throws Exception {
        // Allowed by the settings file (up to 100,000 pixels), far off and far larger than the 1920 x 1200 screen.
        SettingsFile settings = new SettingsFile(home.resolve("settings.json"));
        for (boolean maximized : new boolean[] {false, true}) {
            settings.save(AppSettings.DEFAULT.withWindow(new AppSettings.WindowBounds(90_000, -90_000, 100_000, 100_000,
                    maximized)));
            Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
            Stage[] stage = new Stage[1];
            XorLabApp app = launch(stage);
            try {
                Rectangle2D shown = onFx(() -> new Rectangle2D(stage[0].getX(), stage[0].getY(), stage[0].getWidth(),
                        stage[0].getHeight()));
                assertThat(shown.getWidth()).as("maximized %s", maximized).isLessThanOrEqualTo(screen.getWidth());
                assertThat(shown.getHeight()).as("maximized %s", maximized).isLessThanOrEqualTo(screen.getHeight());
                assertThat(screen.contains(shown)).as("maximized %s: %s on %s", maximized, shown, screen).isTrue();
            } finally {
                close(app, stage[0]);
            }
            AppSettings.WindowBounds saved = settings.load(System.err).window();
            assertThat(new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height()))
                    .as("saved back, maximized %s", maximized).isEqualTo(screen);
            assertThat(saved.maximized()).isEqualTo(maximized);
        }
    }

    @Test
    void aCorruptSettingsFileOpensTheWindowWithTheDefaults() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"run\": {\"hidden\": 3,,,");
        Stage[] stage = new Stage[1];
        XorLabApp app = launch(stage);
        try {
            assertThat(onFx(() -> app.shell().train().model().configProperty().get())).isEqualTo(TrainingConfig.NOTEBOOK);
            assertThat(onFx(() -> stage[0].isShowing())).isTrue();
        } finally {
            close(app, stage[0]);
        }
        // Closing replaces the corrupt file with good settings.
        assertThat(new SettingsFile(home.resolve("settings.json")).load(System.err).run().config())
                .isEqualTo(TrainingConfig.NOTEBOOK);
    }
}
