package org.xorlab.app.files;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.controls.LabTab;
import org.xorlab.export.NotebookScript;
import org.xorlab.export.Worksheet;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.app.controls.LabTab.ShownRun;
import org.xorlab.app.controls.Notice;
import org.xorlab.session.AtomicFile;
import org.xorlab.session.LossHistoryCsv;
import org.xorlab.text.NumberText;

/**
 * File ▸ Export: the loss history as CSV, and the loss chart, the network, the decision surface or the whole window
 * as PNG, of the tab that is showing. Where the tab trains several runs (Compare) the CSV has a column per run, and
 * the network and surface images put every run's view side by side under its name. Images are drawn on the FX
 * thread (where the scene lives); files are written on the file thread, each atomically, and the outcome is shown as
 * a {@link Notice}.
 */
public final class Exports {
    /** Network, surface and window images have this many pixels per screen pixel: sharp on a slide. */
    public static final double IMAGE_SCALE = 2;
    /** The loss chart image: 16:9 for a slide, small enough that the chart's fonts stay readable on it. */
    public static final int CHART_WIDTH = 1280;
    public static final int CHART_HEIGHT = 720;
    /** The side-by-side image of the compare runs: margin around it and gap between runs, in image pixels. */
    public static final int RUNS_PADDING = 24;
    public static final int RUNS_GAP = 32;
    /** Height of each run's caption (its name) above its view, in image pixels. */
    public static final int RUNS_CAPTION_HEIGHT = 56;

    /** The tab that is showing. */
    private final Supplier<LabTab> showing;
    private final FileDialogs dialogs;
    private final Notice notice;
    private final Executor files;
    private final Runnable hideOverlays;
    private final Runnable showOverlays;
    /** The newest export's task (tests wait for it after choosing an export from the menu). */
    private Task<Path> last;

    /**
     * @param hideOverlays hides the notice and shortcut sheet while the window is photographed; showOverlays undoes it
     */
    public Exports(Supplier<LabTab> showing, FileDialogs dialogs, Notice notice, Executor files, Runnable hideOverlays,
                   Runnable showOverlays) {
        this.showing = showing;
        this.dialogs = dialogs;
        this.notice = notice;
        this.files = files;
        this.hideOverlays = hideOverlays;
        this.showOverlays = showOverlays;
    }

    public void lossHistory() {
        export("Export the loss history", "-loss.csv", FileDialogs.Kind.CSV, this::lossHistory);
    }

    public void chart() {
        export("Export the loss chart", "-loss-chart.png", FileDialogs.Kind.PNG, this::chart);
    }

    public void network() {
        export("Export the network", "-network.png", FileDialogs.Kind.PNG, this::network);
    }

    public void surface() {
        export("Export the decision surface", "-decision-surface.png", FileDialogs.Kind.PNG, this::surface);
    }

    public void window() {
        export("Export the window", "-window.png", FileDialogs.Kind.PNG, this::window);
    }

    public void worksheet() {
        export("Export a worksheet of the last step", "-worksheet.pdf", FileDialogs.Kind.PDF, this::worksheet);
    }

    /**
     * Writes the showing tab's (first) run's last weight update as a worksheet ({@link Worksheet}): the step as
     * exercises with the numbers given and blanks, and an answer key on its own pages, as {@code xorlab worksheet}
     * does.
     */
    public Task<Path> worksheet(Path file) {
        TrainingFrame f = showing.get().model().frameProperty().get();
        UpdateTrace trace = f == null ? null : f.runs().get(0).snapshot().lastUpdate();
        if (trace == null) {
            return refuse("A worksheet prints the last weight update: press Step update (→) first.");
        }
        org.xorlab.engine.TrainingConfig config = f.runs().get(0).snapshot().config();
        String why = Worksheet.refusal(config);
        if (why == null) {
            why = Worksheet.refusal(trace);
        }
        if (why != null) {
            return refuse(why);
        }
        // Laid out on the file thread: the first PDF loads its fonts, which takes longer than a frame.
        return write("a worksheet of update " + NumberText.count(trace.update()) + " (epoch "
                + NumberText.count(trace.epoch()) + ")", file, out -> Worksheet.write(trace, config, out));
    }

