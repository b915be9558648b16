package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.TrainingFrame;
import org.xorlab.session.RunSettings;
import org.xorlab.session.Session;
import org.xorlab.session.SessionFile;
import org.xorlab.session.SettingsFile;
import org.xorlab.session.SpecialFiles;

/**
 * {@code xorlab open FILE} as the window sees it: the app started with a session file opens it, or shows why it
 * cannot over a fresh run. Settings live in a temporary folder, never the real home.
 */
@ExtendWith(ApplicationExtension.class)
class OpenAtLaunchTest {
    private static final TrainingConfig CONFIG = new TrainingConfig(Dataset.XNOR, 4, 11, 0.5, 2);

    @TempDir
    Path home;

    /** Starts the app as Application.launch would with {@code session} as its parameter. */
    private XorLabApp launch(Path session, Stage[] stage) {
        XorLabApp app = new XorLabApp(new SettingsFile(home.resolve("settings.json")), session);
        onFx(() -> {
            app.init();
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

    private static String notice(XorLabApp app) {
        return onFx(() -> app.shell().notice().message());
    }

    private static TrainingFrame frame(XorLabApp app) {
        return onFx(() -> app.shell().train().model().frameProperty().get());
    }

    @Test
    void aSessionFileOpensInTheNewWindow() throws Exception {
        Trainer trainer = new Trainer(CONFIG);
        double[] losses = new double[60];
        trainer.runEpochs(60, (e, loss) -> losses[(int) e - 1] = loss);
        Path file = home.resolve("lesson.xorlab.json");
        SessionFile.write(new Session(new RunSettings(CONFIG, false, 500, 0.01), trainer.initialWeights(),
                trainer.weights(), 60, trainer.updates(), losses), file);

        Stage[] stage = new Stage[1];
        XorLabApp app = launch(file, stage);
        try {
            waitFor(() -> frame(app) != null && frame(app).snapshot().epoch() == 60);
            assertThat(notice(app)).isEqualTo("Opened lesson.xorlab.json: epoch 60, paused. Press Space to train on.");
            assertThat(frame(app).snapshot().config()).isEqualTo(CONFIG);
            assertThat(frame(app).snapshot().weights()).isEqualTo(trainer.weights());
            assertThat(frame(app).playing()).isFalse();
        } finally {
            close(app, stage[0]);
        }
    }

    @Test
    void aVersion2SessionOpensInTheNewWindowAndTrainsOnExactly() throws Exception {
        // Two layers of the same width: on main the network view's gradients assume the first layer's width for
        // every layer (NetworkView.Gradients, which the views branch rewrites for any depth).
        TrainingConfig c = CONFIG.withHiddenLayers(4, 4).withLearningRate(0.05);
        TrainingConfig config = c.withOptions(c.options().withActivation(org.xorlab.engine.Activation.RELU)
                .withOptimizer(org.xorlab.engine.TrainingOptions.Optimizer.NESTEROV)
                .withInit(org.xorlab.engine.TrainingOptions.Init.HE)
                .withOrder(org.xorlab.engine.TrainingOptions.Order.SHUFFLE));
        Trainer trainer = new Trainer(config);
        double[] losses = new double[60];
        trainer.runEpochs(60, (e, loss) -> losses[(int) e - 1] = loss);
        Path file = home.resolve("deep.xorlab.json");
        SessionFile.write(new Session(new RunSettings(config, false, 500, 0.01), trainer.initialWeights(),
                trainer.weights(), trainer.optimizerState(), 60, trainer.updates(), losses), file);
        assertThat(Files.readString(file)).contains("\"version\" : 2");

        Stage[] stage = new Stage[1];
        XorLabApp app = launch(file, stage);
        try {
            waitFor(() -> frame(app) != null && frame(app).snapshot().epoch() == 60);
            assertThat(notice(app)).isEqualTo("Opened deep.xorlab.json: epoch 60, paused. Press Space to train on.");
            assertThat(frame(app).snapshot().config()).isEqualTo(config);
            onFx(() -> {
                app.shell().train().model().stepEpochs(20);
                return null;
            });
            waitFor(() -> frame(app).snapshot().epoch() == 80);
            trainer.runEpochs(20, null);
            assertThat(frame(app).snapshot().weights()).isEqualTo(trainer.weights());
        } finally {
            close(app, stage[0]);
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsToldInTheWindowOverAFreshRun() throws Exception {
        Path latin1 = home.resolve("latin1.xorlab.json");
        Files.write(latin1, "{\"format\": \"xorlab-session\", \"note\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path fifo = SpecialFiles.fifo(home.resolve("pipe.xorlab.json"));
        Path missing = home.resolve("missing.xorlab.json");
        String[][] cases = {
            {latin1.toString(), "it is not UTF-8 text: line 1 has a byte 0xE9 that UTF-8 does not allow there"
                    + " (save the file as UTF-8)"},
            {fifo.toString(), "it is a named pipe (FIFO), not a regular file; XOR Lab reads only regular files"},
            {missing.toString(), "it cannot be read: no such file or directory"},
        };
        for (String[] c : cases) {
            Stage[] stage = new Stage[1];
            // A FIFO must never block the window's start: a regression fails here instead of hanging.
            XorLabApp app = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> launch(Path.of(c[0]), stage));
            try {
                waitFor(() -> !notice(app).isEmpty());
                assertThat(notice(app)).isEqualTo("Could not open " + c[0] + ": " + c[1]
                        + ". Starting with a fresh run instead.");
                assertThat(onFx(() -> app.shell().notice().isError())).isTrue();
                assertThat(onFx(() -> app.shell().train().model().configProperty().get())).isEqualTo(TrainingConfig.NOTEBOOK);
                waitFor(() -> frame(app) != null);
                assertThat(frame(app).snapshot().epoch()).isZero();
                assertThat(onFx(() -> stage[0].isShowing())).isTrue();
            } finally {
                close(app, stage[0]);
            }
        }
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
