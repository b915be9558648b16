package org.xorlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xorlab.files.CommitFailure;
import org.xorlab.files.Destination;
import org.xorlab.files.FileCommit;
import org.xorlab.files.FileErrors;
import org.xorlab.files.PendingFile;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The output files of one command, written by the rules of {@link PendingFile} (a temporary file moved into place;
 * symbolic links followed; FIFOs and devices written in place, never replaced), or to standard output for
 * {@code -}. {@link #commit()} writes every file completely before it moves the first into place, and rolls back
 * the ones already moved if a later one fails. Closing without committing deletes the temporary files, so an
 * existing file is only replaced when the command succeeded. {@link #account()} says exactly which files changed,
 * for the message of a command that failed.
 */
final class OutputFiles implements AutoCloseable {
    /** {@code -} as a file name: standard output. */
    static final Path STANDARD_OUTPUT = Path.of("-");

    private final CommandLine command;
    private final List<Pending> pending = new ArrayList<>();
    private boolean committed;
    private Thread cleanup;

    OutputFiles(CommandLine command) {
        this.command = command;
        // The command's error handler reports failures, so it must know what these files went through.
        if (command.getExecutionExceptionHandler() instanceof OneLineErrors errors) {
            errors.watch(this);
        }
    }

    /** Whether {@code path} is {@code -}, standard output. */
    static boolean isStandardOutput(Path path) {
        return STANDARD_OUTPUT.equals(path);
    }

    /** The path, or "standard output" for {@code -}, for what the commands print. */
    static String describe(Path path) {
        return isStandardOutput(path) ? "standard output" : path.toString();
    }

    /**
     * Where the lines meant for a person go: standard error when one of {@code outputs} is {@code -}, as that file
     * then takes standard output; else standard output.
     */
    static PrintWriter forPerson(CommandLine command, Path... outputs) {
        for (Path output : outputs) {
            if (isStandardOutput(output)) {
                return command.getErr();
            }
        }
        return command.getOut();
    }

    /**
     * Checks the outputs as {@link #requireDistinct} does, then starts writing each one given, in order, as
     * {@link #create} does.
     *
     * @param byOption option name to path, null paths ignored
     * @return option name to its output being written, for the paths given only
     */
    Map<String, Pending> createAll(Map<String, Path> byOption) {
        requireDistinct(byOption);
        Map<String, Pending> created = new LinkedHashMap<>();
        byOption.forEach((option, target) -> {
            if (target != null) {
                created.put(option, create(option, target));
            }
        });
        return created;
    }

    /**
     * Checks that no two options name the same file (after following symbolic links), and that at most one is
     * standard output.
     *
     * @param byOption option name to path, null paths ignored
     * @throws ParameterException naming the second option
     */
    void requireDistinct(Map<String, Path> byOption) {
        Map<Path, String> seen = new LinkedHashMap<>();
        String stdout = null;
        for (Map.Entry<String, Path> e : byOption.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (isStandardOutput(e.getValue())) {
                if (stdout != null) {
                    throw new ParameterException(command, "only one of " + stdout + " and " + e.getKey()
                            + " may be '-' (standard output); name a file for the other");
                }
                stdout = e.getKey();
                continue;
            }
            String earlier = seen.putIfAbsent(key(e.getValue()), e.getKey());
            if (earlier != null) {
                throw new ParameterException(command, e.getKey() + " must name a different file from " + earlier
                        + " (both '" + e.getValue() + "')");
            }
        }
    }

    private static Path key(Path path) {
        try {
            return Destination.of(path).path().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * Starts writing {@code target} for {@code option}: creates its temporary file now, before any training, so
     * an unwritable place is reported at once. {@code -} is standard output, for text only.
     *
     * @throws ParameterException if the temporary file cannot be created
     */
    Pending create(String option, Path target) {
        if (isStandardOutput(target)) {
            Pending p = new Pending(target, null, command.getOut());
            pending.add(p);
            return p;
        }
        try {
            Pending p = new Pending(target, PendingFile.start(target), null);
            pending.add(p);
            if (cleanup == null) {
                cleanup = new Thread(this::deleteTemporaries, "xorlab-output-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
            }
            return p;
        } catch (IOException e) {
            throw new ParameterException(command, option + " cannot be written: " + reason(e)
                    + " (got '" + target + "')");
        }
    }

    /**
     * Finishes standard output, then every file (all written and flushed to disk before the first is moved into
     * place), then moves them into place.
     *
     * @throws IOException an {@link OutputFailure} naming the file, or a {@link StandardOutput.Failure}
     */
    void commit() throws IOException {
        for (Pending p : pending) {
            p.flush();
        }
        List<PendingFile> files = pending.stream().filter(p -> p.file != null).map(p -> p.file).toList();
        try {
            FileCommit.commit(files);
        } catch (CommitFailure f) {
            throw new OutputFailure((f.moving() ? "could not move " : "could not write ") + quote(f.file().target())
                    + (f.moving() ? " into place" : ""), (IOException) f.getCause());
        }
        committed = true;
    }

    /**
     * What happened to the files, for a message: "no output file was changed", or for example "'a.csv' was
     * replaced and could not be restored; 'b.json' was not changed". Standard output is not counted.
     */
    String account() {
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Pending p : pending) {
            if (p.file == null) {
                continue;
            }
            String name = quote(p.target);
            switch (p.file.outcome()) {
                case REPLACED -> changed.add(name + (committed ? " was written" : " was replaced and could not be restored"));
                case WRITTEN_IN_PLACE -> changed.add(name + " was written to in place (it is not a regular file)");
                default -> unchanged.add(name);
            }
        }
        if (changed.isEmpty()) {
            return "no output file was changed";
        }
        String text = String.join("; ", changed);
        if (!unchanged.isEmpty()) {
            text += "; " + String.join(", ", unchanged) + (unchanged.size() == 1 ? " was" : " were") + " not changed";
        }
        return text;
    }

    /** Deletes the temporary files of anything not committed. */
    @Override
    public void close() {
        deleteTemporaries();
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down; the hook does the same work
            }
        }
    }

    private void deleteTemporaries() {
        for (Pending p : pending) {
            if (p.file != null) {
                p.file.close();
            }
        }
    }

    private static String quote(Path path) {
        return "'" + path + "'";
    }

    /** A short reason for a failed file operation, without the path Java puts in front of it. */
    static String reason(IOException e) {
        return FileErrors.reason(e);
    }

    /** One output being written: a file, or standard output. */
    static final class Pending {
        private final Path target;
        private final PendingFile file;
        private final PrintWriter stdout;
        private OutputStream stream;
        private Writer writer;

        private Pending(Path target, PendingFile file, PrintWriter stdout) {
            this.target = target;
            this.file = file;
            this.stdout = stdout;
        }

        /** Where the output goes, as the option named it. */
        Path target() {
            return target;
        }

        /** Bytes for the file; use this or {@link #writer()}, not both. Not for standard output. */
        OutputStream stream() {
            if (file == null) {
                throw new IllegalStateException("standard output takes text only");
            }
            if (stream == null) {
                OutputStream out;
                try {
                    out = file.stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(failure(e));
                }
                stream = new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        try {
                            out.write(b);
                        } catch (IOException e) {
                            throw failure(e);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        try {
                            out.write(b, off, len);
                        } catch (IOException e) {
                            throw failure(e);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        try {
                            out.flush();
                        } catch (IOException e) {
                            throw failure(e);
                        }
                    }
                };
            }
            return stream;
        }

        /** UTF-8 text for the file (or standard output's own encoding), buffered. */
        Writer writer() {
            if (writer == null) {
                writer = new BufferedWriter(file == null ? StandardOutput.checkedWriter(stdout)
                        : new OutputStreamWriter(stream(), StandardCharsets.UTF_8), 1 << 16);
            }
            return writer;
        }

        private void flush() throws IOException {
            if (writer != null) {
                writer.flush();
            } else if (stream != null) {
                stream.flush();
            }
        }

        private IOException failure(IOException e) {
            return e instanceof OutputFailure ? e : new OutputFailure("could not write " + quote(target), e);
        }
    }
}
