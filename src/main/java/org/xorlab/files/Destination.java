package org.xorlab.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where writing a path really lands, and how. A symbolic link is followed to its final target (which may not exist
 * yet); that target is then either missing or a regular file, replaced through a temporary file, or an existing
 * file of another kind (a FIFO, a device such as {@code /dev/null}), written in place and never replaced.
 *
 * @param path the final target: absolute and never a symbolic link, except that a FIFO or device is opened through
 *     the path as given (the kernel follows the links, {@code /proc/self/fd} ones included)
 * @param kind what is there now
 */
public record Destination(Path path, Kind kind) {
    /** Links followed at most, as Linux's own limit (ELOOP). */
    private static final int MAX_LINKS = 40;

    /** What the final target is. */
    public enum Kind {
        /** Nothing there yet: a new file is moved into place. */
        MISSING,
        /** A regular file: replaced atomically, keeping its permission bits. */
        REGULAR,
        /** A FIFO, device or socket: opened and written as it is, never replaced or truncated. */
        IN_PLACE,
        /** A directory: cannot be written. */
        DIRECTORY
    }

    /**
     * Follows {@code target} through any symbolic links.
     *
     * @throws IOException if a link cannot be read or the links form a loop
     */
    public static Destination of(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        try {
            // Followed by the kernel, as open(2) will: this also sees through links that name no path, such as
            // /dev/stdout -> /proc/self/fd/1 -> "pipe:[1234]".
            BasicFileAttributes followed = Files.readAttributes(path, BasicFileAttributes.class);
            if (!followed.isRegularFile() && !followed.isDirectory()) {
                return new Destination(path, Kind.IN_PLACE);
            }
        } catch (IOException e) {
            // missing, a dangling link or a loop: the walk below says which
        }
        for (int links = 0; ; links++) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Destination(path, Kind.MISSING);
            }
            if (!attributes.isSymbolicLink()) {
                Kind kind = attributes.isRegularFile() ? Kind.REGULAR
                        : attributes.isDirectory() ? Kind.DIRECTORY : Kind.IN_PLACE;
                return new Destination(path, kind);
            }
            if (links == MAX_LINKS) {
                throw new FileSystemLoopException(target.toString());
            }
            Path next = Files.readSymbolicLink(path);
            // Not normalised: ".." after a linked folder means the folder's real parent, as the kernel reads it.
            Path parent = path.getParent();
            path = parent == null ? next.toAbsolutePath() : parent.resolve(next);
        }
    }

    /** The folder the final target is in, where its temporary file goes. */
    public Path directory() throws FileSystemException {
        Path parent = path.getParent();
        if (parent == null) {
            throw new FileSystemException(path.toString(), null, "is a directory");
        }
        return parent;
    }
}
