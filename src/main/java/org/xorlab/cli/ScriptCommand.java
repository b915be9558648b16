package org.xorlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.export.NotebookScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.xorlab.text.NumberText;

/**
 * {@code xorlab script}: the run {@code xorlab train} would train with the same options, written as the notebook's
 * own NumPy code ({@link NotebookScript}), to a file or standard output.
 */
@Command(name = "script", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Write the run 'xorlab train' would train with these options as a self-contained NumPy script "
                + "in the notebook's own style. 'python3 FILE' prints what the notebook prints; 'python3 FILE --csv "
                + "LOSS.csv' writes every epoch's loss as 'xorlab train --csv' does."})
final class ScriptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GeneralOptions network;

    @Mixin
    HelpOptions help;

    @Mixin
    BatchSizeOption batch;

    @Option(names = "--out", order = 41, required = true, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the script to FILE (such as notebook.py); - for standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        int batchSize = batch.of(spec.commandLine(), network);
        TrainingConfig config = network.config(spec.commandLine(), batchSize);
        String script = NotebookScript.of(config, network.epochs);
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            files.create("--out", out).writer().write(script);
            files.commit();
        }
        if (!OutputFiles.isStandardOutput(out)) {
            spec.commandLine().getOut().println("Wrote the notebook's code for " + network.describe() + ", "
                    + RunBasics.describeBatch(batchSize, config.sampleCount()) + ", "
                    + NumberText.count(network.epochs) + (network.epochs == 1 ? " epoch" : " epochs") + " to "
                    + out + "; run it with python3 " + out + " (--csv LOSS.csv writes every epoch's loss).");
        }
        return ExitCodes.OK;
    }
}
