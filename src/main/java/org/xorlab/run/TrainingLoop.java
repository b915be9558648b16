package org.xorlab.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.xorlab.engine.Budget;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Lockstep;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingSnapshot;
import org.xorlab.engine.WeightHistory;
import org.xorlab.engine.Weights;
import org.xorlab.session.RunSettings;
import org.xorlab.session.Session;
import org.xorlab.text.NumberText;

/**
 * The one run controller of the window, in plain Java: it owns the runs on the thread that calls {@link #run}, takes
 * commands (Play, Pause, Step, Reset...) from a queue that any thread may add to, and hands out immutable
 * {@link TrainingFrame}s. The app wraps it once in a JavaFX {@code Task}, whose {@code updateValue} keeps only the
 * newest frame until the FX thread takes it; a test can drive it on its own thread with {@link #runUntilIdle}.
 *
 * <p>It trains one run (the Train tab) or several from identical initial weights (the Compare tab) through the
 * engine's {@link Lockstep}, the same lockstep the command line's comparison trains through, which also counts each
 * run's epochs and updates to the target loss. Play and the Step commands run the same {@link #advance} method.
 * While playing at full speed the loop trains in slices of a few milliseconds and looks at the queue between slices,
 * so Pause, Step and Reset act at once.
 *
 * <p>Each run also keeps its weights at every epoch boundary ({@link WeightHistory}, bounded). Rewinding
 * ({@link #preview}, {@link #rewindBy}) pauses, looks up an earlier epoch's weights and samples its decision surface
 * here, on the training thread, and publishes it as each run's {@link Preview} until {@link #live}, Play, any Step or
 * a reset.
 */
public final class TrainingLoop {
    /** Playing speed meaning "as fast as the machine can". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** Resolution of the decision surface sampled for each frame. */
    public static final int GRID_RESOLUTION = 100;

    private static final long SLICE_NANOS = 8_000_000L;
    private static final long FRAME_NANOS = 16_000_000L;
    private static final long RATE_WINDOW_NANOS = 500_000_000L;
    /** A grid that samples faster than this is sampled afresh for every frame. */
    private static final long GRID_BUDGET_NANOS = 4_000_000L;

    /** What one advance counts. */
    public enum Unit { UPDATE, EPOCH }

    private sealed interface Command
            permits Play, Pause, Step, Reset, Restart, Retune, SetSpeed, SetStopRule, SetBudget, ShowEpoch, RewindBy,
                    GoLive, Load, Capture, Diagnose { }

    private record Play() implements Command { }

    private record Pause() implements Command { }

    private record Step(Unit unit, long count) implements Command { }

    private record Reset() implements Command { }

    private record Restart(List<RunSpec> runs) implements Command { }

    private record Retune(int run, double learningRate, int batchSize) implements Command { }

    private record SetSpeed(double epochsPerSecond) implements Command { }

    private record SetStopRule(StopRule rule) implements Command { }

    private record SetBudget(Budget budget) implements Command { }

    private record ShowEpoch(long epoch) implements Command { }

    private record RewindBy(long epochs) implements Command { }

    private record GoLive() implements Command { }

    private record Load(String name, Session session) implements Command { }

    private record Capture(int run, CompletableFuture<Session> result) implements Command { }

    private record Diagnose(boolean on) implements Command { }

    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();

