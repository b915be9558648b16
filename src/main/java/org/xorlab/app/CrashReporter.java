package org.xorlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Makes sure no uncaught exception is lost: each one is appended to {@code errors.log} in XOR Lab's folder
 * ({@code $XORLAB_HOME}, or {@code ~/.xorlab}) and shown in a dialog (one at a time; later ones while it is open are
 * only logged).
 */
final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private final Path log;
    private final AtomicBoolean dialogOpen = new AtomicBoolean();
    private Window owner;

    CrashReporter(Path log) {
        this.log = log;
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
        String written = write(context, error);
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

    private String write(String context, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String entry = OffsetDateTime.now() + " " + context + "\n" + trace + "\n";
        System.err.print("XOR Lab: " + context + ": " + error);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.err.println(" (details in " + log + ")");
            return "The details were written to " + log + ".";
        } catch (IOException | RuntimeException e) {
            System.err.println();
            System.err.print(trace);
            return "The details could not be written to " + log + " (" + e.getMessage() + ").";
        }
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
