package org.xorlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.TrainingSnapshot;

/**
 * The compare view's table and verdict, read from one {@link TrainingFrame}: the same {@link ComparisonResult} the
 * command line's {@code xorlab compare} prints, so its numbers and sentence read the same. Immutable.
 *
 * @param result        each run's epochs and updates to the target loss and its latest loss
 * @param trainingNanos each run's wall-clock training time, in the runs' order
 * @param stopEpochs    the epochs every run trains before the comparison is finished
 */
record CompareSummary(ComparisonResult result, List<Long> trainingNanos, long stopEpochs) {

    CompareSummary {
        trainingNanos = List.copyOf(trainingNanos);
    }

    /** The summary of {@code frame} for a comparison that stops after {@code stopEpochs} epochs. */
    static CompareSummary of(TrainingFrame frame, long stopEpochs) {
        List<ComparisonResult.RunSummary> runs = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        long epochs = 0;
        for (RunFrame r : frame.runs()) {
            TrainingSnapshot s = r.snapshot();
            boolean reached = r.epochsToTarget() > 0;
            runs.add(new ComparisonResult.RunSummary(r.name(), s.config(), s.epoch(), s.updates(),
                    reached ? OptionalLong.of(r.epochsToTarget()) : OptionalLong.empty(),
                    reached ? OptionalLong.of(r.updatesToTarget()) : OptionalLong.empty(),
                    s.loss(), s.divergence()));
            nanos.add(r.trainingNanos());
            epochs = Math.max(epochs, s.epoch());
        }
        return new CompareSummary(new ComparisonResult(frame.targetLoss(), epochs, runs), nanos, stopEpochs);
    }

    /** True once every run has trained {@link #stopEpochs()} epochs or diverged. */
    boolean finished() {
        return result.runs().stream().allMatch(r -> r.diverged() || r.epochs() >= stopEpochs);
    }

    /** Epochs run so far: the most any run has completed. */
    long epochs() {
        return result.epochs();
    }

    /** "5717", or "not yet" while training, "never" once finished, "diverged" for a run that stopped. */
    String epochsToTarget(int run) {
        ComparisonResult.RunSummary r = result.runs().get(run);
        return r.reachedTarget() ? String.valueOf(r.epochsToTarget().getAsLong()) : notReached(r);
    }

    /** As {@link #epochsToTarget} in weight updates. */
    String updatesToTarget(int run) {
        ComparisonResult.RunSummary r = result.runs().get(run);
        return r.reachedTarget() ? String.valueOf(r.updatesToTarget().getAsLong()) : notReached(r);
    }

    /** The last completed epoch's loss to six significant digits, as {@code xorlab compare} prints it. */
    String finalLoss(int run) {
        double loss = result.runs().get(run).finalLoss();
        return Double.isFinite(loss) ? Comparison.briefNumber(loss) : "–";
    }

    /** "0.4 ms", "84 ms", "1.25 s", "12.5 s"; "–" before any training. */
    String wallTime(int run) {
        if (trainingNanos.get(run) == 0) {
            return "–";
        }
        double ms = trainingNanos.get(run) / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms < 10_000 ? "%.2f s" : "%.1f s", ms / 1000);
    }

    /** True if run {@code run} is among the first to reach the target by epochs. */
    boolean firstByEpochs(int run) {
        return result.runs().size() > 1 && result.firstByEpochs().contains(result.runs().get(run));
    }

    /** True if run {@code run} is among the first to reach the target by weight updates. */
    boolean firstByUpdates(int run) {
        return result.runs().size() > 1 && result.firstByUpdates().contains(result.runs().get(run));
    }

    /** Which run converged faster, by epochs and by updates, once finished; empty before. */
    String verdict() {
        return finished() ? result.verdict() : "";
    }

    private String notReached(ComparisonResult.RunSummary r) {
        if (r.diverged()) {
            return "diverged";
        }
        return finished() ? "never" : "not yet";
    }
}
