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
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.ComparisonRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab compare}: the notebook's exercise. Trains full-batch gradient descent and SGD (or any batch sizes)
 * from identical initial weights and says which got the loss below a target first, by epochs and by updates.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train several batch sizes from the same initial weights for the same epochs and report "
                + "when each one's loss first fell below --target-loss, in epochs and in weight updates."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--batch-sizes", paramLabel = "K", split = ",", defaultValue = "4,1",
            converter = Converters.BatchSize.class,
            description = "Batch sizes to compare, at least two different ones from 1 to 4, comma-separated or "
                    + "repeated; 4 is named batch, 1 sgd (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--target-loss", paramLabel = "LOSS", defaultValue = "0.01",
            converter = Converters.TargetLoss.class,
            description = "The loss to get below, a finite number greater than 0 (default: ${DEFAULT-VALUE}).")
    double targetLoss;

    @Option(names = "--csv", paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write every epoch's loss of each run to FILE as epoch,<run>,<run>; - for standard output "
                    + "(the summary then goes to standard error).")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the target and each run's epochs and updates to it and final loss to FILE; - for "
                    + "standard output.")
    Path json;

    @Option(names = "--png", paramLabel = "FILE", converter = Converters.ImageFile.class,
            description = "Draw the loss curves (log scale) to FILE, 1200 x 700 pixels (a file, never standard "
                    + "output).")
    Path png;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // With a file on standard output (-), everything meant for a person goes to standard error.
        PrintWriter out = OutputFiles.isStandardOutput(csv) || OutputFiles.isStandardOutput(json) ? err
                : spec.commandLine().getOut();
        checkBatchSizes();
        Comparison comparison = Comparison.ofBatchSizes(network.config(batchSizes.get(0)), batchSizes, targetLoss);
        List<String> names = comparison.runs().stream().map(ComparisonRun::name).toList();

        ComparisonResult result;
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", csv);
            outputs.put("--json", json);
            outputs.put("--png", png);
            files.requireDistinct(outputs);
            OutputFiles.Pending csvFile = csv == null ? null : files.create("--csv", csv);
            OutputFiles.Pending jsonFile = json == null ? null : files.create("--json", json);
            OutputFiles.Pending pngFile = png == null ? null : files.create("--png", png);
            LossCsv table = csvFile == null ? null : new LossCsv(csvFile.writer(), names);

            comparison.runEpochs(network.epochs, table == null ? null : table::row);
            result = comparison.result();
            if (jsonFile != null) {
                jsonFile.writer().write(JsonReports.text(JsonReports.compare(result)));
            }
            if (pngFile != null) {
                LossCurvePng.write(LossCurvePng.chart(result, comparison.history(), network.describe()
                        + ", " + network.epochs + " epochs, same initial weights"), pngFile.stream());
            }
            files.commit();
        }

        printResult(out, result);
        boolean diverged = false;
        for (ComparisonResult.RunSummary run : result.runs()) {
            if (run.diverged()) {
                err.println(run.name() + ": " + run.divergence().message());
                diverged = true;
            }
        }
        return diverged ? ExitCodes.DIVERGED : ExitCodes.OK;
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

    private void printResult(PrintWriter out, ComparisonResult result) {
        String target = Comparison.plainNumber(result.targetLoss());
        out.println("Compared " + network.describe() + ", " + network.epochs
                + " epochs, all from the same initial weights:");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "batch size", "epochs to loss < " + target, "updates to loss < " + target,
            "final loss"});
        for (ComparisonResult.RunSummary r : result.runs()) {
            rows.add(new String[] {
                r.name(),
                String.valueOf(r.batchSize()),
                r.reachedTarget() ? String.valueOf(r.epochsToTarget().getAsLong()) : "never",
                r.reachedTarget() ? String.valueOf(r.updatesToTarget().getAsLong()) : "never",
                Double.isFinite(r.finalLoss()) ? Comparison.briefNumber(r.finalLoss()) : "none"});
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
        out.println(result.verdict());
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
