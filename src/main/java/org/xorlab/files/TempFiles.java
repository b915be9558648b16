package org.xorlab.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * XOR Lab's temporary files: {@code .xorlab-<8 hex digits>.tmp} in the folder of the file they become. The name is
 * short and of fixed length, so any legal file name can be written (a name of 255 bytes leaves no room for a
 * suffix), and unmistakably ours, so a run that was killed can be cleaned up after: files with exactly this name
 * that have not been modified for {@link #STALE_AFTER} are deleted the next time a file is written to that folder.
 * The temporary files of this process are touched every {@link #TOUCH_EVERY} while they live, so a long run's
 * files never look stale to another XOR Lab.
 */
public final class TempFiles {
    /** Exactly our names, and nothing else. */
    static final Pattern NAME = Pattern.compile("\\.xorlab-[0-9a-f]{8}\\.tmp");
    /** A temporary file untouched this long belongs to a run that has ended without cleaning up. */
    static final Duration STALE_AFTER = Duration.ofHours(1);
    /** How often this process's own temporary files are touched; well inside {@link #STALE_AFTER}. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(10);

    /** The temporary files this process has and still needs (temporary files are a process-wide resource). */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService toucher;

    private TempFiles() {
    }

    /** Whether {@code name} is exactly one of our temporary names. */
    public static boolean isOurs(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Creates a new empty temporary file in {@code dir}, with the permissions a new file gets from the umask, and
     * keeps it fresh until {@link #release}.
     */
    static Path create(Path dir) throws IOException {
        while (true) {
            Path temp = fresh(dir);
            try {
                // createFile (not createTempFile) so the final file gets the usual permissions from the umask.
                Files.createFile(temp);
                return temp;
            } catch (FileAlreadyExistsException e) {
                release(temp);
            }
        }
    }

    /** A name in {@code dir} for a new temporary file, not used by this process; the caller creates it. */
    static Path fresh(Path dir) {
        while (true) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            Path temp = dir.resolve(".xorlab-" + HexFormat.of().formatHex(random) + ".tmp");
            if (LIVE.add(temp)) {
                startToucher();
                return temp;
            }
        }
    }

    /** The file at {@code temp} is no longer ours to keep fresh (moved into place or deleted). */
    static void release(Path temp) {
        LIVE.remove(temp);
    }

    /** Deletes {@code temp} if it is there, and stops keeping it fresh. */
    static void delete(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more to do: the file is hidden, named as ours, and the next write here removes it once stale.
        } finally {
            release(temp);
        }
    }

    /**
     * Deletes regular files in {@code dir} named exactly as ours, untouched since {@code now} minus
     * {@link #STALE_AFTER}, that this process is not using. Never fails: cleaning up is a courtesy.
     */
    static void removeStale(Path dir, Instant now) {
        FileTime cutoff = FileTime.from(now.minus(STALE_AFTER));
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, ".xorlab-*.tmp")) {
            for (Path candidate : candidates) {
                if (!isOurs(candidate.getFileName().toString()) || LIVE.contains(candidate)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(candidate, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(cutoff) < 0) {
                        Files.deleteIfExists(candidate);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone already, or not ours to delete after all
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: the write itself reports what matters
        }
    }

    /** Marks every live temporary file as modified at {@code now}. */
    static void touchLive(Instant now) {
        FileTime time = FileTime.from(now);
        for (Path temp : LIVE) {
            try {
                if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(temp, time);
                }
            } catch (IOException | RuntimeException e) {
                // moved or deleted meanwhile
            }
        }
    }

    private static synchronized void startToucher() {
        if (toucher == null) {
            toucher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "xorlab-temp-files");
                thread.setDaemon(true);
                return thread;
            });
            long minutes = TOUCH_EVERY.toMinutes();
            toucher.scheduleWithFixedDelay(() -> touchLive(Instant.now()), minutes, minutes, TimeUnit.MINUTES);
        }
    }
}
