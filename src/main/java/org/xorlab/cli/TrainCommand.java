package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Divergence;
import org.xorlab.engine.Samples;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.xorlab.text.NumberText;

/** {@code xorlab train}: one run, printed the way the notebook prints it, or saved as CSV and JSON. */
@Command(name = "train", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train one network and print its loss every 1000 epochs and its final predictions, as the "
                + "notebook does; or save every epoch's loss (--csv) and the weights and predictions (--json)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GeneralOptions network;

    @Mixin
    HelpOptions help;

    @Mixin
    BatchSizeOption batch;

    /** The batch size, checked against the data once it is read. */
    private int batchSize;

    @Option(names = "--print-every", order = 41, paramLabel = "N", defaultValue = "1000", converter = Converters.PrintEvery.class,
            description = "Print the loss of epochs 1, N+1, 2N+1, ... (default: ${DEFAULT-VALUE}; with --csv or "
                    + "--json only if given).")
    long printEvery;

    @Option(names = "--csv", order = 42, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write every epoch's loss to FILE as epoch,loss (epoch,loss,test_loss with test points); "
                    + "- for standard output (the summary then goes to standard error).")
    Path csv;

    @Option(names = "--json", order = 43, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the config, initial and final weights and the predictions to FILE; - for standard "
                    + "output.")
    Path json;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = OutputFiles.forPerson(spec.commandLine(), csv, json);
        batchSize = batch.of(spec.commandLine(), network);
        TrainingConfig config = network.config(spec.commandLine(), batchSize);
        boolean testing = !config.testSamples().isEmpty();
        boolean toFiles = csv != null || json != null;
        boolean progress = !toFiles || spec.commandLine().getParseResult().hasMatchedOption("--print-every");
        Trainer trainer = new Trainer(config);

        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", csv);
            outputs.put("--json", json);
            Map<String, OutputFiles.Pending> created = files.createAll(outputs);
            OutputFiles.Pending csvFile = created.get("--csv");
            OutputFiles.Pending jsonFile = created.get("--json");
            LossCsvWriter table = csvFile == null ? null
                    : new LossCsvWriter(csvFile.writer(), testing ? List.of("loss", "test_loss") : List.of("loss"));

            trainer.runEpochs(network.epochs, (epoch, loss) -> {
                if (table != null) {
                    if (testing) {
                        table.row(epoch, loss, trainer.testLoss());
                    } else {
                        table.row(epoch, loss);
                    }
                }
                if (progress && (epoch - 1) % printEvery == 0) {
                    // The notebook's print(f'Epoch {epoch+1}, Loss: {...}'): the epoch without separators.
                    out.println("Epoch " + epoch + ", Loss: " + NumberText.python(loss));
                    if (out == stdout) {
                        StandardOutput.check(stdout);
                    }
                }
            });
            if (jsonFile != null) {
                jsonFile.writer().write(JsonReports.text(JsonReports.train(config, network.epochs,
                        trainer.initialWeights(), trainer.weights(), trainer.divergence())));
            }
            files.commit();
        }

        Divergence divergence = trainer.divergence();
        if (toFiles) {
            printSummary(out, trainer);
        } else {
            printResult(out, trainer);
        }
        if (divergence != null) {
            err.println(divergence.message());
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.OK;
    }

    /** The notebook's ending: the final loss and a table of predictions. */
    private void printResult(PrintWriter out, Trainer trainer) {
        if (trainer.epoch() > 0) {
            out.println("Final loss (epoch " + NumberText.count(trainer.epoch()) + "): "
                    + NumberText.python(trainer.loss()));
        }
        TrainingConfig config = trainer.config();
        if (!config.onTruthTable()) {
            if (trainer.epoch() > 0 && !config.testSamples().isEmpty()) {
                out.println("Test loss: " + NumberText.python(trainer.testLoss()));
            }
            out.println("Accuracy (threshold 0.5): " + accuracy(trainer) + ".");
            return;
        }
        out.println("Predicted output after training:");
        out.println("  x1  x2  target  prediction");
        Weights w = trainer.weights();
        Dataset d = trainer.config().dataset();
        for (int i = 0; i < Dataset.SIZE; i++) {
            out.println("  " + pad((int) Dataset.x0(i), 2) + "  " + pad((int) Dataset.x1(i), 2) + "  "
                    + pad((int) d.target(i), 6) + "  "
                    + NumberText.fixed(w.predict(trainer.config().options(), Dataset.x0(i), Dataset.x1(i)), 8));
        }
    }

    /** "97.5% of 160 training points, 92.5% of 40 test points": the final weights' accuracy at threshold 0.5. */
    static String accuracy(Trainer trainer) {
        return accuracy(trainer.weights(), trainer.config());
    }

    /** As {@link #accuracy(Trainer)} for weights {@code w} of a run of {@code config}. */
    static String accuracy(Weights w, TrainingConfig config) {
        String text = accuracyOf(w, config.samples(), config, "training");
        if (!config.testSamples().isEmpty()) {
            text += ", " + accuracyOf(w, config.testSamples(), config, "test");
        }
        return text;
    }

    private static String accuracyOf(Weights w, Samples points, TrainingConfig config, String what) {
        return NumberText.percent(w.accuracy(points, config.options())) + " of " + NumberText.count(points.size())
                + " " + what + (points.size() == 1 ? " point" : " points");
    }

    /** {@code n} right-aligned in {@code width} characters. */
    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** A few lines when the numbers went to files. */
    private void printSummary(PrintWriter out, Trainer trainer) {
        String loss = trainer.epoch() > 0 ? ": final loss " + NumberText.python(trainer.loss()) : "";
        TrainingConfig config = trainer.config();
        if (trainer.epoch() > 0 && !config.testSamples().isEmpty()) {
            loss += ", test loss " + NumberText.python(trainer.testLoss());
        }
        out.println("Trained " + network.describe() + ", "
                + RunBasics.describeBatch(batchSize, config.sampleCount()) + " for "
                + NumberText.count(trainer.epoch()) + (trainer.epoch() == 1 ? " epoch" : " epochs") + loss + ".");
        if (!config.onTruthTable()) {
            out.println("Accuracy (threshold 0.5): " + accuracy(trainer) + ".");
        }
        if (csv != null) {
            out.println("Wrote the " + (config.testSamples().isEmpty() ? "loss" : "training and test loss") + " of "
                    + NumberText.count(trainer.epoch())
                    + (trainer.epoch() == 1 ? " epoch" : " epochs") + " to " + OutputFiles.describe(csv) + ".");
        }
        if (json != null) {
            out.println("Wrote the weights and predictions to " + OutputFiles.describe(json) + ".");
        }
    }
}
