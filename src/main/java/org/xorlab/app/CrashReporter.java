package org.xorlab.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.xorlab.session.AtomicFile;

/**
 * Makes sure no uncaught exception is lost: each one is appended to {@code errors.log} in XOR Lab's folder
 * ({@code $XORLAB_HOME}, or {@code ~/.xorlab}) and shown in a dialog (one at a time; later ones while it is open are
 * only logged). The log is kept small: once it is over {@link #MAX_LOG_BYTES} it becomes {@code errors.log.1}
 * (replacing the one before) and a new log starts. It is only ever a regular file: a symbolic link or anything
 * else at its path is not written through, and the error goes to standard error instead.
 */
final class CrashReporter implements Thread.UncaughtExceptionHandler {
    /** Size after which the log is rotated. */
    static final long MAX_LOG_BYTES = 1 << 20;

    private final Path log;
    private final long maxBytes;
    private final AtomicBoolean dialogOpen = new AtomicBoolean();
    private Window owner;

    CrashReporter(Path log) {
        this(log, MAX_LOG_BYTES);
    }

    /** A reporter that rotates the log after {@code maxBytes}. */
    CrashReporter(Path log, long maxBytes) {
        this.log = log;
        this.maxBytes = maxBytes;
    }

    /** The log file in XOR Lab's folder. */
    static Path defaultLog() {
        String home = System.getenv("XORLAB_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".xorlab");
        return dir.resolve("errors.log");
    }

    /** Catches uncaught exceptions on every thread, the FX thread included. */
    void install(Window window) {
        this.owner = window;
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        report("Unexpected error on thread " + thread.getName(), error);
    }

    /** Logs {@code error} and tells the user. Safe to call from any thread. */
    void report(String context, Throwable error) {
        String written = log(context, error);
        if (Platform.isFxApplicationThread()) {
            show(context, error, written);
        } else {
            try {
                Platform.runLater(() -> show(context, error, written));
            } catch (IllegalStateException toolkitGone) {
                // The window has closed; the log and stderr still have it.
            }
        }
    }

    /** Appends {@code error} to the log (or, failing that, its trace to standard error); says which, for the dialog. */
    String log(String context, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String entry = OffsetDateTime.now() + " " + context + "\n" + trace + "\n";
        System.err.print("XOR Lab: " + context + ": " + error);
        try {
            append(entry.getBytes(StandardCharsets.UTF_8));
            System.err.println(" (details in " + log + ")");
            return "The details were written to " + log + ".";
        } catch (IOException | RuntimeException e) {
            System.err.println(" (not written to " + log + ": " + why(e) + ")");
            System.err.print(trace);
            return "The details could not be written to " + log + " (" + why(e) + ").";
        }
    }

    private void append(byte[] entry) throws IOException {
        Files.createDirectories(log.getParent());
        BasicFileAttributes now = attributes(log);
        if (now != null && !now.isRegularFile()) {
            throw new IOException(now.isSymbolicLink() ? "it is a symbolic link, which is not followed"
                    : "it is not a regular file");
        }
        if (now != null && now.size() >= maxBytes) {
            // rename(2) replaces errors.log.1 itself, even if that is a link, and never writes through it.
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        // NOFOLLOW_LINKS: a link put there since the check above is refused by the kernel, not followed.
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            out.write(entry);
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String why(Exception e) {
        return e instanceof IOException io ? AtomicFile.reason(io) : String.valueOf(e.getMessage());
    }

    private void show(String context, Throwable error, String written) {
        if (!dialogOpen.compareAndSet(false, true)) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("XOR Lab: unexpected error");
        alert.setHeaderText("Something went wrong. Your run is still open; saving a session is a good idea.");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(context + ": " + error + "\n\n" + written + "\n\n" + trace);
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        alert.getDialogPane().setContent(details);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setOnHidden(e -> dialogOpen.set(false));
        alert.show();
    }
}
