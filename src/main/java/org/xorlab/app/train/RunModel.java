package org.xorlab.app.train;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.xorlab.app.RunSpec;
import org.xorlab.app.StopRule;
import org.xorlab.app.TrainingFrame;
import org.xorlab.app.TrainingLoop;
import org.xorlab.app.controls.Transport;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.session.RunSettings;
import org.xorlab.session.Session;

/**
 * The window's view model for one training run, on the FX thread: the settings the user chose (always valid), the
 * newest {@link TrainingFrame} from the training thread, and the commands. Views bind to its properties.
 */
public final class RunModel implements Transport {
    private final ObjectProperty<TrainingConfig> config;
    private final ObjectProperty<StopRule> stopRule;
    private final DoubleProperty speed;
    private final IntegerProperty selectedInput = new SimpleIntegerProperty(1);
    private final ReadOnlyObjectWrapper<TrainingFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final TrainingLoop loop;
    /** True while a session's settings are being shown: the session's own run replaces the one they would start. */
    private boolean opening;

    public RunModel(TrainingConfig initial, StopRule rule, double epochsPerSecond) {
        config = new SimpleObjectProperty<>(initial);
        stopRule = new SimpleObjectProperty<>(rule);
        speed = new SimpleDoubleProperty(epochsPerSecond);
        loop = new TrainingLoop(List.of(spec(initial)), rule, epochsPerSecond);
        loop.valueProperty().addListener((o, old, f) -> {
            if (f != null) {
                frame.set(f);
            }
        });
        loop.setOnFailed(e -> failure.set("Training stopped by an internal error: " + loop.getException()));
        config.addListener((o, old, now) -> apply(old, now));
        stopRule.addListener((o, old, now) -> loop.setStopRule(now));
        speed.addListener((o, old, now) -> loop.setSpeed(now.doubleValue()));
        Thread thread = new Thread(loop, "xorlab-training");
        thread.setDaemon(true);
        thread.start();
    }

    private void apply(TrainingConfig old, TrainingConfig now) {
        if (opening) {
            return;
        }
        boolean sameRun = old.dataset() == now.dataset() && old.hidden() == now.hidden() && old.seed() == now.seed();
        if (sameRun) {
            loop.retune(0, now.learningRate(), now.batchSize());
        } else {
            loop.restart(List.of(spec(now)));
        }
    }

    private static RunSpec spec(TrainingConfig config) {
        return new RunSpec("Loss", config);
    }

    /** The settings; setting a new dataset, width or seed starts a new run, a new rate or batch size retunes this one. */
    public ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    public ObjectProperty<StopRule> stopRuleProperty() {
        return stopRule;
    }

    /** Epochs per second while playing; {@link TrainingLoop#MAX_SPEED} for as fast as possible. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The input (0 to 3) whose activations the network view shows. */
    IntegerProperty selectedInputProperty() {
        return selectedInput;
    }

    /** The newest frame from the training thread (null until the first arrives). */
    public ReadOnlyObjectProperty<TrainingFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** What stopped the training thread, or null. */
    public Throwable failure() {
        return loop.getException();
    }

    /** Non-empty if the training thread failed. */
    public ReadOnlyStringProperty failureProperty() {
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

    public void play() {
        loop.play();
    }

    public void pause() {
        loop.pause();
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

    /** Pauses and shows the run as it was at the end of {@code epoch} (nearest kept epoch at or before). */
    public void preview(long epoch) {
        loop.preview(epoch);
    }

    /** Like {@link #preview}, {@code epochs} epochs before the epoch shown now (or before the live run). */
    public void rewindBy(long epochs) {
        loop.rewindBy(epochs);
    }

    /** Shows the run live again after a rewind. */
    public void live() {
        loop.live();
    }

    /** Draws a fresh seed and starts over from its weights. */
    public void newSeed(long seed) {
        config.set(config.get().withSeed(seed));
    }

    /**
     * Continues from a saved session: its settings become the model's and its run replaces the current one,
     * paused, with its weights, counters and loss history.
     */
    public void open(Session session) {
        RunSettings s = session.settings();
        opening = true;
        try {
            config.set(s.config());
            stopRule.set(new StopRule(s.stopAtLoss(), s.stopEpochs(), s.targetLoss()));
        } finally {
            opening = false;
        }
        loop.load(spec(s.config()).name(), session);
    }

    /**
     * The run as a session, taken on the training thread (see {@link TrainingLoop#capture}); completes on that
     * thread.
     */
    public CompletableFuture<Session> captureSession() {
        return loop.capture(0);
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
