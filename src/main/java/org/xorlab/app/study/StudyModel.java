package org.xorlab.app.study;

import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.xorlab.run.study.Study;
import org.xorlab.run.study.StudyGrid;
import org.xorlab.run.study.StudyResult;

/**
 * The Study tab's view model, on the FX thread: one {@link Study} at a time, trained on a thread of its own, and the
 * newest {@link StudyResult} it has, which views bind to. A timer polls the study once per frame and takes a new
 * result (an immutable copy) only when the number of runs done has changed, and at most ten times a second, so however
 * fast runs finish, at most one result per screen refresh crosses threads.
 */
final class StudyModel {
    private final ReadOnlyObjectWrapper<StudyResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(
            "No study yet: set the grid and press Start");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    /**
     * The least time between two results: a new one relays out the tab (its progress, table and verdict), which on
     * a busy two-core machine took cores from the study itself when done at every frame.
     */
    private static final long MIN_NANOS = 100_000_000L;
    private final LongSupplier clock;
    private final AnimationTimer poll = new AnimationTimer() {
        @Override
        public void handle(long now) {
            poll();
        }
    };
    private Study study;
    private Thread thread;
    private volatile boolean finished;
    private volatile Throwable failed;
    private long shownDone = -1;
    private long shownAt;
    private long startedAt;

    StudyModel() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, for the estimate of the time left */
    StudyModel(LongSupplier clock) {
        this.clock = clock;
    }

    /** Starts a study of {@code grid} on {@code threads} threads (the previous one, if any, is cancelled first). */
    void start(StudyGrid grid, int threads) {
        cancel();
        Study s = new Study(grid, threads);
        study = s;
        finished = false;
        failed = null;
        shownDone = -1;
        failure.set("");
        startedAt = clock.getAsLong();
        result.set(s.result());
        running.set(true);
        shownAt = startedAt;
        progress.set(progressText(0, grid.size(), 0));
        Thread t = new Thread(() -> {
            try {
                s.run();
            } catch (RuntimeException | Error e) {
                failed = e;
            } finally {
                finished = true;
            }
        }, "xorlab-study");
        t.setDaemon(true);
        thread = t;
        t.start();
        poll.start();
    }

    /** Stops the study under way; the runs it finished stay in {@link #resultProperty()}. */
    void cancel() {
        if (study != null && running.get()) {
            study.cancel();
        }
    }

    /** Cancels the study and waits for its threads (a window closing, a test ending). */
    void shutdown() {
        cancel();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poll.stop();
    }

    private void poll() {
        if (study == null) {
            return;
        }
        boolean over = finished; // read before done(): every run counted by then is in the result taken below
        long done = study.done();
        long now = clock.getAsLong();
        if (over || done != shownDone && now - shownAt >= MIN_NANOS) {
            shownDone = done;
            shownAt = now;
            StudyResult r = study.result();
            result.set(r);
            progress.set(over ? endText(r) : progressText(done, r.total(), clock.getAsLong() - startedAt));
        }
        if (over) {
            poll.stop();
            running.set(false);
            if (failed != null) {
                failure.set("The study stopped: " + failed.getMessage());
            }
        }
    }

    /** "312 of 800 runs · about 3 s left", the time left estimated from the rate so far. */
    static String progressText(long done, long total, long elapsedNanos) {
        String runs = org.xorlab.text.NumberText.count(done) + " of " + org.xorlab.text.NumberText.count(total)
                + " runs";
        if (done == 0 || elapsedNanos <= 0) {
            return runs;
        }
        double left = (total - done) * (elapsedNanos / 1e9) / done;
        return runs + " · about " + duration(left) + " left";
    }

    /** "3 s", "2 min", "1 h 5 min": how long, for a person, rounded up. */
    static String duration(double seconds) {
        long s = (long) Math.ceil(seconds);
        if (s < 60) {
            return s + " s";
        }
        long min = (s + 59) / 60;
        if (min < 60) {
            return min + " min";
        }
        return min / 60 + " h " + min % 60 + " min";
    }

    /** What the progress line says once the study has stopped. */
    static String endText(StudyResult r) {
        String done = org.xorlab.text.NumberText.count(r.done());
        String total = org.xorlab.text.NumberText.count(r.total());
        if (r.complete()) {
            return "All " + total + " runs done";
        }
        return "Stopped after " + done + " of " + total + " runs; results below are from those";
    }

    /** The newest result: every run finished so far (null before the first study). */
    ReadOnlyObjectProperty<StudyResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True from Start until the study has finished or stopped. */
    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "312 of 800 runs · about 3 s left", or how the study ended. */
    ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Non-empty if a run failed (a fault, not a divergence). */
    ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
