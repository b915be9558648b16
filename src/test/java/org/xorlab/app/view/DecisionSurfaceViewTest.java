package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Weights;

@ExtendWith(ApplicationExtension.class)
class DecisionSurfaceViewTest {
    private DecisionSurfaceView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new DecisionSurfaceView();
        stage.setScene(new Scene(view, 640, 540));
        stage.sizeToScene();
        stage.show();
    }

    private static boolean blueish(Color c) {
        return c.getBlue() - c.getRed() > 0.3;
    }

    private static boolean orangeish(Color c) {
        return c.getRed() - c.getBlue() > 0.3;
    }

    @Test
    void afterTrainingEachTrainingPointsRegionTakesItsTargetsColour(FxRobot robot) {
        Weights initial = Weights.initial(2, 42);
        robot.interact(() -> view.show(DecisionGrid.sample(initial), Dataset.XOR));
        Snapshots.take(view, "surface-h2-initial");
        // Untrained, the network says about the same for all four inputs: (0,0) and (0,1) share a side.
        assertThat(blueish(view.colorAt(0, 0))).isEqualTo(blueish(view.colorAt(0, 1)));

        Weights trained = Snapshots.trained(2, 10_000);
        robot.interact(() -> view.show(DecisionGrid.sample(trained), Dataset.XOR));
        Snapshots.take(view, "surface-h2-trained");
        assertThat(blueish(view.colorAt(0, 1))).as("(0,1), target 1").isTrue();
        assertThat(blueish(view.colorAt(1, 0))).as("(1,0), target 1").isTrue();
        assertThat(orangeish(view.colorAt(0, 0))).as("(0,0), target 0").isTrue();
        assertThat(orangeish(view.colorAt(1, 1))).as("(1,1), target 0").isTrue();
    }

    @Test
    void theScreenShowsTheNetworksOutputAwayFromLinesAndPoints(FxRobot robot) {
        Weights trained = Snapshots.trained(2, 10_000);
        DecisionGrid grid = DecisionGrid.sample(trained);
        robot.interact(() -> view.show(grid, Dataset.XOR));
        WritableImage image = Snapshots.take(view, "surface-h2-trained-check");
        double[] boundary = view.boundary();
        int checked = 0;
        for (double x0 = -0.45; x0 < 1.5; x0 += 0.1) {
            for (double x1 = -0.45; x1 < 1.5; x1 += 0.1) {
                Point2D p = view.toView(x0, x1);
                if (nearBoundary(view, boundary, p) || nearUnitSquare(view, p) || nearTrainingPoint(view, p)) {
                    continue;
                }
                Color expected = Palette.forValue(trained.predict(x0, x1));
                assertThat(Snapshots.distance(Snapshots.pixel(image, p.getX(), p.getY()), expected))
                        .as("pixel at input (%.2f, %.2f)", x0, x1).isLessThan(0.08);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void theDecisionBoundaryIsDrawnWhereTheOutputIsOneHalf(FxRobot robot) {
        Weights trained = Snapshots.trained(2, 10_000);
        robot.interact(() -> view.show(DecisionGrid.sample(trained), Dataset.XOR));
        WritableImage image = Snapshots.take(view, "surface-h2-boundary");
        double[] segments = view.boundary();
        assertThat(segments.length).isGreaterThan(40);
        int dark = 0;
        for (int i = 0; i < segments.length; i += 4) {
            double mx = (segments[i] + segments[i + 2]) / 2;
            double my = (segments[i + 1] + segments[i + 3]) / 2;
            assertThat(trained.predict(mx, my)).isCloseTo(0.5, within(0.02));
            Point2D p = view.toView(mx, my);
            Color c = Snapshots.pixel(image, p.getX(), p.getY());
            if (c.getRed() < 0.35 && c.getGreen() < 0.35 && c.getBlue() < 0.35) {
                dark++;
            }
        }
        // Nearly every segment's midpoint is on the dark line (a training point may sit on top of a few).
        assertThat(dark).isGreaterThan(segments.length / 4 * 9 / 10);
    }

    @Test
    void trainingPointsAreFilledWithTheirTargetsColourAndOutlined(FxRobot robot) {
        robot.interact(() -> view.show(DecisionGrid.sample(Weights.initial(2, 42)), Dataset.AND));
        WritableImage image = Snapshots.take(view, "surface-and-points");
        for (int i = 0; i < Dataset.SIZE; i++) {
            Point2D p = view.toView(Dataset.x0(i), Dataset.x1(i));
            Color centre = Snapshots.pixel(image, p.getX(), p.getY());
            assertThat(Snapshots.distance(centre, Palette.forValue(Dataset.AND.target(i)))).isLessThan(0.02);
        }
        Point2D p = view.toView(1, 1);
        boolean outlined = false;
        for (int dx = 5; dx < 20; dx++) {
            Color c = Snapshots.pixel(image, p.getX() + dx, p.getY());
            outlined |= c.getRed() < 0.3 && c.getGreen() < 0.3 && c.getBlue() < 0.3;
        }
        assertThat(outlined).as("dark outline right of (1,1)").isTrue();
    }

    @Test
    void thePlotStaysSquareAndInsideTheView(FxRobot robot) {
        robot.interact(() -> view.show(DecisionGrid.sample(Weights.initial(2, 42)), Dataset.XOR));
        for (double[] size : new double[][] {{860, 460}, {400, 620}}) {
            robot.interact(() -> {
                // The headless screen is small: a stage reaching past it makes Monocle overflow its buffer.
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            robot.interact(() -> { });
            Rectangle2D plot = view.plotBounds();
            assertThat(plot.getWidth()).isEqualTo(plot.getHeight());
            assertThat(plot.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(plot.getMaxX()).isLessThanOrEqualTo(view.getWidth());
            assertThat(plot.getMaxY()).isLessThanOrEqualTo(view.getHeight());
            // The smaller side bounds the plot: it fills most of it.
            assertThat(plot.getWidth()).isGreaterThan(Math.min(view.getWidth(), view.getHeight()) - 160);
        }
        Snapshots.take(view, "surface-tall");
    }

    @Test
    void missingInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> view.colorAt(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing has been shown");
        assertThatThrownBy(() -> view.show(null, Dataset.XOR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid");
    }

    private static boolean nearBoundary(DecisionSurfaceView view, double[] s, Point2D p) {
        for (int i = 0; i < s.length; i += 4) {
            if (NetworkView.distanceToSegment(p, view.toView(s[i], s[i + 1]), view.toView(s[i + 2], s[i + 3])) < 6) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearUnitSquare(DecisionSurfaceView view, Point2D p) {
        Point2D a = view.toView(0, 1);
        Point2D b = view.toView(1, 0);
        boolean nearVertical = (Math.abs(p.getX() - a.getX()) < 4 || Math.abs(p.getX() - b.getX()) < 4);
        boolean nearHorizontal = (Math.abs(p.getY() - a.getY()) < 4 || Math.abs(p.getY() - b.getY()) < 4);
        return nearVertical || nearHorizontal;
    }

    private static boolean nearTrainingPoint(DecisionSurfaceView view, Point2D p) {
        for (int i = 0; i < Dataset.SIZE; i++) {
            if (p.distance(view.toView(Dataset.x0(i), Dataset.x1(i))) < 18) {
                return true;
            }
        }
        return false;
    }
}
