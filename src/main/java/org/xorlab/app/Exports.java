package org.xorlab.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.xorlab.session.AtomicFile;
import org.xorlab.session.LossCsv;

/**
 * File ▸ Export: the loss history as CSV, and the loss chart, the network, the decision surface or the whole window
 * as PNG. Images are drawn on the FX thread (where the scene lives); files are written on the file thread, each
 * atomically, and the outcome is shown as a {@link Notice}.
 */
final class Exports {
    /** Network, surface and window images have this many pixels per screen pixel: sharp on a slide. */
    static final double IMAGE_SCALE = 2;
    /** The loss chart image: 16:9 for a slide, small enough that the chart's fonts stay readable on it. */
    static final int CHART_WIDTH = 1280;
    static final int CHART_HEIGHT = 720;

    private final MainWindow train;
    private final FileDialogs dialogs;
    private final Notice notice;
    private final Executor files;
    private final Runnable hideOverlays;
    private final Runnable showOverlays;

    /**
     * @param hideOverlays hides the notice and shortcut sheet while the window is photographed; showOverlays undoes it
     */
    Exports(MainWindow train, FileDialogs dialogs, Notice notice, Executor files, Runnable hideOverlays,
            Runnable showOverlays) {
        this.train = train;
        this.dialogs = dialogs;
        this.notice = notice;
        this.files = files;
        this.hideOverlays = hideOverlays;
        this.showOverlays = showOverlays;
    }

    void lossHistory() {
        Path file = dialogs.save("Export the loss history", baseName() + "-loss.csv", FileDialogs.Kind.CSV);
        if (file != null) {
            lossHistory(file);
        }
    }

    void chart() {
        Path file = dialogs.save("Export the loss chart", baseName() + "-loss-chart.png", FileDialogs.Kind.PNG);
        if (file != null) {
            chart(file);
        }
    }

    void network() {
        Path file = dialogs.save("Export the network", baseName() + "-network.png", FileDialogs.Kind.PNG);
        if (file != null) {
            network(file);
        }
    }

    void surface() {
        Path file = dialogs.save("Export the decision surface", baseName() + "-decision-surface.png", FileDialogs.Kind.PNG);
        if (file != null) {
            surface(file);
        }
    }

    void window() {
        Path file = dialogs.save("Export the window", baseName() + "-window.png", FileDialogs.Kind.PNG);
        if (file != null) {
            window(file);
        }
    }

    /** Writes {@code epoch,loss} for every completed epoch of the Train tab's run. */
    Task<Path> lossHistory(Path file) {
        TrainingFrame f = train.model().frameProperty().get();
        int epochs = f == null ? 0 : (int) Math.min(f.snapshot().epoch(), f.history().size());
        if (epochs == 0) {
            return refuse("There is no loss history to export yet: train at least one epoch first.");
        }
        List<LossCsv.Column> columns = List.of(LossCsv.Column.of("loss", f.history(), epochs));
        return write("the loss history (" + String.format("%,d", epochs) + " epochs)", file,
                out -> LossCsv.write(out, columns));
    }

    Task<Path> chart(Path file) {
        BufferedImage image = train.chart().renderImage(CHART_WIDTH, CHART_HEIGHT);
        return png("the loss chart", file, image);
    }

    Task<Path> network(Path file) {
        return png("the network", file, snapshot(train.networkView()));
    }

    Task<Path> surface(Path file) {
        return png("the decision surface", file, snapshot(train.surfaceView()));
    }

    /** The whole window as it looks, without the notice or the shortcut sheet. */
    Task<Path> window(Path file) {
        Scene scene = train.getScene();
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
        return task;
    }

    static String reason(Throwable e) {
        if (e instanceof IOException io) {
            return AtomicFile.reason(io);
        }
        return e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
    }

    /** "xor-seed42-epoch5717": what the run is, for suggested file names. */
    private String baseName() {
        TrainingFrame f = train.model().frameProperty().get();
        var c = train.model().configProperty().get();
        long epoch = f == null ? 0 : f.snapshot().epoch();
        return c.dataset().id() + "-seed" + c.seed() + "-epoch" + epoch;
    }
}
