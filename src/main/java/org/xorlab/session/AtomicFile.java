package org.xorlab.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.xorlab.files.FileCommit;
import org.xorlab.files.FileErrors;
import org.xorlab.files.PendingFile;

/**
 * Writes a file so that it is never seen half-written, by the rules of {@link PendingFile}: the bytes go to a
 * hidden temporary file in the target's folder, are flushed to disk, and the temporary file is then moved over the
 * target in one atomic step, keeping the old file's permissions. A symbolic link is followed and stays a link; a
 * FIFO or device is written in place and never replaced. If anything fails the target is left as it was (unless it
 * is written in place) and the temporary file is deleted.
 */
public final class AtomicFile {
    /** What writes the file's bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} with the bytes {@code body} produces, replacing any regular file there.
     *
     * @throws IOException if the directory is missing or not writable, or {@code body} fails
     */
    public static void write(Path target, Body body) throws IOException {
        try (PendingFile file = PendingFile.start(target)) {
            body.writeTo(file.stream());
            FileCommit.commit(List.of(file));
        }
    }

    /** A short reason for a failed file operation, without the path Java puts in front of it. */
    public static String reason(IOException e) {
        return FileErrors.reason(e);
    }
}
