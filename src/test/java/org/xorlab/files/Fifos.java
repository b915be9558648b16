package org.xorlab.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * FIFOs for tests, made with mkfifo inside the test's own temporary folder, and a way to run blocking work with a
 * timeout: opening a FIFO blocks until the other end opens, so a bug must fail the test instead of hanging the
 * suite. The threads are daemons, so one stuck in open(2) cannot keep the JVM alive either.
 */
public final class Fifos {
    /** Longest any single blocking step may take. */
    public static final long TIMEOUT_SECONDS = 30;

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-fifo");
        thread.setDaemon(true);
        return thread;
    });

    private Fifos() {
    }

    /** Makes a FIFO at {@code path}, which must be inside a test's temporary folder. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assertThat(mkfifo.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("mkfifo finished").isTrue();
        assertThat(mkfifo.exitValue()).as("mkfifo status").isZero();
        assertThat(isFifo(path)).isTrue();
        return path;
    }

    /** Reads the FIFO to its end on another thread: everything the writer wrote, once it closes. */
    public static Future<byte[]> drain(Path fifo) {
        return THREADS.submit(() -> Files.readAllBytes(fifo));
    }

    /** Runs {@code work} on another thread and waits at most {@link #TIMEOUT_SECONDS} for it. */
    public static <T> T within(Callable<T> work) throws Exception {
        return await(THREADS.submit(work));
    }

    /** The result of {@code future}, waiting at most {@link #TIMEOUT_SECONDS}. */
    public static <T> T await(Future<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Whether {@code path} is still a FIFO (or another special file), not a regular file or link. */
    public static boolean isFifo(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isOther();
    }
}
