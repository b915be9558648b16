package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Samples;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/** The network view on data with input features: one input node per feature, named, the first layer's fan-in. */
@ExtendWith(ApplicationExtension.class)
class NetworkViewFeaturesTest {
    private static final List<Feature> ALL = List.of(Feature.values());
    private static final Data CIRCLE = Data.split("circle", PointCloud.CIRCLE.generate(200, 0.1, 1), 0.3, 1);

    private NetworkView view;

    @Start
    void start(Stage stage) {
        view = new NetworkView();
        view.setMinSize(0, 0);
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(new Pane(view), 1300, 800));
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
     * The pointer moved to {@code at} in the view, as the mouse delivers it. Not the robot's real pointer: in the full
     * run a window left by an earlier test could lie over that part of the screen and take the move.
     */
    private void hover(FxRobot robot, Point2D at) {
        robot.interact(() -> {
            Point2D screen = view.localToScreen(at);
            javafx.event.Event.fireEvent(view, new MouseEvent(MouseEvent.MOUSE_MOVED, at.getX(), at.getY(),
                    screen.getX(), screen.getY(), MouseButton.NONE, 0, false, false, false, false, false, false,
                    false, false, false, false, null));
        });
        robot.interact(() -> { });
    }

    private static TrainingConfig config(List<Feature> features, int... hidden) {
        TrainingOptions options = TrainingOptions.NOTEBOOK.withData(CIRCLE).withFeatures(features)
                .withActivation(Activation.TANH);
        return new TrainingConfig(Dataset.XOR, hidden[0], 3, 0.1, 10, options).withHiddenLayers(hidden);
    }

    private static Weights trained(TrainingConfig config) {
        Trainer t = new Trainer(config);
        t.runEpochs(20, (e, loss) -> { });
        return t.weights();
    }

    /**
     * The network card's sizes: the Train tab's at 1024x768 (254 x 480 beside the data table, 430 x 330 wider) and
     * larger, up to a presenter column.
     */
    private static final double[][] SIZES = {{254, 480}, {430, 330}, {520, 400}, {760, 520}, {1200, 700}};

    @Test
    void sevenFeaturesAreSevenNamedInputsEachFeedingEveryHiddenUnitWithNothingOverprinted(FxRobot robot) {
        TrainingConfig config = config(ALL, 8);
        Weights w = trained(config);
        assertThat(w.inputs()).isEqualTo(7);
        for (double[] size : SIZES) {
            size(robot, size[0], size[1]);
            robot.interact(() -> view.show(w, config, 5));
            robot.interact(() -> { });
            NetworkLayout layout = view.layoutResult();
            assertThat(layout.inputs).hasSize(7);
            assertThat(layout.hidden).hasSize(8);
            assertThat(NetworkHitTest.edges(layout)).as("7 x 8 first-layer edges and 8 to the output")
                    .hasSize(7 * 8 + 8);
            NetworkViewDeepTest.assertNoOverprinting(layout, size[0], size[1]);
            // Every input is named, top to bottom in the features' order.
            List<NetworkLayout.Label> names = layout.labels.stream()
                    .filter(l -> l.part() != null && l.part().kind() == NetworkView.Kind.INPUT).toList();
            assertThat(names).extracting(NetworkLayout.Label::text)
                    .as("at %s x %s", size[0], size[1])
                    .containsExactly("x\u2081", "x\u2082", "x\u2081\u00b2", "x\u2082\u00b2", "x\u2081\u00b7x\u2082",
                            "sin x\u2081", "sin x\u2082");
            for (int k = 1; k < 7; k++) {
                assertThat(layout.inputs.get(k).getY()).isGreaterThan(layout.inputs.get(k - 1).getY());
            }
        }
    }

    @Test
    void hoveringAnInputOrAnEdgeNamesItsFeatureAndItsValueForTheSelectedPoint(FxRobot robot) {
        TrainingConfig config = config(ALL, 3);
        Weights w = trained(config);
        size(robot, 760, 520);
        robot.interact(() -> view.show(w, config, 7));
        Samples train = config.samples();
        double x1 = train.x1(7);
        double x2 = train.x2(7);

        hover(robot, view.inputCentre(5));
        assertThat(view.hoverText()).startsWith("sin x\u2081 = " + HoverCard.plain(Math.sin(x1)))
                .contains("for x = (" + NumberText.fixed(x1, 2) + ", " + NumberText.fixed(x2, 2) + ")");

        Point2D a = view.inputCentre(6);
        Point2D b = view.hiddenCentre(0);
        hover(robot, a.add(b.subtract(a).multiply(0.5)));
        assertThat(view.hoverText()).isEqualTo("W1[1,7] = " + NumberText.fixed(w.w1(0, 6), 3)
                + "   (sin x\u2082 \u2192 h1)");

        // The output's figure is the network's prediction for that point through its features.
        hover(robot, view.outputCentre());
        assertThat(view.hoverText()).contains("y_hat = "
                + NumberText.fixed(w.predict(config.options(), x1, x2), 3));
    }

    @Test
    void aDeeperNetworkOnThreeFeaturesFansInFromThreeInputs(FxRobot robot) {
        TrainingConfig config = config(List.of(Feature.X1SQ, Feature.X2SQ, Feature.X1X2), 4, 4);
        Weights w = trained(config);
        size(robot, 520, 400);
        robot.interact(() -> view.show(w, config, 0));
        robot.interact(() -> { });
        NetworkLayout layout = view.layoutResult();
        assertThat(layout.inputs).hasSize(3);
        assertThat(NetworkHitTest.edges(layout)).hasSize(3 * 4 + 4 * 4 + 4);
        assertThat(layout.labels).extracting(NetworkLayout.Label::text)
                .contains("x\u2081\u00b2", "x\u2082\u00b2", "x\u2081\u00b7x\u2082").doesNotContain("x1", "x2");
        NetworkViewDeepTest.assertNoOverprinting(layout, 520, 400);
    }

    @Test
    void theNotebooksNetworkKeepsItsNamesAndASampleBeyondTheDataShowsTheFirst(FxRobot robot) {
        Weights w = Weights.initial(TrainingConfig.NOTEBOOK);
        size(robot, 520, 400);
        robot.interact(() -> view.show(w, TrainingConfig.NOTEBOOK, 2));
        robot.interact(() -> { });
        assertThat(view.layoutResult().labels).extracting(NetworkLayout.Label::text).contains("x1", "x2", "y_hat");
        assertThat(view.selectedInput()).isEqualTo(2);
        // Hovering x2 names x2 and its value for input (1, 0), not x1's.
        robot.moveTo(view.localToScreen(view.inputCentre(1)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).isEqualTo("x2 = 0 for x = (1, 0)");
        robot.moveTo(view.localToScreen(view.inputCentre(0)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).isEqualTo("x1 = 1 for x = (1, 0)");
        robot.interact(() -> view.show(w, TrainingConfig.NOTEBOOK, 150));
        assertThat(view.selectedInput()).isZero();
    }

    @Test
    void weightsOfAnotherFanInAreRefusedNamingBothCounts() {
        Weights seven = Weights.initial(config(ALL, 2));
        assertThatThrownBy(() -> view.show(seven, TrainingConfig.NOTEBOOK, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("these weights take 7 inputs, but the config has 2 features (x1,x2)");
        assertThatThrownBy(() -> view.show(seven, Activation.SIGMOID, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("take 7 input features");
    }
}
