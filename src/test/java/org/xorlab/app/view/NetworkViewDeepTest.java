package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.Activation;
import org.xorlab.engine.DecisionGridTest;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/** The network view with more than one hidden layer: every layer drawn, every figure written, nothing overprinted. */
@ExtendWith(ApplicationExtension.class)
class NetworkViewDeepTest {
    private NetworkView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new NetworkView();
        view.setMinSize(0, 0);
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(new Pane(view), 1000, 700));
        stage.show();
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            view.setPrefSize(w, h);
            view.setMaxSize(w, h);
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
        });
        robot.interact(() -> { });
        assertThat(view.getWidth()).isEqualTo(w);
    }

    /**
     * The sizes the network card gets: the Train tab's at 1024x768 (about 430 x 330) and 1920x1080, the test's
     * default, and a roomy presenter column.
     */
    private static final double[][] SIZES = {{520, 400}, {760, 520}, {900, 600}, {1200, 700}};

    @Test
    void sixLayersOfEightWriteEveryNeuronsFigureWithNoTextOverprinted(FxRobot robot) {
        Weights w = DecisionGridTest.trained(Activation.TANH, 200, 8, 8, 8, 8, 8, 8).weights();
        for (double[] size : SIZES) {
            size(robot, size[0], size[1]);
            robot.interact(() -> view.show(w, Activation.TANH, 3));
            robot.interact(() -> { });
            Snapshots.take(view, "network-6x8-tanh-" + (int) size[0] + "x" + (int) size[1]);
            NetworkLayout layout = view.layoutResult();
            assertThat(layout.layers).hasSize(6).allSatisfy(l -> assertThat(l).hasSize(8));
            assertThat(NetworkHitTest.edges(layout)).hasSize(2 * 8 + 5 * 8 * 8 + 8);
            double[][] v = w.activations(Activation.TANH, 1, 1);
            for (int l = 0; l < 6; l++) {
                for (int j = 0; j < 8; j++) {
                    // Two decimals where the view has room, one where it is small (the hover card has three).
                    assertThat(layout.decimals).isPositive();
                    String figure = NumberText.fixed(v[l][j], layout.decimals);
                    assertThat(NetworkView.valueFont("-8.8" + (layout.decimals == 2 ? "8" : ""),
                            layout.hiddenRadius)).isNotNull();
                    assertThat(NetworkView.valueFont(figure, layout.hiddenRadius))
                            .as("%s in unit %d of layer %d at %s", figure, j + 1, l + 1, List.of(size[0], size[1]))
                            .isNotNull();
                }
            }
            assertNoOverprinting(layout, size[0], size[1]);
            assertThat(layout.labels).extracting(NetworkLayout.Label::text)
                    .contains("x1", "x2", "y_hat").containsAnyOf("layer 1", "L1");
        }
    }

    @Test
    void whereSixLayersOfEightLeaveNoRoomForFiguresTheHintSaysTheHoverCardHasThem(FxRobot robot) {
        Weights w = DecisionGridTest.trained(Activation.TANH, 200, 8, 8, 8, 8, 8, 8).weights();
        // About the network card's size at 1024x768.
        size(robot, 360, 300);
        robot.interact(() -> view.show(w, Activation.TANH, 0));
        robot.interact(() -> { });
        Snapshots.take(view, "network-6x8-tanh-360x300");
        NetworkLayout layout = view.layoutResult();
        assertThat(layout.layers).hasSize(6);
        assertThat(layout.decimals).isZero();
        assertThat(NetworkView.valueFont("-8.8", layout.hiddenRadius)).isNull();
        assertThat(layout.labels).extracting(NetworkLayout.Label::text)
                .containsAnyOf(NetworkLayout.VALUES_HINT, NetworkLayout.SHORT_VALUES_HINT);
        assertNoOverprinting(layout, 360, 300);
    }

    @Test
    void aTwoFourFourOneTanhNetworkHoversEachLayersWeightsAndUnitsInLayerNotation(FxRobot robot) {
        Weights w = DecisionGridTest.trained(Activation.TANH, 500, 4, 4).weights();
        size(robot, 760, 520);
        robot.interact(() -> view.show(w, Activation.TANH, 2));
        robot.interact(() -> { });
        assertNoOverprinting(view.layoutResult(), 760, 520);
        assertThat(view.layoutResult().labels).extracting(NetworkLayout.Label::text)
                .contains("layer 1", "layer 2", "x1", "x2", "y_hat");
        double[][] v = w.activations(Activation.TANH, 1, 0);

        robot.moveTo(view.localToScreen(view.unitCentre(2, 2)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).startsWith("layer 2, unit 3: b[2][3] = " + NumberText.fixed(w.bias(2, 2), 3))
                .contains("v[2][3] = " + NumberText.fixed(v[1][2], 3) + " for x = (1, 0)");

        // The edge from layer 1's unit 2 to layer 2's unit 4: W[2][4,2].
        Point2D a = view.unitCentre(1, 1);
        Point2D b = view.unitCentre(2, 3);
        robot.moveTo(view.localToScreen(a.add(b.subtract(a).multiply(0.5))));
        robot.interact(() -> { });
        assertThat(view.hoverText()).contains("W[2][4,2] = " + NumberText.fixed(w.weight(2, 3, 1), 3))
                .contains("layer 1 unit 2 \u2192 layer 2 unit 4");

        robot.moveTo(view.localToScreen(view.outputCentre()));
        robot.interact(() -> { });
        assertThat(view.hoverText()).contains("y_hat = " + NumberText.fixed(v[2][0], 3));
        Snapshots.take(view, "network-2-4-4-1-tanh-hover");
    }

    /** No text overlaps another text or a neuron, and everything stays inside the view. */
    static void assertNoOverprinting(NetworkLayout layout, double w, double h) {
        List<NetworkLayout.Box> boxes = layout.textBoxes();
        for (int i = 0; i < boxes.size(); i++) {
            NetworkLayout.Box b = boxes.get(i);
            assertThat(b.x() >= 0 && b.y() >= 0 && b.right() <= w && b.bottom() <= h)
                    .as("%s inside %s x %s", layout.labels.get(i), w, h).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(b.intersects(boxes.get(j), 0)).as("%s and %s", layout.labels.get(i), layout.labels.get(j))
                        .isFalse();
            }
            for (NetworkLayout.Disc d : layout.discs()) {
                assertThat(b.touches(d.centre(), d.radius(), 0)).as("%s and the neuron at %s", layout.labels.get(i),
                        d.centre()).isFalse();
            }
        }
        for (int i = 0; i < layout.discs().size(); i++) {
            for (int j = i + 1; j < layout.discs().size(); j++) {
                NetworkLayout.Disc p = layout.discs().get(i);
                NetworkLayout.Disc q = layout.discs().get(j);
                assertThat(p.centre().distance(q.centre())).as("neurons at %s and %s", p.centre(), q.centre())
                        .isGreaterThan(p.radius() + q.radius());
            }
        }
    }
}