    public void script() {
        export("Export the run as a Python script", "-notebook.py", FileDialogs.Kind.PYTHON, this::script);
    }

    /**
     * Writes the showing tab's (first) run as a NumPy script in the notebook's style ({@link NotebookScript}), training
     * as many epochs as Play would, as {@code xorlab script} does.
     */
    public Task<Path> script(Path file) {
        LabTab tab = showing.get();
        TrainingFrame f = tab.model().frameProperty().get();
        if (f == null) {
            return refuse("There is no run to export yet.");
        }
        long epochs = tab.playEpochs();
        String text = NotebookScript.of(f.runs().get(0).snapshot().config(), epochs);
        return write("the run as a Python script (" + NumberText.count(epochs) + " epochs; run it with python3)",
                file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Asks where to save, suggesting the run's name with {@code suffix}, and exports there unless cancelled. */
    private void export(String title, String suffix, FileDialogs.Kind kind, Consumer<Path> export) {
        Path file = dialogs.save(title, baseName() + suffix, kind);
        if (file != null) {
            export.accept(file);
        }
    }

    /**
     * Writes {@code epoch,loss} for every completed epoch of a tab's one run (as {@code xorlab train --csv} does), or
     * {@code epoch,<run 1>,<run 2>...} with a column per run under its name where the tab trains several.
     */
    public Task<Path> lossHistory(Path file) {
        TrainingFrame f = showing.get().model().frameProperty().get();
        List<LossHistoryCsv.Column> columns = new ArrayList<>();
        int epochs = 0;
        boolean several = f != null && f.runs().size() > 1;
        if (f != null) {
            for (RunFrame r : f.runs()) {
                int done = (int) Math.min(r.snapshot().epoch(), r.history().size());
                columns.add(LossHistoryCsv.Column.of(several ? r.name() : "loss", r.history(), done));
                epochs = Math.max(epochs, done);
            }
        }
        if (epochs == 0) {
            return refuse("There is no loss history to export yet: train at least one epoch first.");
        }
        String runs = several ? ", " + columns.size() + " runs" : "";
        return write("the loss history (" + NumberText.count(epochs) + " epochs" + runs + ")", file,
                out -> LossHistoryCsv.write(out, columns));
    }

    public Task<Path> chart(Path file) {
        BufferedImage image = showing.get().chart().renderImage(CHART_WIDTH, CHART_HEIGHT);
        return png("the loss chart", file, image);
    }

    public Task<Path> network(Path file) {
        return views("the network", "the networks", file, ShownRun::network);
    }

    public Task<Path> surface(Path file) {
        return views("the decision surface", "the decision surfaces", file, ShownRun::surface);
    }

    /** One view of the showing tab's run as it looks on screen, or of each of its runs side by side. */
    private Task<Path> views(String one, String several, Path file, Function<ShownRun, Node> part) {
        LabTab tab = showing.get();
        List<ShownRun> runs = tab.shownRuns();
        if (runs.size() == 1) {
            return png(one, file, snapshot(part.apply(runs.get(0))));
        }
        return png(several, file, sideBySide(tab.view(), runs, part));
    }

    /**
     * One view of every run, side by side on white, each under its name in its chart colour, each at
     * {@link #IMAGE_SCALE} pixels per screen pixel. Laid out in a scene of its own that has the window's stylesheets
     * and the tab's.
     */
    private static BufferedImage sideBySide(Region view, List<ShownRun> runs, Function<ShownRun, Node> part) {
        HBox row = new HBox(RUNS_GAP);
        row.setPadding(new Insets(RUNS_PADDING));
        row.setStyle("-fx-background-color: white;");
        for (int i = 0; i < runs.size(); i++) {
            ShownRun run = runs.get(i);
            WritableImage image = SwingFXUtils.toFXImage(snapshot(part.apply(run)), null);
            Region swatch = new Region();
            swatch.getStyleClass().addAll("run-swatch", "run-" + i);
            swatch.setScaleX(IMAGE_SCALE);
            swatch.setScaleY(IMAGE_SCALE);
            Label caption = new Label(run.name(), swatch);
            caption.setGraphicTextGap(20);
            caption.setStyle("-fx-font-size: 32px; -fx-font-weight: bold; -fx-text-fill: #1f2328;");
            caption.setAlignment(Pos.CENTER_LEFT);
            caption.setMinHeight(RUNS_CAPTION_HEIGHT);
            caption.setPrefHeight(RUNS_CAPTION_HEIGHT);
            caption.setMaxHeight(RUNS_CAPTION_HEIGHT);
            caption.setPadding(new Insets(0, 0, 0, 8));
            row.getChildren().add(new VBox(caption, new ImageView(image)));
        }
        Scene scene = new Scene(row);
        Scene shown = view.getScene();
        if (shown != null) {
            scene.setUserAgentStylesheet(shown.getUserAgentStylesheet());
            scene.getStylesheets().setAll(shown.getStylesheets());
        }
        row.getStylesheets().setAll(view.getStylesheets());
        row.applyCss();
        row.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        return SwingFXUtils.fromFXImage(row.snapshot(params, null), null);
    }

    /** The whole window as it looks, without the notice or the shortcut sheet. */
    public Task<Path> window(Path file) {
        Scene scene = showing.get().view().getScene();
        hideOverlays.run();
        BufferedImage image;
        try {
            WritableImage fx = new WritableImage((int) Math.ceil(scene.getWidth() * IMAGE_SCALE),
                    (int) Math.ceil(scene.getHeight() * IMAGE_SCALE));
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(IMAGE_SCALE, IMAGE_SCALE));
            image = SwingFXUtils.fromFXImage(scene.getRoot().snapshot(params, fx), null);
        } finally {
            showOverlays.run();
        }
        return png("the window", file, image);
    }

    /** The node as it looks on screen, at {@link #IMAGE_SCALE} pixels per screen pixel, on white. */
    private static BufferedImage snapshot(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(IMAGE_SCALE, IMAGE_SCALE));
        params.setFill(Color.WHITE);
        return SwingFXUtils.fromFXImage(node.snapshot(params, null), null);
    }

