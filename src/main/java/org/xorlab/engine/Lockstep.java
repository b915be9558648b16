package org.xorlab.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Trains one or more runs side by side and counts, for each, when its loss first fell below a target loss. It is the
 * one lockstep under both {@link Comparison} (the command line's {@code xorlab compare}) and the window's training
 * loop, whose Train tab is a lockstep of one run and whose Compare tab is one of two or three.
 *
 * <p>{@link #stepUpdate} applies one weight update to every run that can go on. {@link #stepEpoch} finishes the next
 * epoch of every run furthest behind on a measure while runs ahead of it wait, so the runs line up again after single
 * updates (one SGD update is a quarter epoch, one batch update a whole one), and a race on weight updates gives
 * full-batch GD four epochs for each of SGD's. A run stops when it diverges or has spent the budget; the others go
 * on.
 *
 * <p>Not thread-safe: one thread trains, and reads the trainers only between steps.
 */
public final class Lockstep {

    /** Told what each run did in a step, on the thread that trains. */
    public interface Listener {
        /**
         * Run {@code run} completed epoch {@code trainer.epoch()}, whose loss by the lockstep's {@link #yardstick()}
         * is {@code yardstick().read(trainer)}.
         */
        void epochCompleted(int run, Trainer trainer);

        /** Run {@code run} diverged in this step and stops; {@code trainer.divergence()} says why. */
        default void diverged(int run, Trainer trainer) {
        }
    }

    private final List<Trainer> trainers;
    private final long[] epochsToTarget;
    private final long[] updatesToTarget;
    private final long[] trainingNanos;
    private double targetLoss;
    /** What the target and each run's losses are read by: the runs' own loss, or their squared error if it differs. */
    private final Yardstick yardstick;
    /** How long each run may train; null for as long as it does not diverge. */
    private Budget budget;
    /** Whether each step reads the clock for {@link #trainingNanos}. */
    private boolean timed = true;

    /**
     * @param trainers   the runs, in order; the lockstep trains them and no one else should
     * @param targetLoss the loss whose first epoch below it is counted, a finite number greater than 0
     * @param budget     how long each run may train, or null for no limit
     * @throws IllegalArgumentException if there is no run or the target loss is not allowed
     */
    public Lockstep(List<Trainer> trainers, double targetLoss, Budget budget) {
        if (trainers == null || trainers.isEmpty()) {
            throw new IllegalArgumentException("a lockstep needs at least one run");
        }
        Comparison.checkTargetLoss(targetLoss);
        this.trainers = List.copyOf(trainers);
        this.yardstick = Yardstick.of(this.trainers.stream().map(Trainer::config).toList());
        this.targetLoss = targetLoss;
        this.budget = budget;
        this.epochsToTarget = new long[trainers.size()];
        this.updatesToTarget = new long[trainers.size()];
        this.trainingNanos = new long[trainers.size()];
    }

    /**
     * One weight update for every run that can go on.
     *
     * @param listener told of each completed epoch and each divergence; may be null
     * @return true if at least one run trained without diverging
     */
    public boolean stepUpdate(Listener listener) {
        return advance(false, Measure.EPOCHS, listener);
    }

    /**
     * Finishes the next epoch of every run that can go on and is furthest behind on {@code level}: the runs with the
     * lowest count of it. Runs ahead wait for them. With runs level on epochs every run trains one epoch.
     *
     * @param level    what keeps the runs level: epochs, or the measure of the budget they race on
     * @param listener told of each completed epoch and each divergence; may be null
     * @return true if at least one run trained without diverging
     */
    public boolean stepEpoch(Measure level, Listener listener) {
        return advance(true, level, listener);
    }

    private boolean advance(boolean wholeEpoch, Measure level, Listener listener) {
        long lowest = wholeEpoch ? lowest(level) : Long.MAX_VALUE;
        boolean moved = false;
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            if (!canTrain(t) || count(t, level) > lowest) {
                continue;
            }
            long epoch = t.epoch();
            boolean ok;
            if (timed) {
                long start = System.nanoTime();
                ok = wholeEpoch ? t.stepEpoch() : t.step();
                trainingNanos[i] += System.nanoTime() - start;
            } else {
                ok = wholeEpoch ? t.stepEpoch() : t.step();
            }
            // A step completes at most one epoch; a diverging update is refused, so it completes none.
            if (t.epoch() > epoch) {
                if (epochsToTarget[i] == 0 && yardstick.read(t) < targetLoss) {
                    epochsToTarget[i] = t.epoch();
                    updatesToTarget[i] = t.updates();
                }
                if (listener != null) {
                    listener.epochCompleted(i, t);
                }
            }
            if (ok) {
                moved = true;
            } else if (listener != null) {
                listener.diverged(i, t);
            }
        }
        return moved;
    }

    /** The lowest count on {@code level} of the runs that can go on; 0 if none can. */
    private long lowest(Measure level) {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            if (canTrain(t)) {
                lowest = Math.min(lowest, count(t, level));
            }
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    private static long count(Trainer t, Measure measure) {
        return measure.of(t.epoch(), t.updates(), samples(t));
    }

    private static long samples(Trainer t) {
        return t.epoch() * t.sampleCount() + t.nextSample();
    }

    private boolean canTrain(Trainer t) {
        return !t.diverged() && (budget == null || !budget.spent(t.epoch(), t.updates(), samples(t)));
    }

    /** True while run {@code run} may train on: it has neither diverged nor spent the budget. */
    public boolean canTrain(int run) {
        return canTrain(trainers.get(run));
    }

    /** True while at least one run may train on. */
    public boolean anyCanTrain() {
        return trainers.stream().anyMatch(this::canTrain);
    }

    /** Returns every run to its initial weights, epoch 0, and forgets what was counted. */
    public void reset() {
        trainers.forEach(Trainer::reset);
        Arrays.fill(epochsToTarget, 0);
        Arrays.fill(updatesToTarget, 0);
        Arrays.fill(trainingNanos, 0);
    }

    /** Number of runs. */
    public int size() {
        return trainers.size();
    }

    /**
     * Run {@code run}'s trainer, to read or {@link Trainer#retune retune}; training it other than through this
     * lockstep would bypass the counts.
     */
    public Trainer trainer(int run) {
        return trainers.get(run);
    }

    /** How long each run may train, or null for no limit. */
    public Budget budget() {
        return budget;
    }

    /** From the next step on, each run trains until it has spent {@code budget} (null: no limit). */
    public void setBudget(Budget budget) {
        this.budget = budget;
    }

    /** What the target loss and the runs' losses are read by. */
    public Yardstick yardstick() {
        return yardstick;
    }

    public double targetLoss() {
        return targetLoss;
    }

    /** Counts epochs completed from now on against {@code targetLoss}; what was already counted stays. */
    public void setTargetLoss(double targetLoss) {
        Comparison.checkTargetLoss(targetLoss);
        this.targetLoss = targetLoss;
    }

    /** The first epoch of run {@code run} whose loss was below the target, 0 if none yet. */
    public long epochsToTarget(int run) {
        return epochsToTarget[run];
    }

    /** The weight updates run {@code run} had applied by the end of that epoch, 0 if none yet. */
    public long updatesToTarget(int run) {
        return updatesToTarget[run];
    }

    /**
     * For a run resumed from saved losses: what it had counted before (epoch and updates at which it first got below
     * the target, 0 for not yet or not known).
     */
    public void resumeToTarget(int run, long epochs, long updates) {
        epochsToTarget[run] = epochs;
        updatesToTarget[run] = updates;
    }

    /**
     * Whether to count each run's training time ({@link #trainingNanos}), on by default. Off, a step reads no clock
     * (two readings per run and step, a tenth of a short epoch's cost) and {@link #trainingNanos} stays where it was:
     * for a study, which trains hundreds of thousands of epochs one run at a time and never reads the times.
     */
    public void setTimed(boolean timed) {
        this.timed = timed;
    }

    /** Wall-clock time run {@code run} has spent training since the start or the last reset, in nanoseconds. */
    public long trainingNanos(int run) {
        return trainingNanos[run];
    }

    /** A summary of run {@code run} now, named {@code name}. */
    public ComparisonResult.RunSummary summary(int run, String name) {
        Trainer t = trainers.get(run);
        return ComparisonResult.RunSummary.of(name, t.snapshot(), epochsToTarget[run], updatesToTarget[run],
                t.epoch() == 0 ? Double.NaN : yardstick.read(t));
    }
}
