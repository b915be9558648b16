package org.xorlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.xorlab.text.NumberText;

/**
 * Which run of a comparison converged faster, by each {@link Measure}, and one plain paragraph saying so. The one
 * verdict of XOR Lab: {@code xorlab compare} and the Compare tab both print {@link #sentence()}.
 *
 * <p>The rules, per measure. A run that reached the target loss at count c beats another run only if that run reached
 * it later by more than {@value #MARGIN_PERCENT} %, or diverged, or did not reach it although it ran at least c plus
 * that margin (so it would have been more than the margin late even if it got there next). Within the margin the
 * runs are tied. If a run that did not reach the target ran less than that, nothing was measured: the measure is
 * undecided, and the sentence says what budget would settle it. Wall time never decides: it depends on the machine.
 *
 * <p>The target is the runs' own loss when they share one (the sentence calls it "a cross-entropy of 0.01" when every
 * run minimises cross-entropy); when their losses differ every run is measured by its mean squared error
 * ({@link Yardstick}), and the sentence says so. Last, the paragraph names every setting
 * other than the batch size in which the runs differ (optimiser, a hyper-parameter among the runs whose optimiser
 * uses it, learning rate, loss, regularisation, sample order, ...) with each run's value, and says when it
 * compares several settings together rather than one alone.
 *
 * @param outcomes one outcome per measure, in {@link Measure} order
 * @param sentence the whole verdict for a person to read
 */
public record Verdict(Map<Measure, Outcome> outcomes, String sentence) {
    /** How much later (in percent of the earlier count) a run must be to lose rather than tie. */
    public static final int MARGIN_PERCENT = 5;

    public Verdict {
        outcomes = java.util.Collections.unmodifiableMap(new EnumMap<>(outcomes));
    }

    /** What one measure says. */
    public enum Kind {
        /** One run reached the target first, beyond the margin. */
        WINNER,
        /** The first runs reached it within the margin of each other. */
        TIE,
        /** A run that did not reach the target ran too little to tell. */
        UNDECIDED,
        /** No run reached the target. */
        NONE
    }

