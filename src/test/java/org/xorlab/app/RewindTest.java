package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.train.RewindBar;
import org.xorlab.app.train.RunModel;
import org.xorlab.app.view.DecisionSurfaceView;
import org.xorlab.app.view.Palette;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.run.PlotRange;
import org.xorlab.run.Preview;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;
import org.xorlab.text.NumberText;

/** The timeline shows the run as it was at an earlier epoch, and returns to live on letting go, Esc, Play or Step. */
@ExtendWith(ApplicationExtension.class)
class RewindTest {
    private static final int EPOCHS = 600;

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
    void leftArrowsRewindToAnEarlierEpochsWeightsAndEscapeReturnsToLive(FxRobot robot) {
        trainLive();
        assertThat(text(robot, "#rewind-label")).isEqualTo(RewindBar.LIVE);

        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        robot.type(KeyCode.LEFT, 3);
        long k = EPOCHS - 100 - 3;
        waitFor(() -> preview() != null && preview().epoch() == k);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#rewind-label")).startsWith("Rewind: epoch " + k + " of " + EPOCHS + " · loss ");
        assertShowsTheWeightsOf(robot, trainedTo(k));
        assertThat(onFx(() -> window.train().inspector().bannerText())).contains("rewound to epoch " + k);

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> preview() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#rewind-label")).isEqualTo(RewindBar.LIVE);
        assertShowsTheWeightsOf(robot, trainedTo(EPOCHS));
        assertThat(frame().snapshot().epoch()).as("rewinding never trains").isEqualTo(EPOCHS);
    }

    @Test
    void draggingTheTimelineShowsThatEpochAndLettingGoReturnsToLive(FxRobot robot) {
        trainLive();
        var slider = onFx(() -> window.train().rewind().slider());
        Bounds b = onFx(() -> slider.localToScreen(slider.getBoundsInLocal()));
        Point2D thumb = new Point2D(b.getMaxX() - 8, b.getCenterY());
        Point2D quarter = new Point2D(b.getMinX() + b.getWidth() * 0.25, b.getCenterY());

        robot.moveTo(thumb).press(MouseButton.PRIMARY).moveTo(quarter);
        waitFor(() -> preview() != null && preview().epoch() < EPOCHS / 2);
        WaitForAsyncUtils.waitForFxEvents();
        long k = preview().epoch();
        assertThat(k).isBetween(1L, (long) EPOCHS / 2);
        assertThat(text(robot, "#rewind-label")).startsWith("Rewind: epoch " + k + " of " + EPOCHS);
        assertShowsTheWeightsOf(robot, trainedTo(k));

        robot.release(MouseButton.PRIMARY);
        waitFor(() -> preview() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#rewind-label")).isEqualTo(RewindBar.LIVE);
        assertShowsTheWeightsOf(robot, trainedTo(EPOCHS));
    }

    @Test
    void stepAndPlayReturnToLiveAndGoOnFromTheLiveWeights(FxRobot robot) {
        trainLive();
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        waitFor(() -> preview() != null);
        robot.type(KeyCode.RIGHT);
        waitFor(() -> preview() == null && frame().snapshot().updates() == 4L * EPOCHS + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#rewind-label")).isEqualTo(RewindBar.LIVE);

        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        waitFor(() -> preview() != null);
        robot.type(KeyCode.SPACE);
        waitFor(() -> preview() == null && frame().snapshot().epoch() > EPOCHS + 10);
        robot.type(KeyCode.SPACE);
        waitFor(() -> !frame().playing());
    }

    private void trainLive() {
        waitFor(() -> frame() != null);
        model.stepEpochs(EPOCHS);
        waitFor(() -> frame().snapshot().epoch() == EPOCHS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The network, the truth table and the decision surface all show these weights. */
    private void assertShowsTheWeightsOf(FxRobot robot, Weights expected) {
        assertThat(onFx(() -> window.train().shownWeights())).isEqualTo(expected);
        for (int i = 0; i < Dataset.SIZE; i++) {
            String yHat = NumberText.fixed(expected.predict(Dataset.x0(i), Dataset.x1(i)), 4);
            assertThat(text(robot, "#truth-" + i + "-3")).as("truth table ŷ for input %d", i).isEqualTo(yHat);
        }
        DecisionGrid grid = DecisionGrid.sample(expected, TrainingLoop.GRID_RESOLUTION, PlotRange.UNIT.min(),
                PlotRange.UNIT.max());
        DecisionSurfaceView surface = robot.lookup("#decision-surface").queryAs(DecisionSurfaceView.class);
        for (double[] x : new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}}) {
            Color shown = onFx(() -> surface.colorAt(x[0], x[1]));
            Color colour = Palette.forValue(grid.output(grid.column(x[0]), grid.row(x[1])));
            assertThat(distance(shown, colour)).as("surface at (%s, %s)", x[0], x[1]).isLessThan(0.01);
        }
    }

    private static Weights trainedTo(long epochs) {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(epochs, null);
        return trainer.weights();
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    private Preview preview() {
        return frame().runs().get(0).preview();
    }

    private TrainingFrame frame() {
        return onFx(() -> model.frameProperty().get());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
