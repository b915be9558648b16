package org.xorlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The loss axis's tick labels never touch: the chart laid out on screen at every height from a squeezed 180 px to
 * a 4K window's, on the log and the linear axis, with the curves a lesson produces (the first epochs, where the loss
 * barely moves; the notebook's whole run; both runs of the comparison; a run to 1e-9; a flat tiny loss), always
 * leaves a few pixels between the text boxes of two neighbouring labels, and always labels at least two values.
 * Pictures of the shortest and tallest plots go to target/chart-renders/ticks for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TickLabelSpacingTest {
    /** Least space between two labels' text boxes, in px (the boxes already hold the line's ascent and descent). */
    static final double MIN_GAP = 4;
    private static final Path OUT = Path.of("target", "chart-renders", "ticks");

    private LossChart chart;
    private Pane root;
    private double tallestPlot;
    private double shortestPlot = Double.POSITIVE_INFINITY;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        chart.setManaged(false); // sized by the test, not by the pane
        root = new Pane(chart);
        stage.setScene(new Scene(root, 800, 1200));
        stage.show();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    @Test
    void neighbouringTickLabelsNeverTouchAtAnyHeight() throws Exception {
        double[] sgd = ReferenceLosses.load("sgd");
        double[] batch = ReferenceLosses.load("batch");
        Map<String, double[][]> curves = new java.util.LinkedHashMap<>();
        curves.put("the notebook's first 2,215 epochs", new double[][] {Arrays.copyOf(sgd, 2215)});
        curves.put("the notebook's first 60 epochs", new double[][] {Arrays.copyOf(sgd, 60)});
        curves.put("the notebook's 10,000 epochs", new double[][] {sgd});
        curves.put("SGD and batch GD, target 0.01", new double[][] {sgd, batch});
        curves.put("a loss falling from 1 to 1e-9",
                new double[][] {DoubleStream.iterate(1, v -> v * 0.98).limit(1026).toArray()});
        curves.put("a flat loss near 1e-5",
                new double[][] {DoubleStream.iterate(1.05e-5, v -> v - 1e-9).limit(500).toArray()});
        curves.put("a loss between 0.45 and 0.55",
                new double[][] {DoubleStream.iterate(0.55, v -> v - 0.0002).limit(500).toArray()});
        Files.createDirectories(OUT);
        try (var old = Files.newDirectoryStream(OUT, "*.png")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }

        List<String> problems = new ArrayList<>();
        int picture = 0;
        for (var curve : curves.entrySet()) {
            fx(() -> {
                chart.removeAllRuns();
                chart.clearTargetLoss();
                for (double[] losses : curve.getValue()) {
                    int run = chart.addRun("Run " + (chart.runCount() + 1), 4);
                    ReferenceLosses.appendInBatches(chart, run, losses, 500);
                }
                if (curve.getValue().length > 1) {
                    chart.setTargetLoss(0.01);
                }
                return null;
            });
            for (boolean log : new boolean[] {true, false}) {
                fx(() -> {
                    chart.setLogScale(log);
                    return null;
                });
                int number = picture;
                problems.addAll(fx(() -> checkHeights(curve.getKey(), log, number)));
            }
            picture++;
        }
        assertThat(problems).isEmpty();
        assertThat(shortestPlot).as("the shortest plot laid out").isLessThanOrEqualTo(LossChart.MIN_PLOT_HEIGHT);
        assertThat(tallestPlot).as("the tallest plot laid out").isGreaterThanOrEqualTo(900);
        // What the window's check reads agrees with the boxes measured here.
        assertThat(fx(chart::tickLabelGap)).isEqualTo(fx(() -> LossChart.smallestGap(chart.tickLabelBoxes())));
    }

    /** Lays the chart out at every height on the FX thread and says where two labels are too close. */
    private List<String> checkHeights(String curve, boolean log, int picture) throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        root.applyCss();
        for (int h = 180; h <= 1100; h += 20) {
            chart.resizeRelocate(0, 0, 700, h);
            chart.layout();
            String where = curve + ", " + (log ? "log" : "linear") + ", chart " + h + " px tall";
            double plot = chart.plotAreaHeight();
            tallestPlot = Math.max(tallestPlot, plot);
            shortestPlot = Math.min(shortestPlot, plot);
            List<Rectangle2D> boxes = chart.tickLabelBoxes();
            double gap = LossChart.smallestGap(boxes);
            if (boxes.size() < 2) {
                problems.add(where + ": only " + boxes.size() + " tick label(s)");
            } else if (gap < MIN_GAP) {
                problems.add(where + " (plot " + Math.round(plot) + " px): two tick labels are " + gap
                        + " px apart, " + labels(boxes));
            }
            if (h == 180 || h == 300 || h == 1100 || gap < MIN_GAP) {
                BufferedImage image = SwingFXUtils.fromFXImage(chart.snapshot(null, null), null);
                ImageIO.write(image, "png", OUT.resolve(String.format("%02d-%s-%d.png", picture,
                        log ? "log" : "linear", h)).toFile());
            }
        }
        return problems;
    }

    private static String labels(List<Rectangle2D> boxes) {
        StringBuilder sb = new StringBuilder("label boxes at y ");
        for (Rectangle2D b : boxes) {
            sb.append(String.format("%.0f-%.0f ", b.getMinY(), b.getMaxY()));
        }
        return sb.toString().trim();
    }
}
