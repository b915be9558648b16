package org.xorlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.xorlab.session.AtomicFile;
import org.xorlab.session.Session;
import org.xorlab.session.SessionFile;
import org.xorlab.session.SessionFileException;

/**
 * File ▸ Save session and Open session for the Train tab. Saving takes the run's state on the training thread (so
 * it is consistent while playing) and writes it on the file thread, atomically; opening reads and checks the file
 * on the file thread and changes the run only if the whole file is good. Outcomes show as a {@link Notice}.
 */
final class Sessions {
    private final RunModel model;
    private final FileDialogs dialogs;
    private final Notice notice;
    private final Executor files;

    Sessions(RunModel model, FileDialogs dialogs, Notice notice, Executor files) {
        this.model = model;
        this.dialogs = dialogs;
        this.notice = notice;
        this.files = files;
    }

    void save() {
        var c = model.configProperty().get();
        TrainingFrame f = model.frameProperty().get();
        long epoch = f == null ? 0 : f.snapshot().epoch();
        Path file = dialogs.save("Save session", c.dataset().id() + "-seed" + c.seed() + "-epoch" + epoch + "."
                + SessionFile.EXTENSION, FileDialogs.Kind.SESSION);
        if (file != null) {
            save(file);
        }
    }

    void open() {
        Path file = dialogs.open("Open session", FileDialogs.Kind.SESSION);
        if (file != null) {
            open(file);
        }
    }

    /**
     * Saves the run to {@code file}; completes (off the FX thread) once the file is written and the notice is on
     * its way, exceptionally if it could not be.
     */
    CompletableFuture<Session> save(Path file) {
        return model.captureSession()
                .thenApplyAsync(session -> {
                    try {
                        SessionFile.write(session, file);
                        return session;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, files)
                .whenComplete((session, failure) -> Platform.runLater(() -> {
                    if (failure == null) {
                        notice.success("Saved the session at epoch " + String.format("%,d", session.epoch()) + " to "
                                + file);
                    } else {
                        notice.error(saveProblem(cause(failure), file));
                    }
                }));
    }

    /**
     * Opens {@code file}: reads and checks it on the file thread, then (on the FX thread) replaces the run with it.
     * A bad file changes nothing and says what is wrong. Completes when the run has been replaced or refused.
     */
    CompletableFuture<Session> open(Path file) {
        CompletableFuture<Session> done = new CompletableFuture<>();
        files.execute(() -> {
            try {
                Session session = SessionFile.read(file);
                Platform.runLater(() -> {
                    model.open(session);
                    notice.success("Opened " + file.getFileName() + ": epoch " + String.format("%,d", session.epoch())
                            + ", paused. Press Space to train on.");
                    done.complete(session);
                });
            } catch (SessionFileException | RuntimeException e) {
                String message = "Could not open " + file + ": " + (e instanceof SessionFileException
                        ? e.getMessage() : "unexpected " + e) + ". Nothing was changed.";
                Platform.runLater(() -> {
                    notice.error(message);
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private static Throwable cause(Throwable t) {
        while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String saveProblem(Throwable t, Path file) {
        if (t instanceof IllegalStateException) {
            return t.getMessage();
        }
        String why = t instanceof IOException io ? AtomicFile.reason(io) : String.valueOf(t.getMessage());
        return "Could not save the session to " + file + ": " + why;
    }
}