    /**
     * The verdict on one measure.
     *
     * @param measure the measure
     * @param kind    what it says
     * @param leaders the winner, or the tied runs (first the earliest); empty for NONE; for UNDECIDED the run that
     *                reached the target first
     * @param lagging for UNDECIDED, the runs that ran too little, each with how much of the measure it ran
     * @param beaten  the runs the leaders beat
     * @param needed  for UNDECIDED, how much of the measure each lagging run must run to settle it; else 0
     */
    public record Outcome(Measure measure, Kind kind, List<String> leaders, Map<String, Long> lagging,
                          List<String> beaten, long needed) {
        public Outcome {
            leaders = List.copyOf(leaders);
            lagging = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lagging));
            beaten = List.copyOf(beaten);
        }

        /** As {@code compare --json} writes it: the winner's name, "tie", "undecided" or "none". */
        public String json() {
            return switch (kind) {
                case WINNER -> leaders.get(0);
                case TIE -> "tie";
                case UNDECIDED -> "undecided";
                case NONE -> "none";
            };
        }
    }

    /** The outcome on {@code measure}. */
    public Outcome on(Measure measure) {
        return outcomes.get(measure);
    }

    /** The verdict on {@code result}, by the rules above. */
    public static Verdict of(ComparisonResult result) {
        Map<Measure, Outcome> outcomes = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            outcomes.put(m, judge(result, m));
        }
        return new Verdict(outcomes, new Wording(result, outcomes).sentence());
    }

    /** "2" or "4,4": a config's hidden layers' widths, input side first. */
    static String widths(TrainingConfig config) {
        return Arrays.stream(config.hiddenLayers()).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
    }

    /**
     * A setting other than the batch size in which the runs of a comparison can differ, as the verdict names it. A
     * hyper-parameter applies only to the runs whose optimiser uses it, and differs only among those.
     */
    private enum Setting {
        OPTIMIZER("optimiser", c -> true, c -> ComparisonRun.nameForOptimizer(c.options().optimizer())),
        MOMENTUM("momentum's mu", c -> uses(c, TrainingOptions.Optimizer.MOMENTUM, TrainingOptions.Optimizer.NESTEROV),
                c -> NumberText.plain(c.options().momentum())),
        RHO("RMSprop's rho", c -> uses(c, TrainingOptions.Optimizer.RMSPROP),
                c -> NumberText.plain(c.options().rho())),
        BETA1("Adam's beta1", c -> uses(c, TrainingOptions.Optimizer.ADAM), c -> NumberText.plain(c.options().beta1())),
        BETA2("Adam's beta2", c -> uses(c, TrainingOptions.Optimizer.ADAM), c -> NumberText.plain(c.options().beta2())),
        EPSILON("epsilon", c -> uses(c, TrainingOptions.Optimizer.RMSPROP, TrainingOptions.Optimizer.ADAM),
                c -> NumberText.plain(c.options().epsilon())),
        LEARNING_RATE("learning rate", c -> true, c -> NumberText.plain(c.learningRate())),
        LOSS("loss", c -> true, c -> c.options().loss().words()),
        REGULARIZATION("regularisation", c -> true, c -> c.options().regularization()
                == TrainingOptions.Regularization.NONE ? "none"
                : c.options().regularization().id() + " rate " + NumberText.plain(c.options().regRate())),
        ORDER("sample order", c -> true, c -> c.options().order().id()),
        // A Comparison refuses runs that differ in these; a result built otherwise still has them named.
        DATASET("dataset", c -> true, TrainingConfig::dataName),
        FEATURES("input features", c -> true, c -> Feature.ids(c.options().features())),
        HIDDEN_LAYERS("hidden layers", c -> true, Verdict::widths),
        ACTIVATION("activation", c -> true, c -> c.options().activation().id()),
        INIT("init", c -> true, c -> c.options().init().id()),
        SEED("seed", c -> true, c -> Long.toString(c.seed()));

        final String label;
        private final Predicate<TrainingConfig> applies;
        private final Function<TrainingConfig, String> value;

        Setting(String label, Predicate<TrainingConfig> applies,
                Function<TrainingConfig, String> value) {
            this.label = label;
            this.applies = applies;
            this.value = value;
        }

        boolean applies(TrainingConfig c) {
            return applies.test(c);
        }

        String value(TrainingConfig c) {
            return value.apply(c);
        }

        /** True if the runs it applies to have more than one value of it. */
        boolean differs(List<ComparisonResult.RunSummary> runs) {
            return runs.stream().map(ComparisonResult.RunSummary::config).filter(applies).map(value).distinct()
                    .count() > 1;
        }

        private static boolean uses(TrainingConfig c, TrainingOptions.Optimizer... optimizers) {
            return Arrays.asList(optimizers).contains(c.options().optimizer());
        }
    }

    /** What the rules above say about two runs on one measure ({@link #pair}). */
    public enum Pair {
        /** The first run reached the target first, beyond the margin (or the second diverged or ran well past it). */
        FIRST,
        /** The second run did. */
        SECOND,
        /** Both reached it within the margin of each other. */
        TIE,
        /** One reached it, and the other stopped too soon to tell. */
        UNDECIDED,
        /** Neither reached it. */
        NEITHER
    }

    /**
     * The rules above for two runs on one measure (a study's paired seeds are judged one pair at a time by it).
     *
     * @param first         when the first run reached the target on the measure, if it did
     * @param firstRan      how much of the measure it ran
     * @param firstDiverged true if it diverged
     */
    public static Pair pair(OptionalLong first, long firstRan, boolean firstDiverged, OptionalLong second,
                            long secondRan, boolean secondDiverged) {
        if (first.isEmpty() && second.isEmpty()) {
            return Pair.NEITHER;
        }
        boolean firstLeads = second.isEmpty() || (first.isPresent() && first.getAsLong() <= second.getAsLong());
        long lead = firstLeads ? first.getAsLong() : second.getAsLong();
        OptionalLong other = firstLeads ? second : first;
        Pair leader = firstLeads ? Pair.FIRST : Pair.SECOND;
        if (other.isPresent()) {
            return beyondMargin(lead, other.getAsLong()) ? leader : Pair.TIE;
        }
        boolean otherDiverged = firstLeads ? secondDiverged : firstDiverged;
        long otherRan = firstLeads ? secondRan : firstRan;
        return otherDiverged || otherRan >= settling(lead) ? leader : Pair.UNDECIDED;
    }

    /** True if {@code later} is more than the margin after {@code earlier}. */
    static boolean beyondMargin(long earlier, long later) {
        return later * 100 > earlier * (100 + MARGIN_PERCENT);
    }

    /** The least count at or beyond which not having reached the target means being more than the margin late. */
    static long settling(long earlier) {
        return (earlier * (100 + MARGIN_PERCENT) + 99) / 100;
    }

    private static Outcome judge(ComparisonResult result, Measure m) {
        ComparisonResult.RunSummary leader = null;
        for (ComparisonResult.RunSummary r : result.runs()) {
            OptionalLong c = r.toTarget(m);
            if (c.isPresent() && (leader == null || c.getAsLong() < leader.toTarget(m).getAsLong())) {
                leader = r;
            }
        }
        if (leader == null) {
            return new Outcome(m, Kind.NONE, List.of(), Map.of(), List.of(), 0);
        }
        long first = leader.toTarget(m).getAsLong();
        List<String> tied = new ArrayList<>(List.of(leader.name()));
        Map<String, Long> lagging = new LinkedHashMap<>();
        List<String> beaten = new ArrayList<>();
        for (ComparisonResult.RunSummary r : result.runs()) {
            if (r == leader) {
                continue;
            }
            OptionalLong c = r.toTarget(m);
            if (c.isPresent()) {
                (beyondMargin(first, c.getAsLong()) ? beaten : tied).add(r.name());
            } else if (r.diverged() || r.ran(m) >= settling(first)) {
                beaten.add(r.name());
            } else {
                lagging.put(r.name(), r.ran(m));
            }
        }
        if (!lagging.isEmpty()) {
            return new Outcome(m, Kind.UNDECIDED, List.of(leader.name()), lagging, beaten, settling(first));
        }
        return new Outcome(m, tied.size() > 1 ? Kind.TIE : Kind.WINNER, tied, Map.of(), beaten, 0);
    }

    /** Builds the paragraph: decided measures first, then ties, then what is undecided, then notes. */
    private static final class Wording {
        private final ComparisonResult result;
        private final Map<Measure, Outcome> outcomes;
        private final String target;
        private final List<String> sentences = new ArrayList<>();

        Wording(ComparisonResult result, Map<Measure, Outcome> outcomes) {
            this.result = result;
            this.outcomes = outcomes;
            this.target = targetText(result);
        }

        /**
         * "0.01" when the runs minimise the notebook's mean squared error (or differ in loss, which
         * {@link #differences()} then explains); "a cross-entropy of 0.01" when every run minimises cross-entropy.
         */
        private static String targetText(ComparisonResult result) {
            String number = NumberText.plain(result.targetLoss());
            boolean crossEntropy = result.runs().stream()
                    .allMatch(r -> r.config().options().loss() == TrainingOptions.Loss.CROSS_ENTROPY);
            return crossEntropy ? "a cross-entropy of " + number : number;
        }

        String sentence() {
            if (outcomes.get(Measure.EPOCHS).kind() == Kind.NONE) {
                none();
            } else if (result.runs().size() == 1) {
                single();
            } else {
                winners();
                ties();
                undecided();
                notReached();
            }
            differences();
            return String.join(" ", sentences);
        }

        private void none() {
            List<ComparisonResult.RunSummary> runs = result.runs();
            boolean sameEpochs = runs.stream().mapToLong(ComparisonResult.RunSummary::epochs).distinct().count() == 1;
            boolean anyDiverged = runs.stream().anyMatch(ComparisonResult.RunSummary::diverged);
            String who = runs.size() == 1 ? "The run did not get" : "No run got";
            if (sameEpochs && !anyDiverged) {
                sentences.add(who + " below " + target + " in " + epochs(runs.get(0).epochs()) + ".");
                return;
            }
            List<String> each = new ArrayList<>();
            for (ComparisonResult.RunSummary r : runs) {
                each.add(r.name() + (r.diverged() ? " diverged at epoch " + NumberText.count(r.divergence().epoch())
                        : " in " + epochs(r.epochs())));
            }
            sentences.add(who + " below " + target + " (" + String.join(", ", each) + ").");
        }

        private void single() {
            ComparisonResult.RunSummary r = result.runs().get(0);
            sentences.add(r.name() + " got below " + target + " at epoch " + NumberText.count(r.epochsToTarget()
                    .getAsLong()) + ", after " + NumberText.count(r.updatesToTarget().getAsLong()) + " weight updates and "
                    + NumberText.count(r.samplesToTarget().getAsLong()) + " samples.");
        }

        private void winners() {
            Map<String, List<Measure>> byWinner = new LinkedHashMap<>();
            for (Outcome o : outcomes.values()) {
                if (o.kind() == Kind.WINNER) {
                    byWinner.computeIfAbsent(o.leaders().get(0), k -> new ArrayList<>()).add(o.measure());
                }
            }
            for (Map.Entry<String, List<Measure>> e : byWinner.entrySet()) {
                ComparisonResult.RunSummary w = result.run(e.getKey());
                List<String> by = new ArrayList<>();
                List<String> at = new ArrayList<>();
                for (Measure m : e.getValue()) {
                    by.add("by " + m.plural());
                    at.add(at(m, w.toTarget(m).getAsLong()));
                }
                sentences.add(capitalized(and(by)) + ", " + w.name() + " got below " + target + " first ("
                        + String.join("; ", at) + ").");
            }
        }

        private void ties() {
            for (Outcome o : outcomes.values()) {
                if (o.kind() != Kind.TIE) {
                    continue;
                }
                List<String> counts = new ArrayList<>();
                for (String name : o.leaders()) {
                    counts.add(NumberText.count(result.run(name).toTarget(o.measure()).getAsLong()));
                }
                String ahead = o.beaten().isEmpty() ? "" : ", ahead of " + and(o.beaten());
                sentences.add("By " + o.measure().plural() + ", " + and(o.leaders()) + " tied: "
                        + (o.leaders().size() == 2 ? "both" : "all") + " got below " + target + " within "
                        + MARGIN_PERCENT + " % of each other (" + o.measure().plural() + " " + and(counts) + ")"
                        + ahead + ".");
            }
        }

        private void undecided() {
            for (Outcome o : outcomes.values()) {
                if (o.kind() != Kind.UNDECIDED) {
                    continue;
                }
                Measure m = o.measure();
                ComparisonResult.RunSummary leader = result.run(o.leaders().get(0));
                List<String> ran = new ArrayList<>();
                long budget = 0;
                Measure budgetMeasure = result.budget().measure();
                for (Map.Entry<String, Long> e : o.lagging().entrySet()) {
                    ran.add(e.getKey() + " " + verb(m) + " only " + NumberText.count(e.getValue()) + " " + m.plural());
                    TrainingConfig c = result.run(e.getKey()).config();
                    long epochsNeeded = (o.needed() + m.perEpoch(c) - 1) / m.perEpoch(c);
                    budget = Math.max(budget, epochsNeeded * budgetMeasure.perEpoch(c));
                }
                sentences.add("By " + m.plural() + " it is undecided: " + and(ran) + " without getting below "
                        + target + ", short of " + leader.name() + "'s " + NumberText.count(leader.toTarget(m)
                        .getAsLong()) + " plus the " + MARGIN_PERCENT + " % margin; give every run at least "
                        + NumberText.count(budget) + " " + budgetMeasure.plural() + " to settle it.");
            }
        }

        /** Runs that never got there, unless an undecided measure already said so. */
        private void notReached() {
            java.util.Set<String> said = new java.util.HashSet<>();
            outcomes.values().forEach(o -> said.addAll(o.lagging().keySet()));
            for (ComparisonResult.RunSummary r : result.runs()) {
                if (said.contains(r.name())) {
                    continue;
                }
                if (r.diverged()) {
                    sentences.add("The run " + r.name() + " diverged at epoch "
                            + NumberText.count(r.divergence().epoch()) + ".");
                } else if (!r.reachedTarget()) {
                    sentences.add("The run " + r.name() + " never got below " + target + " in its "
                            + epochs(r.epochs()) + (result.budget().measure() == Measure.EPOCHS ? ""
                            : " (" + NumberText.count(r.ran(result.budget().measure())) + " "
                            + result.budget().measure().plural() + ")") + ".");
                }
            }
        }

        /**
         * Names every setting in which the runs differ beyond the batch size (a race of batch sizes alone says
         * nothing more, its run names say it), each run's value of it, and that the race compares those settings
         * together when there is more than one; and, when the runs minimise different losses, what the target is
         * for each.
         */
        /**
         * True when every run's name already says its value of {@code s} ("Adam (batch size 1)" for the optimiser
         * adam): the values then stand alone, without the names.
         */
        private static boolean namedByValue(List<ComparisonResult.RunSummary> runs, Setting s) {
            return runs.stream().allMatch(r -> !s.applies(r.config()) || r.name().toLowerCase(java.util.Locale.ROOT)
                    .contains(s.value(r.config()).toLowerCase(java.util.Locale.ROOT)));
        }

        private void differences() {
            List<ComparisonResult.RunSummary> runs = result.runs();
            if (runs.size() < 2) {
                return;
            }
            List<Setting> differ = new ArrayList<>();
            for (Setting s : Setting.values()) {
                if (s.differs(runs)) {
                    differ.add(s);
                }
            }
            if (differ.isEmpty()) {
                return;
            }
            List<String> labels = differ.stream().map(s -> s.label).toList();
            List<String> values = new ArrayList<>();
            for (ComparisonResult.RunSummary r : runs) {
                List<String> own = new ArrayList<>();
                for (Setting s : differ) {
                    if (s.applies(r.config())) {
                        String value = s.value(r.config());
                        own.add(differ.size() > 1 ? s.label + " " + value
                                : namedByValue(runs, s) ? value : r.name() + " " + value);
                    }
                }
                if (differ.size() > 1) {
                    values.add(r.name() + ": " + String.join(", ", own));
                } else {
                    values.addAll(own);
                }
            }
            String listed = " (" + String.join(differ.size() > 1 ? "; " : ", ", values) + ")";
            boolean batchesDiffer = runs.stream().map(ComparisonResult.RunSummary::batchSize).distinct().count() > 1;
            if (batchesDiffer) {
                sentences.add("The runs differ in " + and(labels) + " as well as batch size" + listed
                        + ", so this compares those settings together, not batch size alone.");
            } else if (differ.size() > 1) {
                sentences.add("The runs differ in " + and(labels) + listed
                        + ", so this compares those settings together, not any one of them alone.");
            } else {
                sentences.add("The runs differ in " + labels.get(0) + listed + ".");
            }
            if (differ.contains(Setting.LOSS)) {
                lossNote();
            }
        }

        /**
         * With different losses one target would be two different measures, so the lockstep reads every run by its
         * mean squared error ({@link Yardstick#SQUARED_ERROR}): says so, naming which runs minimise which loss.
         */
        private void lossNote() {
            Map<TrainingOptions.Loss, List<String>> byLoss = new EnumMap<>(TrainingOptions.Loss.class);
            for (ComparisonResult.RunSummary r : result.runs()) {
                byLoss.computeIfAbsent(r.config().options().loss(), k -> new ArrayList<>()).add(r.name());
            }
            List<String> parts = new ArrayList<>();
            byLoss.forEach((loss, names) -> parts.add(and(names) + (names.size() > 1 ? " minimise " : " minimises ")
                    + loss.words()));
            sentences.add("Since " + and(parts) + ", every run is measured by its mean squared error: the target "
                    + NumberText.plain(result.targetLoss()) + " and each run's final loss are mean squared errors.");
        }

        private static String at(Measure m, long count) {
            return switch (m) {
                case EPOCHS -> "epoch " + NumberText.count(count);
                case UPDATES -> "update " + NumberText.count(count);
                case SAMPLES -> NumberText.count(count) + " samples";
            };
        }

        private static String verb(Measure m) {
            return switch (m) {
                case EPOCHS -> "ran";
                case UPDATES -> "made";
                case SAMPLES -> "saw";
            };
        }

        private static String epochs(long n) {
            return NumberText.count(n) + (n == 1 ? " epoch" : " epochs");
        }

        private static String capitalized(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private static String and(List<String> items) {
            if (items.size() == 1) {
                return items.get(0);
            }
            return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
        }
    }
}
