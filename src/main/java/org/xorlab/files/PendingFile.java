package org.xorlab.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One file being written, by the rules every file XOR Lab writes follows:
 * <ul>
 *   <li>a new file or an existing regular file is written to a temporary file in the same folder, flushed to disk
 *       and moved over the target in one atomic rename, so it is never seen half-written; an existing file keeps
 *       its permission bits (and, where allowed, its owner and group);</li>
 *   <li>a symbolic link is followed: its final target is replaced that way and the link stays a link;</li>
 *   <li>an existing file that is not a regular file (a FIFO, a device such as {@code /dev/null}) is opened and
 *       written in place, never truncated, replaced or deleted.</li>
 * </ul>
 * Nothing replaces the target until {@link FileCommit#commit}; {@link #close()} before that deletes the temporary
 * file and leaves the target as it was.
 */
public final class PendingFile implements AutoCloseable {
    /** What writing did to the target, as far as a user can see. */
    public enum Outcome {
        /** The target is as it was. */
        UNCHANGED,
        /** The target was replaced by the new file (and, after a failed commit, could not be restored). */
        REPLACED,
        /** Bytes went straight into the target, a FIFO or device, which cannot be undone. */
        WRITTEN_IN_PLACE
    }

    private enum State { WRITING, FINISHED, REPLACED, RESTORED, RESTORE_FAILED }

    private final Path target;
    private final Destination destination;
    /** The temporary file, or null when written in place. */
    private final Path temp;
    private FileChannel channel;
    private OutputStream raw;
    private OutputStream stream;
    private long written;
    private State state = State.WRITING;
    /** A hard link to (or copy of) the previous file while a commit of several files may still roll back. */
    private Path backup;
    private boolean restorable;
    private boolean closed;
    /** Whether the temporary file has been renamed onto the target (so its name is free again). */
    private boolean moved;

    private PendingFile(Path target, Destination destination, Path temp) {
        this.target = target;
        this.destination = destination;
        this.temp = temp;
    }

    /**
     * Starts writing {@code target}: follows links, and unless the target is written in place, removes stale
     * temporary files of ours from its folder and creates this one's temporary file now, so an unwritable place is
     * reported before any work is done.
     *
     * @throws IOException if the target is a directory, its folder is missing or the temporary file cannot be made
     */
    public static PendingFile start(Path target) throws IOException {
        Destination destination = Destination.of(target);
        switch (destination.kind()) {
            case DIRECTORY:
                throw new FileSystemException(target.toString(), null, "is a directory");
            case IN_PLACE:
                return new PendingFile(target, destination, null);
            default:
                Path dir = destination.directory();
                TempFiles.removeStale(dir, Instant.now());
                Path temp = TempFiles.create(dir);
                PendingFile file = new PendingFile(target, destination, temp);
                try {
                    if (destination.kind() == Destination.Kind.REGULAR) {
                        // Writable by us while we write it, but never readable by more people than the old file.
                        Set<PosixFilePermission> mode = permissions(destination.path());
                        if (mode != null) {
                            mode.add(PosixFilePermission.OWNER_WRITE);
                            Files.setPosixFilePermissions(temp, mode);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    file.close();
                    throw e;
                }
                return file;
        }
    }

    /** The path as the caller named it. */
    public Path target() {
        return target;
    }

    /** Where the bytes really go. */
    public Destination destination() {
        return destination;
    }

    /** Whether the target is a FIFO or device written in place (so a failure cannot be undone). */
    public boolean inPlace() {
        return temp == null;
    }

    /**
     * The bytes of the file, opened on first use (a FIFO's open waits for a reader). Closing it only flushes; the
     * file is finished by {@link FileCommit#commit}.
     */
    public OutputStream stream() throws IOException {
        if (stream == null) {
            if (state != State.WRITING) {
                throw new IllegalStateException("already finished");
            }
            if (temp == null) {
                // WRITE only: no CREATE (the FIFO or device must still be there) and no TRUNCATE_EXISTING.
                raw = Files.newOutputStream(destination.path(), StandardOpenOption.WRITE);
            } else {
                channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                raw = Channels.newOutputStream(channel);
            }
            stream = new CountingStream();
        }
        return stream;
    }

    /** What happened to the target so far. */
    public Outcome outcome() {
        if (temp == null) {
            return written > 0 ? Outcome.WRITTEN_IN_PLACE : Outcome.UNCHANGED;
        }
        return state == State.REPLACED || state == State.RESTORE_FAILED ? Outcome.REPLACED : Outcome.UNCHANGED;
    }

    /** Flushes and closes; a temporary file is forced to disk and given the old file's mode. */
    void finish() throws IOException {
        if (state != State.WRITING) {
            return;
        }
        if (raw != null) {
            raw.flush();
            if (channel != null) {
                channel.force(true);
            }
            raw.close();
        }
        state = State.FINISHED;
        if (temp != null) {
            copyOwnership();
        }
    }

    /** Whether this file is replaced by a rename (not written in place). */
    boolean replaces() {
        return temp != null;
    }

    /**
     * Keeps the file now at the destination as a backup, so that {@link #restore} can put it back after this file
     * replaced it. If no backup can be made, the commit goes on and a later failure says this file was replaced.
     */
    void keepBackup() {
        Path path = destination.path();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            restorable = true;
            return;
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path dir = path.getParent();
        Path link = TempFiles.fresh(dir);
        try {
            // A second name for the old file: instant, whatever its size, and the target is never missing.
            Files.createLink(link, path);
        } catch (IOException | UnsupportedOperationException noLinks) {
            try {
                Files.copy(path, link, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | UnsupportedOperationException noCopy) {
                TempFiles.delete(link);
                return;
            }
        }
        backup = link;
        restorable = true;
    }

    /** Moves the finished temporary file over the destination. */
    void replace(FileCommit.Renamer renamer) throws IOException {
        renamer.rename(temp, destination.path());
        TempFiles.release(temp);
        moved = true;
        state = State.REPLACED;
    }

    /** Undoes {@link #replace}: puts the backup back, or removes a file that was new. */
    void restore(FileCommit.Renamer renamer) {
        if (state != State.REPLACED) {
            return;
        }
        if (!restorable) {
            state = State.RESTORE_FAILED;
            return;
        }
        try {
            if (backup != null) {
                renamer.rename(backup, destination.path());
                TempFiles.release(backup);
                backup = null;
            } else {
                Files.delete(destination.path());
            }
            state = State.RESTORED;
        } catch (IOException | RuntimeException e) {
            // The backup, if any, stays beside the file under our temporary name until it is stale.
            state = State.RESTORE_FAILED;
        }
    }

    /**
     * Deletes the backup once the commit can no longer roll back; after a failed restore it stays, as the only copy
     * of the previous file.
     */
    void dropBackup() {
        if (backup != null && state != State.RESTORE_FAILED) {
            TempFiles.delete(backup);
            backup = null;
        }
    }

    /** Abandons anything not committed: closes the file and deletes the temporary file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (raw != null) {
                raw.close();
            }
        } catch (IOException e) {
            // deleting is what matters
        }
        if (temp != null && !moved) {
            TempFiles.delete(temp);
        }
        dropBackup();
        if (backup != null) {
            TempFiles.release(backup);
        }
    }

    /** Gives the temporary file the old file's exact mode, and its owner and group where that is allowed. */
    private void copyOwnership() throws IOException {
        if (destination.kind() != Destination.Kind.REGULAR) {
            return;
        }
        Path old = destination.path();
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        PosixFileAttributes before;
        try {
            before = Files.readAttributes(old, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException gone) {
            return;
        }
        PosixFileAttributes now = view.readAttributes();
        // Only root may give a file away; a group the writer belongs to is allowed for anyone.
        try {
            if (!now.owner().equals(before.owner())) {
                view.setOwner(before.owner());
            }
        } catch (IOException e) {
            // not allowed: the new file is the writer's own, as with any editor
        }
        try {
            GroupPrincipal group = before.group();
            if (!now.group().equals(group)) {
                view.setGroup(group);
            }
        } catch (IOException e) {
            // not a member of that group
        }
        // After chown, which clears set-user-ID bits, so the mode is exactly the old one.
        view.setPermissions(before.permissions());
    }

    private static Set<PosixFilePermission> permissions(Path path) throws IOException {
        try {
            return EnumSet.copyOf(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException notPosix) {
            return null;
        } catch (IllegalArgumentException empty) {
            return EnumSet.noneOf(PosixFilePermission.class);
        }
    }

    /** The caller's view of the file: counts what reached it, and closing it only flushes. */
    private final class CountingStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            raw.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            raw.write(b, off, len);
            written += len;
        }

        @Override
        public void flush() throws IOException {
            raw.flush();
        }

        @Override
        public void close() throws IOException {
            raw.flush();
        }
    }
}
