package org.xorlab.app;

import java.util.List;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;

/** What the window tests in this package share: running on the FX thread, waiting, and a window to drive. */
final class FxTesting {
    /**
     * How long a step of a window test may take before it counts as hung: generous, because on a busy two-core CI
     * machine starting the app alone took 17 s; these limits catch hangs, they never time anything.
     */
    private static final long HANG_SECONDS = 30;

    private FxTesting() {
    }

    static <T> T onFx(Callable<T> callable) {
        try {
            return WaitForAsyncUtils.asyncFx(callable).get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    static void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(HANG_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + HANG_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a future started on the FX thread, then for the FX events it scheduled (its notice). */
    static <T> T await(Future<T> future) throws Exception {
        T value = future.get(HANG_SECONDS, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    /** The shell around a new model of the notebook's run, training as fast as it can, shown on {@code stage}. */
    static AppShell show(Stage stage, double width, double height) {
        RunModel model = new RunModel(TrainingConfig.NOTEBOOK, StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
        AppShell window = new AppShell(model);
        Scene scene = new Scene(window, width, height);
        window.attach(scene);
        stage.setScene(scene);
        // TestFX hands every test the same stage: forget any size an earlier test gave it.
        stage.sizeToScene();
        stage.show();
        return window;
    }

    /** Stops the training of both tabs and the window's file thread: after each test of a window from {@link #show}. */
    static void close(AppShell window) {
        runFx(() -> {
            window.train().model().shutdown();
            window.shutdown();
        });
    }

    /** Gives the window on {@code stage} a new size; {@link #settle} waits for its layout. */
    static void resize(Stage stage, double width, double height) {
        runFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    /** Two rounds of layout: a layout that rearranges the views (columns, folded maps) settles on the next pulse. */
    static void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            runFx(() -> { });
        }
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the Train tab's first frame, then steps {@code epochs} epochs and waits until they are shown. */
    static void trainEpochs(AppShell window, int epochs) {
        waitFor(() -> frame(window) != null);
        runFx(() -> window.train().model().stepEpochs(epochs));
        waitFor(() -> frame(window).snapshot().epoch() == epochs);
    }

    /** Selects the Compare tab, which starts its comparison, and waits for the comparison's first frame. */
    static CompareTab showCompare(AppShell window) {
        CompareTab compare = onFx(() -> {
            ((TabPane) window.lookup("#tabs")).getSelectionModel().select(1);
            return window.startedCompare();
        });
        waitFor(() -> onFx(() -> compare.model().frameProperty().get()) != null);
        return compare;
    }

    /** Adds a run to the comparison, as Add run does, and waits until the frames show it. */
    static void addRun(CompareTab compare) {
        int runs = onFx(() -> compare.model().frameProperty().get().runs().size());
        runFx(() -> compare.model().setupProperty().set(compare.model().setupProperty().get().withAddedRun()));
        waitFor(() -> onFx(() -> compare.model().frameProperty().get().runs().size()) == runs + 1);
    }

    static TrainingFrame frame(AppShell window) {
        return onFx(() -> window.train().model().frameProperty().get());
    }

    /**
     * The controls a person can use under {@code root}, in scene-graph order: every visible, enabled button, choice,
     * combo box, spinner, slider and text field (a spinner's own editor counts as the spinner).
     */
    static List<javafx.scene.control.Control> controls(javafx.scene.Parent root) {
        List<javafx.scene.control.Control> out = new java.util.ArrayList<>();
        addControls(root, out);
        return out;
    }

    private static void addControls(javafx.scene.Parent p, List<javafx.scene.control.Control> out) {
        for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.isDisabled()) {
                continue;
            }
            if (n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.ChoiceBox
                    || n instanceof javafx.scene.control.ComboBoxBase || n instanceof javafx.scene.control.Spinner
                    || n instanceof javafx.scene.control.Slider || n instanceof javafx.scene.control.TextInputControl
                    && !(n.getParent() instanceof javafx.scene.control.Spinner)) {
                out.add((javafx.scene.control.Control) n);
            } else if (n instanceof javafx.scene.Parent q) {
                addControls(q, out);
            }
        }
    }
}
