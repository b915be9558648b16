package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import atlantafx.base.theme.PrimerLight;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.compare.CompareModel;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.train.RunModel;
import org.xorlab.cli.XorLabCommand;
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.RunFrame;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;

/** The Compare tab driven as a teacher would, checked against the plain engine and the command line. */
@ExtendWith(ApplicationExtension.class)
class CompareTabTest {
    private static final String SGD = "SGD (batch size 1)";
    private static final String BATCH = "Batch GD (batch size 4)";

    private Stage stage;
    private CompareModel model;
    private CompareTab view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new CompareModel(CompareSetup.NOTEBOOK, TrainingLoop.MAX_SPEED);
        view = new CompareTab(model);
        Scene scene = new Scene(view, 1560, 900);
        scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(getClass().getResource(AppShell.STYLESHEET).toExternalForm());
        stage.setX(0);
        stage.setY(0);
        stage.setScene(scene);
        stage.sizeToScene(); // other test classes leave the shared stage at their size
        stage.show();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void bothRunsStartFromTheSameInitialWeightsAndStayInLockstep(FxRobot robot) {
        waitFor(() -> frame() != null);
        TrainingFrame start = frame();
        assertThat(start.runs()).extracting(RunFrame::name).containsExactly(SGD, BATCH);
        assertThat(start.runs()).extracting(r -> r.snapshot().weights())
                .containsOnly(Weights.initial(2, 42));

        // One update each: a quarter epoch of SGD, a whole epoch of batch GD.
        robot.clickOn("#compare-step-update");
        waitFor(() -> run(0).snapshot().updates() == 1 && run(1).snapshot().updates() == 1);
        assertThat(run(0).snapshot().epoch()).isZero();
        assertThat(run(1).snapshot().epoch()).isEqualTo(1);

        // Step epoch lines them up again: SGD finishes epoch 1, batch GD waits for it.
        robot.clickOn("#compare-step-epoch");
        waitFor(() -> run(0).snapshot().epoch() == 1);
        assertThat(run(1).snapshot().epoch()).isEqualTo(1);
        assertThat(run(0).snapshot().weights()).isEqualTo(engineAfter(1, 1).weights());
        assertThat(run(1).snapshot().weights()).isEqualTo(engineAfter(4, 1).weights());
    }

    @Test
    void afterSomeEpochsEachRunsLossEqualsAPlainTrainers(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.clickOn("#compare-step-100");
        robot.clickOn("#compare-step-100");
        robot.clickOn("#compare-step-100");
        waitFor(() -> run(0).snapshot().epoch() == 300 && run(1).snapshot().epoch() == 300);
        WaitForAsyncUtils.waitForFxEvents();

        for (int i = 0; i < 2; i++) {
            Trainer engine = engineAfter(i == 0 ? 1 : 4, 300);
            assertThat(run(i).snapshot().loss()).as("run %d", i).isEqualTo(engine.loss());
            assertThat(run(i).snapshot().weights()).as("run %d", i).isEqualTo(engine.weights());
            int index = i;
            assertThat(onFx(() -> view.chart().epochsAppended(index))).isEqualTo(300);
            assertThat(onFx(() -> view.table().row(index)).get(4)).isEqualTo(org.xorlab.text.NumberText.brief(engine.loss()));
        }
        assertThat(onFx(() -> view.table().row(0))).startsWith(SGD, "not yet", "not yet", "not yet");
        assertThat(text(robot, "#compare-status-epoch")).isEqualTo("300 of 10,000");
    }

