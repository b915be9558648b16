package org.xorlab.run;

import java.util.ArrayList;
import java.util.List;
import org.xorlab.engine.Budget;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Verdict;
import org.xorlab.text.NumberText;

/**
 * The compare view's table and verdict, read from one {@link TrainingFrame}: the same {@link ComparisonResult} and
 * {@link Verdict} the command line's {@code xorlab compare} prints, so its numbers and sentence read the same.
 * Immutable.
 *
 * @param result        each run's counts to the target loss and its latest loss, and the budget
 * @param trainingNanos each run's wall-clock training time, in the runs' order
 */
public record CompareSummary(ComparisonResult result, List<Long> trainingNanos) {

    public CompareSummary {
        trainingNanos = List.copyOf(trainingNanos);
    }

    /** The summary of {@code frame} for a comparison in which every run trains {@code budget}. */
    public static CompareSummary of(TrainingFrame frame, Budget budget) {
        List<ComparisonResult.RunSummary> runs = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        for (RunFrame r : frame.runs()) {
            // The history holds each epoch's loss by the comparison's yardstick (its squared error if the losses differ).
            long epoch = r.snapshot().epoch();
            double last = epoch > 0 && r.history() != null && r.history().size() >= epoch
                    ? r.history().get((int) epoch - 1) : r.snapshot().loss();
            runs.add(ComparisonResult.RunSummary.of(r.name(), r.snapshot(), r.epochsToTarget(), r.updatesToTarget(),
                    last));
            nanos.add(r.trainingNanos());
        }
        return new CompareSummary(new ComparisonResult(frame.targetLoss(), budget, runs), nanos);
    }

    /** True once every run has spent the budget or diverged. */
    public boolean finished() {
        return result.finished();
    }

    /** "5,717", or "not yet" while training, "never" once finished, "diverged" for a run that stopped. */
    public String toTarget(int run, Measure measure) {
        ComparisonResult.RunSummary r = result.runs().get(run);
        return r.reachedTarget() ? NumberText.count(r.toTarget(measure).getAsLong()) : notReached(r);
    }

    /** The last completed epoch's loss to six significant digits, as {@code xorlab compare} prints it. */
    public String finalLoss(int run) {
        double loss = result.runs().get(run).finalLoss();
        return Double.isFinite(loss) ? NumberText.brief(loss) : "–";
    }

    /** "0.4 ms", "84 ms", "1.25 s", "12.5 s"; "–" before any training. */
    public String wallTime(int run) {
        return trainingNanos.get(run) == 0 ? "–" : NumberText.duration(trainingNanos.get(run));
    }

    /**
     * True if run {@code run} is marked on {@code measure} once finished: the winner, or one of the tied runs. Never
     * while the verdict is undecided.
     */
    public boolean leads(int run, Measure measure) {
        if (!finished() || result.runs().size() < 2) {
            return false;
        }
        Verdict.Outcome o = result.verdict().on(measure);
        return (o.kind() == Verdict.Kind.WINNER || o.kind() == Verdict.Kind.TIE)
                && o.leaders().contains(result.runs().get(run).name());
    }

    /** True if run {@code run} stopped because its budget ran out before it reached the target. */
    public boolean cutOff(int run) {
        ComparisonResult.RunSummary r = result.runs().get(run);
        return !r.reachedTarget() && !r.diverged()
                && result.budget().spent(r.epochs(), r.updates(), r.samples());
    }

    /** Which run converged faster by each measure, once finished; empty before. */
    public String verdict() {
        return finished() ? result.verdict().sentence() : "";
    }

    private String notReached(ComparisonResult.RunSummary r) {
        if (r.diverged()) {
            return "diverged";
        }
        return finished() ? "never" : "not yet";
    }
}
