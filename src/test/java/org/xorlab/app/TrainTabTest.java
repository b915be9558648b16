package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.train.RunModel;
import org.xorlab.app.view.DecisionSurfaceView;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.text.NumberText;

/** The main window driven as a teacher would: buttons, keys and fields, checked against the engine and NumPy. */
@ExtendWith(ApplicationExtension.class)
class TrainTabTest {
    private RunModel model;
    private AppShell window;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1440, 900);
        model = window.train().model();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void stepOnceAppliesExactlyTheEnginesFirstUpdate(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.clickOn("#step-update");
        waitFor(() -> frame().snapshot().updates() == 1);

        Trainer engine = new Trainer(TrainingConfig.NOTEBOOK);
        engine.step();
        assertThat(frame().snapshot().weights()).isEqualTo(engine.weights());
        assertThat(text(robot, "#status-updates")).isEqualTo("1");
        assertThat(text(robot, "#status-epoch")).isEqualTo("0 + 1/4");
    }

    @Test
    void stepEpochShowsEpochOneAndTheNotebooksLoss(FxRobot robot) throws IOException {
        waitFor(() -> frame() != null);
        robot.clickOn("#step-epoch");
        waitFor(() -> frame().snapshot().epoch() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#status-epoch")).isEqualTo("1");
        assertThat(text(robot, "#status-loss")).isEqualTo(NumberText.python(referenceLoss("sgd", 1)));
        assertThat(text(robot, "#status-loss")).isEqualTo("0.3239537158130419");
    }

    @Test
    void statusBarShowsASmallLossAsThePythonNotebookPrintsItAndCountsWithSeparators(FxRobot robot) {
        waitFor(() -> frame() != null);
        assertThat(onFx(() -> robot.lookup("#stop-epochs").queryAs(TextField.class).getText())).isEqualTo("10,000");
        // Learning rate 0.5 from the start: xorlab train --learning-rate 0.5 prints epoch 5001's loss the same way.
        robot.interact(() -> model.configProperty().set(TrainingConfig.NOTEBOOK.withLearningRate(0.5)));
        robot.interact(() -> model.stepEpochs(5001));
        waitFor(() -> frame().snapshot().epoch() == 5001);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(frame().snapshot().loss()).isEqualTo(6.975669832195507E-4);
        assertThat(text(robot, "#status-loss")).isEqualTo("0.0006975669832195507");
        assertThat(text(robot, "#status-epoch")).isEqualTo("5,001");
        assertThat(text(robot, "#status-updates")).isEqualTo("20,004");
    }

    @Test
    void stopAfterEpochsReadsACountTypedWithOrWithoutSeparators(FxRobot robot) {
        waitFor(() -> frame() != null);
        TextField epochs = robot.lookup("#stop-epochs").queryAs(TextField.class);
        for (String typed : List.of("2,500", "2500")) {
            robot.interact(() -> {
                epochs.setText(typed);
                epochs.fireEvent(new javafx.event.ActionEvent());
            });
            assertThat(model.stopRuleProperty().get().epochs()).as(typed).isEqualTo(2500);
            assertThat(robot.lookup("#stop-epochs-error").queryAs(Label.class).isVisible()).as(typed).isFalse();
        }
        for (String bad : List.of("2.500", "25,00", "2,5")) {
            robot.interact(() -> epochs.setText(bad));
            Label error = robot.lookup("#stop-epochs-error").queryAs(Label.class);
            assertThat(error.isVisible()).as("message for %s", bad).isTrue();
            assertThat(error.getText()).contains("keeping 2,500");
        }
        assertThat(model.stopRuleProperty().get().epochs()).isEqualTo(2500);
    }

    @Test
    void keyboardStepsLikeTheButtons(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        waitFor(() -> frame().snapshot().updates() == 1);
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.RIGHT)
                .release(javafx.scene.input.KeyCode.SHIFT);
        waitFor(() -> frame().snapshot().epoch() == 1);
        assertThat(frame().snapshot().updates()).isEqualTo(4);
    }

    @Test
    void playThenPauseLeavesOnePointPerEpochOnTheChart(FxRobot robot) {
        waitFor(() -> frame() != null);
        // 10 epochs/s: however long the robot's second click takes on a busy machine, Pause still comes while Play
        // runs (the stopping rule's 10,000 epochs are 1,000 s away) and long before the chart's budget thins points.
        robot.interact(() -> model.speedProperty().set(10));
        robot.clickOn("#play");
        waitFor(() -> frame().playing() && frame().snapshot().epoch() >= 5);
        robot.clickOn("#play");
        waitFor(() -> !frame().playing());
        long epochs = frame().snapshot().epoch();
        assertThat(epochs).as("paused by the user, not by the stopping rule").isBetween(5L, 9_999L);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // 3 epochs' time at 10 epochs/s
        assertThat(frame().snapshot().epoch()).as("no epoch after Pause").isEqualTo(epochs);

        LossChart chart = robot.lookup("#loss-chart").queryAs(LossChart.class);
        assertThat(onFx(() -> chart.epochsAppended(0))).isEqualTo(epochs);
        assertThat(onFx(() -> chart.plottedPoints(0))).as("one point per epoch").isEqualTo((int) epochs);
        assertThat(text(robot, "#play")).isEqualTo("Play");
        assertThat(text(robot, "#status-epoch")).isEqualTo(NumberText.count(epochs));
    }

    @Test
    void playAtFullSpeedStopsAtTheStoppingRuleWithEveryEpochOnTheChart(FxRobot robot) {
        waitFor(() -> frame() != null);
        // As fast as possible the frames coalesce many epochs each; the chart must still get every one of them.
        robot.interact(() -> model.stopRuleProperty().set(new StopRule(false, 1_500, 0.01)));
        robot.clickOn("#play");
        waitFor(() -> frame().snapshot().epoch() >= 1_500 && !frame().playing());
        assertThat(frame().snapshot().epoch()).as("stopped by the rule, at its epoch").isEqualTo(1_500);

        LossChart chart = robot.lookup("#loss-chart").queryAs(LossChart.class);
        assertThat(onFx(() -> chart.epochsAppended(0))).isEqualTo(1_500);
        assertThat(onFx(() -> chart.plottedPoints(0))).as("one point per epoch").isEqualTo(1_500);
        assertThat(text(robot, "#play")).isEqualTo("Play");
        assertThat(text(robot, "#status-epoch")).isEqualTo("1,500");
    }

    @Test
    void resetRestoresTheSeedsInitialWeights(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.clickOn("#step-100");
        waitFor(() -> frame().snapshot().epoch() == 100);
        assertThat(frame().snapshot().weights()).isNotEqualTo(Weights.initial(2, 42));
        robot.clickOn("#reset");
        waitFor(() -> frame().snapshot().epoch() == 0);
        assertThat(frame().snapshot().weights()).isEqualTo(Weights.initial(2, 42));
        assertThat(text(robot, "#status-loss")).isEqualTo("–");
    }

    @Test
    void invalidLearningRateShowsItsMessageAndTrainingGoesOnUnharmed(FxRobot robot) throws IOException {
        waitFor(() -> frame() != null);
        TextField rate = robot.lookup("#learning-rate").queryAs(TextField.class);
        for (String bad : List.of("abc", "NaN", "0", "-0.5", "1e999")) {
            robot.interact(() -> {
                rate.setText(bad);
                rate.fireEvent(new javafx.event.ActionEvent());
            });
            Label error = robot.lookup("#learning-rate-error").queryAs(Label.class);
            assertThat(error.isVisible()).as("message for %s", bad).isTrue();
            assertThat(error.getText()).contains("Learning rate").contains("keeping 0.1");
        }
        assertThat(model.configProperty().get().learningRate()).isEqualTo(0.1);

        robot.clickOn("#step-10");
        waitFor(() -> frame().snapshot().epoch() == 10);
        assertThat(frame().snapshot().loss()).isCloseTo(referenceLoss("sgd", 10), org.assertj.core.data.Offset.offset(1e-12));

        robot.interact(() -> rate.setText("0.5"));
        assertThat(robot.lookup("#learning-rate-error").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void decisionSurfaceAtZeroOneTurnsTowardsItsTargetColour(FxRobot robot) {
        waitFor(() -> frame() != null);
        DecisionSurfaceView surface = robot.lookup("#decision-surface").queryAs(DecisionSurfaceView.class);
        Color before = onFx(() -> surface.colorAt(0, 1));
        robot.interact(() -> model.stepEpochs(8000));
        waitFor(() -> frame().snapshot().epoch() == 8000);
        WaitForAsyncUtils.waitForFxEvents();
        Color after = onFx(() -> surface.colorAt(0, 1));
        Color target = onFx(() -> org.xorlab.app.view.Palette.forValue(1.0));
        assertThat(distance(after, target)).isLessThan(distance(before, target));
        assertThat(after.getBlue()).isGreaterThan(after.getRed());
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void stepUpdateWalksTheNetworkThroughTheSamplesTheInspectorShows(FxRobot robot) {
        waitFor(() -> frame() != null);
        for (int update = 1; update <= 5; update++) {
            robot.clickOn("#step-update");
            long expected = update;
            waitFor(() -> frame().snapshot().updates() == expected);
            int sample = (update - 1) % 4;
            assertThat(onFx(() -> window.train().inspector().captionText()))
                    .contains("x = (" + (sample / 2) + "," + (sample % 2) + ")");
            assertThat(onFx(() -> ((org.xorlab.app.view.NetworkView) robot.lookup("#network-view").query())
                    .selectedInput())).as("after update %d", update).isEqualTo(sample);
            assertThat(onFx(() -> robot.lookup("#input-" + sample).queryAs(javafx.scene.control.ToggleButton.class)
                    .isSelected())).isTrue();
        }
    }

    @Test
    void typingIntoTheHiddenUnitsSpinnerAppliesOnEnterAndRefusesNonsense(FxRobot robot) {
        waitFor(() -> frame() != null);
        javafx.scene.control.TextField editor = onFx(() -> robot.lookup("#hidden").queryAs(javafx.scene.control.Spinner.class).getEditor());
        robot.doubleClickOn(editor);
        onFx(() -> {
            editor.selectAll();
            return null;
        });
        robot.write("5").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> model.configProperty().get().hidden() == 5);
        onFx(() -> {
            editor.selectAll();
            return null;
        });
        robot.write("12");
        waitFor(() -> onFx(editor::getText).equals("12"));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        // Enter puts the value in force back: the editor leaves "12" only when the spinner has refused it.
        waitFor(() -> !onFx(editor::getText).equals("12"));
        assertThat(model.configProperty().get().hidden()).as("9 and more is refused").isEqualTo(5);
        assertThat(onFx(() -> editor.getText())).isEqualTo("5");
    }

    @Test
    void playAndPauseKeepOneWidthSoTheToolbarDoesNotShift(FxRobot robot) {
        waitFor(() -> frame() != null);
        javafx.scene.control.Button play = onFx(() -> robot.lookup("#play").queryButton());
        double playWidth = onFx(play::getWidth);
        double stepX = onFx(() -> robot.lookup("#step-update").query().localToScene(0, 0).getX());
        // Slow enough that the run is still playing when we look (at full speed it may finish its 10,000 at once).
        robot.interact(() -> model.speedProperty().set(10));
        robot.clickOn("#play");
        waitFor(() -> frame().playing() && "Pause".equals(text(robot, "#play")));
        onFx(() -> {
            play.getScene().getRoot().layout();
            return null;
        });
        assertThat(onFx(play::getWidth)).isEqualTo(playWidth);
        assertThat(onFx(() -> robot.lookup("#step-update").query().localToScene(0, 0).getX())).isEqualTo(stepX);
        assertThat(LayoutTest.displayed(play)).as("not shortened").isEqualTo("Pause");

        robot.clickOn("#play");
        waitFor(() -> !frame().playing() && "Play".equals(text(robot, "#play")));
        assertThat(onFx(play::getWidth)).isEqualTo(playWidth);
    }

    /**
     * Rate 20 from seed 0 saturates the hidden units at epoch 166 (DiagnosisTest says why): the note shows under the
     * chart, and its button, by mouse or by keyboard, rewinds the timeline to that epoch.
     */
    @Test
    void aDiagnosisNoteShowsAndItsButtonRewindsTheTimelineThere(FxRobot robot) {
        waitFor(() -> frame() != null);
        assertThat(text(robot, "#diagnosis-summary")).isEqualTo("Nothing to point out yet.");
        robot.interact(() -> {
            model.stopRuleProperty().set(new StopRule(false, 3_000, 0.01));
            model.configProperty().set(new TrainingConfig(org.xorlab.engine.Dataset.XOR, 2, 0, 20, 1));
        });
        robot.clickOn("#play");
        waitFor(() -> frame().snapshot().epoch() == 3_000 && !frame().playing());
        waitFor(() -> robot.lookup("#diagnosis-go-0").tryQuery().isPresent());

        assertThat(text(robot, "#diagnosis-go-0")).isEqualTo("Go to epoch 166");
        assertThat(text(robot, "#diagnosis-text-0"))
                .startsWith("At epoch 166 most hidden sigmoid units have saturated (|z| > 5 for ")
                .endsWith("Try a smaller learning rate or Xavier init.");
        javafx.scene.Node note = robot.lookup("#diagnosis-text-0").query();
        javafx.geometry.Bounds shown = onFx(() -> note.localToScene(note.getBoundsInLocal()));
        assertThat(shown.getMaxX()).as("the note is not cut at the window's edge")
                .isLessThanOrEqualTo(onFx(() -> note.getScene().getWidth()));

        robot.clickOn("#diagnosis-go-0");
        waitFor(() -> frame().runs().get(0).preview() != null && frame().runs().get(0).preview().epoch() == 166);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#rewind-label")).startsWith("Rewind: epoch 166 of 3,000");
        assertThat(onFx(() -> robot.lookup("#rewind-slider").queryAs(javafx.scene.control.Slider.class).getValue()))
                .isEqualTo(166.0);

        // The last note's button from the keyboard: focus it, press Enter (Space is the window's Play).
        int last = frame().runs().get(0).notes().size() - 1;
        long epoch = frame().runs().get(0).notes().get(last).epoch();
        javafx.scene.control.Button button = robot.lookup("#diagnosis-go-" + last).queryAs(javafx.scene.control.Button.class);
        assertThat(onFx(button::isFocusTraversable)).isTrue();
        robot.interact(button::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> frame().runs().get(0).preview() != null && frame().runs().get(0).preview().epoch() == epoch);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#rewind-label")).startsWith("Rewind: epoch " + NumberText.count(epoch) + " of 3,000");
    }

    private TrainingFrame frame() {
        return onFx(() -> model.frameProperty().get());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> {
            var node = robot.lookup(query).query();
            return node instanceof javafx.scene.control.Labeled l ? l.getText() : node.toString();
        });
    }

    static double referenceLoss(String kind, int epoch) throws IOException {
        Path csv = Path.of(System.getProperty("xorlab.reference.dir"), "xor-seed42-lr0.1-" + kind + ".csv");
        String line = Files.readAllLines(csv).get(epoch);
        return Double.parseDouble(line.substring(line.indexOf(',') + 1));
    }
}
