package org.xorlab.session;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xorlab.engine.OptimizerState;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * A run saved at an epoch boundary: its settings, the weights it started from and has now, the optimiser's state
 * (zero for plain SGD), its counters and every epoch's loss. Immutable; a valid session always restores to a {@link Trainer} (see {@link #trainer()}).
 */
public final class Session {
    /**
     * The most epochs a session can hold: the most a run in the window keeps (Play stops there at the latest), so
     * every session the window saves opens again, and a file cannot make XOR Lab hold a larger loss history.
     */
    public static final long MAX_EPOCHS = RunSettings.MAX_STOP_EPOCHS;

    private final RunSettings settings;
    private final Weights initial;
    private final Weights current;
    private final OptimizerState state;
    private final long epoch;
    private final long updates;
    private final double[] history;
    private final List<Bookmark> bookmarks;

    /** A session whose optimiser keeps no state, or whose state is zero (plain SGD, or epoch 0). */
    public Session(RunSettings settings, Weights initial, Weights current, long epoch, long updates, double[] history) {
        this(settings, initial, current, OptimizerState.zero(settings.config().inputs(),
                settings.config().hiddenLayers()), epoch, updates, history);
    }

    /**
     * @param state   the optimiser's state after {@code updates} updates (see {@link Trainer#optimizerState()})
     * @param history every completed epoch's loss, epoch 1 first; {@code history.length} must equal {@code epoch}
     * @throws IllegalArgumentException naming the first value that is out of range or inconsistent
     */
    public Session(RunSettings settings, Weights initial, Weights current, OptimizerState state, long epoch,
                   long updates, double[] history) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.current = Objects.requireNonNull(current, "current");
        this.state = Objects.requireNonNull(state, "state");
        this.epoch = epoch;
        this.updates = updates;
        this.history = history.clone();
        this.bookmarks = List.of();
        int[] layers = settings.config().hiddenLayers();
        if (layers.length == 1 && initial.hiddenLayers().length == 1 && current.hiddenLayers().length == 1) {
            int hidden = layers[0];
            if (initial.hidden() != hidden || current.hidden() != hidden) {
                throw new IllegalArgumentException("the weights must have " + hidden + " hidden units, as the settings"
                        + " say (initial has " + initial.hidden() + ", current has " + current.hidden() + ")");
            }
        } else if (!Arrays.equals(initial.hiddenLayers(), layers) || !Arrays.equals(current.hiddenLayers(), layers)) {
            throw new IllegalArgumentException("the weights must have hidden layers " + Arrays.toString(layers)
                    + ", as the settings say (initial has " + Arrays.toString(initial.hiddenLayers()) + ", current has "
                    + Arrays.toString(current.hiddenLayers()) + ")");
        }
        if (epoch < 0 || epoch > MAX_EPOCHS) {
            throw new IllegalArgumentException("epoch must be a whole number from 0 to " + NumberText.count(MAX_EPOCHS)
                    + " (got " + epoch + ")");
        }
        if (history.length != epoch) {
            throw new IllegalArgumentException("the loss history must hold one loss per epoch: " + epoch
                    + " epochs but " + history.length + " losses");
        }
        // The squared error of a sigmoid output is at most 1; cross-entropy has no upper bound.
        boolean squared = settings.config().options().loss() == TrainingOptions.Loss.MSE;
        for (int i = 0; i < history.length; i++) {
            if (squared ? !(history[i] >= 0 && history[i] <= 1)
                    : !(history[i] >= 0 && history[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("the loss of epoch " + (i + 1) + " must be a "
                        + (squared ? "number from 0 to 1" : "finite number from 0 up") + " (got " + history[i] + ")");
            }
        }
        // The trainer checks the rest (finite weights, updates for this many epochs) in the same words.
        trainer();
    }

    /** A trainer in exactly this state, ready to train on. */
    public Trainer trainer() {
        return Trainer.restore(settings.config(), initial, current, epoch, updates, lastLoss(), state);
    }

    /** The optimiser's state after {@link #updates()} updates: zero for plain SGD. */
    public OptimizerState optimizerState() {
        return state;
    }

    public RunSettings settings() {
        return settings;
    }

    /** The weights the run started from (and returns to on Reset). */
    public Weights initial() {
        return initial;
    }

    /** The weights after {@link #epoch()} epochs. */
    public Weights current() {
        return current;
    }

    /** Completed epochs. */
    public long epoch() {
        return epoch;
    }

    /** Weight updates applied. */
    public long updates() {
        return updates;
    }

    /** A copy of every epoch's loss, epoch 1 at index 0. */
    public double[] history() {
        return history.clone();
    }

    /** The loss of epoch {@code e} (1-based). */
    public double loss(int e) {
        return history[e - 1];
    }

    private Session(Session s, List<Bookmark> bookmarks) {
        this.settings = s.settings;
        this.initial = s.initial;
        this.current = s.current;
        this.state = s.state;
        this.epoch = s.epoch;
        this.updates = s.updates;
        this.history = s.history;
        this.bookmarks = Bookmark.normalised(bookmarks);
        for (Bookmark b : this.bookmarks) {
            if (b.epoch() > epoch) {
                throw new IllegalArgumentException("a bookmark marks epoch " + NumberText.count(b.epoch())
                        + ", after the run's epoch " + NumberText.count(epoch));
            }
        }
    }

    /**
     * This session with these bookmarks on its timeline instead (in epoch order, one per epoch).
     *
     * @throws IllegalArgumentException if one marks an epoch after the run's, or there are too many
     */
    public Session withBookmarks(List<Bookmark> marks) {
        return new Session(this, marks);
    }

    /** The bookmarks on the run's timeline, in epoch order. */
    public List<Bookmark> bookmarks() {
        return bookmarks;
    }

    /** The last epoch's loss, NaN at epoch 0. */
    public double lastLoss() {
        return epoch == 0 ? Double.NaN : history[history.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && settings.equals(s.settings) && initial.equals(s.initial)
                && current.equals(s.current) && state.equals(s.state) && epoch == s.epoch && updates == s.updates
                && Arrays.equals(history, s.history) && bookmarks.equals(s.bookmarks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, initial, current, state, epoch, updates, Arrays.hashCode(history), bookmarks);
    }

    @Override
    public String toString() {
        return "Session[" + settings + ", epoch " + epoch + ", updates " + updates + ", current " + current + "]";
    }
}