    // Everything below belongs to the training thread.
    private final List<Run> runs = new ArrayList<>();
    /** Trains {@link #runs}, run i as its run i, and counts their way to the target loss. */
    private Lockstep lockstep;
    private Consumer<TrainingFrame> frames = f -> { };
    private long generation;
    private boolean playing;
    private double speed;
    private StopRule stopRule;
    /** Compare only: each run trains until it has spent this, in lockstep on its measure; null on the Train tab. */
    private Budget budget;
    private String message = "";
    private long nextEpochAt;
    private long lastPublish;
    private long rateWindowStart;
    private long rateWindowEpochs;
    private double epochsPerSecond;
    /** Whether each run keeps a {@link Diagnosis} (the Train tab asks for one; nothing else pays for it). */
    private boolean diagnosing;
    /** Keeps each run's loss and weights at every epoch it completes, and says why a run diverged. */
    private final Lockstep.Listener recorder = new Lockstep.Listener() {
        @Override
        public void epochCompleted(int i, Trainer trainer) {
            Run run = runs.get(i);
            Weights w = trainer.weights();
            double loss = lockstep.yardstick().read(trainer);
            run.weights.record(trainer.epoch(), w);
            run.history.append(loss);
            if (!trainer.config().testSamples().isEmpty()) {
                run.testHistory.append(trainer.testLoss());
            }
            if (run.diagnosis != null) {
                run.diagnosis.epochCompleted(trainer, w, loss);
            }
        }

        @Override
        public void diverged(int i, Trainer trainer) {
            message = divergenceMessage(i);
            Run run = runs.get(i);
            if (run.diagnosis != null) {
                run.diagnosis.diverged(trainer);
            }
        }
    };

    /**
     * @param specs the runs; all must share dataset, hidden units and seed, so they start from identical weights
     */
    public TrainingLoop(List<RunSpec> specs, StopRule stopRule, double speed) {
        this.stopRule = stopRule;
        this.speed = speed;
        createRuns(specs);
    }

    /** One trained run's name and histories, owned by the training thread; the lockstep holds its trainer. */
    private static final class Run {
        final String name;
        LossHistory history = new LossHistory();
        /** The test loss after each completed epoch; stays empty without a test set. */
        LossHistory testHistory = new LossHistory();
        WeightHistory weights = new WeightHistory();
        /** The earlier epoch shown instead of the live run, or null. */
        Preview preview;
        /** What a teacher would point out about this run, or null while the window does not ask. */
        Diagnosis diagnosis;
        /** The last decision surface sampled for a frame, the weights it was sampled from, when, and its cost. */
        DecisionGrid grid;
        Weights gridWeights;
        long gridAt;
        long gridNanos;
        /** The accuracies last computed for a frame and the weights they belong to. */
        Weights accuracyWeights;
        double accuracy = Double.NaN;
        double testAccuracy = Double.NaN;

        /**
         * Computes, here on the training thread, the fraction of the training and test samples that {@code shown}
         * classifies right at threshold 0.5; kept while the shown weights stay the same.
         */
        void measureAccuracy(Weights shown, TrainingConfig config) {
            if (shown.equals(accuracyWeights)) {
                return;
            }
            accuracy = shown.accuracy(config.samples(), config.options());
            testAccuracy = shown.accuracy(config.testSamples(), config.options());
            accuracyWeights = shown;
        }

        /**
         * The decision surface of the snapshot's weights. A deep network's grid costs a forward pass per cell (about
         * 40 to 120 ms for six layers of eight on a loaded 2-core machine), so while playing a grid that cost more
         * than {@value #GRID_BUDGET_NANOS} ns is kept until four times its cost has passed: training keeps at least
         * four fifths of the thread. Paused, stepped or rewound frames always get their weights' own grid.
         */
        DecisionGrid grid(TrainingSnapshot snapshot, boolean playing, long now) {
            Weights w = snapshot.weights();
            if (grid != null && (w.equals(gridWeights)
                    || playing && gridNanos > GRID_BUDGET_NANOS && now - gridAt < 4 * gridNanos)) {
                return grid;
            }
            long start = System.nanoTime();
            grid = sample(w, snapshot.config());
            gridNanos = System.nanoTime() - start;
            gridAt = start;
            gridWeights = w;
            return grid;
        }

        Run(String name, Trainer trainer) {
            this.name = name;
            weights.record(trainer.epoch(), trainer.weights());
        }

        void clear(Trainer trainer) {
            history = new LossHistory();
            testHistory = new LossHistory();
            weights = new WeightHistory();
            weights.record(trainer.epoch(), trainer.weights());
            preview = null;
            accuracyWeights = null;
            if (diagnosis != null) {
                diagnosis.restart(trainer, trainer.weights());
            }
        }
    }

