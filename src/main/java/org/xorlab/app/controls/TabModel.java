package org.xorlab.app.controls;

import java.util.concurrent.ThreadLocalRandom;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;
import org.xorlab.engine.TrainingConfig;

/**
 * What every tab's view model is, on the FX thread: one {@link TrainingLoop} on a training thread of its own, the
 * newest {@link TrainingFrame} it handed over, the playing speed, and the transport commands (Play/Pause, Step,
 * Reset, New seed) that the tab's transport bar and the window's shortcuts send. Views bind to its properties.
 */
public abstract class TabModel {
    private final TrainingLoop loop;
    private final TrainingTask task;
    private final DoubleProperty speed;
    private final ReadOnlyObjectWrapper<TrainingFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    /**
     * A model of {@code loop}, which the subclass's constructor starts with {@link #start} once it is complete.
     *
     * @param epochsPerSecond the speed to play at; {@link TrainingLoop#MAX_SPEED} for as fast as possible
     */
    protected TabModel(TrainingLoop loop, double epochsPerSecond) {
        this.loop = loop;
        this.task = new TrainingTask(loop);
        this.speed = new SimpleDoubleProperty(epochsPerSecond);
        task.valueProperty().addListener((o, old, f) -> {
            if (f != null) {
                arriving(f);
                frame.set(f);
            }
        });
        task.setOnFailed(e -> failure.set("Training stopped by an internal error: " + task.getException()));
        speed.addListener((o, old, now) -> loop.setSpeed(now.doubleValue()));
    }

    /** Starts the training loop on a daemon thread named {@code threadName}; frames arrive from then on. */
    protected final void start(String threadName) {
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called with each new frame just before {@link #frameProperty()} shows it, for what is derived from it. */
    protected void arriving(TrainingFrame f) {
    }

    /** The training loop, for the commands only one kind of tab has. */
    protected final TrainingLoop loop() {
        return loop;
    }

    /** Epochs per second while playing, in lockstep; {@link TrainingLoop#MAX_SPEED} for as fast as possible. */
    public final DoubleProperty speedProperty() {
        return speed;
    }

    /** The newest frame from the training thread (null until the first arrives). */
    public final ReadOnlyObjectProperty<TrainingFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** What stopped the training thread, or null. */
    public final Throwable failure() {
        return task.getException();
    }

    /** Non-empty if the training thread failed. */
    public final ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public final boolean isPlaying() {
        TrainingFrame f = frame.get();
        return f != null && f.playing();
    }

    /** Play, or Pause while playing (Space). */
    public final void togglePlay() {
        if (isPlaying()) {
            loop.pause();
        } else {
            loop.play();
        }
    }

    /** One weight update of every run: one sample with SGD, one mini-batch otherwise (→). */
    public final void stepUpdate() {
        loop.step(TrainingLoop.Unit.UPDATE, 1);
    }

    /** Trains {@code count} epochs, the first of them finishing the current one (Shift+→, 1, 2, 3). */
    public final void stepEpochs(long count) {
        loop.step(TrainingLoop.Unit.EPOCH, count);
    }

    /** Back to the seed's initial weights (R). */
    public final void reset() {
        loop.reset();
    }

    /** What the runs are and how far they got, for the names of the files saved from them: "xor-seed42-epoch5717". */
    public abstract String fileName();

    /** Starts over from the initial weights of {@code seed}. */
    public abstract void newSeed(long seed);

    /** Starts over from the initial weights of a random seed (N). */
    public final void newRandomSeed() {
        newSeed(ThreadLocalRandom.current().nextLong(TrainingConfig.MAX_SEED + 1));
    }

    /** Stops the training thread; the model is unusable afterwards. */
    public final void shutdown() {
        task.cancel(true);
    }

    /** Commands sent to the training thread and not yet taken up (for the robustness tests' watchdog). */
    public final int pendingCommands() {
        return loop.pendingCommands();
    }
}
