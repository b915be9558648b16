package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.train.RunModel;
import org.xorlab.app.train.StepInspector;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;
import org.xorlab.text.NumberText;

/** The step inspector shows the engine's own numbers for the last update, as a teacher steps through training. */
@ExtendWith(ApplicationExtension.class)
class StepInspectorTest {
    private RunModel model;
    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new RunModel(TrainingConfig.NOTEBOOK, StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
        window = new AppShell(model);
        // A maximised window on a 1920 x 1080 classroom projector.
        Scene scene = new Scene(window, 1920, 1040);
        window.attach(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void oneStepUpdateShowsExactlyTheEnginesFirstUpdate(FxRobot robot) throws Exception {
        waitFor(() -> frame() != null);
        assertThat(onFx(() -> window.train().inspectorShownProperty().get())).as("shown on a wide window").isTrue();
        assertThat(onFx(() -> window.train().settingsShown())).as("beside the settings").isTrue();
        assertThat(onFx(() -> inspector().bannerText())).isEqualTo(StepInspector.NO_STEP);

        robot.clickOn("#step-update");
        waitFor(() -> frame().snapshot().updates() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        Trainer engine = new Trainer(TrainingConfig.NOTEBOOK);
        engine.step();
        UpdateTrace expected = engine.lastUpdate();
        assertShows(expected);
        assertThat(onFx(() -> inspector().captionText())).contains("Update 1 · epoch 1").contains("x = (0,0), y = 0");
        assertThat(onFx(() -> inspector().bannerText())).isEmpty();
        assertThat(onFx(() -> window.train().gradientsShown())).as("network marks the step's gradients").isTrue();
        save(robot, "inspector-sgd");
    }

    @Test
    void batchSizeFourShowsTheChunksFourColumnsAndAveragesOverThem(FxRobot robot) throws Exception {
        waitFor(() -> frame() != null);
        robot.interact(() -> model.configProperty().set(TrainingConfig.NOTEBOOK.withBatchSize(4)));
        robot.clickOn("#step-update");
        waitFor(() -> frame().snapshot().updates() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        Trainer engine = new Trainer(TrainingConfig.NOTEBOOK.withBatchSize(4));
        engine.step();
        UpdateTrace expected = engine.lastUpdate();
        assertThat(onFx(() -> inspector().displayed("x"))).hasDimensions(2, 4);
        assertThat(onFx(() -> inspector().displayed("z1"))).hasDimensions(2, 4);
        assertThat(onFx(() -> inspector().displayed("d1"))).hasDimensions(2, 4);
        assertThat(onFx(() -> inspector().displayed("ŷ"))).hasDimensions(1, 4);
        assertShows(expected);
        assertThat(onFx(() -> inspector().captionText()))
                .contains("m = 4").contains("(0,0) (0,1) (1,0) (1,1)").contains("averaged over the m = 4 samples");
        save(robot, "inspector-batch4");
    }

    @Test
    void playingSaysSoAndPausingShowsTheLastUpdateOfTheRun(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.clickOn("#step-epoch");
        waitFor(() -> frame().snapshot().epoch() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> inspector().captionText())).as("Step epoch shows its last update")
                .contains("Update 4 · epoch 1 (its last update)");

        robot.interact(() -> model.speedProperty().set(300));
        robot.clickOn("#play");
        waitFor(() -> frame().playing() && frame().snapshot().epoch() > 20);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> inspector().bannerText())).isEqualTo(StepInspector.PLAYING);
        assertThat(onFx(() -> window.train().gradientsShown())).as("no gradient marks while playing").isFalse();

        robot.clickOn("#play");
        waitFor(() -> !frame().playing());
        WaitForAsyncUtils.waitForFxEvents();
        long updates = frame().snapshot().updates();
        Trainer engine = new Trainer(TrainingConfig.NOTEBOOK);
        for (long u = 0; u < updates; u++) {
            engine.step();
        }
        assertShows(engine.lastUpdate());
        assertThat(onFx(() -> inspector().bannerText())).isEmpty();
    }

    @Test
    void everyNumberHasFourSignificantDigitsAndEveryWeightChangeShowsHoweverSmall(FxRobot robot) {
        waitFor(() -> frame() != null);
        // A learning rate of 1e-6 moves each weight by about 1e-8: invisible at four or six digits.
        TrainingConfig slow = TrainingConfig.NOTEBOOK.withLearningRate(1e-6);
        robot.interact(() -> model.configProperty().set(slow));
        robot.clickOn("#step-update");
        robot.clickOn("#step-update");
        waitFor(() -> frame().snapshot().updates() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        Trainer engine = new Trainer(slow);
        engine.step();
        engine.step();
        UpdateTrace t = engine.lastUpdate();
        assertShows(t);
        for (String name : new String[] {"z1", "v1", "z2", "ŷ", "d2", "d1", "dW2", "dW1", "db1", "db2", "loss"}) {
            for (String[] row : onFx(() -> inspector().displayed(name))) {
                for (String cell : row) {
                    if (parse(cell) == Math.rint(parse(cell))) {
                        continue; // whole numbers (a zero gradient of x = 0) are written as they are
                    }
                    assertThat(cell.replaceAll("e.*", "").replaceAll("[^0-9]", "").replaceFirst("^0+", ""))
                            .as("%s shown as %s: four significant digits", name, cell).hasSize(NumberText.STEP_DIGITS);
                }
            }
        }
        Map<String, double[][][]> weights = Map.of(
                "W1", new double[][][] {t.before().w1().getData(), t.after().w1().getData()},
                "b1", new double[][][] {t.before().b1().getData(), t.after().b1().getData()},
                "W2", new double[][][] {t.before().w2().getData(), t.after().w2().getData()},
                "b2", new double[][][] {t.before().b2Matrix().getData(), t.after().b2Matrix().getData()});
        int changed = 0;
        for (var w : weights.entrySet()) {
            String[][] before = onFx(() -> inspector().displayed(w.getKey()));
            String[][] after = onFx(() -> inspector().displayedAfter(w.getKey()));
            for (int r = 0; r < before.length; r++) {
                for (int c = 0; c < before[r].length; c++) {
                    if (w.getValue()[0][r][c] != w.getValue()[1][r][c]) {
                        changed++;
                        assertThat(after[r][c]).as("%s[%d][%d] after the update", w.getKey(), r, c)
                                .isNotEqualTo(before[r][c]);
                    }
                }
            }
        }
        assertThat(changed).as("weights the step changed").isGreaterThan(3);
    }

    @Test
    void keyIAndTheViewMenuHideAndShowIt(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.clickOn("#step-update");
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.train().inspectorShownProperty().get())).isFalse();
        assertThat(onFx(() -> inspector().getScene())).as("removed from the window").isNull();
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> inspector().getScene())).isNotNull();
        assertThat(onFx(() -> window.shortcuts().describe()))
                .containsKeys("I", "←", "Shift+←", "Escape");
    }

    @Test
    void onANarrowWindowItStartsHiddenAndShowingItFoldsTheSettingsAway(FxRobot robot) {
        waitFor(() -> frame() != null);
        // 1200 px: the views' narrowest layout, the settings and the inspector do not all fit side by side.
        robot.interact(() -> stage.setWidth(1200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.train().inspectorShownProperty().get())).isFalse();
        assertThat(onFx(() -> window.train().settingsShown())).isTrue();
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> inspector().getScene())).isNotNull();
        assertThat(onFx(() -> window.train().settingsShown())).isFalse();
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.train().settingsShown())).isTrue();
    }

    /** Every number shown equals the engine's, rounded to the digits shown. */
    private void assertShows(UpdateTrace t) {
        Map<String, RealMatrix> values = Map.ofEntries(Map.entry("x", t.x()), Map.entry("y", t.y()),
                Map.entry("z1", t.z1()), Map.entry("v1", t.v1()), Map.entry("z2", t.z2()), Map.entry("ŷ", t.yHat()),
                Map.entry("d2", t.d2()), Map.entry("d1", t.d1()), Map.entry("dW2", t.gradW2()),
                Map.entry("db2", t.gradB2()), Map.entry("dW1", t.gradW1()), Map.entry("db1", t.gradB1()));
        values.forEach((name, m) -> assertClose(name, onFx(() -> inspector().displayed(name)), m.getData(),
                NumberText.STEP_DIGITS));
        assertClose("loss", onFx(() -> inspector().displayed("loss")), new double[][] {{t.loss()}},
                NumberText.STEP_DIGITS);
        assertWeights(t.before(), "before", name -> onFx(() -> inspector().displayed(name)));
        assertWeights(t.after(), "after", name -> onFx(() -> inspector().displayedAfter(name)));
    }

    private static void assertWeights(Weights w, String when, java.util.function.Function<String, String[][]> shown) {
        // At least the inspector's digits; more digits only bring the text closer.
        assertClose("W1 " + when, shown.apply("W1"), w.w1().getData(), NumberText.STEP_DIGITS);
        assertClose("b1 " + when, shown.apply("b1"), w.b1().getData(), NumberText.STEP_DIGITS);
        assertClose("W2 " + when, shown.apply("W2"), w.w2().getData(), NumberText.STEP_DIGITS);
        assertClose("b2 " + when, shown.apply("b2"), w.b2Matrix().getData(), NumberText.STEP_DIGITS);
    }

    private static void assertClose(String name, String[][] shown, double[][] expected, int digits) {
        assertThat(shown).as(name).isNotNull();
        assertThat(shown.length).as("%s rows", name).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(shown[r].length).as("%s columns", name).isEqualTo(expected[r].length);
            for (int c = 0; c < expected[r].length; c++) {
                double e = expected[r][c];
                double v = parse(shown[r][c]);
                // Correctly rounded: within half a unit of the last digit shown.
                double unit = e == 0 ? 0 : Math.pow(10, Math.floor(Math.log10(Math.abs(e))) - digits + 1);
                assertThat(Math.abs(v - e)).as("%s[%d][%d] shown as %s, engine %s", name, r, c, shown[r][c], e)
                        .isLessThanOrEqualTo(unit * 0.5 * (1 + 1e-9));
            }
        }
    }

    /** Reads back a number the inspector wrote (a true minus sign, ∞). */
    static double parse(String text) {
        String s = text.strip().replace(NumberText.MINUS, '-');
        return switch (s) {
            case "∞" -> Double.POSITIVE_INFINITY;
            case "-∞" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private StepInspector inspector() {
        return window.train().inspector();
    }

    private TrainingFrame frame() {
        return onFx(() -> model.frameProperty().get());
    }

    /** Keeps a picture of the inspector in target/view-snapshots/ to look at. */
    private void save(FxRobot robot, String name) throws Exception {
        var image = onFx(() -> inspector().snapshot(null, null));
        Path dir = Path.of("target", "view-snapshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }
}
