package org.xorlab.app;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/**
 * The one adapter from the JavaFX-free {@link Trainer} to a JavaFX {@link Task}: it owns the trainer on its own
 * thread, takes commands (Play, Pause, Step, Reset...) from a queue, and hands the FX thread immutable
 * {@link TrainingFrame}s through {@link #updateValue}, which keeps only the newest until the FX thread takes it.
 *
 * <p>Play and the Step commands run the same {@link #advance} method. While playing at full speed the loop
 * trains in slices of a few milliseconds and looks at the queue between slices, so Pause, Step and Reset act at
 * once.
 */
final class TrainingLoop extends Task<TrainingFrame> {
    /** Playing speed meaning "as fast as the machine can". */
    static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** Resolution of the decision surface sampled for each frame. */
    static final int GRID_RESOLUTION = 100;
    static final double GRID_MIN = -0.5;
    static final double GRID_MAX = 1.5;

    private static final long SLICE_NANOS = 8_000_000L;
    private static final long FRAME_NANOS = 16_000_000L;
    private static final long RATE_WINDOW_NANOS = 500_000_000L;

    /** What one advance counts. */
    enum Unit { UPDATE, EPOCH }

    private sealed interface Command permits Play, Pause, Step, Reset, Restart, Retune, SetSpeed, SetStopRule { }

    private record Play() implements Command { }

    private record Pause() implements Command { }

    private record Step(Unit unit, long count) implements Command { }

    private record Reset() implements Command { }

    private record Restart(TrainingConfig config) implements Command { }

    private record Retune(double learningRate, int batchSize) implements Command { }

    private record SetSpeed(double epochsPerSecond) implements Command { }

    private record SetStopRule(StopRule rule) implements Command { }

    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();

    // Everything below belongs to the training thread.
    private Trainer trainer;
    private LossHistory history = new LossHistory();
    private long generation;
    private boolean playing;
    private double speed;
    private StopRule stopRule;
    private String message = "";
    private long nextEpochAt;
    private long lastPublish;
    private long rateWindowStart;
    private long rateWindowEpochs;
    private double epochsPerSecond;

    TrainingLoop(TrainingConfig config, StopRule stopRule, double speed) {
        this.trainer = new Trainer(config);
        this.stopRule = stopRule;
        this.speed = speed;
    }

    void play() {
        commands.add(new Play());
    }

    void pause() {
        commands.add(new Pause());
    }

    void step(Unit unit, long count) {
        commands.add(new Step(unit, count));
    }

    /** Back to the run's initial weights. */
    void reset() {
        commands.add(new Reset());
    }

    /** A new run from the config's seed (new dataset, width or seed). */
    void restart(TrainingConfig config) {
        commands.add(new Restart(config));
    }

    /** New learning rate and batch size from the next update, keeping the weights. */
    void retune(double learningRate, int batchSize) {
        commands.add(new Retune(learningRate, batchSize));
    }

    void setSpeed(double epochsPerSecond) {
        commands.add(new SetSpeed(epochsPerSecond));
    }

    void setStopRule(StopRule rule) {
        commands.add(new SetStopRule(rule));
    }

    @Override
    protected TrainingFrame call() {
        publish();
        try {
            while (!isCancelled()) {
                Command command = nextCommand();
                if (command != null) {
                    handle(command);
                    publish();
                } else if (playing) {
                    playSlice();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private Command nextCommand() throws InterruptedException {
        if (!playing) {
            return commands.take();
        }
        if (speed == MAX_SPEED) {
            return commands.poll();
        }
        long wait = nextEpochAt - System.nanoTime();
        return wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
    }

    private void handle(Command command) {
        if (command instanceof Play) {
            startPlaying();
        } else if (command instanceof Pause) {
            playing = false;
        } else if (command instanceof Step s) {
            playing = false;
            message = "";
            advance(s.unit(), s.count());
        } else if (command instanceof Reset) {
            trainer.reset();
            startOver();
        } else if (command instanceof Restart r) {
            trainer = new Trainer(r.config());
            startOver();
        } else if (command instanceof Retune r) {
            trainer.retune(r.learningRate(), r.batchSize());
        } else if (command instanceof SetSpeed s) {
            speed = s.epochsPerSecond();
            nextEpochAt = System.nanoTime();
        } else if (command instanceof SetStopRule s) {
            stopRule = s.rule();
        }
    }

    private void startPlaying() {
        if (trainer.diverged()) {
            message = trainer.divergence().message();
            return;
        }
        if (stopRule.isMet(trainer.epoch(), trainer.loss())) {
            message = stopRule.reachedMessage(trainer.epoch()) + " Change the stopping rule or press Reset to go on.";
            return;
        }
        playing = true;
        message = "";
        nextEpochAt = System.nanoTime();
        rateWindowStart = nextEpochAt;
        rateWindowEpochs = 0;
    }

    private void startOver() {
        history = new LossHistory();
        generation++;
        playing = false;
        message = "";
        epochsPerSecond = 0;
    }

    /** Plays for one slice: several epochs at full speed, or the one epoch now due at a watchable speed. */
    private void playSlice() {
        if (speed == MAX_SPEED) {
            long end = System.nanoTime() + SLICE_NANOS;
            int n = 0;
            while (playing && (++n % 16 != 0 || System.nanoTime() < end)) {
                advance(Unit.EPOCH, 1);
            }
        } else {
            advance(Unit.EPOCH, 1);
            long period = (long) (1e9 / speed);
            nextEpochAt = Math.max(nextEpochAt + period, System.nanoTime());
        }
        long now = System.nanoTime();
        if (!playing || now - lastPublish >= FRAME_NANOS) {
            publish();
        }
    }

    /** The one way training moves forward, for Play and every Step. */
    private void advance(Unit unit, long count) {
        for (long i = 0; i < count; i++) {
            boolean ok = unit == Unit.UPDATE ? trainer.step() : trainer.stepEpoch();
            while (history.size() < trainer.epoch()) {
                history.append(trainer.loss());
                rateWindowEpochs++;
            }
            if (!ok) {
                playing = false;
                message = trainer.divergence().message();
                return;
            }
            if (playing && stopRule.isMet(trainer.epoch(), trainer.loss())) {
                playing = false;
                message = stopRule.reachedMessage(trainer.epoch());
                return;
            }
        }
    }

    private void publish() {
        long now = System.nanoTime();
        if (!playing) {
            epochsPerSecond = 0;
        } else if (now - rateWindowStart >= RATE_WINDOW_NANOS) {
            epochsPerSecond = rateWindowEpochs * 1e9 / (now - rateWindowStart);
            rateWindowStart = now;
            rateWindowEpochs = 0;
        }
        lastPublish = now;
        var snapshot = trainer.snapshot();
        var grid = DecisionGrid.sample(snapshot.weights(), GRID_RESOLUTION, GRID_MIN, GRID_MAX);
        updateValue(new TrainingFrame(generation, snapshot, grid, history, playing, epochsPerSecond, message));
    }
}
