package org.xorlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The output files of one command, written so that none is ever half-written: each goes to a temporary file in
 * the same directory, and {@link #commit()} moves them into place atomically. Closing without committing deletes
 * the temporary files, so an existing file is only replaced when the command succeeded.
 */
final class OutputFiles implements AutoCloseable {
    private final CommandLine command;
    private final List<Pending> pending = new ArrayList<>();
    private Thread cleanup;

    OutputFiles(CommandLine command) {
        this.command = command;
    }

    /**
     * Checks that no two options name the same file.
     *
     * @param byOption option name to path, null paths ignored
     * @throws ParameterException naming the second option
     */
    void requireDistinct(Map<String, Path> byOption) {
        Map<Path, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : byOption.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Path key = e.getValue().toAbsolutePath().normalize();
            String earlier = seen.putIfAbsent(key, e.getKey());
            if (earlier != null) {
                throw new ParameterException(command, e.getKey() + " must name a different file from " + earlier
                        + " (both '" + e.getValue() + "')");
            }
        }
    }

    /**
     * Starts writing {@code target} for {@code option}: creates its temporary file now, before any training, so
     * an unwritable place is reported at once.
     *
     * @throws ParameterException if the temporary file cannot be created
     */
    Pending create(String option, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        try {
            Path temp = createTemp(dir, name);
            Pending p = new Pending(target, temp);
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

    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            // createFile (not createTempFile) so the final file gets the usual permissions from the umask.
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // try another name
            }
        }
    }

    /** Moves every file into place. */
    void commit() throws IOException {
        for (Pending p : pending) {
            p.finish();
        }
        for (Pending p : pending) {
            Files.move(p.temp, p.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            p.committed = true;
        }
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
            if (!p.committed) {
                p.abandon();
            }
        }
    }

    /** A short reason for a failed file operation, without the path Java puts in front of it. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** One file being written. */
    static final class Pending {
        private final Path target;
        private final Path temp;
        private FileChannel channel;
        private OutputStream stream;
        private Writer writer;
        private volatile boolean committed;

        private Pending(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** Where the file ends up. */
        Path target() {
            return target;
        }

        /** Bytes for the file; use this or {@link #writer()}, not both. */
        OutputStream stream() {
            if (stream == null) {
                try {
                    channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                stream = Channels.newOutputStream(channel);
            }
            return stream;
        }

        /** UTF-8 text for the file, buffered. */
        Writer writer() {
            if (writer == null) {
                writer = new BufferedWriter(new OutputStreamWriter(stream(), StandardCharsets.UTF_8), 1 << 16);
            }
            return writer;
        }

        /** Flushes to disk and closes, ready to move. */
        private void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            } else if (stream != null) {
                stream.flush();
            }
            if (channel != null) {
                channel.force(true);
                channel.close();
            }
        }

        private void abandon() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // deleting is what matters
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // nothing more to do: the file is hidden and named .tmp
            }
        }
    }
}
