package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab compare}: the notebook's exercise. Trains full-batch gradient descent and SGD (or any batch sizes)
 * from identical initial weights and says which got the loss below a target first, by epochs, by weight updates and
 * by samples seen, by the rules of {@link org.xorlab.engine.Verdict}.
 */
@Command(name = "compare", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train several batch sizes from the same initial weights and report when each one's loss first "
                + "fell below --target-loss, in epochs, weight updates and samples seen, and which converged faster "
                + "by each measure. Each run trains --epochs N, or (as alternatives) until it has made --updates N "
                + "weight updates or seen --samples N samples, in whole epochs."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

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
            description = "Batch sizes to compare, at least two different ones from 1 to 4, comma-separated or "
                    + "repeated; 4 is named batch, 1 sgd (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--learning-rates", order = 9, paramLabel = "LR", split = ",", converter = Converters.LearningRate.class,
            description = "Instead of --learning-rate: one learning rate per batch size, in the same order "
                    + "(the verdict then says the runs differ in learning rate too).")
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

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = OutputFiles.forPerson(spec.commandLine(), csv, json);
        checkBatchSizes();
        Budget budget = budget();
        Comparison comparison = comparison(budget);
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
            LossCsvWriter table = csvFile == null ? null : new LossCsvWriter(csvFile.writer(), names);

            comparison.run(table == null ? null : table::row);
            result = comparison.result();
            if (jsonFile != null) {
                jsonFile.writer().write(JsonReports.text(JsonReports.compare(result, trainingNanos(comparison))));
            }
            if (pngFile != null) {
                LossCurvePng.write(LossCurvePng.chart(result, comparison.history(), describe(budget)
                        + ", same initial weights"), pngFile.stream());
            }
            files.commit();
        }

        printResult(out, result, trainingNanos(comparison));
        boolean diverged = false;
        for (ComparisonResult.RunSummary run : result.runs()) {
            if (run.diverged()) {
                err.println(run.name() + ": " + run.divergence().message());
                diverged = true;
            }
        }
        return diverged ? ExitCodes.DIVERGED : ExitCodes.OK;
    }

    /** Exactly one of --epochs (the default), --updates and --samples. */
    private Budget budget() {
        var parsed = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        for (String option : List.of("--epochs", "--updates", "--samples")) {
            if (parsed.hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (given.size() > 1) {
            throw new ParameterException(spec.commandLine(), String.join(" and ", given) + " are alternatives: give"
                    + " one of --epochs, --updates or --samples");
        }
        if (updates != null) {
            return new Budget(Measure.UPDATES, updates);
        }
        if (samples != null) {
            return new Budget(Measure.SAMPLES, samples);
        }
        return Budget.epochs(network.epochs);
    }

    private Comparison comparison(Budget budget) {
        if (learningRates != null && spec.commandLine().getParseResult().hasMatchedOption("--learning-rate")) {
            throw new ParameterException(spec.commandLine(), "--learning-rates and --learning-rate are alternatives:"
                    + " give one rate for every run, or one rate per batch size");
        }
        if (learningRates != null && learningRates.size() != batchSizes.size()) {
            throw new ParameterException(spec.commandLine(), "--learning-rates must give one rate per batch size ("
                    + batchSizes.size() + " for --batch-sizes " + joined() + "; got " + learningRates.size() + ")");
        }
        List<ComparisonRun> runs = new ArrayList<>();
        for (int i = 0; i < batchSizes.size(); i++) {
            double rate = learningRates == null ? network.learningRate : learningRates.get(i);
            TrainingConfig config = network.config(batchSizes.get(i)).withLearningRate(rate);
            runs.add(new ComparisonRun(ComparisonRun.nameForBatchSize(batchSizes.get(i)), config));
        }
        return new Comparison(Weights.initial(network.hidden, network.seed), runs, targetLoss, budget);
    }

    private static long[] trainingNanos(Comparison comparison) {
        long[] nanos = new long[comparison.runs().size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = comparison.trainingNanos(i);
        }
        return nanos;
    }

    private void checkBatchSizes() {
        Set<Integer> seen = new HashSet<>();
        for (int k : batchSizes) {
            if (!seen.add(k)) {
                throw new ParameterException(spec.commandLine(), "--batch-sizes must list different batch sizes"
                        + " (got " + k + " twice in '" + joined() + "')");
            }
        }
        if (seen.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--batch-sizes must list at least two different batch"
                    + " sizes from 1 to 4, such as 4,1 (got '" + joined() + "')");
        }
    }

    private String joined() {
        return String.join(",", batchSizes.stream().map(String::valueOf).toList());
    }

    /** "xor, 2 hidden units, seed 42, learning rate 0.1, 10,000 epochs each". */
    private String describe(Budget budget) {
        String settings = learningRates == null ? network.describe()
                : network.dataset.id() + ", " + network.hidden + (network.hidden == 1 ? " hidden unit" : " hidden units")
                        + ", seed " + network.seed;
        return settings + ", " + budget.describe() + " each";
    }

    private void printResult(PrintWriter out, ComparisonResult result, long[] nanos) {
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
                row.add(NetworkOptions.number(r.config().learningRate()));
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
