package org.xorlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a {@link Comparison} found so far: for each run, when its loss first fell below the target, counted in
 * epochs and in weight updates, and its latest loss. Immutable.
 *
 * @param targetLoss the loss a run must get below (strictly) to have reached the target
 * @param epochs     lockstep epochs the comparison has run
 * @param runs       one summary per run, in the comparison's order
 */
public record ComparisonResult(double targetLoss, long epochs, List<RunSummary> runs) {

    public ComparisonResult {
        runs = List.copyOf(runs);
    }

    /**
     * One run's numbers.
     *
     * @param name            the run's name
     * @param config          the run's settings
     * @param epochs          epochs the run completed (fewer than the comparison's if it diverged)
     * @param updates         weight updates the run applied
     * @param epochsToTarget  the first epoch whose loss was below the target, if any
     * @param updatesToTarget weight updates applied by the end of that epoch, if any
     * @param finalLoss       the loss of the run's last completed epoch, NaN if none completed
     * @param divergence      why the run stopped early, or null
     */
    public record RunSummary(String name, TrainingConfig config, long epochs, long updates,
                             OptionalLong epochsToTarget, OptionalLong updatesToTarget, double finalLoss,
                             Divergence divergence) {

        public int batchSize() {
            return config.batchSize();
        }

        public boolean reachedTarget() {
            return epochsToTarget.isPresent();
        }

        public boolean diverged() {
            return divergence != null;
        }
    }

    /** The run with this name, or null. */
    public RunSummary run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The runs that reached the target at the earliest epoch (several if tied; empty if none reached it). */
    public List<RunSummary> firstByEpochs() {
        return earliest(r -> r.epochsToTarget());
    }

    /** The runs that reached the target after the fewest weight updates (several if tied; empty if none did). */
    public List<RunSummary> firstByUpdates() {
        return earliest(r -> r.updatesToTarget());
    }

    private List<RunSummary> earliest(Function<RunSummary, OptionalLong> count) {
        long best = runs.stream().map(count).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).min().orElse(-1);
        if (best < 0) {
            return List.of();
        }
        return runs.stream().filter(r -> count.apply(r).orElse(-1) == best).toList();
    }

    /**
     * One plain sentence saying which run reached the target first by epochs and by updates, for example
     * "sgd reached a loss below 0.01 first, both by epochs (epoch 5717) and by weight updates (update 22868);
     * batch never did in 10000 epochs."
     */
    public String verdict() {
        String target = Comparison.plainNumber(targetLoss);
        List<RunSummary> byEpochs = firstByEpochs();
        List<RunSummary> byUpdates = firstByUpdates();
        StringBuilder s = new StringBuilder();
        if (byEpochs.isEmpty()) {
            s.append(runs.size() == 1 ? "The run did not reach" : "No run reached")
                    .append(" a loss below ").append(target).append(" in ").append(epochs).append(" epochs");
        } else {
            long epoch = byEpochs.get(0).epochsToTarget().getAsLong();
            long update = byUpdates.get(0).updatesToTarget().getAsLong();
            boolean tiedEpochs = byEpochs.size() > 1;
            boolean tiedUpdates = byUpdates.size() > 1;
            if (byEpochs.equals(byUpdates)) {
                s.append(names(byEpochs)).append(tiedEpochs ? " tied in reaching" : " reached")
                        .append(" a loss below ").append(target).append(tiedEpochs ? "" : " first")
                        .append(", both by epochs (epoch ").append(epoch)
                        .append(") and by weight updates (update ").append(update).append(")");
            } else {
                s.append("By epochs ").append(names(byEpochs)).append(tiedEpochs ? " tied in reaching" : " reached")
                        .append(" a loss below ").append(target).append(tiedEpochs ? "" : " first")
                        .append(" (epoch ").append(epoch).append("), but by weight updates ")
                        .append(names(byUpdates)).append(tiedUpdates ? " tied" : " did")
                        .append(" (update ").append(update).append(")");
            }
            List<String> others = new ArrayList<>();
            for (RunSummary r : runs) {
                if (!r.reachedTarget()) {
                    others.add(r.diverged()
                            ? r.name() + " diverged at epoch " + r.divergence().epoch()
                            : r.name() + " never did in " + epochs + " epochs");
                }
            }
            if (!others.isEmpty()) {
                s.append("; ").append(String.join(", ", others));
            }
        }
        return s.append('.').toString();
    }

    private static String names(List<RunSummary> runs) {
        List<String> names = runs.stream().map(RunSummary::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + names.get(names.size() - 1);
    }
}
