package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.text.NumberText;

/**
 * The Train tab with a deeper network set through its model (as the settings will): the views follow the run's
 * layers and activation, at 1024x768 and 1920x1080. Keeps screenshots in target/window-shots/.
 */
@ExtendWith(ApplicationExtension.class)
class DeepNetworkWindowTest {
    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void close() {
        FxTesting.close(window);
    }

    private static TrainingConfig config(Activation f, int... hidden) {
        TrainingConfig c = TrainingConfig.NOTEBOOK.withHiddenLayers(hidden);
        return c.withOptions(c.options().withActivation(f).withOptimizer(TrainingOptions.Optimizer.ADAM))
                .withLearningRate(0.02);
    }

    private void train(TrainingConfig c, int epochs) {
        runFx(() -> window.train().model().configProperty().set(c));
        waitFor(() -> {
            var f = FxTesting.frame(window);
            return f != null && f.snapshot().config().equals(c);
        });
        runFx(() -> window.train().model().stepEpochs(epochs));
        waitFor(() -> FxTesting.frame(window).snapshot().config().equals(c)
                && FxTesting.frame(window).snapshot().epoch() == epochs);
        FxTesting.settle();
    }

    private void shot(String name) throws Exception {
        WritableImage image = onFx(() -> window.getScene().snapshot(null));
        Path dir = Path.of("target", "window-shots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }

    private void nodeShot(String id, String name) throws Exception {
        WritableImage image = onFx(() -> window.lookup(id).snapshot(null, null));
        Path dir = Path.of("target", "window-shots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void rewindingADeepReluRunShowsThatEpochsWeightsInEveryView(FxRobot robot) throws Exception {
        FxTesting.resize(stage, 1920, 1080);
        TrainingConfig c = config(Activation.RELU, 3, 4, 3);
        train(c, 120);
        runFx(() -> window.train().model().preview(40));
        waitFor(() -> FxTesting.frame(window).runs().get(0).preview() != null);
        FxTesting.settle();
        var frame = FxTesting.frame(window).runs().get(0);
        var expected = frame.weightHistory().at(40).weights();
        assertThat(onFx(() -> window.train().shownWeights())).isEqualTo(expected);
        assertThat(frame.shownGrid().hiddenLayers()).containsExactly(3, 4, 3);
        var grid = frame.shownGrid();
        for (int i = 0; i < Dataset.SIZE; i++) {
            int row = i;
            assertThat(onFx(() -> ((Label) window.lookup("#truth-" + row + "-3")).getText()))
                    .isEqualTo(NumberText.fixed(expected.predict(Activation.RELU, Dataset.x0(i), Dataset.x1(i)), 4));
            // The rewound surface is the epoch's own, through every layer with ReLU.
            int col = grid.column(Dataset.x0(i));
            int r = grid.row(Dataset.x1(i));
            assertThat(grid.output(col, r)).isEqualTo(expected.predict(Activation.RELU, grid.x0(col), grid.x1(r)));
        }
        shot("train-3-4-3-relu-rewound-1920x1080");
        runFx(() -> window.train().model().live());
    }

    @Test
    void presenterModeDrawsTheDeepNetwork(FxRobot robot) throws Exception {
        FxTesting.resize(stage, 1920, 1080);
        train(config(Activation.TANH, 8, 8, 8, 8, 8, 8), 100);
        robot.type(javafx.scene.input.KeyCode.F5);
        FxTesting.settle();
        shot("train-6x8-tanh-presenter-1920x1080");
        FxTesting.resize(stage, 1024, 768);
        FxTesting.settle();
        shot("train-6x8-tanh-presenter-1024x768");
        nodeShot("#network-view", "network-6x8-tanh-presenter-1024x768");
        robot.type(javafx.scene.input.KeyCode.F5);
        FxTesting.settle();
    }

    @Test
    void theTruthTableAndTheLayerChooserFollowADeepTanhRun(FxRobot robot) throws Exception {
        for (double[] size : new double[][] {{1024, 768}, {1920, 1080}}) {
            FxTesting.resize(stage, size[0], size[1]);
            TrainingConfig c = config(Activation.TANH, 4, 4);
            train(c, 300);
            var weights = FxTesting.frame(window).runs().get(0).shownWeights();
            for (int i = 0; i < Dataset.SIZE; i++) {
                int row = i;
                String shown = onFx(() -> ((Label) window.lookup("#truth-" + row + "-3")).getText());
                assertThat(shown).isEqualTo(NumberText.fixed(weights.predict(Activation.TANH, Dataset.x0(i),
                        Dataset.x1(i)), 4));
            }
            @SuppressWarnings("unchecked")
            ChoiceBox<String> layers = onFx(() -> (ChoiceBox<String>) window.lookup("#hidden-layer"));
            assertThat(onFx(() -> layers.getItems())).containsExactly("layer 1", "layer 2");
            runFx(() -> layers.getSelectionModel().select(1));
            FxTesting.settle();
            shot("train-2-4-4-1-tanh-" + (int) size[0] + "x" + (int) size[1]);

            TrainingConfig deep = config(Activation.TANH, 8, 8, 8, 8, 8, 8);
            train(deep, 200);
            assertThat(onFx(() -> layers.getItems())).hasSize(6);
            shot("train-6x8-tanh-" + (int) size[0] + "x" + (int) size[1]);
            nodeShot("#network-view", "network-6x8-tanh-in-window-" + (int) size[0] + "x" + (int) size[1]);
            runFx(() -> window.train().model().configProperty().set(TrainingConfig.NOTEBOOK));
            waitFor(() -> FxTesting.frame(window).snapshot().config().equals(TrainingConfig.NOTEBOOK));
            FxTesting.settle();
            // The notebook's network has one layer: nothing to choose.
            assertThat(onFx(() -> layers.getItems())).containsExactly("layer 1");
            assertThat(onFx(() -> layers.getParent().isVisible())).isFalse();
        }
    }
}
