package org.xorlab.run;

import java.util.ArrayList;
import java.util.List;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Divergence;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * Watches one run at its epoch ends and writes a {@link DiagnosisNote} when something a teacher would point out
 * begins: the hidden units have saturated, the loss has plateaued, the run is stuck (the weights have stopped moving
 * while the loss is high), or it diverged. Each note is written once per episode: when its condition starts to hold,
 * not again while it goes on holding (see each rule for when an episode ends).
 *
 * <p>Everything it reads the training loop already has at an epoch's end: the epoch's loss, the weights it copies
 * for the timeline anyway, and the hidden units' pre-activations the epoch's forward passes left in the trainer
 * ({@link Trainer#saturatedPairs}). Per epoch it costs one pass over the weights and one over the hidden units'
 * z values, no forward or backward pass of its own. Plain Java, owned by the thread that trains.
 */
public final class Diagnosis {
    /**
     * |z| above which a sigmoid or tanh unit counts as saturated: sigma'(5) = 0.0066, 1/38 of its largest slope
     * 0.25, and tanh'(5) = 0.00018; backpropagation multiplies the error by that slope, so the gradient through the
     * unit has all but vanished.
     */
    public static final double SATURATED_Z = 5.0;
    /**
     * The share of (hidden unit, sample) pairs that must be saturated: "most" as at least three in four, so that with
     * the notebook's 2 units x 4 samples one unit saturated on every sample (4 of 8) is not yet a note, while 6 of 8
     * is: then fewer than a quarter of the paths carry a usable gradient.
     */
    public static final double SATURATED_SHARE = 0.75;
    /**
     * The span a plateau is measured over: 500 epochs, a tenth of the notebook's 10,000 and long enough that a run
     * which is learning, even slowly, moves its loss by more than {@link #PLATEAU_CHANGE} in it.
     */
    public static final int PLATEAU_EPOCHS = 500;
    /**
     * The relative change over {@link #PLATEAU_EPOCHS} epochs that still counts as flat: 1% of the loss. A run that
     * learns moves more: the notebook's SGD run, once it leaves its plateau, by 4% or more per 500 epochs (0.248 at
     * epoch 1,000, 0.238 at 1,500, 0.215 at 2,000), then far more.
     */
    public static final double PLATEAU_CHANGE = 0.01;
    /**
     * A plateau ends when the loss has left its level by this much (10%), not at the first 1% wobble: a slow
     * descent of 1% per 500 epochs is one plateau, not a note every 500 epochs.
     */
    public static final double PLATEAU_EXIT = 0.10;
    /**
     * The mean gradient's norm below which the weights have stopped moving: the epoch's step divided by the learning
     * rate and the epoch's updates (for SGD exactly the mean of the gradients the epoch descended). The notebook's
     * SGD run's never falls below 7.8e-4 (at epoch 10,000, its loss far below the target by then), batch GD's below
     * 1.8e-3 (at epoch 509); rate 1 from seed 42, which sits in a local minimum, falls to 5e-5.
     */
    public static final double STUCK_GRADIENT = 1e-4;
    /** "Well above the target": a stuck note needs a loss at least this many times the target loss. */
    public static final double STUCK_LOSS_FACTOR = 5.0;
    /** Epochs in a row the stuck condition must hold, so that one slow epoch on the way down is not a note. */
    public static final int STUCK_EPOCHS = 200;
    /**
     * A saturation or stuck episode ends only after its condition has failed for this many epochs in a row, so a
     * share that wobbles around its threshold from epoch to epoch writes one note, not one per wobble.
     */
    public static final int QUIET_EPOCHS = 200;

    private double targetLoss;
    private List<DiagnosisNote> notes = List.of();
    /**
     * The weights at each note's epoch, kept here because the timeline's {@link org.xorlab.engine.WeightHistory}
     * thins old epochs (at epoch 10,000 it keeps epoch 160, not 166): a note's link must show its own epoch.
     */
    private final java.util.Map<Long, Weights> pinned = new java.util.HashMap<>();
    /** The weights of the epoch being looked at, for {@link #add} to pin. */
    private Weights current;

    private final Episode saturation = new Episode();
    private final Episode stuck = new Episode();
    /** The last {@link #PLATEAU_EPOCHS} + 1 epochs' losses, epoch e at e modulo the length. */
    private final double[] recent = new double[PLATEAU_EPOCHS + 1];
    /** The epoch this diagnosis started watching at: the plateau rule needs {@link #PLATEAU_EPOCHS} after it. */
    private long firstEpoch;
    /** Whether a plateau episode is on, and the loss its note compared against. */
    private boolean onPlateau;
    private double plateauLevel;
    /** The epoch the stuck condition has held since, or -1. */
    private long stuckSince = -1;
    private boolean diverged;
    /**
     * Whether the hidden units can saturate (sigmoid or tanh, with at least one hidden unit), and how many (hidden
     * unit, sample) pairs there are: fixed for a run, read once.
     */
    private boolean squashing;
    private int pairs;
    /** The weights and update count at the end of the last epoch seen. */
    private Weights previous;
    private long previousUpdates;

    /** A diagnosis of the run {@code trainer} holds, from where it is now. */
    public Diagnosis(double targetLoss, Trainer trainer) {
        this.targetLoss = targetLoss;
        restart(trainer, trainer.weights());
    }

    /** Forgets every note and episode: the run started over from {@code weights} (the trainer's now). */
    public void restart(Trainer trainer, Weights weights) {
        notes = List.of();
        pinned.clear();
        saturation.clear();
        stuck.clear();
        onPlateau = false;
        firstEpoch = trainer.epoch();
        stuckSince = -1;
        diverged = false;
        previous = weights;
        previousUpdates = trainer.updates();
        Activation f = trainer.config().options().activation();
        pairs = trainer.hiddenPairs();
        squashing = (f == Activation.SIGMOID || f == Activation.TANH) && pairs > 0;
    }

    /** The loss the plateau and stuck rules compare against (the stop rule's target). */
    public void setTargetLoss(double targetLoss) {
        this.targetLoss = targetLoss;
    }

    /** Every note so far, oldest first; an immutable list, replaced (never changed) when a note is added. */
    public List<DiagnosisNote> notes() {
        return notes;
    }

    /**
     * The run just completed epoch {@code trainer.epoch()} with {@code loss} and ends it with {@code weights} (the
     * trainer's, already copied by the caller).
     */
    public void epochCompleted(Trainer trainer, Weights weights, double loss) {
        long epoch = trainer.epoch();
        current = weights;
        checkSaturation(trainer, epoch, loss);
        checkPlateau(epoch, loss);
        long updates = trainer.updates() - previousUpdates;
        double gradient = meanGradient(previous, weights, trainer.config().learningRate(), updates);
        checkStuck(epoch, loss, gradient);
        previous = weights;
        previousUpdates = trainer.updates();
    }

    /** The run diverged in its current epoch: one note saying why. */
    public void diverged(Trainer trainer) {
        Divergence d = trainer.divergence();
        if (d == null || diverged) {
            return;
        }
        diverged = true;
        add(divergenceNote(d, trainer.config().options(), trainer.weights().maxAbs()));
    }

    /**
     * Saturation: the hidden activation is the sigmoid or tanh, at least {@link #SATURATED_SHARE} of the (hidden
     * unit, sample) pairs had |z| above {@link #SATURATED_Z} in the epoch, and the loss is still above the target (a
     * network that has learned may well saturate; then there is nothing left for the gradient to do).
     */
    private void checkSaturation(Trainer trainer, long epoch, double loss) {
        if (!squashing) {
            return;
        }
        int saturated = trainer.saturatedPairs(SATURATED_Z);
        boolean holds = saturated >= SATURATED_SHARE * pairs && loss > targetLoss;
        if (saturation.update(holds, epoch)) {
            String unit = trainer.config().options().activation() == Activation.TANH ? "tanh" : "sigmoid";
            add(new DiagnosisNote(DiagnosisNote.Kind.SATURATION, epoch,
                    "At epoch " + NumberText.count(epoch) + " most hidden " + unit + " units have saturated (|z| > "
                            + NumberText.plain(SATURATED_Z) + " for " + saturated + " of " + pairs
                            + " unit-sample pairs): their slope is almost 0, so the gradient vanishes.",
                    "Try a smaller learning rate or Xavier init."));
        }
    }

    /**
     * Plateau: the loss is above the target and every epoch's loss of the last {@link #PLATEAU_EPOCHS} lies within
     * {@link #PLATEAU_CHANGE} (relative) of the loss {@link #PLATEAU_EPOCHS} epochs ago: flat all along, not a loss
     * that jumps about and happens to come back (as SGD's does at a rate of 30). The episode ends when the loss leaves that level by {@link #PLATEAU_EXIT}
     * or falls below the target.
     */
    private void checkPlateau(long epoch, double loss) {
        recent[(int) Math.floorMod(epoch, (long) recent.length)] = loss;
        double then = recent[(int) Math.floorMod(epoch - PLATEAU_EPOCHS, (long) recent.length)];
        if (onPlateau) {
            if (Math.abs(loss - plateauLevel) > PLATEAU_EXIT * plateauLevel || !(loss > targetLoss)) {
                onPlateau = false;
            }
            return;
        }
        if (epoch - firstEpoch <= PLATEAU_EPOCHS || !(loss > targetLoss)
                || !(Math.abs(loss - then) < PLATEAU_CHANGE * then) || !flatSince(then)) {
            return;
        }
        onPlateau = true;
        plateauLevel = then;
        long start = epoch - PLATEAU_EPOCHS;
        add(new DiagnosisNote(DiagnosisNote.Kind.PLATEAU, epoch,
                "From epoch " + NumberText.count(start) + " to " + NumberText.count(epoch) + " the loss changed by"
                        + " less than " + NumberText.percent(PLATEAU_CHANGE) + " (" + NumberText.significant(then, 4)
                        + " to " + NumberText.significant(loss, 4) + "), above the target "
                        + NumberText.plain(targetLoss) + ": a plateau, where the gradient is too small to make"
                        + " progress.",
                "Keep training (plateaus can end suddenly), or try a larger learning rate, momentum or another"
                        + " seed."));
    }

    /**
     * True when every loss kept in {@link #recent} lies within {@link #PLATEAU_CHANGE} of {@code level}. Read only
     * when the loss has come back within that band of its value {@link #PLATEAU_EPOCHS} ago, so a run that keeps
     * descending never scans.
     */
    private boolean flatSince(double level) {
        for (double l : recent) {
            if (!(Math.abs(l - level) < PLATEAU_CHANGE * level)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stuck: the mean gradient ({@link #meanGradient}) stayed below {@link #STUCK_GRADIENT} for
     * {@link #STUCK_EPOCHS} epochs in a row while the loss stayed above {@link #STUCK_LOSS_FACTOR} times the target.
     */
    private void checkStuck(long epoch, double loss, double gradient) {
        boolean now = gradient < STUCK_GRADIENT && loss > STUCK_LOSS_FACTOR * targetLoss;
        if (!now) {
            stuckSince = -1;
        } else if (stuckSince < 0) {
            stuckSince = epoch;
        }
        boolean holds = now && epoch - stuckSince + 1 >= STUCK_EPOCHS;
        if (stuck.update(holds, epoch)) {
            add(new DiagnosisNote(DiagnosisNote.Kind.STUCK, epoch,
                    "At epoch " + NumberText.count(epoch) + " the run looks stuck in a local minimum: for "
                            + NumberText.count(STUCK_EPOCHS) + " epochs the gradient's norm has been below "
                            + NumberText.plain(STUCK_GRADIENT) + " (now " + NumberText.significant(gradient, 2)
                            + ") while the loss, " + NumberText.significant(loss, 4) + ", is far above the target "
                            + NumberText.plain(targetLoss) + ".",
                    "Try another seed, more hidden units, or momentum to roll out of the minimum."));
        }
    }

    /**
     * The norm of the epoch's mean gradient, read from the weights: |theta_end - theta_start| / (rate x updates).
     * With SGD (any batch size) each update moves the weights by rate x its gradient, so this is exactly the norm
     * of the mean of the gradients the epoch descended; for the other optimisers it is their mean step over the rate.
     */
    static double meanGradient(Weights before, Weights after, double rate, long updates) {
        return updates <= 0 ? Double.NaN : after.distance(before) / (rate * updates);
    }

    /**
     * Why the run diverged, from what its settings allow a gradient to do. With sigmoid (or tanh) hidden units and
     * mean squared error every gradient is bounded and shrinks as the units saturate, so only an enormous rate
     * overflows. Unbounded hidden units (relu, linear) can grow, and cross-entropy's output error y_hat - y does not
     * shrink as the output saturates, so nothing stops the growth: seed 42 with linear hidden units diverges at rate 2
     * with cross-entropy, and with mean squared error settles instead.
     */
    static DiagnosisNote divergenceNote(Divergence d, TrainingOptions options, double largestWeight) {
        String rate = NumberText.plain(d.learningRate());
        Activation f = options.activation();
        boolean unbounded = f == Activation.RELU || f == Activation.LINEAR;
        boolean crossEntropy = options.loss() == TrainingOptions.Loss.CROSS_ENTROPY;
        String why;
        if (crossEntropy) {
            why = (unbounded ? "the " + f.id() + " hidden units have no upper bound, and " : "")
                    + "with cross-entropy the output's error is y_hat - y, which stays near 1 however saturated the"
                    + " output is (mean squared error multiplies it by y_hat (1 - y_hat), which vanishes there and"
                    + " stops the growth), so at this rate every update made the weights larger until one overflowed";
        } else if (unbounded) {
            why = "the " + f.id() + " hidden units have no upper bound, so at this rate every update made them and"
                    + " their gradients larger until a value overflowed";
        } else if (options.optimizer() != TrainingOptions.Optimizer.SGD) {
            why = options.optimizer().id() + " builds each step from the gradient's history, and at this rate its"
                    + " steps grew the weights until a value overflowed";
        } else {
            why = "with mean squared error and sigmoid units each gradient is small and shrinks as the units"
                    + " saturate, so only a rate this large makes a weight or the loss overflow";
        }
        List<String> tries = new ArrayList<>();
        tries.add("a learning rate of " + NumberText.plain(d.learningRate() / 10) + " or less");
        if (crossEntropy) {
            tries.add("mean squared error");
        }
        if (unbounded) {
            tries.add("sigmoid or tanh hidden units");
        }
        String last = tries.remove(tries.size() - 1);
        String suggestion = "Try " + (tries.isEmpty() ? last
                : String.join(", ", tries) + (tries.size() > 1 ? ", or " : " or ") + last) + ".";
        return new DiagnosisNote(DiagnosisNote.Kind.DIVERGENCE, d.epoch(),
                "At epoch " + NumberText.count(d.epoch()) + " the run diverged at learning rate " + rate
                        + " (the largest weight had reached " + NumberText.significant(largestWeight, 3) + "): " + why
                        + ".",
                suggestion);
    }

    /** The weights at the end of a note's epoch, or null if no note names {@code epoch} (or it is a divergence's). */
    public Weights weightsAt(long epoch) {
        return pinned.get(epoch);
    }

    private void add(DiagnosisNote note) {
        if (note.kind() != DiagnosisNote.Kind.DIVERGENCE) {
            pinned.put(note.epoch(), current);
        }
        List<DiagnosisNote> more = new ArrayList<>(notes);
        more.add(note);
        notes = List.copyOf(more);
    }

    /** A condition's episodes: one starts when it holds, and ends after {@link #QUIET_EPOCHS} epochs without it. */
    private static final class Episode {
        private boolean active;
        private long lastHeld;

        /** True when an episode starts at {@code epoch}. */
        boolean update(boolean holds, long epoch) {
            if (holds) {
                lastHeld = epoch;
                if (!active) {
                    active = true;
                    return true;
                }
            } else if (active && epoch - lastHeld >= QUIET_EPOCHS) {
                active = false;
            }
            return false;
        }

        void clear() {
            active = false;
        }
    }
}
