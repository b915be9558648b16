package org.xorlab.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.xorlab.text.NumberText;

/**
 * Opens a file XOR Lab reads (a session, the settings) only once it is known to be safe to read: a regular file
 * (a FIFO would block the reader forever, a device such as /dev/zero never ends) of at most a given size. Both are
 * checked before the file is opened, so a FIFO is never opened at all.
 */
final class TextFile {
    private static final long MB = 1L << 20;

    private TextFile() {
    }

    /**
     * Opens {@code file} for reading after checking it.
     *
     * @param what     what the file should be, for messages: "a session file"
     * @param maxBytes the largest file accepted
     * @param why      why that is the limit, or "": "a 10,000,000-epoch session is about 250 MB"
     * @throws java.nio.file.NoSuchFileException if there is no such file (a caller may treat that as normal)
     * @throws RefusedInput                      if it is a folder or another kind of file, or too large
     * @throws IOException                       if it cannot be read
     */
    static InputStream open(Path file, String what, long maxBytes, String why) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new RefusedInput("it is a folder, not " + what);
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedInput("it is " + kind(file) + ", not a regular file; XOR Lab reads only regular files");
        }
        if (attributes.size() > maxBytes) {
            throw new RefusedInput(tooLarge(what, attributes.size(), maxBytes, why));
        }
        return Files.newInputStream(file);
    }

    /**
     * "it is 1,024 MB, more than a session file can be (at most 512 MB; why)", or with {@code size} -1 (not known,
     * found while reading) "it is larger than 512 MB, the most a session file can be (why)".
     */
    static String tooLarge(String what, long size, long maxBytes, String why) {
        if (size < 0) {
            return "it is larger than " + megabytes(maxBytes) + ", the most " + what + " can be"
                    + (why.isEmpty() ? "" : " (" + why + ")");
        }
        return "it is " + megabytes(size) + ", more than " + what + " can be (at most " + megabytes(maxBytes)
                + (why.isEmpty() ? "" : "; " + why) + ")";
    }

    /** Whole megabytes, rounded up, so a file just over the limit does not read as the limit. */
    static String megabytes(long bytes) {
        return NumberText.count((bytes + MB - 1) / MB) + " MB";
    }

    /** What a file that is neither a folder nor a regular file is, as far as this system tells. */
    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "a named pipe (FIFO)";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix view here: say only what it is not
        }
        return "a special file";
    }
}
