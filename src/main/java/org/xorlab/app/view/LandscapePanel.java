package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.Weights;
import org.xorlab.run.Landscape;
import org.xorlab.run.RunFrame;

/**
 * The landscape card's content, for the Train tab (one run) and the Compare tab (every run on one plane): the plane
 * chooser and the gradient arrows' switch, the {@link LandscapeView}, and a readout saying which plane it is and,
 * with the arrows, what they show. Feed it every frame with {@link #show}; while it is hidden it ignores them. The
 * landscape is computed on a thread of its own, at most ten times a second (less when one takes long), and only the
 * newest request is computed; the finished {@link Landscape.Picture} crosses to the FX thread alone.
 */
public final class LandscapePanel extends Region {
    /** Space between the parts. */
    static final double GAP = 6;
    /** The view's smallest height, and the narrowest column the controls and readout get beside it. */
    static final double VIEW_MIN_HEIGHT = 250;
    static final double SIDE_MIN_WIDTH = 300;
    /** Shortest time between the starts of two computations. */
    static final long MIN_INTERVAL_MILLIS = 100;
    /** The computing thread's name. */
    public static final String THREAD_NAME = "xorlab-landscape";

    /** The planes a user can choose, named for the network shown. */
    public enum Plane {
        START_END, PCA, OUTPUT_WEIGHTS, FIRST_WEIGHTS;

        /** The plane's spec for a network of {@code widths}. */
        LossPlane.Spec spec(int[] widths) {
            int last = widths.length - 1;
            return switch (this) {
                case START_END -> LossPlane.Spec.START_END;
                case PCA -> LossPlane.Spec.PCA;
                case OUTPUT_WEIGHTS -> widths[last - 1] >= 2
                        ? new LossPlane.Spec(LossPlane.Kind.PARAMETERS, "W" + last + "[0,0]", "W" + last + "[0,1]")
                        : new LossPlane.Spec(LossPlane.Kind.PARAMETERS, "W" + last + "[0,0]", "b" + last + "[0,0]");
                case FIRST_WEIGHTS -> widths[0] >= 2
                        ? new LossPlane.Spec(LossPlane.Kind.PARAMETERS, "W1[0,0]", "W1[0,1]")
                        : new LossPlane.Spec(LossPlane.Kind.PARAMETERS, "W1[0,0]", "b1[0,0]");
            };
        }

        String label(int[] widths) {
            return switch (this) {
                case START_END -> "Start to end";
                case PCA -> "Principal directions";
                default -> {
                    LossPlane.Spec s = spec(widths);
                    yield s.first() + " and " + s.second();
                }
            };
        }
    }

    private final LandscapeView view = new LandscapeView();
    private final ChoiceBox<Plane> plane = new ChoiceBox<>();
    private final CheckBox gradients = new CheckBox("Gradients");
    private final Label readout = new Label();
    private final FlowPane controls;
    private final ZoomPane viewPane;
    private int[] widths = {2, 2, 1};
    /** The plane chosen: the choice box's value, kept while its items are set again. */
    private Plane chosen = Plane.START_END;
    /** Each run's weights of updates since its last recorded epoch (a stepped epoch), and that epoch. */
    private final List<List<Weights>> steps = new ArrayList<>();
    private final List<Long> stepsEpoch = new ArrayList<>();
    private List<RunFrame> latest = List.of();
    private Object shownKey;
    private final Worker worker = new Worker(this::deliver);

