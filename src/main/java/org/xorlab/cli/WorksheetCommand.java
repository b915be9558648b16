package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.export.Worksheet;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab worksheet}: one run trained as {@code xorlab train} trains it, up to the chosen weight update, whose
 * every number is printed as exercises and an answer key ({@link Worksheet}) to a PDF.
 */
@Command(name = "worksheet", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train one network as 'train' does up to one weight update (--step, or the first of --epoch) "
                + "and write that update as a PDF worksheet (--out): the forward pass, the loss, the errors, the "
                + "gradients and the new weights to work out by hand, and an answer key on a page of its own."})
final class WorksheetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GeneralOptions network;

    @Mixin
    HelpOptions help;

    @Mixin
    BatchSizeOption batch;

    @Option(names = "--out", order = 41, required = true, paramLabel = "FILE", converter = Converters.DocumentFile.class,
            description = "Write the worksheet to FILE as PDF (A4; a file, never standard output).")
    Path out;

    @Option(names = "--step", order = 42, paramLabel = "N", converter = Converters.UpdateNumber.class,
            description = "The run's N-th weight update, counted from 1 (default: 1, the first).")
    Long step;

    @Option(names = "--epoch", order = 43, paramLabel = "E", converter = Converters.Epochs.class,
            description = "The first weight update of epoch E instead (an alternative to --step).")
    Long epoch;

    @Override
    public Integer call() throws IOException {
        if (step != null && epoch != null) {
            throw new ParameterException(spec.commandLine(), "--step and --epoch are alternatives: give one of them");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        int batchSize = batch.of(spec.commandLine(), network);
        TrainingConfig config = network.config(spec.commandLine(), batchSize);
        String refused = Worksheet.refusal(config);
        if (refused != null) {
            throw new ParameterException(spec.commandLine(), refused);
        }
        long perEpoch = config.updatesPerEpoch();
        long target = epoch != null ? (epoch - 1) * perEpoch + 1 : step != null ? step : 1;
        long last = network.epochs * perEpoch;
        if (target > last) {
            String which = epoch != null ? "--epoch " + epoch : "--step " + step;
            throw new ParameterException(spec.commandLine(), which + " is past the run's last update: --epochs "
                    + network.epochs + " of " + perEpoch + (perEpoch == 1 ? " update" : " updates") + " each make "
                    + NumberText.count(last));
        }
        Trainer trainer = new Trainer(config);
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            // Started before training, so that an unwritable place is reported at once.
            OutputFiles.Pending pdf = files.createAll(Map.of("--out", out)).get("--out");
            while (trainer.updates() < target) {
                if (!trainer.step()) {
                    spec.commandLine().getErr().println(spec.qualifiedName() + ": " + trainer.divergence().message()
                            + " No worksheet was written (" + files.account() + ").");
                    return ExitCodes.DIVERGED;
                }
            }
            UpdateTrace trace = trainer.lastUpdate();
            Worksheet.write(trace, config, pdf.stream());
            files.commit();
            stdout.println("Wrote the worksheet of update " + NumberText.count(trace.update()) + " (epoch "
                    + NumberText.count(trace.epoch()) + ") of " + network.describe() + ", "
                    + RunBasics.describeBatch(batchSize, config.sampleCount()) + " to " + OutputFiles.describe(out)
                    + ".");
        }
        return ExitCodes.OK;
    }
}
