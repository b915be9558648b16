package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.xorlab.app.FxTesting.await;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.files.SessionCommands;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.session.Session;
import org.xorlab.session.SessionFile;
import org.xorlab.session.SessionFileException;
import org.xorlab.session.SpecialFiles;

/**
 * Save session and Open session in the window: a saved run comes back exactly, a bad file changes nothing, and a
 * file that cannot be read (a FIFO, a read that hangs, an Error) never blocks other file work or reaches the crash
 * dialog.
 */
@ExtendWith(ApplicationExtension.class)
class SessionWindowTest {
    /** Not the defaults, so a reopened run cannot pass by accident. */
    private static final TrainingConfig CONFIG = new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2);

    @TempDir
    Path dir;

    private AppShell window;
    private RunModel model;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1440, 900);
        model = window.train().model();
    }

    @AfterEach
    void stop() {
        model.shutdown();
        window.shutdown();
    }

    private TrainingFrame frame() {
        return FxTesting.frame(window);
    }

    private void run(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    private String notice() {
        return onFx(() -> window.notice().message());
    }

    /** The run of CONFIG trained {@code epochs} epochs in the window, then {@code stopAtLoss} chosen. */
    private void trainConfig(int epochs) {
        waitFor(() -> frame() != null);
        run(() -> {
            model.configProperty().set(CONFIG);
            model.stopRuleProperty().set(new StopRule(true, 777, 0.03));
        });
        waitFor(() -> frame().snapshot().config().equals(CONFIG));
        run(() -> model.stepEpochs(epochs));
        waitFor(() -> frame().snapshot().epoch() == epochs);
    }

    @Test
    void aSavedSessionReopensToTheSameRunAndTrainsOnWithIdenticalNumbers(FxRobot robot) throws Exception {
        trainConfig(120);
        Path file = dir.resolve("run.xorlab.json");
        Session saved = await(onFx(() -> window.sessions().save(file)));
        assertThat(notice()).isEqualTo("Saved the session at epoch 120 to " + file);
        assertThat(saved.epoch()).isEqualTo(120);
        assertThat(SessionFile.read(file)).isEqualTo(saved);

        // Somewhere else entirely: the notebook's run, 40 epochs in.
        run(() -> {
            model.configProperty().set(TrainingConfig.NOTEBOOK);
            model.stopRuleProperty().set(StopRule.DEFAULT);
        });
        waitFor(() -> frame().snapshot().config().equals(TrainingConfig.NOTEBOOK));
        run(() -> model.stepEpochs(40));
        waitFor(() -> frame().snapshot().epoch() == 40);

        await(onFx(() -> window.sessions().open(file)));
        waitFor(() -> frame().snapshot().epoch() == 120);
        assertThat(notice()).isEqualTo("Opened run.xorlab.json: epoch 120, paused. Press Space to train on.");

        Trainer uninterrupted = new Trainer(CONFIG);
        List<Double> losses = new ArrayList<>();
        uninterrupted.runEpochs(120, (e, loss) -> losses.add(loss));
        TrainingFrame f = frame();
        assertThat(f.snapshot().config()).isEqualTo(CONFIG);
        assertThat(f.snapshot().weights()).isEqualTo(uninterrupted.weights());
        assertThat(f.snapshot().updates()).isEqualTo(uninterrupted.updates());
        assertThat(f.playing()).isFalse();
        assertThat(f.history().size()).isEqualTo(120);
        for (int i = 0; i < 120; i++) {
            assertThat(f.history().get(i)).isEqualTo(losses.get(i));
        }
        LossChart chart = robot.lookup("#loss-chart").queryAs(LossChart.class);
        assertThat(onFx(() -> chart.epochsAppended(0))).isEqualTo(120);
        // The settings panel shows the session's settings.
        assertThat(onFx(() -> robot.lookup("#hidden").queryAs(Spinner.class).getValue())).isEqualTo(3);
        assertThat(onFx(() -> robot.lookup("#learning-rate").queryAs(TextField.class).getText())).isEqualTo("0.5");
        assertThat(onFx(() -> robot.lookup("#seed").queryAs(TextField.class).getText())).isEqualTo("7");
        assertThat(onFx(() -> robot.lookup("#batch-size").queryAs(ComboBox.class).getValue())).isEqualTo(2);
        assertThat(onFx(() -> robot.lookup("#stop-by-loss").queryAs(RadioButton.class).isSelected())).isTrue();
        assertThat(onFx(() -> robot.lookup("#stop-epochs").queryAs(TextField.class).getText())).isEqualTo("777");
        assertThat(onFx(() -> robot.lookup("#stop-loss").queryAs(TextField.class).getText())).isEqualTo("0.03");

        // Training on gives exactly the uninterrupted run's numbers.
        run(() -> model.stepEpochs(80));
        waitFor(() -> frame().snapshot().epoch() == 200);
        uninterrupted.runEpochs(80, null);
        assertThat(frame().snapshot().weights()).isEqualTo(uninterrupted.weights());
        assertThat(frame().snapshot().loss()).isEqualTo(uninterrupted.loss());

        // Reset goes back to the session's initial weights, the seed's.
        run(model::reset);
        waitFor(() -> frame().snapshot().epoch() == 0);
        assertThat(frame().snapshot().weights()).isEqualTo(Weights.initial(3, 7));
    }

    @Test
    void ctrlSSavesAndCtrlOOpensThroughTheFileDialogs(FxRobot robot) throws Exception {
        trainConfig(10);
        List<String> asked = new ArrayList<>();
        run(() -> window.setFileDialogs(new FakeDialogs(dir.resolve("lesson"), asked)));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Path saved = dir.resolve("lesson.json");
        waitFor(() -> notice().startsWith("Saved"));
        assertThat(asked).containsExactly("save: Save session, xor-seed7-epoch10.xorlab.json, json");
        assertThat(SessionFile.read(saved).epoch()).isEqualTo(10);

        run(() -> model.stepEpochs(15));
        waitFor(() -> frame().snapshot().epoch() == 25);
        run(() -> window.setFileDialogs(new FakeDialogs(saved, asked)));
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        waitFor(() -> frame().snapshot().epoch() == 10);
        assertThat(asked).last().isEqualTo("open: Open session, json");
        assertThat(notice()).isEqualTo("Opened lesson.json: epoch 10, paused. Press Space to train on.");
    }

    @Test
    void eachBadFileSaysWhatIsWrongAndChangesNothing() throws Exception {
        trainConfig(30);
        Path good = dir.resolve("good.xorlab.json");
        await(onFx(() -> window.sessions().save(good)));
        String text = Files.readString(good);
        run(() -> model.stepEpochs(5));
        waitFor(() -> frame().snapshot().epoch() == 35);
        TrainingFrame before = frame();

        String[][] cases = {
            {"corrupt", "{\"format\": \"xorlab-session\", \"version\": 1,,}", "it is not valid JSON at line 1"},
            {"truncated", text.substring(0, text.length() - 40), "the file ends too early"},
            {"wrong format", text.replace("xorlab-session", "notebook"), "it is not an XOR Lab session"},
            {"wrong version", text.replace("\"version\" : 1", "\"version\" : 3"),
                "it was saved by a newer XOR Lab (session version 3); this one opens versions 1 and 2"},
            {"hidden 9", text.replace("\"hidden\" : 3", "\"hidden\" : 9"),
                "hidden units must be a whole number from 1 to 8 (got 9)"},
            {"NaN weight", text.replaceFirst("\"b2\" : \\[ \\[ [^ ]+ \\] \\]", "\"b2\" : [ [ NaN ] ]"),
                "\"initial.b2[0][0]\" must be a finite number (got NaN)"},
            {"negative epoch", text.replace("\"epoch\" : 30", "\"epoch\" : -30"),
                "epoch must be a whole number from 0 to"},
            {"shape mismatch", text.replace("\"hidden\" : 3", "\"hidden\" : 2"),
                "\"initial.W1\" must be 2 x 2 for 2 hidden units"},
            {"history length", text.replace("\"epoch\" : 30", "\"epoch\" : 31"),
                "the loss history must hold one loss per epoch: 31 epochs but 30 losses"},
        };
        for (String[] c : cases) {
            assertThat(c[1]).as(c[0] + " changes the file").isNotEqualTo(text);
            Path file = dir.resolve(c[0] + ".xorlab.json");
            Files.writeString(file, c[1]);
            assertThatThrownBy(() -> await(onFx(() -> window.sessions().open(file))))
                    .as(c[0]).isInstanceOf(ExecutionException.class);
            assertThat(notice()).as(c[0]).startsWith("Could not open " + file + ": " + c[2]).endsWith(". Nothing was changed.");
            assertThat(onFx(() -> window.notice().isError())).isTrue();
            TrainingFrame after = frame();
            assertThat(after.generation()).as(c[0]).isEqualTo(before.generation());
            assertThat(after.snapshot().weights()).as(c[0]).isEqualTo(before.snapshot().weights());
            assertThat(after.snapshot().epoch()).as(c[0]).isEqualTo(35);
            assertThat(onFx(() -> model.configProperty().get())).as(c[0]).isEqualTo(CONFIG);
            assertThat(onFx(() -> model.stopRuleProperty().get())).as(c[0]).isEqualTo(new StopRule(true, 777, 0.03));
        }
    }

    @Test
    void aFifoIsRefusedAtOnceAndSavesAfterItAreNotHeldUp() throws Exception {
        trainConfig(12);
        TrainingFrame before = frame();
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe.xorlab.json"));
        Path saved = dir.resolve("after.xorlab.json");
        // Opening a FIFO nobody writes to blocks forever; a regression fails here instead of hanging the suite.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThatThrownBy(() -> await(onFx(() -> window.sessions().open(fifo))))
                    .isInstanceOf(ExecutionException.class);
            assertThat(notice()).isEqualTo("Could not open " + fifo + ": it is a named pipe (FIFO), not a regular file;"
                    + " XOR Lab reads only regular files. Nothing was changed.");
            await(onFx(() -> window.sessions().save(saved)));
        });
        assertThat(notice()).isEqualTo("Saved the session at epoch 12 to " + saved);
        assertThat(frame().generation()).isEqualTo(before.generation());
        assertThat(frame().snapshot().weights()).isEqualTo(before.snapshot().weights());
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void aReadThatHangsIsGivenUpAndNeverHoldsUpSaves() throws Exception {
        trainConfig(8);
        TrainingFrame before = frame();
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService files = Executors.newSingleThreadExecutor();
        try {
            // A drive that stopped answering: the read never returns (until the test ends).
            SessionCommands hanging = onFx(() -> new SessionCommands(model, window.dialogs(), window.notice(), files, file -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // given up after the timeout: the result is not used
                }
                throw new SessionFileException("unreachable");
            }, Duration.ofSeconds(1)));
            Path stuck = dir.resolve("stuck.xorlab.json");
            Path saved = dir.resolve("meanwhile.xorlab.json");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                var opening = onFx(() -> hanging.open(stuck));
                // The save is written although the read never returns.
                assertThat(await(onFx(() -> hanging.save(saved))).epoch()).isEqualTo(8);
                assertThat(SessionFile.read(saved).epoch()).isEqualTo(8);
                assertThatThrownBy(() -> await(opening)).isInstanceOf(ExecutionException.class);
            });
            assertThat(notice()).isEqualTo("Could not open " + stuck + ": reading it took longer than 1 s (is it on a"
                    + " drive that stopped answering?). Nothing was changed.");
            assertThat(frame().generation()).isEqualTo(before.generation());
            assertThat(frame().snapshot().epoch()).isEqualTo(8);
        } finally {
            never.countDown();
            files.shutdown();
        }
    }

    @Test
    void anErrorWhileReadingIsANoticeNotACrash() throws Exception {
        trainConfig(5);
        TrainingFrame before = frame();
        List<Throwable> uncaught = new ArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        ExecutorService files = Executors.newSingleThreadExecutor();
        try {
            SessionCommands failing = onFx(() -> new SessionCommands(model, window.dialogs(), window.notice(), files, file -> {
                throw new OutOfMemoryError("Java heap space");
            }, SessionCommands.READ_TIMEOUT));
            Path file = dir.resolve("big.xorlab.json");
            assertThatThrownBy(() -> await(onFx(() -> failing.open(file)))).isInstanceOf(ExecutionException.class);
            assertThat(notice()).isEqualTo("Could not open " + file + ": XOR Lab ran out of memory reading it."
                    + " Nothing was changed.");
            assertThat(onFx(() -> window.notice().isError())).isTrue();
            assertThat(uncaught).isEmpty();
            assertThat(frame().generation()).isEqualTo(before.generation());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            files.shutdown();
        }
    }

    @Test
    void savingBetweenTwoUpdatesOfAnEpochIsRefusedWithWhatToDo() throws Exception {
        waitFor(() -> frame() != null);
        run(model::stepUpdate);
        waitFor(() -> frame().snapshot().updates() == 1);
        Path file = dir.resolve("mid.xorlab.json");
        assertThatThrownBy(() -> await(onFx(() -> window.sessions().save(file)))).isInstanceOf(ExecutionException.class);
        assertThat(notice()).isEqualTo("A session is saved between epochs, and this run is 1 of 4 samples into epoch 1:"
                + " press Shift+→ to finish the epoch, then save.");
        assertThat(file).doesNotExist();
    }

    @Test
    void savingWhilePlayingWritesAConsistentRun() throws Exception {
        waitFor(() -> frame() != null);
        run(model::play);
        waitFor(() -> frame().snapshot().epoch() > 100);
        Path file = dir.resolve("playing.xorlab.json");
        Session saved = await(onFx(() -> window.sessions().save(file)));
        run(model::pause);
        Trainer check = new Trainer(TrainingConfig.NOTEBOOK);
        check.runEpochs(saved.epoch(), null);
        assertThat(saved.current()).isEqualTo(check.weights());
        assertThat(saved.history()).hasSize((int) saved.epoch());
        assertThat(saved.lastLoss()).isEqualTo(check.loss());
    }

    @Test
    void aFileThatCannotBeWrittenSaysWhy() {
        trainConfig(2);
        Path file = dir.resolve("missing-folder").resolve("run.xorlab.json");
        assertThatThrownBy(() -> await(onFx(() -> window.sessions().save(file)))).isInstanceOf(ExecutionException.class);
        assertThat(notice()).isEqualTo("Could not save the session to " + file + ": no such file or directory");
    }
}