    /**
     * @param id   the prefix of the controls' ids: "landscape" gives "landscape-plane", "landscape-view"
     * @param zoom the canvases' magnification (presenter mode's zoom)
     */
    public LandscapePanel(String id, javafx.beans.value.ObservableDoubleValue zoom) {
        getStyleClass().add("landscape-panel");
        view.setId(id + "-view");
        plane.setId(id + "-plane");
        gradients.setId(id + "-gradients");
        readout.setId(id + "-readout");
        plane.getItems().setAll(Plane.values());
        plane.setValue(chosen);
        plane.setConverter(new StringConverter<>() {
            @Override
            public String toString(Plane p) {
                return p == null ? "" : p.label(widths);
            }

            @Override
            public Plane fromString(String s) {
                return null;
            }
        });
        plane.setTooltip(new Tooltip("The plane through weight space the loss is drawn on"));
        plane.setMinWidth(Region.USE_PREF_SIZE);
        gradients.setTooltip(new Tooltip("Show each sample's gradient step and the batch's mean gradient step at the"
                + " weights shown"));
        gradients.setMinWidth(Region.USE_PREF_SIZE);
        Label planeLabel = new Label("Plane");
        planeLabel.getStyleClass().add("field-label");
        planeLabel.setLabelFor(plane);
        planeLabel.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane controls = new FlowPane(8, 4, planeLabel, plane, gradients);
        controls.setAlignment(Pos.CENTER_LEFT);
        readout.setWrapText(true);
        readout.setAlignment(Pos.TOP_LEFT);
        readout.getStyleClass().add("landscape-readout");
        readout.setMinHeight(Region.USE_PREF_SIZE);
        this.controls = controls;
        this.viewPane = new ZoomPane(view, zoom);
        getChildren().addAll(controls, viewPane, readout);
        plane.valueProperty().addListener((o, old, now) -> {
            // Null while the items are set again for another network (see request).
            if (now != null && now != chosen) {
                chosen = now;
                request();
            }
        });
        gradients.selectedProperty().addListener(o -> request());
        visibleProperty().addListener(o -> request());
    }

    public LandscapeView view() {
        return view;
    }

    /** The plane chosen. */
    public Plane plane() {
        return chosen;
    }

    public void choosePlane(Plane p) {
        plane.setValue(p);
    }

    public void showGradients(boolean on) {
        gradients.setSelected(on);
    }

    /** True while the gradient arrows are shown. */
    public boolean gradientsShown() {
        return gradients.isSelected();
    }

    /** What the readout says. */
    public String readout() {
        return readout.getText();
    }

    /**
     * The newest frame's runs (all from one seed and one network). Call on the FX thread with every frame; cheap
     * when nothing the landscape shows changed, or while the panel is hidden.
     */
    public void show(List<RunFrame> runs) {
        latest = List.copyOf(runs);
        trackSteps(runs);
        request();
    }

    /** Stops the computing thread; the panel shows nothing new after. */
    public void dispose() {
        worker.stop();
    }

    private void trackSteps(List<RunFrame> runs) {
        while (steps.size() < runs.size()) {
            steps.add(new ArrayList<>());
            stepsEpoch.add(-1L);
        }
        for (int i = 0; i < runs.size(); i++) {
            RunFrame f = runs.get(i);
            var s = f.snapshot();
            List<Weights> own = steps.get(i);
            if (s.epoch() != stepsEpoch.get(i) || s.nextSample() == 0) {
                own.clear();
                stepsEpoch.set(i, s.epoch());
            }
            if (f.preview() == null && s.nextSample() > 0 && (own.isEmpty() || own.get(own.size() - 1) != s.weights())
                    && own.size() < 1000) {
                own.add(s.weights());
            }
        }
    }

    private void request() {
        if (!isVisible() || latest.isEmpty()) {
            return;
        }
        RunFrame first = latest.get(0);
        int[] now = first.shownWeights().widths();
        if (!Arrays.equals(now, widths)) {
            widths = now;
            // The items' names depend on the network: set them again so the choice box shows the new ones.
            plane.getItems().setAll(Plane.values());
            plane.setValue(chosen);
        }
        List<Landscape.Run> runs = new ArrayList<>();
        List<Object> key = new ArrayList<>();
        key.add(chosen);
        key.add(gradients.isSelected());
        for (int i = 0; i < latest.size(); i++) {
            RunFrame f = latest.get(i);
            if (!Arrays.equals(f.shownWeights().widths(), now)) {
                continue; // a run of another network (a Compare setup changing): not on this plane
            }
            long newest = f.weightHistory() == null ? -1 : f.weightHistory().newestEpoch();
            List<Weights> own = List.copyOf(steps.get(i));
            long epoch = f.preview() != null ? f.preview().epoch() : f.snapshot().epoch();
            runs.add(new Landscape.Run(f.name(), f.snapshot().config(), f.weightHistory(), own, f.shownWeights(),
                    epoch));
            key.add(f.snapshot().config());
            key.add(f.weightHistory());
            key.add(newest);
            key.add(own.size());
            key.add(f.shownWeights());
        }
        if (key.equals(shownKey)) {
            return;
        }
        shownKey = key;
        worker.submit(new Job(chosen.spec(now), runs, gradients.isSelected()));
    }

