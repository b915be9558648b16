package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.await;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.run.TrainingFrame;
import org.xorlab.session.SessionFile;

/**
 * The Train tab's advanced fold at 1024x768, as a student uses it: closed at first, opened from the keyboard, Adam,
 * tanh and two layers of four chosen there; the run it starts has the engine's numbers, survives Save and Open
 * (with Adam's moments), and Reset to the notebook brings back every default.
 */
@ExtendWith(ApplicationExtension.class)
class AdvancedSettingsTest {
    @TempDir
    Path dir;

    private AppShell window;
    private RunModel model;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
        model = window.train().model();
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    private TrainingFrame frame() {
        return FxTesting.frame(window);
    }

    private <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private boolean shown(Node node) {
        return onFx(() -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static String text(TextField field) {
        return onFx(field::getText);
    }

    @Test
    @SuppressWarnings("unchecked")
    void adamTanhAndTwoLayersTrainSaveAndReopenWithTheEnginesNumbers(FxRobot robot) throws Exception {
        waitFor(() -> frame() != null);
        TitledPane fold = node(robot, "#advanced", TitledPane.class);
        assertThat(onFx(fold::isExpanded)).as("the fold starts closed").isFalse();
        assertThat(onFx(fold::getText)).isEqualTo("Advanced settings");

        // Opened from the keyboard: the fold takes focus and Enter opens it (Space plays, everywhere in the window).
        runFx(fold::requestFocus);
        waitFor(() -> onFx(fold::isFocused));
        robot.type(KeyCode.ENTER);
        waitFor(() -> onFx(fold::isExpanded));

        ComboBox<Activation> activation = node(robot, "#activation", ComboBox.class);
        ComboBox<TrainingOptions.Optimizer> optimizer = node(robot, "#optimizer", ComboBox.class);
        TextField layers = node(robot, "#hidden-layers", TextField.class);
        assertThat(shown(activation)).isTrue();
        assertThat(text(layers)).isEqualTo("2");
        assertThat(onFx(() -> activation.getConverter().toString(activation.getValue())))
                .isEqualTo("sigmoid (the notebook's)");
        assertThat(shown(node(robot, "#momentum", TextField.class))).as("no momentum for SGD").isFalse();

        runFx(() -> {
            optimizer.setValue(TrainingOptions.Optimizer.ADAM);
            activation.setValue(Activation.TANH);
            layers.setText("4,4");
            layers.fireEvent(new ActionEvent());
        });
        TrainingConfig expected = TrainingConfig.NOTEBOOK.withHiddenLayers(4, 4);
        expected = expected.withOptions(expected.options().withActivation(Activation.TANH)
                .withOptimizer(TrainingOptions.Optimizer.ADAM));
        TrainingConfig wanted = expected;
        waitFor(() -> frame().snapshot().config().equals(wanted));
        assertThat(frame().snapshot().epoch()).as("a new run").isZero();

        // Only Adam's hyper-parameters show; the penalty's rate is off with no penalty; the sentences follow.
        assertThat(shown(node(robot, "#beta1", TextField.class))).isTrue();
        assertThat(shown(node(robot, "#beta2", TextField.class))).isTrue();
        assertThat(shown(node(robot, "#epsilon", TextField.class))).isTrue();
        assertThat(shown(node(robot, "#momentum", TextField.class))).isFalse();
        assertThat(shown(node(robot, "#rho", TextField.class))).isFalse();
        assertThat(onFx(() -> node(robot, "#reg-rate", TextField.class).isDisabled())).isTrue();
        List<String> hints = onFx(() -> robot.lookup(".field-hint").queryAllAs(Label.class).stream()
                .filter(this::shown).map(Label::getText).toList());
        assertThat(hints).contains("tanh: like the sigmoid but centred on 0, from -1 to 1.",
                "Adam combines momentum with RMSprop's scaling, and corrects both for starting at 0.");

        // 10 epochs: the engine's numbers, bit for bit.
        runFx(() -> model.stepEpochs(10));
        waitFor(() -> frame().snapshot().epoch() == 10);
        Trainer engine = new Trainer(expected);
        List<Double> losses = new ArrayList<>();
        engine.runEpochs(10, (e, loss) -> losses.add(loss));
        assertThat(frame().snapshot().weights()).isEqualTo(engine.weights());
        for (int i = 0; i < 10; i++) {
            assertThat(frame().history().get(i)).isEqualTo(losses.get(i));
        }

        Path file = dir.resolve("adam.xorlab.json");
        await(onFx(() -> window.sessions().save(file)));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("version").asInt()).isEqualTo(2);
        assertThat(root.at("/settings/optimizer").asText()).isEqualTo("adam");
        assertThat(SessionFile.read(file).optimizerState()).isEqualTo(engine.optimizerState());

        // Back to the notebook: every option, the deeper layer too; Hidden units, a notebook setting, stays 4.
        runFx(() -> node(robot, "#reset-advanced", Button.class).fire());
        waitFor(() -> frame().snapshot().config().equals(TrainingConfig.NOTEBOOK.withHidden(4)));
        assertThat(text(layers)).isEqualTo("4");
        assertThat(onFx(() -> robot.lookup("#hidden").queryAs(javafx.scene.control.Spinner.class).getValue()))
                .isEqualTo(4);
        assertThat(onFx(optimizer::getValue)).isEqualTo(TrainingOptions.Optimizer.SGD);
        assertThat(shown(node(robot, "#beta1", TextField.class))).isFalse();

        // Open: the fold shows the session's options, and 10 more epochs continue Adam exactly.
        await(onFx(() -> window.sessions().open(file)));
        waitFor(() -> frame().snapshot().epoch() == 10 && frame().snapshot().config().equals(wanted));
        assertThat(text(layers)).isEqualTo("4,4");
        assertThat(onFx(optimizer::getValue)).isEqualTo(TrainingOptions.Optimizer.ADAM);
        assertThat(onFx(activation::getValue)).isEqualTo(Activation.TANH);
        assertThat(frame().snapshot().weights()).isEqualTo(engine.weights());
        runFx(() -> model.stepEpochs(10));
        waitFor(() -> frame().snapshot().epoch() == 20);
        engine.runEpochs(10, null);
        assertThat(frame().snapshot().weights()).isEqualTo(engine.weights());
        assertThat(frame().snapshot().loss()).isEqualTo(engine.loss());
    }

    @Test
    void aBadListOfLayersSaysWhatIsAllowedAndKeepsTheRun(FxRobot robot) {
        waitFor(() -> frame() != null);
        runFx(() -> node(robot, "#advanced", TitledPane.class).setExpanded(true));
        TextField layers = node(robot, "#hidden-layers", TextField.class);
        runFx(() -> {
            layers.setText("4,9");
            layers.fireEvent(new ActionEvent());
        });
        Label error = node(robot, "#hidden-layers-error", Label.class);
        assertThat(onFx(() -> error.getText())).isEqualTo("Hidden layers must be 1 to 6 whole numbers from 1 to 8, separated"
                + " by commas, such as 4,4 (got '4,9'); keeping 2.");
        assertThat(shown(error)).isTrue();
        assertThat(onFx(() -> model.configProperty().get())).isEqualTo(TrainingConfig.NOTEBOOK);
    }
}
