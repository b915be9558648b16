package org.xorlab.app.train;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.xorlab.session.Bookmark;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.xorlab.run.RunSpec;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;
import org.xorlab.app.controls.TabModel;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.session.RunSettings;
import org.xorlab.session.Session;

/**
 * The Train tab's view model for one training run, on the FX thread: the settings the user chose (always valid), and
 * besides what every {@link TabModel} has, the input the network shows, the timeline and sessions. Views bind to its
 * properties.
 */
public final class RunModel extends TabModel {
    /** The run's name: its curve's on the chart. */
    static final String RUN_NAME = "Loss";

    private final ObjectProperty<TrainingConfig> config;
    private final ObjectProperty<StopRule> stopRule;
    private final IntegerProperty selectedInput = new SimpleIntegerProperty(1);
    /** True while a session's settings are being shown: the session's own run replaces the one they would start. */
    private boolean opening;
    /** The teacher's marks on the timeline, in epoch order (see {@link #bookmark}). */
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private final ObservableList<Bookmark> bookmarksView = FXCollections.unmodifiableObservableList(bookmarks);
    /** A session's bookmarks, waiting for the first frame of its run; the generation before it. */
    private List<Bookmark> pendingBookmarks;
    private long pendingFrom;
    private long generation = -1;

    public RunModel(TrainingConfig initial, StopRule rule, double epochsPerSecond) {
        super(new TrainingLoop(List.of(spec(initial)), rule, epochsPerSecond), epochsPerSecond);
        config = new SimpleObjectProperty<>(initial);
        stopRule = new SimpleObjectProperty<>(rule);
        config.addListener((o, old, now) -> apply(old, now));
        stopRule.addListener((o, old, now) -> loop().setStopRule(now));
        // The Train tab shows the run's diagnosis under its chart.
        loop().diagnose(true);
        frameProperty().addListener((o, old, f) -> {
            if (f != null && f.generation() != generation) {
                generation = f.generation();
                if (pendingBookmarks != null && generation != pendingFrom) {
                    bookmarks.setAll(pendingBookmarks);
                    pendingBookmarks = null;
                } else {
                    // A new timeline (Reset, another run): marks of epochs it has not reached go.
                    long epoch = f.snapshot().epoch();
                    bookmarks.removeIf(b -> b.epoch() > epoch);
                }
            }
        });
        start("xorlab-training");
    }

    private void apply(TrainingConfig old, TrainingConfig now) {
        if (opening) {
            return;
        }
        // Only the rate and the batch size can change in a running run; any other setting starts a new one. Compared
        // setting by setting: the old config with the new batch size may not exist (10 of 140 points on a truth table).
        boolean sameRun = old.dataset() == now.dataset() && old.hidden() == now.hidden() && old.seed() == now.seed()
                && old.options().equals(now.options());
        if (sameRun) {
            loop().retune(0, now.learningRate(), now.batchSize());
        } else {
            bookmarks.clear();
            loop().restart(List.of(spec(now)));
        }
    }

    private static RunSpec spec(TrainingConfig config) {
        return new RunSpec(RUN_NAME, config);
    }

    /** The settings; setting a new dataset, width or seed starts a new run, a new rate or batch size retunes this one. */
    public ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    public ObjectProperty<StopRule> stopRuleProperty() {
        return stopRule;
    }

    /** The input (0 to 3) whose activations the network view shows. */
    public IntegerProperty selectedInputProperty() {
        return selectedInput;
    }

    public void play() {
        loop().play();
    }

    public void pause() {
        loop().pause();
    }

    /** Pauses and shows the run as it was at the end of {@code epoch} (nearest kept epoch at or before). */
    public void preview(long epoch) {
        loop().preview(epoch);
    }

    /** Like {@link #preview}, {@code epochs} epochs before the epoch shown now (or before the live run). */
    public void rewindBy(long epochs) {
        loop().rewindBy(epochs);
    }

    /** Shows the run live again after a rewind. */
    public void live() {
        loop().live();
    }

    /** "xor-seed42-epoch5717": the dataset, the seed and the epoch the run has reached. */
    @Override
    public String fileName() {
        TrainingFrame f = frameProperty().get();
        TrainingConfig c = config.get();
        long epoch = f == null ? 0 : f.snapshot().epoch();
        return c.dataset().id() + "-seed" + c.seed() + "-epoch" + epoch;
    }

    /** Draws a fresh seed and starts over from its weights. */
    @Override
    public void newSeed(long seed) {
        config.set(config.get().withSeed(seed));
    }

    /**
     * Continues from a saved session: its settings become the model's and its run replaces the current one,
     * paused, with its weights, counters and loss history.
     */
    public void open(Session session) {
        RunSettings s = session.settings();
        opening = true;
        try {
            config.set(s.config());
            stopRule.set(new StopRule(s.stopAtLoss(), s.stopEpochs(), s.targetLoss()));
        } finally {
            opening = false;
        }
        pendingBookmarks = session.bookmarks();
        pendingFrom = generation;
        loop().load(spec(s.config()).name(), session);
    }

    /** The timeline's bookmarks, in epoch order; change them through {@link #bookmark} and {@link #unbookmark}. */
    public ObservableList<Bookmark> bookmarks() {
        return bookmarksView;
    }

    /**
     * Marks {@code epoch} with {@code note} (replacing a mark there).
     *
     * @throws IllegalArgumentException if the note is too long or holds control characters, or the run already has
     *                                  {@value Bookmark#MAX_COUNT} other marks
     */
    public void bookmark(long epoch, String note) {
        List<Bookmark> now = new java.util.ArrayList<>(bookmarks);
        now.add(new Bookmark(epoch, note));
        bookmarks.setAll(Bookmark.normalised(now));
    }

    /** Removes the mark at {@code epoch}, if any. */
    public void unbookmark(long epoch) {
        bookmarks.removeIf(b -> b.epoch() == epoch);
    }

    /**
     * The run as a session, taken on the training thread (see {@link TrainingLoop#capture}); completes on that
     * thread.
     */
    public CompletableFuture<Session> captureSession() {
        List<Bookmark> marks = List.copyOf(bookmarks);
        // The marks the saved epoch has reached (the run may have been rewound past none of them: all are).
        return loop().capture(0).thenApply(s -> s.withBookmarks(marks.stream()
                .filter(b -> b.epoch() <= s.epoch()).toList()));
    }
}
