package org.xorlab.session;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Files that would hurt a careless reader but cost the test machine nothing: named pipes (FIFOs) and sparse
 * gigabyte files. Made only inside the system's temporary folder (a test's {@code @TempDir}), which removes them.
 */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** A named pipe at {@code path}, made with mkfifo. Nothing ever writes to it: opening it to read would block. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        requireTemporary(path);
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS)) {
            mkfifo.destroyForcibly();
            throw new AssertionError("mkfifo " + path + " did not finish");
        }
        String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mkfifo.exitValue() != 0 || Files.isRegularFile(path) || !Files.exists(path)) {
            throw new AssertionError("mkfifo " + path + " failed: " + output);
        }
        return path;
    }

    /**
     * A sparse file of {@code size} bytes beginning with {@code prefix} and zeros after it: it takes no disk space
     * beyond the prefix, however large.
     */
    public static Path sparse(Path path, String prefix, long size) throws IOException {
        requireTemporary(path);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.write(prefix.getBytes(StandardCharsets.UTF_8));
            file.setLength(size);
        }
        return path;
    }

    /** One gigabyte. */
    public static final long GIGABYTE = 1L << 30;

    private static void requireTemporary(Path path) throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path parent = path.toAbsolutePath().getParent().toRealPath();
        if (!parent.startsWith(temp) || parent.equals(temp) || Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new AssertionError("special test files are made only as new files in a test's own temporary folder,"
                    + " not " + path);
        }
    }
}
