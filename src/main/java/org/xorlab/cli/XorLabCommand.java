package org.xorlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code xorlab} command line: trains the notebook's network without a window. */
@Command(name = "xorlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {TrainCommand.class, CompareCommand.class, StudyCommand.class, DataCommand.class,
            LandscapeCommand.class, ScriptCommand.class, WorksheetCommand.class},
        description = {"A 2-H-1 sigmoid network learning XOR by backpropagation, exactly as the notebook does.",
                "Without arguments (or with 'open') the XOR Lab window opens."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:an output could not be written (the message says which files, if any, were changed)",
            "2:bad input: an option, value or command that is not allowed",
            "3:training diverged (the epochs before it are still written)"})
public final class XorLabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * Runs the command line with standard output and error; returns the exit status.
     *
     * @param window opens the window for {@code xorlab open}
     */
    public static int run(WindowOpener window, String... args) {
        PrintWriter out = StandardOutput.open();
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return run(args, out, err, window);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the command line, writing to {@code out} and {@code err}; {@code xorlab open} fails here. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, session -> {
            throw new IllegalStateException("the window cannot be opened from here");
        });
    }

    /** Runs the command line, writing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, WindowOpener window) {
        OneLineErrors errors = new OneLineErrors();
        CommandLine cli = new CommandLine(new XorLabCommand())
                .addSubcommand("open", new OpenCommand(window))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        int status = errors.checkStandardOutput(cli, out, cli.execute(args));
        err.flush();
        return status;
    }

    /** {@code xorlab} with options but no command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command; the commands are "
                + String.join(", ", spec.subcommands().keySet()) + " (see 'xorlab --help')");
    }
}
