package org.xorlab.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts several {@link PendingFile}s in place, all or nothing where the file system allows: every file is written
 * and flushed to disk first, and only then are the temporary files renamed over their targets. If a rename fails,
 * the files already replaced are put back from a backup (a second hard link to the old file, kept only during the
 * commit). What cannot be undone (a FIFO already written, a restore that failed) shows in each file's
 * {@link PendingFile#outcome()}.
 */
public final class FileCommit {
    /** Moves a file over another in one step. */
    @FunctionalInterface
    interface Renamer {
        void rename(Path source, Path target) throws IOException;
    }

    /** A single rename(2): the target is the old file or the new one, never missing or half-written. */
    static final Renamer ATOMIC = (source, target) -> {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Still a single rename of a complete file on the file systems that refuse ATOMIC_MOVE.
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private FileCommit() {
    }

    /**
     * Finishes and moves every file into place, in order.
     *
     * @throws CommitFailure naming the file that failed; the others' outcomes say what changed
     */
    public static void commit(List<PendingFile> files) throws CommitFailure {
        commit(files, ATOMIC);
    }

    static void commit(List<PendingFile> files, Renamer renamer) throws CommitFailure {
        for (PendingFile file : files) {
            try {
                file.finish();
            } catch (IOException e) {
                throw new CommitFailure(file, false, e);
            }
        }
        List<PendingFile> renamed = files.stream().filter(PendingFile::replaces).toList();
        List<PendingFile> done = new ArrayList<>();
        try {
            for (int i = 0; i < renamed.size(); i++) {
                PendingFile file = renamed.get(i);
                if (i < renamed.size() - 1) {
                    // Only a file that a later failure could leave replaced needs a way back.
                    file.keepBackup();
                }
                try {
                    file.replace(renamer);
                } catch (IOException e) {
                    for (int j = done.size() - 1; j >= 0; j--) {
                        done.get(j).restore(renamer);
                    }
                    throw new CommitFailure(file, true, e);
                }
                done.add(file);
            }
        } finally {
            for (PendingFile file : done) {
                file.dropBackup();
            }
        }
    }
}