    private Task<Path> png(String what, Path file, BufferedImage image) {
        String size = image.getWidth() + " x " + image.getHeight() + " px";
        return write(what + " (" + size + ")", file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }

    /** Writes on the file thread and reports the outcome on the FX thread. */
    private Task<Path> write(String what, Path file, AtomicFile.Body body) {
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws IOException {
                AtomicFile.write(file, body);
                return file;
            }
        };
        task.setOnSucceeded(e -> notice.success("Exported " + what + " to " + file));
        task.setOnFailed(e -> notice.error("Could not export " + what + " to " + file + ": " + reason(task.getException())));
        files.execute(task);
        last = task;
        return task;
    }

    /** A task that has already failed with {@code message}, shown at once. */
    private Task<Path> refuse(String message) {
        notice.error(message);
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() {
                throw new IllegalStateException(message);
            }
        };
        task.run();
        last = task;
        return task;
    }

    /** The task of the newest export, or null before the first; read on the FX thread. */
    public Task<Path> lastTask() {
        return last;
    }

    static String reason(Throwable e) {
        if (e instanceof IOException io) {
            return AtomicFile.reason(io);
        }
        return e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
    }

    /** "xor-seed42-epoch5717": what the showing tab's runs are, for suggested file names. */
    private String baseName() {
        return showing.get().model().fileName();
    }
}
