package org.xorlab.app.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.controls.Notice;
import org.xorlab.app.train.RunModel;
import org.xorlab.session.AtomicFile;
import org.xorlab.session.Session;
import org.xorlab.session.SessionFile;
import org.xorlab.session.SessionFileException;
import org.xorlab.text.NumberText;

/**
 * File ▸ Save session and Open session for the Train tab. Saving takes the run's state on the training thread (so
 * it is consistent while playing) and writes it on the file thread, atomically; opening reads and checks the file
 * on a thread of its own and changes the run only if the whole file is good. Outcomes show as a {@link Notice}.
 */
public final class SessionCommands {
    private final RunModel model;
    private final FileDialogs dialogs;
    private final Notice notice;
    private final Executor files;
    private final Reader reader;
    private final Duration timeout;
    /** The number of the newest open (FX thread). */
    private long opens;

    /** Reads a session file; {@link SessionFile#read(Path)} except in tests. */
    @FunctionalInterface
    public interface Reader {
        Session read(Path file) throws SessionFileException;
    }

    /** How long an open may take before it is given up: far more than the largest session file needs. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    public SessionCommands(RunModel model, FileDialogs dialogs, Notice notice, Executor files) {
        this(model, dialogs, notice, files, SessionFile::read, READ_TIMEOUT);
    }

    /**
     * @param files   the thread saves are written on
     * @param reader  what reads a file to open, on a thread of its own
     * @param timeout how long a read may take
     */
    public SessionCommands(RunModel model, FileDialogs dialogs, Notice notice, Executor files, Reader reader,
                           Duration timeout) {
        this.model = model;
        this.dialogs = dialogs;
        this.notice = notice;
        this.files = files;
        this.reader = reader;
        this.timeout = timeout;
    }

    public void save() {
        Path file = dialogs.save("Save session", model.fileName() + "." + SessionFile.EXTENSION,
                FileDialogs.Kind.SESSION);
        if (file != null) {
            save(file);
        }
    }

    public void open() {
        Path file = dialogs.open("Open session", FileDialogs.Kind.SESSION);
        if (file != null) {
            open(file);
        }
    }

    /**
     * Saves the run to {@code file}; completes (off the FX thread) once the file is written and the notice is on
     * its way, exceptionally if it could not be.
     */
    public CompletableFuture<Session> save(Path file) {
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
                        notice.success("Saved the session at epoch " + NumberText.count(session.epoch()) + " to "
                                + file);
                    } else {
                        notice.error(saveProblem(cause(failure), file));
                    }
                }));
    }

    /**
     * Opens {@code file}: reads and checks it on a thread of its own, then (on the FX thread) replaces the run with
     * it. A bad file changes nothing and says what is wrong. Completes when the run has been replaced or refused.
     */
    public CompletableFuture<Session> open(Path file) {
        return open(file, "Nothing was changed.");
    }

    /** Opens {@code file} as the window starts ({@code xorlab open FILE}): a bad file leaves the fresh run. */
    public CompletableFuture<Session> openAtLaunch(Path file) {
        return open(file, "Starting with a fresh run instead.");
    }

    /**
     * The read runs on its own thread, not the file thread, so a read that hangs (a network drive that stopped
     * answering) never holds up saves and exports queued behind it; after {@link #READ_TIMEOUT} it is given up and
     * refused. Only the newest open is applied.
     */
    private CompletableFuture<Session> open(Path file, String unchanged) {
        long number = ++opens;
        CompletableFuture<Session> read = new CompletableFuture<>();
        Thread reading = new Thread(() -> {
            try {
                read.complete(reader.read(file));
            } catch (Throwable e) {
                // Everything, Errors too: a file's problem is told in the notice, never in the crash dialog.
                read.completeExceptionally(e);
            }
        }, "xorlab-open");
        reading.setDaemon(true);
        reading.start();
        CompletableFuture<Session> done = new CompletableFuture<>();
        read.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((session, failure) -> {
            if (failure != null) {
                // A read blocked in an interruptible channel gives up; in any case its result is not used.
                reading.interrupt();
            }
            Platform.runLater(() -> {
                if (number != opens) {
                    done.cancel(false);
                } else if (failure == null) {
                    model.open(session);
                    notice.success("Opened " + file.getFileName() + ": epoch " + NumberText.count(session.epoch())
                            + ", paused. Press Space to train on.");
                    done.complete(session);
                } else {
                    Throwable why = cause(failure);
                    notice.error("Could not open " + file + ": " + openProblem(why) + ". " + unchanged);
                    done.completeExceptionally(why);
                }
            });
        });
        return done;
    }

    private String openProblem(Throwable t) {
        if (t instanceof SessionFileException) {
            return t.getMessage();
        }
        if (t instanceof TimeoutException) {
            return "reading it took longer than " + timeout.toSeconds() + " s (is it on a drive that stopped answering?)";
        }
        if (t instanceof OutOfMemoryError) {
            return "XOR Lab ran out of memory reading it";
        }
        if (t instanceof StackOverflowError) {
            return "it is nested too deeply to read";
        }
        return "unexpected " + t;
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
