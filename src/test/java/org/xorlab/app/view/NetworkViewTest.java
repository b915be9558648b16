package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;

@ExtendWith(ApplicationExtension.class)
class NetworkViewTest {
    private NetworkView view;

    @Start
    void start(Stage stage) {
        view = new NetworkView();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(view, 760, 520));
        stage.sizeToScene();
        stage.show();
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static Weights weights(double[][] w1, double[] b1, double[] w2, double b2) {
        double[][] b1m = new double[b1.length][];
        for (int j = 0; j < b1.length; j++) {
            b1m[j] = new double[] {b1[j]};
        }
        return Weights.of(new Array2DRowRealMatrix(w1), new Array2DRowRealMatrix(b1m),
                new Array2DRowRealMatrix(new double[][] {w2}), new Array2DRowRealMatrix(new double[][] {{b2}}));
    }

    private Point2D onScreen(Point2D local) {
        return view.localToScreen(local);
    }

    private static Point2D between(Point2D a, Point2D b, double t) {
        return new Point2D(a.getX() + t * (b.getX() - a.getX()), a.getY() + t * (b.getY() - a.getY()));
    }

    @Test
    void hoveringTheEdgeFromX1ToH1ShowsW1AndFollowsNewWeights(FxRobot robot) {
        Weights initial = Weights.initial(2, 42);
        robot.interact(() -> view.show(initial, 1));
        Point2D middle = between(view.inputCentre(0), view.hiddenCentre(0), 0.5);
        robot.moveTo(onScreen(middle));
        robot.interact(() -> { });
        assertThat(view.hoverText()).contains("W1[1,1] = " + fmt3(initial.w1(0, 0))).contains("x1 \u2192 h1");

        // Training goes on while the pointer rests on the edge: the text follows the newest weights.
        Weights trained = Snapshots.trained(2, 10_000);
        robot.interact(() -> view.show(trained, 1));
        assertThat(fmt3(trained.w1(0, 0))).isNotEqualTo(fmt3(initial.w1(0, 0)));
        assertThat(view.hoverText()).contains("W1[1,1] = " + fmt3(trained.w1(0, 0)));
        Snapshots.take(view, "network-h2-trained-hover-edge");

        robot.moveTo(onScreen(view.hiddenCentre(1).add(view.nodeRadius() * 0.5, 0)));
        robot.interact(() -> { });
        double v1 = trained.hiddenActivation(1, 0, 1);
        assertThat(view.hoverText()).startsWith("h2: b1[2] = " + fmt3(trained.b1(1)))
                .contains("v1 = " + fmt3(v1)).contains("x = (0, 1)");
        Snapshots.take(view, "network-h2-trained-hover-node");

        robot.moveTo(onScreen(new Point2D(6, 6)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).isNull();
    }

    @Test
    void strongerWeightsDrawThickerEdges(FxRobot robot) {
        // x1 -> h1 weak, x2 -> h2 strong; both edges are horizontal, so a vertical cut measures their width.
        Weights w = weights(new double[][] {{0.5, 0.1}, {-0.1, -6}}, new double[] {0, 0}, new double[] {1, 1}, 0);
        robot.interact(() -> view.show(w, 0));
        WritableImage image = Snapshots.take(view, "network-edge-widths");
        double weak = paintedRun(image, between(view.inputCentre(0), view.hiddenCentre(0), 0.3));
        double strong = paintedRun(image, between(view.inputCentre(1), view.hiddenCentre(1), 0.3));
        assertThat(weak).isBetween(1.0, 3.0);
        assertThat(strong).isGreaterThan(weak + 4);
        assertThat(Math.abs(strong - NetworkView.edgeWidth(-6))).isLessThanOrEqualTo(2.0);
        // Sign shows as colour: the negative edge is orange, the positive one blue.
        Point2D s = between(view.inputCentre(1), view.hiddenCentre(1), 0.3);
        Color strongColour = Snapshots.pixel(image, s.getX(), s.getY());
        assertThat(strongColour.getRed()).isGreaterThan(strongColour.getBlue() + 0.3);
        assertThat(NetworkView.edgeWidth(0)).isEqualTo(NetworkView.THINNEST);
        assertThat(NetworkView.edgeWidth(-20)).isEqualTo(NetworkView.THICKEST);
    }

    /** Pixels in a vertical run through {@code p} that are not background. */
    private static double paintedRun(WritableImage image, Point2D p) {
        int count = 0;
        for (int dy = -20; dy <= 20; dy++) {
            Color c = Snapshots.pixel(image, p.getX(), p.getY() + dy);
            if (Snapshots.distance(c, Color.WHITE) > 0.1) {
                count++;
            }
        }
        return count;
    }

    @Test
    void neuronsAreFilledByTheirActivationForTheSelectedInput(FxRobot robot) {
        Weights trained = Snapshots.trained(2, 10_000);
        for (int input = 0; input < 4; input++) {
            final int selected = input;
            robot.interact(() -> view.show(trained, selected));
            WritableImage image = Snapshots.take(view, "network-h2-input-" + input);
            double x0 = Dataset.x0(input);
            double x1 = Dataset.x1(input);
            double up = view.nodeRadius() * 0.7;
            for (int j = 0; j < 2; j++) {
                Point2D c = view.hiddenCentre(j);
                assertThat(Snapshots.distance(Snapshots.pixel(image, c.getX(), c.getY() - up),
                        Palette.forValue(trained.hiddenActivation(j, x0, x1)))).isLessThan(0.02);
            }
            Point2D out = view.outputCentre();
            assertThat(Snapshots.distance(Snapshots.pixel(image, out.getX(), out.getY() - up),
                    Palette.forValue(trained.predict(x0, x1)))).isLessThan(0.02);
            Point2D in = view.inputCentre(1);
            assertThat(Snapshots.distance(Snapshots.pixel(image, in.getX(), in.getY() - up),
                    Palette.forValue(x1))).isLessThan(0.02);
        }
    }

    @Test
    void gradientArrowsPointTheWayEachWeightMoved(FxRobot robot) {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(3000, null);
        // Sample (0,1): x1 = 0 leaves W1[j,0] unchanged (no arrow), everything else moves.
        trainer.step();
        trainer.step();
        UpdateTrace trace = trainer.lastUpdate();
        Weights before = trace.before();
        Weights after = trace.after();
        robot.interact(() -> {
            view.show(after, trace.firstSample());
            view.showGradients(trace);
        });
        Snapshots.take(view, "network-h2-gradients");
        int arrows = 0;
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.W1, j, k), after.w1(j, k) - before.w1(j, k));
            }
            arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.W2, j, 0), after.w2(j) - before.w2(j));
            arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.HIDDEN, j, 0), after.b1(j) - before.b1(j));
        }
        arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.OUTPUT, 0, 0), after.b2() - before.b2());
        assertThat(trace.firstSample()).isEqualTo(1);
        assertThat(arrows).isEqualTo(7);

        // The hover text names the step too; clearing removes arrows and that line.
        robot.moveTo(onScreen(between(view.hiddenCentre(0), view.outputCentre(), 0.3)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).startsWith("W2[1,1] =").contains("last step");
        robot.interact(() -> view.clearGradients());
        assertThat(view.arrow(new NetworkView.Part(NetworkView.Kind.OUTPUT, 0, 0))).isNull();
        assertThat(view.hoverText()).doesNotContain("last step");
    }

    /** Asserts the arrow points up for a weight that grew and down for one that shrank; returns 1 if drawn. */
    private int checkArrow(NetworkView.Part part, double change) {
        double[] arrow = view.arrow(part);
        if (change == 0) {
            assertThat(arrow).isNull();
            return 0;
        }
        assertThat(arrow).as("arrow for %s", part).isNotNull();
        double rise = arrow[1] - arrow[3];
        assertThat(Math.signum(rise)).as("direction of %s for change %s", part, change).isEqualTo(Math.signum(change));
        assertThat(Math.abs(rise)).isLessThanOrEqualTo(NetworkView.LONGEST_ARROW + 1e-9);
        return 1;
    }

    @Test
    void eightHiddenUnitsFitWithoutOverlapping(FxRobot robot) {
        Weights trained = Snapshots.trained(8, 10_000);
        robot.interact(() -> view.show(trained, 2));
        Snapshots.take(view, "network-h8-trained");
        double r = view.nodeRadius();
        for (int j = 0; j < 8; j++) {
            Point2D c = view.hiddenCentre(j);
            assertThat(c.getY() - r).isGreaterThan(0);
            assertThat(c.getY() + r).isLessThan(view.getHeight());
            if (j > 0) {
                assertThat(c.getY() - view.hiddenCentre(j - 1).getY()).isGreaterThan(2 * r + 10);
            }
        }
        robot.interact(() -> view.show(Weights.initial(8, 42), 0));
        Snapshots.take(view, "network-h8-initial");
        robot.interact(() -> view.show(Weights.initial(1, 42), 0));
        Snapshots.take(view, "network-h1-initial");
        assertThat(view.hiddenCentre(0).getY()).isEqualTo(view.outputCentre().getY());
    }

    @Test
    void hidingTheLegendGivesItsRoomToTheNodes(FxRobot robot) {
        robot.interact(() -> view.show(Weights.initial(2, 42), 1));
        double lowest = view.hiddenCentre(1).getY();
        double output = view.outputCentre().getY();
        robot.interact(() -> view.setLegendVisible(false));
        Snapshots.take(view, "network-no-legend");
        assertThat(view.hiddenCentre(1).getY()).isGreaterThan(lowest + 30);
        assertThat(view.outputCentre().getY()).isGreaterThan(output + 15);
        assertThat(view.hiddenCentre(1).getY() + view.nodeRadius()).isLessThan(view.getHeight() - 10);
        robot.interact(() -> view.setLegendVisible(true));
        assertThat(view.hiddenCentre(1).getY()).isEqualTo(lowest);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> view.show(Weights.initial(2, 42), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 3");
        assertThatThrownBy(() -> view.show(null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.showGradients(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clearGradients");
    }
}
