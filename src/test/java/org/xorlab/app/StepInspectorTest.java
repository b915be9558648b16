package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
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
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
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
        if (own != null) {
            runFx(own::close);
        }
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
    void theGradientCheckOpensFromTheKeyboardAndShowsTheEnginesCheck(FxRobot robot) throws Exception {
        waitFor(() -> frame() != null);
        robot.clickOn("#step-update");
        waitFor(() -> frame().snapshot().updates() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TitledPane pane = onFx(() -> inspector().gradientCheckPane());
        assertThat(onFx(pane::isExpanded)).as("collapsed by default").isFalse();
        assertThat(onFx(() -> inspector().gradientCheckSummary())).isEmpty();

        runFx(pane::requestFocus);
        assertThat(onFx(pane::isFocused)).as("its title takes the focus").isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(pane::isExpanded)).as("Enter on its title opens it").isTrue();

        Trainer engine = new Trainer(TrainingConfig.NOTEBOOK);
        engine.step();
        org.xorlab.engine.GradientCheck expected = org.xorlab.engine.GradientCheck.of(engine.lastUpdate());
        assertThat(expected.largestRelativeDifference()).isLessThan(1e-6);
        assertThat(onFx(() -> inspector().gradientCheckSummary())).isEqualTo(
                "Backprop and finite differences agree: largest relative difference "
                        + NumberText.step(expected.largestRelativeDifference(), 2) + " (h = 1e−5 · max(1, |p|))");
        for (String matrix : List.of("W1", "b1", "W2", "b2")) {
            assertThat(onFx(() -> inspector().displayedCheck("fd", matrix))).as("finite differences of " + matrix)
                    .isDeepEqualTo(format(expected.finiteDifferences(matrix), NumberText.STEP_DIGITS));
            assertThat(onFx(() -> inspector().displayedCheck("bp", matrix))).as("backprop's " + matrix)
                    .isDeepEqualTo(format(expected.backprop(matrix), NumberText.STEP_DIGITS));
            assertThat(onFx(() -> inspector().displayedCheck("rel", matrix))).as("relative differences of " + matrix)
                    .isDeepEqualTo(format(expected.relativeDifferences(matrix), 2));
        }
        // A value a user would see, independently: W2[0,1]'s finite difference from the loss's own definition.
        Weights at = engine.lastUpdate().before();
        double h = 1e-5;
        java.util.function.DoubleUnaryOperator loss = w21 -> {
            Weights moved = Weights.of(at.w1(), at.b1(), new org.apache.commons.math3.linear.Array2DRowRealMatrix(
                    new double[][] {{at.w2(0), w21}}), at.b2Matrix());
            double e = moved.predict(0, 0) - Dataset.XOR.target(0);
            return e * e / 2;
        };
        double fd = (loss.applyAsDouble(at.w2(1) + h) - loss.applyAsDouble(at.w2(1) - h)) / (2 * h);
        assertClose("fd W2", onFx(() -> inspector().displayedCheck("fd", "W2")),
                new double[][] {{expected.finiteDifferences("W2")[0][0], fd}}, NumberText.STEP_DIGITS);

        for (double[] size : new double[][] {{1920, 1040}, {1024, 768}}) {
            FxTesting.resize(stage, size[0], size[1]);
            FxTesting.settle();
            if (!onFx(() -> window.train().inspectorShownProperty().get())) {
                runFx(() -> window.train().toggleInspector());
                FxTesting.settle();
            }
            ScrollPane scroll = (ScrollPane) onFx(() -> inspector().lookup("#inspector-scroll"));
            runFx(() -> scroll.setVvalue(scroll.getVmax()));
            FxTesting.settle();
            assertThat(onFx(() -> scroll.getContent().getBoundsInLocal().getWidth()))
                    .as("no sideways scroll at %s", size[0])
                    .isLessThanOrEqualTo(onFx(() -> scroll.getViewportBounds().getWidth()) + 0.5);
            assertThat(onFx(() -> pane.localToScene(pane.getLayoutBounds()).getMaxX()))
                    .as("inside the window at %s", size[0]).isLessThanOrEqualTo(size[0]);
            assertThat(onFx(() -> inspector().gradientCheckSummary())).startsWith("Backprop and finite differences agree");
            saveWindow("window-" + (int) size[0] + "-gradient-check");
        }
    }

    @Test
    void aDeepNetworksCostlyCheckIsComputedOffTheFxThread(FxRobot robot) throws Exception {
        int n = 40;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = (i % 7) / 7.0;
            x2[i] = (i % 5) / 5.0 - 0.3;
            y[i] = i % 2;
        }
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 8, 3, 0.05, 30, TrainingOptions.NOTEBOOK
                .withDeeperLayers(List.of(8, 8, 8, 8, 8)).withActivation(Activation.TANH)
                .withInit(TrainingOptions.Init.XAVIER).withLoss(TrainingOptions.Loss.CROSS_ENTROPY)
                .withData(org.xorlab.engine.Data.of("points", org.xorlab.engine.Samples.of(x1, x2, y))));
        UpdateTrace t = alone(config, 1, INSPECTOR_AT_1024);
        assertThat(StepInspector.cheap(t)).as("too costly for the FX thread").isFalse();
        runFx(() -> alone.gradientCheckPane().setExpanded(true));
        waitFor(() -> !onFx(() -> alone.gradientCheckSummary()).isEmpty());
        org.xorlab.engine.GradientCheck expected = org.xorlab.engine.GradientCheck.of(t);
        assertThat(onFx(() -> alone.gradientCheckSummary()))
                .startsWith("Backprop and finite differences agree: largest relative difference ");
        assertThat(onFx(() -> alone.gradientCheckSummary())).isEqualTo(StepInspector.checkSummary(expected, t));
        assertThat(onFx(() -> alone.displayedCheck("fd", "W4")))
                .isDeepEqualTo(format(expected.finiteDifferences("W4"), NumberText.STEP_DIGITS));
        saveAlone("inspector-deep-gradient-check");
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

    /** The Train tab's run set to {@code config} (a new seed, so a new run), {@code updates} steps taken. */
    private UpdateTrace stepTo(FxRobot robot, TrainingConfig config, int updates) {
        waitFor(() -> frame() != null);
        robot.interact(() -> model.configProperty().set(config));
        waitFor(() -> frame().snapshot().config().equals(config) && frame().snapshot().updates() == 0);
        for (int u = 0; u < updates; u++) {
            robot.clickOn("#step-update");
        }
        waitFor(() -> frame().snapshot().updates() == updates);
        WaitForAsyncUtils.waitForFxEvents();
        Trainer engine = new Trainer(config);
        for (int u = 0; u < updates; u++) {
            engine.step();
        }
        return engine.lastUpdate();
    }

    /** 2-4-4-1, tanh, Adam: the deeper network. */
    static final TrainingConfig DEEP_ADAM = new TrainingConfig(Dataset.XOR, 4, 7, 0.01, 1, TrainingOptions.NOTEBOOK
            .withDeeperLayers(List.of(4)).withActivation(Activation.TANH).withOptimizer(TrainingOptions.Optimizer.ADAM));

    @Test
    void aDeepTanhAdamRunShowsEveryLayersLinesWithTheEnginesNumbers(FxRobot robot) throws Exception {
        UpdateTrace t = alone(DEEP_ADAM, 3, INSPECTOR_AT_1024);
        List<String> texts = texts(alone);
        assertThat(texts).containsSubsequence("z1 = W1 x + b1", "v1 = tanh(z1)", "z2 = W2 v1 + b2", "v2 = tanh(z2)",
                "z3 = W3 v2 + b3", "ŷ = σ(z3)", "loss = mean((y − ŷ)²)", "d3 = (ŷ − y) · ŷ(1 − ŷ)",
                "d2 = (W3ᵀ d3) · (1 − v2²)", "d1 = (W2ᵀ d2) · (1 − v1²)", "dW3 = d3 v2ᵀ / m", "db3 = rowsum(d3) / m",
                "dW2 = d2 v1ᵀ / m", "dW1 = d1 xᵀ / m");
        assertThat(texts).contains("mW3 = 0.9 mW3 + (1 − 0.9) dW3", "sW3 = 0.999 sW3 + (1 − 0.999) dW3²",
                "mhatW3 = mW3 / (1 − β1ᵗ)", "shatW3 = sW3 / (1 − β2ᵗ)", "W3 −= 0.01 · mhatW3 / (√shatW3 + ε)",
                "ΔW3 = W3 after − W3 before", "mb1 = 0.9 mb1 + (1 − 0.9) db1", "W1 −= 0.01 · mhatW1 / (√shatW1 + ε)");
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Update: Adam, lr = 0.01, β1 = 0.9")
                .contains("t = 3: 1 − β1ᵗ = " + NumberText.step(t.biasCorrection1()))
                .contains("1 − β2ᵗ = " + NumberText.step(t.biasCorrection2())));
        assertThat(onFx(() -> alone.captionText())).contains("Network 2-4-4-1 · tanh · mse · adam");
        for (int l = 1; l <= 3; l++) {
            UpdateTrace.LayerStep s = t.layer(l);
            assertText("z" + l, s.z());
            assertText(l == 3 ? "ŷ" : "v" + l, s.v());
            assertText("d" + l, s.d());
            assertText("dW" + l, s.gradW());
            assertText("db" + l, s.gradB());
            assertText("mW" + l, s.firstW());
            assertText("sW" + l, s.secondW());
            assertText("mhatW" + l, s.correctedFirstW());
            assertText("shatW" + l, s.correctedSecondW());
            assertText("ΔW" + l, s.updateW());
            assertText("mb" + l, s.firstB());
            assertText("sb" + l, s.secondB());
            assertText("Δb" + l, s.updateB());
            assertWeightText("W" + l, t.before().w(l), t.after().w(l));
            assertWeightText("b" + l, t.before().b(l), t.after().b(l));
        }
        assertText("loss", new org.apache.commons.math3.linear.Array2DRowRealMatrix(new double[][] {{t.loss()}}));
        assertThat(onFx(() -> alone.layerChoiceShown())).isTrue();
        saveAlone("inspector-deep-adam");

        // One layer at a time, chosen with the keyboard: Tab to the chooser, then the arrow keys.
        runFx(() -> alone.layerChoice().requestFocus());
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.DOWN, 2);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> alone.layerChoice().getValue())).as("layer chosen by keyboard").isEqualTo(2);
        assertThat(onFx(() -> alone.displayed("z1"))).as("layer 1 hidden").isNull();
        assertThat(onFx(() -> alone.displayed("dW3"))).as("layer 3 hidden").isNull();
        assertThat(onFx(() -> alone.displayed("x"))).as("the chunk's data stays").isNotNull();
        assertText("z2", t.layer(2).z());
        assertText("d2", t.layer(2).d());
        assertText("mW2", t.layer(2).firstW());
        assertWeightText("W2", t.before().w(2), t.after().w(2));
        assertThat(texts(alone)).contains("d2 = (W3ᵀ d3) · (1 − v2²)")
                .noneMatch(text -> text.startsWith("z1 ") || text.startsWith("d3 "));
        saveAlone("inspector-deep-adam-layer2");
    }

    @Test
    void aCrossEntropyRunShowsItsOwnOutputErrorAndLoss(FxRobot robot) throws Exception {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 3, 5, 0.5, 4, TrainingOptions.NOTEBOOK
                .withLoss(TrainingOptions.Loss.CROSS_ENTROPY).withOptimizer(TrainingOptions.Optimizer.MOMENTUM)
                .withRegularization(TrainingOptions.Regularization.L2, 0.01));
        UpdateTrace t = stepTo(robot, config, 2);
        List<String> texts = texts(inspector());
        assertThat(texts).contains("loss = mean(−y log ŷ − (1 − y) log(1 − ŷ))", "d2 = ŷ − y",
                "d1 = (W2ᵀ d2) · v1(1 − v1)", "rW2 = 0.01 · W2", "gW2 = dW2 + rW2", "vW2 = 0.9 vW2 + gW2",
                "W2 −= 0.5 · vW2", "vb2 = 0.9 vb2 + db2", "b1 −= 0.5 · vb1");
        assertThat(texts).noneMatch(text -> text.startsWith("d2 = (ŷ − y) · ŷ"));
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Regularisation l2, λ = 0.01"));
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Update: momentum, lr = 0.5, μ = 0.9"));
        assertThat(onFx(() -> inspector().layerChoiceShown())).as("two layers need no chooser").isFalse();
        assertText("d2", t.output().d());
        for (int c = 0; c < 4; c++) {
            // Cross-entropy's output error is y_hat - y, whatever the engine's arithmetic.
            assertThat(onFx(() -> inspector().displayed("d2"))[0][c])
                    .isEqualTo(NumberText.step(t.yHat().getEntry(0, c) - t.y().getEntry(0, c)));
        }
        assertText("loss", new org.apache.commons.math3.linear.Array2DRowRealMatrix(new double[][] {{t.loss()}}));
        for (int l = 1; l <= 2; l++) {
            UpdateTrace.LayerStep s = t.layer(l);
            assertText("z" + l, s.z());
            assertText("d" + l, s.d());
            assertText("dW" + l, s.gradW());
            assertText("rW" + l, s.penaltyW());
            assertText("gW" + l, s.effectiveGradW());
            assertText("vW" + l, s.firstW());
            assertText("vb" + l, s.firstB());
            assertText("ΔW" + l, s.updateW());
            assertWeightText("W" + l, t.before().w(l), t.after().w(l));
            assertWeightText("b" + l, t.before().b(l), t.after().b(l));
        }
        save(robot, "inspector-cross-entropy");
    }

    @Test
    void sixLayersOfEightStayReadableAtTheSmallestWindow(FxRobot robot) throws Exception {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 8, 3, 0.05, 4, TrainingOptions.NOTEBOOK
                .withDeeperLayers(List.of(8, 8, 8, 8, 8)).withActivation(Activation.RELU)
                .withOptimizer(TrainingOptions.Optimizer.RMSPROP).withRegularization(
                        TrainingOptions.Regularization.L1, 0.001));
        UpdateTrace t = alone(config, 1, INSPECTOR_AT_1024);
        assertThat(onFx(() -> alone.layerChoice().getItems())).hasSize(8);
        assertThat(onFx(() -> alone.layerChoice().getConverter().toString(3))).isEqualTo("layer 3: 8 relu units");
        assertThat(onFx(() -> alone.layerChoice().getConverter().toString(7)))
                .isEqualTo("output layer 7: 1 sigmoid unit");
        assertThat(texts(alone)).contains("d6 = (W7ᵀ d7) · [z6 > 0]",
                "sW7 = 0.9 sW7 + (1 − 0.9) gW7²", "W4 −= 0.05 · gW4 / (√sW4 + ε)", "rW5 = 0.001 · sign(W5)");
        for (int l = 1; l <= 7; l++) {
            assertText("z" + l, t.layer(l).z());
            assertText("sW" + l, t.layer(l).secondW());
            assertWeightText("W" + l, t.before().w(l), t.after().w(l));
        }
        // The panel scrolls down (and across, for an 8 x 8 weight), so its width stays the window's.
        ScrollPane scroll = (ScrollPane) onFx(() -> alone.lookup("#inspector-scroll"));
        assertThat(onFx(() -> scroll.getContent().getBoundsInLocal().getHeight()))
                .isGreaterThan(onFx(() -> scroll.getViewportBounds().getHeight()));
        assertThat(onFx(() -> alone.getWidth())).isEqualTo(INSPECTOR_AT_1024[0]);
        saveAlone("inspector-six-by-eight");
        runFx(() -> alone.layerChoice().setValue(4));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> alone.displayed("z3"))).isNull();
        assertText("z4", t.layer(4).z());
        saveAlone("inspector-six-by-eight-layer4");
    }

    @Test
    void theDeepAdamRunInTheWindowAtBothSizes(FxRobot robot) throws Exception {
        // The window cannot train a deeper network yet (its loop starts from the notebook's weights), so the
        // inspector is handed the deeper run's trace while the window's own run stands still.
        UpdateTrace t = traceOf(DEEP_ADAM, 3);
        waitFor(() -> frame() != null);
        for (double[] size : new double[][] {{1920, 1040}, {1024, 768}}) {
            FxTesting.resize(stage, size[0], size[1]);
            FxTesting.settle();
            if (!onFx(() -> window.train().inspectorShownProperty().get())) {
                runFx(() -> window.train().toggleInspector());
            }
            runFx(() -> inspector().show(t, false));
            FxTesting.settle();
            assertThat(onFx(() -> stage.getScene().getWidth())).isEqualTo(size[0]);
            assertThat(onFx(() -> inspector().captionText())).contains("Network 2-4-4-1");
            assertThat(onFx(() -> inspector().localToScene(inspector().getLayoutBounds()).getMaxX()))
                    .as("inside the window").isLessThanOrEqualTo(size[0]);
            saveWindow("window-" + (int) size[0] + "-deep-adam");
        }
    }

    /**
     * A new, shallower run while the chooser shows the old run's deepest layer (the monkey found this crash: the
     * chooser named layer 4 from a trace with three): the chooser offers the new layers and shows every layer.
     */
    @Test
    void aShallowerRunAfterChoosingADeepLayerShowsEveryLayer(FxRobot robot) throws Exception {
        alone(DEEP_ADAM.withHiddenLayers(4, 4, 4), 2, INSPECTOR_AT_1024);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Integer> choice = onFx(() ->
                (javafx.scene.control.ChoiceBox<Integer>) alone.lookup("#inspector-layer"));
        runFx(() -> choice.setValue(4));
        WaitForAsyncUtils.waitForFxEvents();
        UpdateTrace shallower = traceOf(DEEP_ADAM, 2);
        runFx(() -> alone.show(shallower, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> List.copyOf(choice.getItems()))).containsExactly(0, 1, 2, 3);
        assertThat(onFx(() -> choice.getConverter().toString(choice.getValue()))).isEqualTo("every layer");
        assertThat(texts(alone)).contains("z3 = W3 v2 + b3").doesNotContain("z4 = W4 v3 + b4");
    }

    /** The inspector's width and height beside the views at 1024 x 768. */
    private static final double[] INSPECTOR_AT_1024 = {340, 700};
    private StepInspector alone;
    private Stage own;

    /** A step inspector on a stage of its own, {@code size}, showing {@code config}'s update {@code updates}. */
    private UpdateTrace alone(TrainingConfig config, int updates, double[] size) {
        UpdateTrace t = traceOf(config, updates);
        runFx(() -> {
            alone = new StepInspector();
            Scene scene = new Scene(alone, size[0], size[1]);
            scene.setUserAgentStylesheet(stage.getScene().getUserAgentStylesheet());
            scene.getStylesheets().setAll(stage.getScene().getStylesheets());
            own = new Stage();
            own.setScene(scene);
            own.show();
            own.toFront();
            alone.show(t, false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    /** The engine's trace of update {@code updates} of a run of {@code config}. */
    private static UpdateTrace traceOf(TrainingConfig config, int updates) {
        Trainer engine = new Trainer(config);
        for (int u = 0; u < updates; u++) {
            engine.step();
        }
        return engine.lastUpdate();
    }

    private void saveAlone(String name) throws Exception {
        var image = onFx(() -> alone.snapshot(null, null));
        Path dir = Path.of("target", "view-snapshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }

    /** The formulas and section titles shown, without the " =" that ends a formula written beside its value. */
    private List<String> texts(StepInspector shown) {
        return onFx(() -> shown.textsShown()).stream().map(text -> text.replaceFirst(" =$", "")).toList();
    }

    /** Shown exactly as the inspector's one formatter writes the engine's numbers. */
    private void assertText(String name, RealMatrix expected) {
        StepInspector shownIn = shownInspector();
        String[][] shown = onFx(() -> shownIn.displayed(name));
        assertThat(shown).as(name + " shown").isNotNull();
        assertThat(shown).as(name).isDeepEqualTo(format(expected.getData(), NumberText.STEP_DIGITS));
    }

    /** A weight before and after, with the digits that make each change show. */
    private void assertWeightText(String name, RealMatrix before, RealMatrix after) {
        int digits = NumberText.stepDigits(before.getData(), after.getData());
        StepInspector shownIn = shownInspector();
        assertThat(onFx(() -> shownIn.displayed(name))).as(name + " before")
                .isDeepEqualTo(format(before.getData(), digits));
        assertThat(onFx(() -> shownIn.displayedAfter(name))).as(name + " after")
                .isDeepEqualTo(format(after.getData(), digits));
    }

    /** The inspector on a stage of its own if the test built one, else the window's. */
    private StepInspector shownInspector() {
        return alone != null ? alone : inspector();
    }

    private static String[][] format(double[][] values, int digits) {
        String[][] out = new String[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = new String[values[r].length];
            for (int c = 0; c < values[r].length; c++) {
                out[r][c] = NumberText.step(values[r][c], digits);
            }
        }
        return out;
    }

    /** Keeps a picture of the whole window in target/view-snapshots/ to look at. */
    private void saveWindow(String name) throws Exception {
        var image = onFx(() -> stage.getScene().snapshot(null));
        Path dir = Path.of("target", "view-snapshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
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