    private void createRuns(List<RunSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one run is needed");
        }
        TrainingConfig first = specs.get(0).config();
        Weights initial = Weights.initial(first);
        List<Trainer> trainers = new ArrayList<>();
        for (RunSpec spec : specs) {
            TrainingConfig c = spec.config();
            String differs = sharedDifference(first, c);
            if (differs != null) {
                throw new IllegalArgumentException("runs compared side by side start from identical weights, so they"
                        + " must share dataset, data, input features, hidden layers, activation, initialisation and"
                        + " seed; " + spec.name() + " differs in its " + differs + " (they may differ in optimiser,"
                        + " learning rate, batch size, loss, regularisation and sample order)");
            }
            trainers.add(new Trainer(c, initial));
        }
        useRuns(specs.stream().map(RunSpec::name).toList(), trainers);
    }

    /**
     * What of the settings that fix the initial weights and the data (dataset, data, features, hidden layers,
     * activation, init, seed) {@code c} has otherwise than {@code first}, or null when they share all of them.
     */
    static String sharedDifference(TrainingConfig first, TrainingConfig c) {
        if (c.dataset() != first.dataset()) {
            return "dataset (" + c.dataset().id() + ", not " + first.dataset().id() + ")";
        }
        if (!c.options().data().equals(first.options().data())) {
            return "data (" + describe(c) + ", not " + describe(first) + ")";
        }
        if (!c.options().features().equals(first.options().features())) {
            return "input features (" + Feature.ids(c.options().features()) + ", not "
                    + Feature.ids(first.options().features()) + ")";
        }
        if (!Arrays.equals(c.hiddenLayers(), first.hiddenLayers())) {
            return "hidden layers (" + widths(c.hiddenLayers()) + ", not " + widths(first.hiddenLayers()) + ")";
        }
        if (c.options().activation() != first.options().activation()) {
            return "activation (" + c.options().activation().id() + ", not " + first.options().activation().id() + ")";
        }
        if (c.options().init() != first.options().init()) {
            return "initialisation (" + c.options().init().id() + ", not " + first.options().init().id() + ")";
        }
        if (c.seed() != first.seed()) {
            return "seed (" + c.seed() + ", not " + first.seed() + ")";
        }
        return null;
    }

    private static String describe(TrainingConfig c) {
        return c.onTruthTable() ? "the " + c.dataset().id() + " truth table" : c.options().data().toString();
    }

    private static String widths(int[] widths) {
        return Arrays.stream(widths).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
    }

    /** Trains {@code trainers} from now on, run i named {@code names.get(i)}. */
    private void useRuns(List<String> names, List<Trainer> trainers) {
        lockstep = new Lockstep(trainers, stopRule.targetLoss(), budget);
        runs.clear();
        for (int i = 0; i < trainers.size(); i++) {
            runs.add(new Run(names.get(i), trainers.get(i)));
        }
        watch();
    }

    /** Gives each run a diagnosis from where it is now, or takes them away, as {@link #diagnosing} says. */
    private void watch() {
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (!diagnosing) {
                run.diagnosis = null;
            } else if (run.diagnosis == null) {
                run.diagnosis = new Diagnosis(stopRule.targetLoss(), lockstep.trainer(i));
            }
        }
    }

    public void play() {
        commands.add(new Play());
    }

    public void pause() {
        commands.add(new Pause());
    }

    /** Pauses and trains {@code count} weight updates or epochs, as Play would. */
    public void step(Unit unit, long count) {
        commands.add(new Step(unit, count));
    }

    /** Back to the run's initial weights. */
    public void reset() {
        commands.add(new Reset());
    }

    /** New runs from their seed's initial weights (new dataset, width or seed, or a changed comparison). */
    public void restart(List<RunSpec> specs) {
        commands.add(new Restart(List.copyOf(specs)));
    }

    /** New learning rate and batch size for run {@code run} from its next update, keeping the weights. */
    public void retune(int run, double learningRate, int batchSize) {
        commands.add(new Retune(run, learningRate, batchSize));
    }

    /** Epochs per second while playing; {@link #MAX_SPEED} for as fast as possible. */
    public void setSpeed(double epochsPerSecond) {
        commands.add(new SetSpeed(epochsPerSecond));
    }

    public void setStopRule(StopRule rule) {
        commands.add(new SetStopRule(rule));
    }

    /**
     * Compare only: every run trains until it has spent {@code budget}, and epoch steps keep the runs level on its
     * measure (with a budget of updates, full-batch GD trains four epochs for each of SGD's), so their curves race on
     * that axis. Null for no budget: the stop rule alone, runs level by epochs.
     */
    public void setBudget(Budget budget) {
        commands.add(new SetBudget(budget));
    }

    /**
     * Pauses and shows every run as it was at the end of {@code epoch} (the nearest kept epoch at or before it), until
     * {@link #live}, Play, any Step or a reset.
     */
    public void preview(long epoch) {
        commands.add(new ShowEpoch(epoch));
    }

    /** Like {@link #preview}, {@code epochs} before the epoch shown now (or before the newest completed epoch). */
    public void rewindBy(long epochs) {
        commands.add(new RewindBy(epochs));
    }

    /** Shows the runs live again. */
    public void live() {
        commands.add(new GoLive());
    }

    /**
     * Whether each run keeps a {@link Diagnosis} whose notes its frames carry ({@link RunFrame#notes}): from the run's
     * next epoch on, until a reset or new runs start it afresh. Off by default; it costs a pass over the weights and
     * the hidden units' z values per epoch.
     */
    public void diagnose(boolean on) {
        commands.add(new Diagnose(on));
    }

    /** Commands queued and not yet taken up by the training thread. */
    public int pendingCommands() {
        return commands.size();
    }

    /**
     * Replaces the runs with one run resumed from a saved session, with its history and stop rule, paused. Training
     * on gives exactly the numbers the saved run would have given.
     */
    public void load(String name, Session session) {
        commands.add(new Load(name, session));
    }

    /**
     * The state of run {@code run} as a session, taken on the training thread between two slices, so the weights,
     * counters and history belong together even while playing. Completes exceptionally with an
     * IllegalStateException saying why if the run is between two updates of an epoch (sessions resume at epoch
     * boundaries).
     */
    public CompletableFuture<Session> capture(int run) {
        CompletableFuture<Session> result = new CompletableFuture<>();
        commands.add(new Capture(run, result));
        return result;
    }

    /**
     * Trains on the calling thread, which from now on owns the runs: takes commands as they come, plays, and hands
     * {@code frames} a frame at the start, after each command and while playing at most one per screen refresh.
     * Returns when {@code cancelled} says so or the thread is interrupted.
     *
     * @throws InterruptedException if the thread is interrupted while waiting for a command
     */
    public void run(Consumer<TrainingFrame> frames, BooleanSupplier cancelled) throws InterruptedException {
        loop(frames, cancelled, false);
    }

    /**
     * As {@link #run}, but returns as soon as no command is waiting and Play is off: after the commands queued so far
     * and any Play they start, until the stop rule, the budget or a divergence stops it. For tests and other callers
     * that want the controller's behaviour without a thread of its own.
     */
    void runUntilIdle(Consumer<TrainingFrame> frames) {
        try {
            loop(frames, () -> false, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(Consumer<TrainingFrame> frames, BooleanSupplier cancelled, boolean untilIdle)
            throws InterruptedException {
        this.frames = frames;
        publish();
        while (!cancelled.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Command command = untilIdle && !playing ? commands.poll() : nextCommand();
            if (command != null) {
                handle(command);
                publish();
            } else if (playing) {
                playSlice();
            } else if (untilIdle) {
                return;
            }
        }
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
            showLive();
            startPlaying();
        } else if (command instanceof Pause) {
            playing = false;
        } else if (command instanceof Step s) {
            playing = false;
            message = "";
            showLive();
            advance(s.unit(), s.count());
        } else if (command instanceof Reset) {
            lockstep.reset();
            startOver();
        } else if (command instanceof Restart r) {
            createRuns(r.runs());
            startOver();
        } else if (command instanceof Retune r) {
            lockstep.trainer(r.run()).retune(r.learningRate(), r.batchSize());
        } else if (command instanceof SetSpeed s) {
            speed = s.epochsPerSecond();
            nextEpochAt = System.nanoTime();
        } else if (command instanceof SetStopRule s) {
            stopRule = s.rule();
            lockstep.setTargetLoss(stopRule.targetLoss());
            runs.stream().filter(r -> r.diagnosis != null)
                    .forEach(r -> r.diagnosis.setTargetLoss(stopRule.targetLoss()));
        } else if (command instanceof SetBudget b) {
            budget = b.budget();
            lockstep.setBudget(budget);
        } else if (command instanceof ShowEpoch s) {
            // Only the newest of a burst (a dragged slider sends many): skip this one if another follows at once.
            if (!(commands.peek() instanceof ShowEpoch)) {
                showEpoch(s.epoch());
            }
        } else if (command instanceof RewindBy r) {
            Run first = runs.get(0);
            // From live in the middle of an epoch, the last completed epoch is already one step back.
            long live = first.weights.newestEpoch() + (lockstep.trainer(0).nextSample() == 0 ? 0 : 1);
            long from = first.preview != null ? first.preview.epoch() : live;
            showEpoch(Math.max(0, from - r.epochs()));
        } else if (command instanceof GoLive) {
            showLive();
        } else if (command instanceof Load l) {
            loadSession(l.name(), l.session());
        } else if (command instanceof Capture c) {
            capture(runs.get(c.run()), lockstep.trainer(c.run()), c.result());
        } else if (command instanceof Diagnose d) {
            diagnosing = d.on();
            watch();
        }
    }

    /** Pauses and previews each run's kept weights at or before {@code epoch}, sampling their decision surface here. */
    private void showEpoch(long epoch) {
        playing = false;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            WeightHistory.Entry kept = run.weights.at(Math.max(0, epoch));
            // A diagnosis note's epoch shows exactly, even where the history has thinned it away.
            Weights noted = run.diagnosis == null ? null : run.diagnosis.weightsAt(epoch);
            if (noted != null) {
                kept = new WeightHistory.Entry(epoch, noted);
            }
            if (kept == null) {
                run.preview = null;
                continue;
            }
            var grid = sample(kept.weights(), lockstep.trainer(i).config());
            run.preview = new Preview(kept.epoch(), kept.weights(), grid);
        }
    }

    private void showLive() {
        runs.forEach(r -> r.preview = null);
    }

    private void startPlaying() {
        if (allDiverged()) {
            message = divergenceMessage(0);
            return;
        }
        if (stopRuleMet()) {
            message = budget != null
                    ? stopMessage() + " Raise the budget or press Reset to go on."
                    : stopRule.reachedMessage(lastEpoch()) + " Change the stopping rule or press Reset to go on.";
            return;
        }
        playing = true;
        message = "";
        nextEpochAt = System.nanoTime();
        rateWindowStart = nextEpochAt;
        rateWindowEpochs = 0;
    }

    private void startOver() {
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).clear(lockstep.trainer(i));
        }
        generation++;
        playing = false;
        message = "";
        epochsPerSecond = 0;
    }

    private void loadSession(String name, Session session) {
        RunSettings settings = session.settings();
        stopRule = new StopRule(settings.stopAtLoss(), settings.stopEpochs(), settings.targetLoss());
        useRuns(List.of(name), List.of(session.trainer()));
        Run run = runs.get(0);
        startOver();
        // The rewind timeline has the start and the saved epoch; the epochs between were not saved.
        if (session.epoch() > 0) {
            run.weights = new WeightHistory();
            run.weights.record(0, session.initial());
            run.weights.record(session.epoch(), session.current());
        }
        double[] losses = session.history();
        long epochsToTarget = 0;
        for (int i = 0; i < losses.length; i++) {
            run.history.append(losses[i]);
            if (epochsToTarget == 0 && losses[i] < stopRule.targetLoss()) {
                epochsToTarget = i + 1L;
            }
        }
        // Updates per epoch are known only if the batch size never changed during the saved run; otherwise 0.
        int perEpoch = settings.config().updatesPerEpoch();
        long updatesToTarget = session.updates() == session.epoch() * perEpoch ? epochsToTarget * perEpoch : 0;
        lockstep.resumeToTarget(0, epochsToTarget, updatesToTarget);
    }

    private void capture(Run run, Trainer t, CompletableFuture<Session> result) {
        if (t.nextSample() != 0) {
            result.completeExceptionally(new IllegalStateException("A session is saved between epochs, and this run is "
                    + t.nextSample() + " of " + t.sampleCount() + " samples into epoch "
                    + NumberText.count(t.epoch() + 1)
                    + ": press Shift+→ to finish the epoch, then save."));
            return;
        }
        try {
            RunSettings settings = new RunSettings(t.config(), stopRule.byTarget(), stopRule.epochs(), stopRule.targetLoss());
            result.complete(new Session(settings, t.initialWeights(), t.weights(), t.optimizerState(), t.epoch(),
                    t.updates(), run.history.copyRange(0, (int) t.epoch())));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
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

    /**
     * The one way training moves forward, for Play and every Step: {@code count} lockstep steps of every run that can
     * go on. An epoch step finishes the next epoch of every run that is furthest behind on the lockstep measure
     * (epochs, or the budget's measure); runs already ahead wait, so the runs line up again. A run that has spent its
     * budget stops.
     */
    private void advance(Unit unit, long count) {
        Measure level = budget == null ? Measure.EPOCHS : budget.measure();
        for (long i = 0; i < count; i++) {
            boolean moved = unit == Unit.UPDATE ? lockstep.stepUpdate(recorder) : lockstep.stepEpoch(level, recorder);
            rateWindowEpochs += unit == Unit.EPOCH && moved ? 1 : 0;
            if (!moved) {
                playing = false;
                if (budget != null && !allDiverged()) {
                    message = stopMessage();
                }
                return;
            }
            if (playing && stopRuleMet()) {
                playing = false;
                message = budget != null ? stopMessage() : stopRule.reachedMessage(lastEpoch());
                return;
            }
        }
    }

    private String stopMessage() {
        return "Every run has trained its budget of " + budget.describe() + ".";
    }

    /** True when every run that can still train has met the stop rule (with a budget: has spent it). */
    private boolean stopRuleMet() {
        boolean any = false;
        for (int i = 0; i < runs.size(); i++) {
            Trainer t = lockstep.trainer(i);
            if (!t.diverged()) {
                any = true;
                if (budget != null ? lockstep.canTrain(i) : !stopRule.isMet(t.epoch(), t.loss())) {
                    return false;
                }
            }
        }
        return any;
    }

    private boolean allDiverged() {
        for (int i = 0; i < runs.size(); i++) {
            if (!lockstep.trainer(i).diverged()) {
                return false;
            }
        }
        return true;
    }

    private long lastEpoch() {
        long last = 0;
        for (int i = 0; i < runs.size(); i++) {
            last = Math.max(last, lockstep.trainer(i).epoch());
        }
        return last;
    }

    private String divergenceMessage(int run) {
        Trainer t = lockstep.trainer(run);
        String text = t.divergence() == null ? "" : t.divergence().message();
        return runs.size() == 1 ? text : runs.get(run).name + ": " + text;
    }

    /** The decision surface of {@code weights} trained by {@code config}, with its hidden activation. */
    private static DecisionGrid sample(Weights weights, TrainingConfig config) {
        PlotRange range = PlotRange.of(config);
        return DecisionGrid.sample(weights, config.options(), GRID_RESOLUTION, range.min(), range.max());
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
        List<RunFrame> shown = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            var snapshot = lockstep.trainer(i).snapshot();
            var grid = run.grid(snapshot, playing, now);
            run.measureAccuracy(run.preview != null ? run.preview.weights() : snapshot.weights(), snapshot.config());
            shown.add(new RunFrame(run.name, snapshot, grid, run.history, lockstep.epochsToTarget(i),
                    lockstep.updatesToTarget(i), lockstep.trainingNanos(i), run.weights, run.preview,
                    run.testHistory, run.accuracy, run.testAccuracy,
                    run.diagnosis == null ? List.of() : run.diagnosis.notes()));
        }
        frames.accept(new TrainingFrame(generation, shown, stopRule.targetLoss(), playing, epochsPerSecond, message));
    }
}
