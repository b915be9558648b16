package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure as exactly one line on standard error, "xorlab train: --seed must be ... (got '...')":
 * no usage dump, no stack trace. Bad input exits with {@link ExitCodes#BAD_INPUT}, anything else that goes wrong
 * while running with {@link ExitCodes#FAILURE}, saying which output files were changed, if any. One instance serves
 * one run.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private OutputFiles files;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        report(ex.getCommandLine(), describe(ex));
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        String message;
        StandardOutput.Failure stdout = find(ex, StandardOutput.Failure.class);
        OutputFailure file = find(ex, OutputFailure.class);
        if (stdout != null) {
            if (stdout.brokenPipe()) {
                // Whoever read our output has all it wanted (head, less): stop quietly, as Unix tools do.
                return ExitCodes.FAILURE;
            }
            message = stdout.getMessage();
        } else if (file != null) {
            message = file.getMessage();
        } else if (ex instanceof UncheckedIOException u) {
            message = "could not write an output file: " + OutputFiles.reason(u.getCause());
        } else if (ex instanceof IOException io) {
            message = "could not write an output file: " + OutputFiles.reason(io);
        } else {
            message = "failed: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName());
        }
        report(command, message + " (" + account() + ")");
        return ExitCodes.FAILURE;
    }

    /**
     * After a run that finished: if standard output could not be written, says so (unless the pipe was closed by
     * its reader) and gives the status a failure deserves.
     *
     * @param top the top-level command line that ran
     */
    int checkStandardOutput(CommandLine top, PrintWriter out, int status) {
        if (!out.checkError() || status == ExitCodes.FAILURE) {
            return status;
        }
        StandardOutput.Failure failure = StandardOutput.failure(out);
        if (!failure.brokenPipe()) {
            CommandLine command = top;
            ParseResult result = top.getParseResult();
            while (result != null && result.hasSubcommand()) {
                result = result.subcommand();
                command = result.commandSpec().commandLine();
            }
            report(command, failure.getMessage() + " (" + account() + ")");
        }
        return status == ExitCodes.OK ? ExitCodes.FAILURE : status;
    }

    /** The output files of the running command, so that a failure can say which of them changed. */
    void watch(OutputFiles files) {
        this.files = files;
    }

    private String account() {
        return files == null ? "no output file was changed" : files.account();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void report(CommandLine command, String message) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + firstLine(message));
        command.getErr().flush();
    }

    /** What was wrong and what is allowed, in one line. */
    static String describe(ParameterException ex) {
        CommandLine command = ex.getCommandLine();
        String help = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
        if (ex.getCause() instanceof TypeConversionException conversion && ex.getArgSpec() != null) {
            ArgSpec arg = ex.getArgSpec();
            return (arg.isMultiValue() ? "each value of " : "") + name(arg) + " " + conversion.getMessage();
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec arg = missing.getMissing().get(0);
            String allowed = allowed(arg);
            return name(arg) + " needs a value" + (allowed == null ? "" : ": " + allowed);
        }
        if (ex instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return name(overwritten.getOverwritten()) + " may be given only once";
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (arg.startsWith("-")) {
                List<String> suggestions = unmatched.getSuggestions();
                String guess = suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?";
                return "unknown option '" + arg + "'" + guess + " (" + help + ")";
            }
            if (!command.getSubcommands().isEmpty()) {
                return "unknown command '" + arg + "'; the commands are "
                        + String.join(", ", command.getSubcommands().keySet()) + " (" + help + ")";
            }
            return "unexpected argument '" + arg + "' (" + help + ")";
        }
        return ex.getMessage() == null ? "bad input (" + help + ")" : ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** "a whole number from 0 to 4294967295" for an option with a {@link Converters.Checked} converter. */
    private static String allowed(ArgSpec arg) {
        ITypeConverter<?>[] converters = arg.converters();
        if (converters != null && converters.length > 0 && converters[0] instanceof Converters.Checked<?> checked) {
            return checked.allowed();
        }
        if (converters != null && converters.length > 0 && converters[0] instanceof Converters.OutputFile) {
            return "the name of a file to write";
        }
        return null;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
