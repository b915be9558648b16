package org.xorlab.app.compare;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.xorlab.app.CompareSetup;
import org.xorlab.app.CompareSummary;
import org.xorlab.app.TrainingFrame;
import org.xorlab.app.TrainingLoop;
import org.xorlab.app.controls.Transport;

/**
 * The compare view's model, on the FX thread: the {@link CompareSetup} (always valid), the newest
 * {@link TrainingFrame} of its own {@link TrainingLoop}, which trains every run in lockstep from the same initial
 * weights, the {@link CompareSummary} of that frame, and the transport commands.
 *
 * <p>Any change to the runs or their shared settings starts the comparison over from the shared initial weights, so
 * every run always trains from the same start, level on the budget's measure; only the budget's amount can change
 * mid-way.
 */
public final class CompareModel implements Transport {
    private final ObjectProperty<CompareSetup> setup;
    private final DoubleProperty speed;
    private final ReadOnlyObjectWrapper<TrainingFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CompareSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final TrainingLoop loop;

    public CompareModel(CompareSetup initial, double epochsPerSecond) {
        setup = new SimpleObjectProperty<>(initial);
        speed = new SimpleDoubleProperty(epochsPerSecond);
        loop = new TrainingLoop(initial.specs(), initial.stopRule(), epochsPerSecond);
        loop.setBudget(initial.budget());
        loop.valueProperty().addListener((o, old, f) -> {
            if (f != null) {
                summary.set(CompareSummary.of(f, setup.get().budget()));
                frame.set(f);
            }
        });
        loop.setOnFailed(e -> failure.set("Training stopped by an internal error: " + loop.getException()));
        setup.addListener((o, old, now) -> apply(old, now));
        speed.addListener((o, old, now) -> loop.setSpeed(now.doubleValue()));
        Thread thread = new Thread(loop, "xorlab-compare");
        thread.setDaemon(true);
        thread.start();
    }

    private void apply(CompareSetup old, CompareSetup now) {
        loop.setStopRule(now.stopRule());
        loop.setBudget(now.budget());
        if (!now.sameRunsAs(old)) {
            loop.restart(now.specs());
        }
        TrainingFrame f = frame.get();
        if (f != null) {
            summary.set(CompareSummary.of(f, now.budget()));
        }
    }

    /** The runs and shared settings; setting a new value other than the budget's amount restarts the comparison. */
    public ObjectProperty<CompareSetup> setupProperty() {
        return setup;
    }

    /** Lockstep epochs per second while playing; {@link TrainingLoop#MAX_SPEED} for as fast as possible. */
    DoubleProperty speedProperty() {
        return speed;
    }

    /** The newest frame from the training thread (null until the first arrives). */
    public ReadOnlyObjectProperty<TrainingFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The table and verdict of the newest frame (null until the first arrives). */
    public ReadOnlyObjectProperty<CompareSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Non-empty if the training thread failed. */
    ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    boolean isPlaying() {
        TrainingFrame f = frame.get();
        return f != null && f.playing();
    }

    @Override
    public void togglePlay() {
        if (isPlaying()) {
            loop.pause();
        } else {
            loop.play();
        }
    }

    @Override
    public void stepUpdate() {
        loop.step(TrainingLoop.Unit.UPDATE, 1);
    }

    @Override
    public void stepEpochs(long count) {
        loop.step(TrainingLoop.Unit.EPOCH, count);
    }

    @Override
    public void reset() {
        loop.reset();
    }

    /** Starts over from the initial weights of another seed. */
    void newSeed(long seed) {
        setup.set(setup.get().withSeed(seed));
    }

    /** Stops the training thread; the model is unusable afterwards. */
    public void shutdown() {
        loop.cancel(true);
    }

    /** Commands sent to the training thread and not yet taken up (for the robustness tests' watchdog). */
    public int pendingCommands() {
        return loop.pendingCommands();
    }
}
