package org.xorlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.plot.RunColours;

/** The loss chart's second curve per run: the test loss of each epoch, its legend and its readout. */
@ExtendWith(ApplicationExtension.class)
class LossChartTestCurveTest {

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

    /** {@code scale} / epoch: the training curve with 1.25, a test curve above it with 2.5. */
    private static double[] hyperbola(int epochs, double scale) {
        double[] losses = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            losses[i] = scale / (i + 1);
        }
        return losses;
    }

    @Test
    void theTestLossIsASecondDashedCurveInTheRunsColourNamedInTheLegend() throws Exception {
        double[] train = hyperbola(200, 1.25);
        double[] test = hyperbola(200, 2.5);
        fx(() -> {
            chart.addRun("Loss", 1);
            chart.append(0, 1, train, train.length);
            return null;
        });
        assertThat(fx(() -> chart.legendLabels())).as("one run, no test set: no legend").isEmpty();
        assertThat(fx(() -> chart.showsTestLoss())).isFalse();

        fx(() -> {
            chart.appendTest(0, 1, test, 120);
            chart.appendTest(0, 121, java.util.Arrays.copyOfRange(test, 120, 200), 80);
            return null;
        });
        XYSeries series = fx(() -> chart.testSeries(0));
        assertThat(series.getItemCount()).isEqualTo(200);
        assertThat(fx(() -> chart.plottedTestPoints(0))).isEqualTo(200);
        assertThat(series.getX(99).longValue()).isEqualTo(100);
        assertThat(series.getY(99).doubleValue()).isEqualTo(0.025);
        assertThat(fx(() -> chart.plottedPoints(0))).as("the training curve is unchanged").isEqualTo(200);
        assertThat(fx(() -> chart.legendLabels())).containsExactly("training loss", "test loss");

        XYPlot plot = fx(() -> chart.plot());
        XYItemRenderer dashed = plot.getRenderer(1);
        assertThat(dashed.getSeriesPaint(0)).isEqualTo(RunColours.of(0));
        assertThat(((BasicStroke) dashed.getDefaultStroke()).getDashArray()).isNotNull();
        assertThat(((BasicStroke) plot.getRenderer(0).getDefaultStroke()).getDashArray()).isNull();
        // The loss axis reaches the test curve's first loss, 2.5, which lies above every training loss.
        assertThat(fx(() -> plot.getRangeAxis().getUpperBound())).isGreaterThanOrEqualTo(2.5);
    }

    @Test
    void hoveringOverEitherCurveReadsOutBothLossesOfThatEpoch(FxRobot robot) throws Exception {
        double[] train = hyperbola(200, 1.25);
        double[] test = hyperbola(200, 2.5);
        fx(() -> {
            chart.addRun("Loss", 1);
            chart.append(0, 1, train, train.length);
            chart.appendTest(0, 1, test, test.length);
            return null;
        });
        for (double[] curve : List.of(train, test)) {
            Point2D at = fx(() -> {
                XYPlot plot = chart.plot();
                Rectangle2D area = chart.canvas().getRenderingInfo().getPlotInfo().getDataArea();
                double x = plot.getDomainAxis().valueToJava2D(100, area, plot.getDomainAxisEdge());
                double y = plot.getRangeAxis().valueToJava2D(curve[99], area, plot.getRangeAxisEdge());
                return chart.canvas().localToScreen(x, y);
            });
            robot.moveTo(at.add(0, -2), Motion.DIRECT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> chart.readout().isShowing())).isTrue();
            assertThat(fx(() -> chart.readout().text())).isEqualTo("epoch 100 · loss 0.0125\ntest loss 0.025");
        }
    }

    @Test
    void clearingTheRunDropsItsTestCurveAndTheLegend() throws Exception {
        double[] test = hyperbola(50, 2.5);
        fx(() -> {
            chart.addRun("Loss", 1);
            chart.append(0, 1, hyperbola(50, 1.25), 50);
            chart.appendTest(0, 1, test, test.length);
            return null;
        });
        assertThat(fx(() -> chart.legendLabels())).hasSize(2);
        fx(() -> {
            chart.clearRun(0);
            return null;
        });
        assertThat(fx(() -> chart.plottedTestPoints(0))).isZero();
        assertThat(fx(() -> chart.plottedPoints(0))).isZero();
        assertThat(fx(() -> chart.legendLabels())).isEmpty();
    }

    @Test
    void severalRunsWithTestSetsNameEachRunAndOneDashedTestLoss() throws Exception {
        fx(() -> {
            chart.addRun("SGD (batch size 1 of 140)", 140, 140);
            chart.addRun("Full batch (140)", 1, 140);
            for (int run = 0; run < 2; run++) {
                chart.append(run, 1, hyperbola(10, 1.25), 10);
                chart.appendTest(run, 1, hyperbola(10, 2.5), 10);
            }
            return null;
        });
        assertThat(fx(() -> chart.legendLabels()))
                .containsExactly("SGD (batch size 1 of 140)", "Full batch (140)", "test loss");
        assertThat(fx(() -> chart.plot().getRenderer(1).getSeriesPaint(1))).isEqualTo(RunColours.of(1));
    }

    @Test
    void theSamplesAxisCountsTheRunsOwnSamplesPerEpoch() throws Exception {
        fx(() -> {
            chart.addRun("SGD", 140, 140);
            chart.append(0, 1, hyperbola(3, 1.25), 3);
            chart.appendTest(0, 1, hyperbola(3, 2.5), 3);
            chart.setXAxis(XAxisMode.SAMPLES);
            return null;
        });
        assertThat(fx(() -> chart.series(0).getX(2).longValue())).isEqualTo(3 * 140);
        assertThat(fx(() -> chart.testSeries(0).getX(2).longValue())).isEqualTo(3 * 140);
        fx(() -> {
            chart.setXAxis(XAxisMode.UPDATES);
            return null;
        });
        assertThat(fx(() -> chart.series(0).getX(0).longValue())).isEqualTo(140);
    }
}
