package org.xorlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the two NumPy reference runs as the window will show them and saves the pictures under target/chart-renders
 * for a person to look at: the exported PNG, and a screen snapshot with the hover readout at the epoch SGD first drops
 * below 0.01.
 */
@ExtendWith(ApplicationExtension.class)
class LossChartRenderingTest {

    private static final Path OUT = Path.of("target", "chart-renders");

    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        stage.setScene(new Scene(chart, 1000, 560));
        stage.show();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void saveSnapshot(Path file) throws Exception {
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(chart.snapshot(null, null), null));
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void rendersTheReferenceRuns(FxRobot robot) throws Exception {
        double[] sgd = ReferenceLosses.load("sgd");
        double[] batch = ReferenceLosses.load("batch");
        Files.createDirectories(OUT);
        fx(() -> {
            int sgdRun = chart.addRun("SGD (batch size 1)", 4);
            int batchRun = chart.addRun("Batch GD (batch size 4)", 1);
            // Interleaved like a live side-by-side run.
            double[] buffer = new double[500];
            for (int start = 0; start < sgd.length; start += buffer.length) {
                System.arraycopy(sgd, start, buffer, 0, buffer.length);
                chart.append(sgdRun, start + 1, buffer, buffer.length);
                System.arraycopy(batch, start, buffer, 0, buffer.length);
                chart.append(batchRun, start + 1, buffer, buffer.length);
            }
            chart.setTargetLoss(0.01);
            try {
                chart.writePng(OUT.resolve("loss-chart-reference.png"), 1200, 640);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        // Hover over SGD at epoch 5717, where it first drops below 0.01.
        Point2D at = fx(() -> {
            XYPlot plot = chart.plot();
            Rectangle2D area = chart.canvas().getRenderingInfo().getPlotInfo().getDataArea();
            double x = plot.getDomainAxis().valueToJava2D(5717, area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(sgd[5716], area, plot.getRangeAxisEdge());
            return chart.canvas().localToScreen(x, y);
        });
        robot.moveTo(at, Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        saveSnapshot(OUT.resolve("loss-chart-reference-screen.png"));
        String readout = fx(() -> chart.readout().text());

        fx(() -> {
            chart.setLogScale(false);
            chart.setXAxis(XAxisMode.UPDATES);
        });
        saveSnapshot(OUT.resolve("loss-chart-reference-linear-updates.png"));

        BufferedImage exported = ImageIO.read(OUT.resolve("loss-chart-reference.png").toFile());
        assertThat(exported.getWidth()).isEqualTo(1200);
        assertThat(exported.getHeight()).isEqualTo(640);
        assertThat(readout).startsWith("SGD (batch size 1)\nepoch 5,7");
    }

    @Test
    void rendersAnEmptyChartAndAnEarlyFlatCurveInASmallPanel() throws Exception {
        double[] batch = ReferenceLosses.load("batch");
        Files.createDirectories(OUT);
        fx(() -> chart.getScene().getWindow().setWidth(620));
        fx(() -> chart.getScene().getWindow().setHeight(340));
        saveSnapshot(OUT.resolve("loss-chart-empty-small.png"));

        fx(() -> {
            int run = chart.addRun("Batch GD", 1);
            double[] first300 = java.util.Arrays.copyOf(batch, 300);
            ReferenceLosses.appendInBatches(chart, run, first300, 100);
        });
        saveSnapshot(OUT.resolve("loss-chart-early-small.png"));

        assertThat(fx(() -> chart.plottedPoints(0))).isEqualTo(300);
        assertThat(fx(() -> chart.getWidth())).isEqualTo(620);
    }
}
