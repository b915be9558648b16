package org.xorlab.app.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;

/** What the views' tests share: rendering a node as the user sees it, saving it to look at, and trained weights. */
final class Snapshots {
    private Snapshots() {
    }

    /** Renders {@code node} on the FX thread, as it is on screen, and keeps a PNG in target/view-snapshots/. */
    static WritableImage take(Node node, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
            Path dir = Path.of("target", "view-snapshots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("snapshot of " + name + " failed", e);
        }
    }

    static Color pixel(WritableImage image, double x, double y) {
        return image.getPixelReader().getColor((int) Math.floor(x), (int) Math.floor(y));
    }

    /** Largest difference of the red, green and blue channels. */
    static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    /** The notebook's run (XOR, seed 42, lr 0.1, SGD) with {@code hidden} units after {@code epochs} epochs. */
    static Weights trained(int hidden, int epochs) {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK.withHidden(hidden));
        trainer.runEpochs(epochs, null);
        return trainer.weights();
    }
}