    private void deliver(Result r) {
        if (r.picture() != null) {
            view.show(r.picture());
            readout.setText(r.picture().readout());
            // The plane in a sentence, where the chooser and the axes only name it.
            Tooltip.install(view, new Tooltip(r.picture().plane().description()));
        } else {
            view.showMessage(r.message());
            readout.setText(r.message());
        }
    }

    record Job(LossPlane.Spec spec, List<Landscape.Run> runs, boolean gradients) {
    }

    record Result(Landscape.Picture picture, String message) {
    }

    /** One thread computing the newest job only, spaced at least {@link #MIN_INTERVAL_MILLIS} (and 3x its cost). */
    static final class Worker {
        private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        private final Consumer<Result> onFx;
        private Job pending;
        private boolean scheduled;
        private long nextStart;

        Worker(Consumer<Result> onFx) {
            this.onFx = onFx;
            // An idle panel (a hidden card, a closed window) holds no thread.
            thread.setKeepAliveTime(5, TimeUnit.SECONDS);
            thread.allowCoreThreadTimeOut(true);
        }

        synchronized void submit(Job job) {
            pending = job;
            if (!scheduled && !thread.isShutdown()) {
                scheduled = true;
                thread.schedule(this::runOne, Math.max(0, nextStart - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }

        void stop() {
            thread.shutdownNow();
        }

        private void runOne() {
            Job job;
            synchronized (this) {
                job = pending;
                pending = null;
            }
            long start = System.nanoTime();
            Result result;
            try {
                result = new Result(Landscape.compute(job.spec(), job.runs(), job.gradients()), null);
            } catch (IllegalArgumentException e) {
                result = new Result(null, "No landscape: " + e.getMessage() + ".");
            }
            long cost = System.nanoTime() - start;
            Result done = result;
            Platform.runLater(() -> onFx.accept(done));
            synchronized (this) {
                nextStart = start + Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS), 3 * cost);
                scheduled = false;
                if (pending != null && !thread.isShutdown()) {
                    scheduled = true;
                    thread.schedule(this::runOne, Math.max(0, nextStart - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            }
        }
    }


    /**
     * Wide and short (the Compare tab's card): the view on the left, as wide as its square plot needs, and the
     * controls above the readout beside it. Otherwise the controls, the view taking the height left, the readout.
     */
    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double viewWidth = view.widthFor(h);
        if (w - viewWidth - GAP >= SIDE_MIN_WIDTH) {
            viewPane.resizeRelocate(0, 0, viewWidth, h);
            double x = viewWidth + GAP;
            double side = w - x;
            double ch = controls.prefHeight(side);
            controls.resizeRelocate(x, 0, side, ch);
            readout.resizeRelocate(x, ch + GAP, side, Math.max(0, h - ch - GAP));
        } else {
            double ch = controls.prefHeight(w);
            double rh = readout.prefHeight(w);
            controls.resizeRelocate(0, 0, w, ch);
            double vh = Math.max(0, h - ch - rh - 2 * GAP);
            viewPane.resizeRelocate(0, ch + GAP, w, vh);
            readout.resizeRelocate(0, ch + GAP + vh + GAP, w, rh);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(controls.minWidth(-1), view.minWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : 320;
        return controls.prefHeight(w) + VIEW_MIN_HEIGHT + readout.prefHeight(w) + 2 * GAP;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 560; // the decision surface's: the card keeps its width when it switches views
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : 420;
        return controls.prefHeight(w) + 360 + readout.prefHeight(w) + 2 * GAP;
    }
}
