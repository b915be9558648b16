package org.xorlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.plot.NaiveDecimation;
import org.xorlab.plot.NaiveDecimation.Point;
import org.xorlab.plot.RunColours;
import org.xorlab.plot.TargetLossLine;

@ExtendWith(ApplicationExtension.class)
class LossChartTest {

    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        stage.setScene(new Scene(chart, 900, 560));
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

    /** The message of the IllegalArgumentException {@code action} throws on the FX thread. */
    private static String failure(Runnable action) throws Exception {
        Throwable thrown = fx(() -> catchThrowable(action::run));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        return thrown.getMessage();
    }

    /** loss = 1.25 / epoch, so epoch 100 has loss 0.0125. */
    private static double[] hyperbola(int epochs) {
        double[] losses = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            losses[i] = 1.25 / (i + 1);
        }
        return losses;
    }

    private static List<Point> plotted(XYSeries series) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < series.getItemCount(); i++) {
            points.add(new Point(series.getX(i).longValue(), series.getY(i).doubleValue()));
        }
        return points;
    }

    @Test
    void tenThousandEpochsInBatchesArePlottedAsTheDecimationRuleSays() throws Exception {
        double[] losses = ReferenceLosses.load("sgd");
        long[] epochs = new long[losses.length];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        List<Point> expected = NaiveDecimation.points(epochs, losses, LossChart.POINT_BUDGET);

        fx(() -> {
            int run = chart.addRun("SGD", 4);
            ReferenceLosses.appendInBatches(chart, run, losses, 500);
        });

        assertThat(fx(() -> chart.plottedPoints(0))).isEqualTo(expected.size()).isLessThan(losses.length);
        assertThat(fx(() -> plotted(chart.series(0)))).containsExactlyElementsOf(expected);
        assertThat(fx(() -> chart.epochsAppended(0))).isEqualTo(10_000);
    }

    @Test
    void aMillionEpochsStayWithinTheBudget() throws Exception {
        fx(() -> {
            int run = chart.addRun("long run", 1);
            double[] batch = new double[10_000];
            for (int start = 0; start < 1_000_000; start += batch.length) {
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = 0.3 / Math.sqrt(1 + start + i) * (1 + 0.3 * Math.sin(i));
                }
                chart.append(run, start + 1, batch, batch.length);
            }
        });

        assertThat(fx(() -> chart.plottedPoints(0))).isLessThanOrEqualTo(LossChart.POINT_BUDGET);
        assertThat(fx(() -> chart.epochsAppended(0))).isEqualTo(1_000_000);
        assertThat(fx(() -> chart.series(0).getMaxX())).isEqualTo(1_000_000);
    }

    @Test
    void oneBatchRedrawsTheChartOnce() throws Exception {
        int[] redraws = {0};
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.chart().addChangeListener(event -> redraws[0]++);
            chart.append(0, 1, hyperbola(1000), 1000);
        });

        assertThat(redraws[0]).isEqualTo(1);
    }

    @Test
    void lossesALogAxisCannotShowAreNeverPlotted() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY, 0.0, -1.0, 0.25}, 6);
        });

        assertThat(fx(() -> chart.plottedPoints(0))).isEqualTo(2);
        assertThat(fx(() -> plotted(chart.series(0)))).containsExactly(new Point(1, 0.5), new Point(6, 0.25));
        assertThat(fx(() -> chart.epochsAppended(0))).isEqualTo(6);
    }

    @Test
    void theXAxisCountsEpochsUpdatesOrSamples() throws Exception {
        fx(() -> {
            chart.addRun("SGD (batch 1)", 4);
            chart.addRun("Full batch", 1);
            chart.append(0, 1, hyperbola(100), 100);
            chart.append(1, 1, hyperbola(100), 100);
        });

        fx(() -> chart.setXAxis(XAxisMode.SAMPLES));
        assertThat(fx(() -> chart.series(0).getMaxX())).isEqualTo(400);
        assertThat(fx(() -> chart.series(1).getMaxX())).isEqualTo(400);
        assertThat(fx(() -> chart.plot().getDomainAxis().getLabel())).isEqualTo("Samples seen");

        fx(() -> chart.setXAxis(XAxisMode.UPDATES));
        assertThat(fx(() -> chart.series(0).getMaxX())).isEqualTo(400);
        assertThat(fx(() -> chart.series(1).getMaxX())).isEqualTo(100);
        assertThat(fx(() -> chart.plot().getDomainAxis().getLabel())).isEqualTo("Weight updates");

        fx(() -> chart.setXAxis(XAxisMode.EPOCHS));
        assertThat(fx(() -> chart.series(0).getMaxX())).isEqualTo(100);
        assertThat(fx(() -> chart.plot().getDomainAxis().getLabel())).isEqualTo("Epoch");
    }

    @Test
    void theLossAxisSwitchesBetweenLogAndLinearKeepingTheData() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(500), 500);
        });
        assertThat(fx(() -> chart.plot().getRangeAxis())).isInstanceOf(LogAxis.class);
        assertThat(fx(() -> chart.plot().getRangeAxis().getLabel())).isEqualTo("Loss (MSE, log)");

        fx(() -> chart.setLogScale(false));
        ValueAxis linear = fx(() -> chart.plot().getRangeAxis());
        assertThat(linear).isNotInstanceOf(LogAxis.class);
        assertThat(linear.getLabel()).isEqualTo("Loss (MSE)");
        assertThat(fx(() -> chart.plottedPoints(0))).isEqualTo(500);
        assertThat(fx(() -> linear.getUpperBound())).isGreaterThanOrEqualTo(1.25);

        fx(() -> chart.logScaleProperty().set(true));
        assertThat(fx(() -> chart.plot().getRangeAxis())).isInstanceOf(LogAxis.class);
    }

    @Test
    void theTargetLineStaysInView() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(100), 100); // 1.25 down to 0.0125
            chart.setTargetLoss(1e-4);
        });
        assertThat(fx(() -> chart.plot().getRangeAxis().getLowerBound())).isLessThanOrEqualTo(1e-4);
        assertThat(fx(() -> chart.plot().getAnnotations()))
                .anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(TargetLossLine.class,
                        line -> assertThat(line.text()).isEqualTo("target 0.0001")));

        fx(() -> chart.clearTargetLoss());
        assertThat(fx(() -> chart.plot().getRangeAxis().getLowerBound())).isGreaterThan(1e-3);
    }

    @Test
    void theLegendAppearsOnlyWithSeveralRuns() throws Exception {
        fx(() -> chart.addRun("SGD", 4));
        assertThat(fx(() -> chart.isLegendShown())).isFalse();

        fx(() -> chart.addRun("Full batch", 1));
        assertThat(fx(() -> chart.isLegendShown())).isTrue();
        assertThat(fx(() -> chart.plot().getLegendItems().get(1).getLabel())).isEqualTo("Full batch");

        fx(() -> chart.removeAllRuns());
        assertThat(fx(() -> chart.isLegendShown())).isFalse();
        assertThat(fx(() -> chart.addRun("again", 1))).isZero();
    }

    @Test
    void clearRunDropsItsPointsAndAllowsEpochOneAgain() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(100), 100);
            chart.clearRun(0);
        });
        assertThat(fx(() -> chart.plottedPoints(0))).isZero();
        assertThat(fx(() -> chart.epochsAppended(0))).isZero();

        fx(() -> chart.append(0, 1, hyperbola(10), 10));
        assertThat(fx(() -> chart.plottedPoints(0))).isEqualTo(10);
    }

    @Test
    void badInputGetsAMessageNamingWhatIsAllowed() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(10), 10);
        });

        assertThat(failure(() -> chart.append(3, 11, new double[1], 1)))
                .isEqualTo("no run 3: runs are numbered 0 to 0");
        assertThat(failure(() -> chart.append(0, 5, new double[1], 1)))
                .isEqualTo("epochs must increase: got epoch 5 after epoch 10");
        assertThat(failure(() -> chart.append(0, 11, new double[1], 2)))
                .isEqualTo("count must be between 0 and 1 (the length of losses), got 2");
        assertThat(failure(() -> chart.setTargetLoss(0)))
                .isEqualTo("target loss must be a positive finite number, got 0.0");
        assertThat(failure(() -> chart.addRun(" ", 1)))
                .isEqualTo("run name must not be blank");
        assertThat(fx(() -> chart.plottedPoints(0))).isEqualTo(10);
    }

    @Test
    void writePngWritesADecodableImageOfTheRequestedSizeShowingTheCurve(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("loss.png");
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(1000), 1000);
            chart.writePng(file, 640, 400);
            return null;
        });

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(Files.size(file)).isPositive();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(pixelsNear(image, RunColours.of(0))).isGreaterThan(300);
    }

    private static int pixelsNear(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void hoveringOverThePlotReadsOutTheNearestPoint(FxRobot robot) throws Exception {
        double[] losses = hyperbola(200);
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, losses, losses.length);
        });
        assertThat(fx(() -> chart.readout().isShowing())).isFalse();

        Point2D epoch100 = fx(() -> {
            XYPlot plot = chart.plot();
            Rectangle2D area = chart.canvas().getRenderingInfo().getPlotInfo().getDataArea();
            double x = plot.getDomainAxis().valueToJava2D(100, area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(losses[99], area, plot.getRangeAxisEdge());
            return chart.canvas().localToScreen(x, y);
        });
        robot.moveTo(epoch100.add(0, -3), Motion.DIRECT); // just above the line
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> chart.readout().isShowing())).isTrue();
        assertThat(fx(() -> chart.readout().text())).isEqualTo("epoch 100 · loss 0.0125");

        Point2D outside = fx(() -> chart.canvas().localToScreen(2, 2));
        robot.moveTo(outside, Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> chart.readout().isShowing())).isFalse();
    }

    @Test
    void withSeveralRunsTheReadoutNamesTheRun(FxRobot robot) throws Exception {
        fx(() -> {
            chart.addRun("SGD (batch 1)", 4);
            chart.addRun("Full batch", 1);
            chart.append(0, 1, hyperbola(200), 200);
            double[] flat = new double[200];
            java.util.Arrays.fill(flat, 0.25);
            chart.append(1, 1, flat, 200);
        });

        Point2D onFlatRun = fx(() -> {
            XYPlot plot = chart.plot();
            Rectangle2D area = chart.canvas().getRenderingInfo().getPlotInfo().getDataArea();
            double x = plot.getDomainAxis().valueToJava2D(150, area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(0.25, area, plot.getRangeAxisEdge());
            return chart.canvas().localToScreen(x, y);
        });
        robot.moveTo(onFlatRun, Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> chart.readout().text())).isEqualTo("Full batch\nepoch 150 · loss 0.25");
    }

    @Test
    void doubleClickZoomsBackOutToAllData(FxRobot robot) throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(1000), 1000);
            chart.plot().getDomainAxis().setRange(100, 200); // as a drag-zoom leaves it
        });
        assertThat(fx(() -> chart.plot().getDomainAxis().getUpperBound())).isEqualTo(200);

        Point2D middle = fx(() -> {
            Rectangle2D area = chart.canvas().getRenderingInfo().getPlotInfo().getDataArea();
            return chart.canvas().localToScreen(area.getCenterX(), area.getCenterY());
        });
        robot.doubleClickOn(middle, Motion.DIRECT, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> chart.plot().getDomainAxis().isAutoRange())).isTrue();
        assertThat(fx(() -> chart.plot().getDomainAxis().getUpperBound())).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void theMarkerFollowsTheXAxisMode() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 4);
            chart.append(0, 1, hyperbola(1000), 1000);
            chart.setMarkerEpoch(500);
        });
        assertThat(fx(() -> markerPositions())).containsExactly(500.0);

        fx(() -> chart.setXAxis(XAxisMode.SAMPLES));
        assertThat(fx(() -> markerPositions())).containsExactly(2000.0);

        fx(() -> chart.clearMarker());
        assertThat(fx(() -> markerPositions())).isEmpty();
    }

    private List<Double> markerPositions() {
        List<Double> positions = new ArrayList<>();
        java.util.Collection<?> markers = chart.plot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (markers != null) {
            for (Object m : markers) {
                positions.add(((org.jfree.chart.plot.ValueMarker) m).getValue());
            }
        }
        return positions;
    }

    /** Found by the monkey test: a target of 1e300 made the log axis's tick loop run forever on the FX thread. */
    @org.junit.jupiter.api.Test
    void extremeTargetLossesStillDraw() throws Exception {
        for (double target : new double[] {1e300, Double.MAX_VALUE, Double.MIN_VALUE, 1e-300}) {
            fx(() -> {
                int run = chart.runCount() == 0 ? chart.addRun("Loss", 4) : 0;
                chart.clearRun(run);
                chart.append(run, 1, new double[] {0.3, 0.2, 0.1}, 3);
                chart.setTargetLoss(target);
            });
            java.awt.image.BufferedImage image = fx(() -> chart.renderImage(400, 300));
            org.assertj.core.api.Assertions.assertThat(image.getWidth()).as("target %s", target).isEqualTo(400);
        }
    }
}
