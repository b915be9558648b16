package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.ComparisonRun;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Weights;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab compare}: the notebook's exercise. Trains full-batch gradient descent and SGD (or any batch sizes), or
 * with {@code --optimizers} several optimisers at one batch size, from identical initial weights, and says which got
 * the loss below a target first, by epochs, by weight updates and by samples seen, by the rules of
 * {@link org.xorlab.engine.Verdict}. Every option of the general network ({@link GeneralOptions}) applies to every
 * run.
 */
@Command(name = "compare", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train several batch sizes (or, with --optimizers, several optimisers) from the same initial "
                + "weights and report when each one's loss first fell below --target-loss, in epochs, weight updates "
                + "and samples seen, and which converged faster by each measure. Each run trains --epochs N, or (as "
                + "alternatives) until it has made --updates N weight updates or seen --samples N samples, in whole "
                + "epochs."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GeneralOptions network;

    @Mixin
    HelpOptions help;

    @Option(names = "--updates", order = 6, paramLabel = "N", converter = Converters.UpdatesOrSamples.class,
            description = "Instead of --epochs: train each run until it has made at least N weight updates "
                    + "(1 to 400000000), so the runs race on equal updates.")
    Long updates;

    @Option(names = "--samples", order = 7, paramLabel = "N", converter = Converters.UpdatesOrSamples.class,
            description = "Instead of --epochs: train each run until it has seen at least N samples "
                    + "(1 to 400000000).")
    Long samples;

    @Option(names = "--batch-sizes", order = 8, paramLabel = "K", split = ",", defaultValue = "4,1",
            converter = Converters.BatchSize.class,
            description = "Batch sizes to compare, at least two different ones from 1 to 4 (1 to n for n training "
                    + "points of --data; full is n), comma-separated or repeated; 4 (n) is named batch, 1 sgd "
                    + "(Adam-batch4, Adam-batch1 with --optimizer adam; default: ${DEFAULT-VALUE}, with --data "
                    + "full,1). With --optimizers: the one batch size of every run (default there: 1).")
    List<String> batchTexts;

    /** The batch sizes, checked against the data once it is read. */
    private List<Integer> batchSizes;

    @Option(names = "--learning-rates", order = 9, paramLabel = "LR", split = ",", converter = Converters.LearningRate.class,
            description = "Instead of --learning-rate: one learning rate per batch size (or per optimiser with "
                    + "--optimizers), in the same order (the verdict then says the runs differ in learning rate too).")
    List<Double> learningRates;

    @Option(names = "--target-loss", order = 10, paramLabel = "LOSS", defaultValue = "0.01",
            converter = Converters.TargetLoss.class,
            description = "The loss to get below, a finite number greater than 0 (default: ${DEFAULT-VALUE}).")
    double targetLoss;

    @Option(names = "--csv", order = 11, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write every epoch's loss of each run to FILE as epoch,<run>,<run>; a run that has "
                    + "stopped has an empty cell; - for standard output (the summary then goes to standard error).")
    Path csv;

    @Option(names = "--json", order = 12, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the settings, each run's counts and the verdict to FILE; - for standard output.")
    Path json;

    @Option(names = "--png", order = 13, paramLabel = "FILE", converter = Converters.ImageFile.class,
            description = "Draw the loss curves (log scale) to FILE, 1200 x 700 pixels (a file, never standard "
                    + "output).")
    Path png;

    @Option(names = "--optimizers", order = 14, paramLabel = "NAME", split = ",",
            converter = Converters.OptimizerName.class,
            description = "Instead of --optimizer: race these optimisers (at least two different ones of sgd, "
                    + "momentum, nesterov, rmsprop, adam; comma-separated or repeated), named SGD, momentum, "
                    + "Nesterov, RMSprop and Adam. Each run has all the other settings, at the one batch size of "
                    + "--batch-sizes (default 1).")
    List<TrainingOptions.Optimizer> optimizers;

    /** The number of training points the batch sizes run up to: 4 for a truth table. */
    private int n;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = OutputFiles.forPerson(spec.commandLine(), csv, json);
        Comparison comparison = comparison();
        Budget budget = comparison.budget();
        List<String> names = comparison.runs().stream().map(ComparisonRun::name).toList();

        ComparisonResult result;
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", csv);
            outputs.put("--json", json);
            outputs.put("--png", png);
            Map<String, OutputFiles.Pending> created = files.createAll(outputs);
            OutputFiles.Pending csvFile = created.get("--csv");
            OutputFiles.Pending jsonFile = created.get("--json");
            OutputFiles.Pending pngFile = created.get("--png");
            boolean testing = !comparison.runs().get(0).config().testSamples().isEmpty();
            List<String> columns = new ArrayList<>(names);
            if (testing) {
                names.forEach(name -> columns.add(name + "_test_loss"));
            }
            LossCsvWriter table = csvFile == null ? null : new LossCsvWriter(csvFile.writer(), columns);

            comparison.run(table == null ? null : testing ? (epoch, losses) -> table.row(epoch,
                    withTestLosses(comparison, losses)) : table::row);
            result = comparison.result();
            if (jsonFile != null) {
                jsonFile.writer().write(JsonReports.text(JsonReports.compare(result, trainingNanos(comparison),
                        finalWeights(comparison))));
            }
            if (pngFile != null) {
                LossCurvePng.write(LossCurvePng.chart(result, comparison.history(), describe(budget)
                        + ", same initial weights"), pngFile.stream());
            }
            files.commit();
        }

        printResult(out, result, trainingNanos(comparison), finalWeights(comparison));
        boolean diverged = false;
        for (ComparisonResult.RunSummary run : result.runs()) {
            if (run.diverged()) {
                err.println(run.name() + ": " + run.divergence().message());
                diverged = true;
            }
        }
        return diverged ? ExitCodes.DIVERGED : ExitCodes.OK;
    }

    /** Each run's loss, then each run's test loss (an empty cell for a run that has stopped). */
    private static double[] withTestLosses(Comparison comparison, double[] losses) {
        double[] row = Arrays.copyOf(losses, 2 * losses.length);
        for (int i = 0; i < losses.length; i++) {
            row[losses.length + i] = Double.isFinite(losses[i]) ? comparison.snapshot(i).testLoss() : Double.NaN;
        }
        return row;
    }

    private static List<Weights> finalWeights(Comparison comparison) {
        List<Weights> weights = new ArrayList<>();
        for (int i = 0; i < comparison.runs().size(); i++) {
            weights.add(comparison.snapshot(i).weights());
        }
        return weights;
    }

    /** Exactly one of --epochs (the default), --updates and --samples. */
    private Budget budget() {
        return Converters.budget(spec, network.epochs, updates, samples);
    }

    /** The runs the options ask for, checked (batch sizes or optimisers first, then the budget, then the rates). */
    private Comparison comparison() {
        var parsed = spec.commandLine().getParseResult();
        List<String> typed = batchTexts;
        if (!network.data(spec.commandLine()).isTruthTable() && !parsed.hasMatchedOption("--batch-sizes")) {
            typed = List.of(GeneralOptions.FULL, "1");
        }
        batchSizes = new ArrayList<>();
        for (String text : typed) {
            batchSizes.add(network.batchSize(spec.commandLine(), "--batch-sizes", text));
        }
        n = network.config(spec.commandLine(), 1).sampleCount();
        if (optimizers != null && parsed.hasMatchedOption("--optimizer")) {
            throw new ParameterException(spec.commandLine(), "--optimizer and --optimizers are alternatives: pick one"
                    + " (--optimizer NAME trains every run with NAME, --optimizers A,B,... races them)");
        }
        int batchSize = optimizers == null ? 0 : raceBatchSize();
        int count = optimizers == null ? checkedBatchSizes() : checkedOptimizers();
        Budget budget = budget();
        if (learningRates != null && parsed.hasMatchedOption("--learning-rate")) {
            throw new ParameterException(spec.commandLine(), "--learning-rates and --learning-rate are alternatives:"
                    + " give one rate for every run, or one rate per " + (optimizers == null ? "batch size" : "optimiser"));
        }
        if (learningRates != null && learningRates.size() != count) {
            throw new ParameterException(spec.commandLine(), "--learning-rates must give one rate per "
                    + (optimizers == null ? "batch size (" + count + " for --batch-sizes " + joined(batchSizes)
                            : "optimiser (" + count + " for --optimizers " + optimizerList())
                    + "; got " + learningRates.size() + ")");
        }
        List<ComparisonRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double rate = learningRates == null ? network.learningRate : learningRates.get(i);
            if (optimizers == null) {
                runs.add(ComparisonRun.ofBatchSize(network.config(spec.commandLine(), 1).withLearningRate(rate),
                        batchSizes.get(i)));
            } else {
                runs.add(ComparisonRun.ofOptimizer(network.config(spec.commandLine(), batchSize).withLearningRate(rate),
                        optimizers.get(i)));
            }
        }
        return new Comparison(runs, targetLoss, budget);
    }

    /** An optimiser race's one batch size: 1, or the one size --batch-sizes gives. */
    private int raceBatchSize() {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--batch-sizes")) {
            return 1;
        }
        if (batchSizes.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--optimizers races optimisers at one batch size: give"
                    + " --batch-sizes one size from 1 to " + n + ", such as --batch-sizes " + n + " (got '"
                    + String.join(",", batchTexts)
                    + "'), or race batch sizes without --optimizers");
        }
        return batchSizes.get(0);
    }

    private static long[] trainingNanos(Comparison comparison) {
        long[] nanos = new long[comparison.runs().size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = comparison.trainingNanos(i);
        }
        return nanos;
    }

    /** @return how many runs the batch sizes make, after checking they are at least two different ones */
    private int checkedBatchSizes() {
        checkDifferent("--batch-sizes", "batch sizes", "batch sizes from 1 to " + n + ", such as "
                + (n == Dataset.SIZE ? "4,1" : "full,1"), batchSizes, joined(batchSizes));
        return batchSizes.size();
    }

    /** @return how many runs the optimisers make, after checking they are at least two different ones */
    private int checkedOptimizers() {
        checkDifferent("--optimizers", "optimisers", "optimisers, such as sgd,momentum,adam", optimizers,
                optimizerList());
        return optimizers.size();
    }

    private void checkDifferent(String option, String what, String example, List<?> values, String given) {
        Set<Object> seen = new HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                String name = v instanceof TrainingOptions.Optimizer o ? o.id() : String.valueOf(v);
                throw new ParameterException(spec.commandLine(), option + " must list different " + what
                        + " (got " + name + " twice in '" + given + "')");
            }
        }
        if (seen.size() < 2) {
            throw new ParameterException(spec.commandLine(), option + " must list at least two different "
                    + example + " (got '" + given + "')");
        }
    }

    private static String joined(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private String optimizerList() {
        return String.join(",", optimizers.stream().map(TrainingOptions.Optimizer::id).toList());
    }

    /** "xor, 2 hidden units, seed 42, learning rate 0.1, 10,000 epochs each". */
    private String describe(Budget budget) {
        return network.describe(learningRates == null) + ", " + budget.describe() + " each";
    }

    private void printResult(PrintWriter out, ComparisonResult result, long[] nanos, List<Weights> finals) {
        String target = "loss < " + NumberText.plain(result.targetLoss());
        out.println("Compared " + describe(result.budget()) + ", all from the same initial weights:");
        boolean rates = learningRates != null;
        List<String[]> rows = new ArrayList<>();
        rows.add(rates
                ? new String[] {"", "batch", "learning", "epochs to", "updates to", "samples to", "final", "time"}
                : new String[] {"", "batch", "epochs to", "updates to", "samples to", "final", "time"});
        rows.add(rates
                ? new String[] {"run", "size", "rate", target, target, target, "loss", ""}
                : new String[] {"run", "size", target, target, target, "loss", ""});
        for (int i = 0; i < result.runs().size(); i++) {
            ComparisonResult.RunSummary r = result.runs().get(i);
            List<String> row = new ArrayList<>();
            row.add(r.name());
            row.add(String.valueOf(r.batchSize()));
            if (rates) {
                row.add(RunBasics.number(r.config().learningRate()));
            }
            for (Measure m : Measure.values()) {
                row.add(r.toTarget(m).isPresent() ? NumberText.count(r.toTarget(m).getAsLong())
                        : r.diverged() ? "diverged" : "never");
            }
            row.add(Double.isFinite(r.finalLoss()) ? NumberText.brief(r.finalLoss()) : "none");
            row.add(NumberText.duration(nanos[i]));
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < row.length; c++) {
                line.append(' ');
                boolean number = c > 0;
                String cell = number ? " ".repeat(width[c] - row[c].length()) + row[c]
                        : row[c] + " ".repeat(width[c] - row[c].length());
                line.append(cell).append(c < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(result.verdict().sentence());
        if (network.onData() || !network.features.values().equals(Feature.DEFAULT)) {
            for (int i = 0; i < result.runs().size(); i++) {
                ComparisonResult.RunSummary r = result.runs().get(i);
                out.println("Accuracy of " + r.name() + " (threshold 0.5): "
                        + TrainCommand.accuracy(finals.get(i), r.config()) + ".");
            }
        }
        out.println("(Training time depends on this machine and never decides the verdict.)");
        if (csv != null) {
            out.println("Wrote the loss per epoch to " + OutputFiles.describe(csv) + ".");
        }
        if (json != null) {
            out.println("Wrote the summary to " + OutputFiles.describe(json) + ".");
        }
        if (png != null) {
            out.println("Drew the loss curves to " + png + ".");
        }
    }
}