    @Test
    void theSummaryAfterTenThousandEpochsEqualsTheCommandLines(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.interact(() -> model.stepEpochs(10_000));
        waitUpTo(30, () -> run(0).snapshot().epoch() == 10_000 && run(1).snapshot().epoch() == 10_000);
        WaitForAsyncUtils.waitForFxEvents();

        StringWriter out = new StringWriter();
        int status = XorLabCommand.run(new String[] {"compare"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(status).isZero();
        List<String> lines = out.toString().lines().toList();
        String[] cliBatch = lines.get(3).trim().split("\\s+");
        String[] cliSgd = lines.get(4).trim().split("\\s+");
        assertThat(cliBatch[0]).isEqualTo("batch");
        assertThat(cliSgd[0]).isEqualTo("sgd");

        List<String> sgd = onFx(() -> view.table().row(0));
        List<String> batch = onFx(() -> view.table().row(1));
        // name, epochs, updates and samples to target, final loss: cell for cell as the command line prints them.
        assertThat(sgd.subList(0, 5)).containsExactly(SGD, cliSgd[2], cliSgd[3], cliSgd[4], cliSgd[5]);
        assertThat(batch.subList(0, 5)).containsExactly(BATCH, cliBatch[2], cliBatch[3], cliBatch[4], cliBatch[5]);
        assertThat(sgd.subList(1, 4)).containsExactly("5,717", "22,868", "22,868");
        assertThat(batch.subList(1, 4)).containsExactly("never", "never", "never");
        assertThat(sgd.get(5)).matches("\\d+(\\.\\d+)? m?s");
        assertThat(batch.get(5)).matches("\\d+(\\.\\d+)? m?s");

        String cliVerdict = lines.get(5);
        String expected = cliVerdict.replaceAll("\\bbatch\\b", BATCH).replaceAll("\\bsgd\\b", SGD);
        assertThat(onFx(() -> view.table().verdict())).isEqualTo(expected)
                .startsWith("By epochs and by samples seen, " + SGD + " got below 0.01 first")
                .contains("By weight updates it is undecided");
        // Undecided per update: no winner is marked in that column, and the cut-off batch curve ends in its mark.
        assertThat(onFx(() -> view.table().leads(1, org.xorlab.engine.Measure.UPDATES))).isFalse();
        assertThat(onFx(() -> view.table().leads(0, org.xorlab.engine.Measure.EPOCHS))).isTrue();
        assertThat(onFx(() -> view.chart().isRunCutOff(1))).isTrue();
        assertThat(onFx(() -> view.chart().isRunCutOff(0))).isFalse();

        // And the engine's comparison, to the last bit.
        Comparison engine = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(1, 4), 0.01,
                org.xorlab.engine.Budget.epochs(10_000));
        engine.run(null);
        ComparisonResult result = engine.result();
        for (int i = 0; i < 2; i++) {
            ComparisonResult.RunSummary expectedRun = result.runs().get(i);
            ComparisonResult.RunSummary shown = model.summaryProperty().get().result().runs().get(i);
            assertThat(shown.finalLoss()).isEqualTo(expectedRun.finalLoss());
            assertThat(shown.epochsToTarget()).isEqualTo(expectedRun.epochsToTarget());
            assertThat(shown.updatesToTarget()).isEqualTo(expectedRun.updatesToTarget());
            assertThat(shown.updates()).isEqualTo(expectedRun.updates());
        }
    }

    @Test
    void anEqualBudgetOfUpdatesRacesTheRunsLevelPerUpdateAndCallsTheTie(FxRobot robot) {
        waitFor(() -> frame() != null);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.xorlab.engine.Measure> measure =
                robot.lookup("#compare-budget-measure").queryAs(javafx.scene.control.ComboBox.class);
        TextField amount = robot.lookup("#compare-budget").queryAs(TextField.class);
        robot.interact(() -> {
            measure.setValue(org.xorlab.engine.Measure.UPDATES);
            amount.setText("30000");
            amount.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(model.setupProperty().get().budget())
                .isEqualTo(new org.xorlab.engine.Budget(org.xorlab.engine.Measure.UPDATES, 30_000));
        // The chart counts what the race is level on.
        assertThat(onFx(() -> view.chart().getXAxis())).isEqualTo(org.xorlab.app.chart.XAxisMode.UPDATES);

        // SGD makes 4 updates an epoch, batch GD one: each lockstep step trains the runs furthest behind in updates,
        // so in 12 steps SGD trains 3 epochs (steps 1, 5 and 9, with batch GD) and batch GD 12.
        robot.interact(() -> model.stepEpochs(12));
        waitFor(() -> run(0).snapshot().updates() == 12 && run(1).snapshot().updates() == 12);
        assertThat(run(0).snapshot().epoch()).isEqualTo(3);
        assertThat(run(1).snapshot().epoch()).isEqualTo(12);

        robot.clickOn("#compare-play");
        waitUpTo(60, () -> !frame().playing() && run(0).snapshot().updates() == 30_000
                && run(1).snapshot().updates() == 30_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#compare-status-message"))
                .isEqualTo("Every run has trained its budget of 30,000 weight updates.");
        // The same numbers and sentence as the command line's race on equal updates.
        StringWriter out = new StringWriter();
        XorLabCommand.run(new String[] {"compare", "--updates", "30000"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        String cliVerdict = out.toString().lines().toList().get(5);
        assertThat(onFx(() -> view.table().verdict())).isEqualTo(cliVerdict.replaceAll("\\bbatch\\b", BATCH)
                .replaceAll("\\bsgd\\b", SGD)).contains("tied");
        assertThat(onFx(() -> view.table().leads(0, org.xorlab.engine.Measure.UPDATES))).isTrue();
        assertThat(onFx(() -> view.table().leads(1, org.xorlab.engine.Measure.UPDATES))).isTrue();
        assertThat(onFx(() -> view.table().row(0)).get(3)).isEqualTo("22,868");
    }

    @Test
    void playStopsAtTheEpochsAndSaysWhatHappened(FxRobot robot) {
        waitFor(() -> frame() != null);
        TextField epochs = robot.lookup("#compare-budget").queryAs(TextField.class);
        assertThat(epochs.getText()).as("a count, read as the Train tab's").isEqualTo("10,000");
        robot.interact(() -> {
            epochs.setText("250");
            epochs.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(model.setupProperty().get().budget()).isEqualTo(org.xorlab.engine.Budget.epochs(250));
        assertThat(onFx(() -> view.table().verdict())).contains("every run has trained its budget of 250 epochs");
        robot.clickOn("#compare-play");
        waitFor(() -> frame().runs().get(0).snapshot().epoch() == 250 && !frame().playing());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run(1).snapshot().epoch()).isEqualTo(250);
        assertThat(text(robot, "#compare-status-message")).isEqualTo("Every run has trained its budget of 250 epochs.");
        assertThat(onFx(() -> view.table().verdict())).isEqualTo("No run got below 0.01 in 250 epochs.");
        assertThat(onFx(() -> view.table().row(0)).subList(1, 4)).containsExactly("never", "never", "never");
        assertThat(text(robot, "#compare-play")).isEqualTo("Play");
    }

    @Test
    void theXAxisSwitchChangesTheChartsXValues(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.interact(() -> model.stepEpochs(50));
        waitFor(() -> run(0).snapshot().epoch() == 50 && run(1).snapshot().epoch() == 50);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastX(0)).isEqualTo(50);
        assertThat(lastX(1)).isEqualTo(50);

        robot.clickOn("#compare-x-updates");
        assertThat(lastX(0)).isEqualTo(200); // SGD: four updates an epoch
        assertThat(lastX(1)).isEqualTo(50); // batch GD: one

        robot.clickOn("#compare-x-samples");
        assertThat(lastX(0)).isEqualTo(200);
        assertThat(lastX(1)).isEqualTo(200);

        robot.clickOn("#compare-x-epochs");
        assertThat(lastX(0)).isEqualTo(50);
    }

    @Test
    void addingAThirdRunAddsASeriesAPanelAndARow(FxRobot robot) {
        waitFor(() -> frame() != null);
        assertThat(onFx(() -> dataset().getSeriesCount())).isEqualTo(2);
        robot.clickOn("#compare-add-run");
        waitFor(() -> frame().runs().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(frame().runs()).extracting(RunFrame::name)
                .containsExactly(SGD, BATCH, "Mini-batch GD (batch size 2)");
        assertThat(frame().runs()).extracting(r -> r.snapshot().weights()).containsOnly(Weights.initial(2, 42));
        assertThat(onFx(() -> dataset().getSeriesCount())).isEqualTo(3);
        assertThat(onFx(() -> dataset().getSeriesKey(2).toString())).isEqualTo("Mini-batch GD (batch size 2)");
        assertThat(onFx(() -> view.table().rowCount())).isEqualTo(3);
        assertThat(onFx(() -> view.panels().size())).isEqualTo(3);
        assertThat(robot.lookup("#compare-add-run").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> model.stepEpochs(20));
        waitFor(() -> frame().runs().get(2).snapshot().epoch() == 20);
        assertThat(frame().runs().get(2).snapshot().loss()).isEqualTo(engineAfter(2, 20).loss());

        robot.clickOn("#compare-run-2-remove");
        waitFor(() -> frame().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> dataset().getSeriesCount())).isEqualTo(2);
        assertThat(robot.lookup("#compare-add-run").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void anInvalidLearningRateShowsItsMessageAndKeepsTheOldValue(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.interact(() -> model.stepEpochs(100));
        waitFor(() -> run(1).snapshot().epoch() == 100);
        long generation = frame().generation();
        TextField rate = robot.lookup("#compare-run-1-learning-rate").queryAs(TextField.class);
        for (String bad : List.of("abc", "0", "-1", "1e999")) {
            robot.interact(() -> {
                rate.setText(bad);
                rate.fireEvent(new javafx.event.ActionEvent());
            });
            Label error = robot.lookup("#compare-run-1-learning-rate-error").queryAs(Label.class);
            assertThat(error.isVisible()).as("message for %s", bad).isTrue();
            assertThat(error.getText()).contains("Learning rate").contains("keeping 0.1");
        }
        assertThat(model.setupProperty().get().runs().get(1).learningRate()).isEqualTo(0.1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(frame().generation()).isEqualTo(generation);
        assertThat(run(1).snapshot().epoch()).isEqualTo(100);

        // A valid rate starts the comparison over from the shared weights, and the names now tell the rates apart.
        robot.interact(() -> {
            rate.setText("0.5");
            rate.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(robot.lookup("#compare-run-1-learning-rate-error").queryAs(Label.class).isVisible()).isFalse();
        waitFor(() -> frame().generation() != generation);
        assertThat(frame().runs()).extracting(RunFrame::name)
                .containsExactly("SGD (batch size 1, rate 0.1)", "Batch GD (batch size 4, rate 0.5)");
        assertThat(frame().runs()).extracting(r -> r.snapshot().epoch()).containsOnly(0L);
        assertThat(frame().runs()).extracting(r -> r.snapshot().weights()).containsOnly(Weights.initial(2, 42));
        assertThat(run(1).snapshot().config().learningRate()).isEqualTo(0.5);
    }

    @Test
    void transportKeysActOnTheCompareTabWhileItShows(FxRobot robot) {
        RunModel train = new RunModel(TrainingConfig.NOTEBOOK, StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
        AppShell shell = onFx(() -> new AppShell(train));
        try {
            robot.interact(() -> {
                Scene scene = new Scene(shell, 1560, 900);
                shell.attach(scene);
                stage.setScene(scene);
                stage.sizeToScene();
            });
            waitFor(() -> onFx(() -> train.frameProperty().get()) != null);
            robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
            CompareModel compare = onFx(() -> shell.compare().model());
            waitFor(() -> onFx(() -> compare.frameProperty().get()) != null);
            robot.interact(() -> shell.compare().transport().focusPlay());

            robot.type(KeyCode.RIGHT);
            waitFor(() -> onFx(() -> compare.frameProperty().get().runs().get(0).snapshot().updates()) == 1);
            robot.type(KeyCode.DIGIT3);
            waitFor(() -> onFx(() -> compare.frameProperty().get().runs().get(1).snapshot().epoch()) == 1000);
            robot.type(KeyCode.R);
            waitFor(() -> onFx(() -> compare.frameProperty().get().runs().get(1).snapshot().epoch()) == 0);
            assertThat(onFx(() -> train.frameProperty().get().snapshot().updates())).isZero();

            // Back on the Train tab the same keys drive the single run again.
            robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));
            robot.type(KeyCode.RIGHT);
            waitFor(() -> onFx(() -> train.frameProperty().get().snapshot().updates()) == 1);
            assertThat(onFx(() -> compare.frameProperty().get().runs().get(0).snapshot().updates())).isZero();
        } finally {
            train.shutdown();
            shell.shutdown();
        }
    }

    private double lastX(int run) {
        return onFx(() -> {
            XYDataset d = dataset();
            return d.getXValue(run, d.getItemCount(run) - 1);
        });
    }

    /** The chart's plotted data, as JFreeChart holds it. */
    private XYDataset dataset() {
        LossChart chart = view.chart();
        List<ChartViewer> viewers = new ArrayList<>();
        chart.getChildrenUnmodifiable().forEach(n -> {
            if (n instanceof ChartViewer v) {
                viewers.add(v);
            }
        });
        return viewers.get(0).getChart().getXYPlot().getDataset();
    }

    /**
     * "SGD vs momentum vs Adam" from the preset menu: three runs named by their optimiser, from one set of initial
     * weights, each training exactly as the engine trains that optimiser alone; the shared settings show the preset's.
     */
    @Test
    void theOptimiserPresetRacesThreeOptimisersFromIdenticalWeights(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.clickOn("#compare-presets");
        robot.clickOn(preset(robot, "SGD vs momentum vs Adam"));
        waitFor(() -> frame().runs().size() == 3);
        assertThat(frame().runs()).extracting(RunFrame::name)
                .containsExactly(SGD, "Momentum (batch size 1)", "Adam (batch size 1)");
        assertThat(onFx(() -> robot.lookup("#compare-hidden").queryAs(javafx.scene.control.Spinner.class).getValue()))
                .isEqualTo(3);
        robot.interact(() -> model.stepEpochs(40));
        waitFor(() -> frame().runs().stream().allMatch(r -> r.snapshot().epoch() == 40));
        Weights initial = Weights.initial(TrainingConfig.NOTEBOOK.withHidden(3));
        org.xorlab.engine.TrainingOptions.Optimizer[] optimizers = {org.xorlab.engine.TrainingOptions.Optimizer.SGD,
                org.xorlab.engine.TrainingOptions.Optimizer.MOMENTUM, org.xorlab.engine.TrainingOptions.Optimizer.ADAM};
        for (int i = 0; i < 3; i++) {
            TrainingConfig config = TrainingConfig.NOTEBOOK.withHidden(3).withOptions(
                    org.xorlab.engine.TrainingOptions.NOTEBOOK.withOptimizer(optimizers[i]));
            Trainer alone = new Trainer(config);
            assertThat(alone.initialWeights()).isEqualTo(initial);
            alone.runEpochs(40, null);
            assertThat(run(i).snapshot().weights()).as("run %d", i).isEqualTo(alone.weights());
            assertThat(run(i).snapshot().config().options().optimizer()).isEqualTo(optimizers[i]);
        }
    }

    /** A run's optimiser and loss are its own: choosing Adam for run 2 renames it and restarts only with it changed. */
    @Test
    void eachRunChoosesItsOwnOptimiserAndLoss(FxRobot robot) {
        waitFor(() -> frame() != null);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<org.xorlab.engine.TrainingOptions.Optimizer> optimizer =
                    robot.lookup("#compare-run-1-optimizer").queryAs(javafx.scene.control.ComboBox.class);
            optimizer.setValue(org.xorlab.engine.TrainingOptions.Optimizer.ADAM);
        });
        waitFor(() -> frame().runs().get(1).name().equals("Adam (batch size 4)"));
        assertThat(run(0).name()).isEqualTo(SGD);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<org.xorlab.engine.TrainingOptions.Loss> loss =
                    robot.lookup("#compare-run-0-loss").queryAs(javafx.scene.control.ComboBox.class);
            loss.setValue(org.xorlab.engine.TrainingOptions.Loss.CROSS_ENTROPY);
        });
        waitFor(() -> frame().runs().get(0).name().equals("SGD (batch size 1, cross-entropy)"));
        assertThat(run(1).name()).isEqualTo("Adam (batch size 4, MSE)");
        assertThat(run(0).snapshot().config().options().loss())
                .isEqualTo(org.xorlab.engine.TrainingOptions.Loss.CROSS_ENTROPY);
    }

    /**
     * "MSE vs cross-entropy": a cross-entropy of 0.01 is not a squared error of 0.01, so both runs are read by their
     * mean squared error, on the chart's axis, in the target count and in the final loss column.
     */
    @Test
    void theLossPresetReadsBothRunsByTheirSquaredError(FxRobot robot) {
        waitFor(() -> frame() != null);
        assertThat(onFx(() -> view.chart().lossAxisLabel())).isEqualTo("Loss (MSE, log)");
        robot.clickOn("#compare-presets");
        robot.clickOn(preset(robot, "MSE vs cross-entropy"));
        waitFor(() -> frame().runs().size() == 2 && frame().runs().get(1).name().contains("cross-entropy"));
        robot.interact(() -> model.stepEpochs(1500));
        waitFor(() -> run(0).snapshot().epoch() == 1500 && run(1).snapshot().epoch() == 1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> view.chart().lossAxisLabel())).isEqualTo("Mean squared error (log)");
        Trainer alone = new Trainer(TrainingConfig.NOTEBOOK.withOptions(org.xorlab.engine.TrainingOptions.NOTEBOOK
                .withLoss(org.xorlab.engine.TrainingOptions.Loss.CROSS_ENTROPY)));
        alone.runEpochs(1500, null);
        assertThat(run(1).history().get(1499)).isEqualTo(alone.squaredError()).isNotEqualTo(alone.loss());
        assertThat(onFx(() -> model.summaryProperty().get().finalLoss(1)))
                .isEqualTo(org.xorlab.text.NumberText.brief(alone.squaredError()));
    }

    /** The preset menu's entry that starts with {@code label} (its shortcut follows the label). */
    private static javafx.scene.Node preset(FxRobot robot, String label) {
        return robot.lookup((javafx.scene.control.Labeled l) -> l.getText() != null && l.getText().startsWith(label))
                .query();
    }

    private static Trainer engineAfter(int batchSize, int epochs) {
        Trainer t = new Trainer(TrainingConfig.NOTEBOOK.withBatchSize(batchSize));
        t.runEpochs(epochs, null);
        return t;
    }

    private TrainingFrame frame() {
        return onFx(() -> model.frameProperty().get());
    }

    private RunFrame run(int i) {
        return frame().runs().get(i);
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText());
    }

    private static void waitUpTo(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
