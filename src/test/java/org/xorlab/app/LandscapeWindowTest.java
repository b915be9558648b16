package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.view.LandscapePanel;
import org.xorlab.app.view.LandscapeView;
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.Weights;
import org.xorlab.run.Landscape;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.text.NumberText;

/**
 * The loss landscape in the window (issue 14): G or the card's Landscape button shows it, computed off the FX thread;
 * the path grows as the run trains and rewind moves the shown point along it; the gradient arrows and their readout;
 * the Compare tab's runs start from one point; and the card fits the smallest classroom screen.
 */
@ExtendWith(ApplicationExtension.class)
class LandscapeWindowTest {
    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = FxTesting.show(stage, 1920, 1080);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    private LandscapePanel panel() {
        return onFx(() -> window.train().landscape());
    }

    private static Landscape.Picture picture(LandscapePanel panel) {
        return onFx(() -> panel.view().picture());
    }

    /** Waits for a picture whose first path has {@code points} points and whose shown point is at {@code epoch}. */
    private static Landscape.Picture awaitPicture(LandscapePanel panel, java.util.function.Predicate<Landscape.Picture> p) {
        waitFor(() -> {
            Landscape.Picture now = picture(panel);
            return now != null && p.test(now);
        });
        return picture(panel);
    }

    /** True when the node and every parent of it are visible. */
    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void gShowsTheLandscapeWithTheRunsPathComputedOffTheFxThread(FxRobot robot) {
        FxTesting.trainEpochs(window, 200);
        LandscapePanel panel = panel();
        assertThat(onFx(panel::isVisible)).isFalse();
        robot.type(KeyCode.G);
        waitFor(() -> onFx(panel::isVisible));
        assertThat(onFx(() -> shown(window.lookup("#decision-surface")))).isFalse();
        Landscape.Picture p = awaitPicture(panel, pic -> pic.paths().get(0).a().length == 201);
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
                .as("the landscape's own thread").contains(LandscapePanel.THREAD_NAME);
        TrainingFrame f = FxTesting.frame(window);
        RunFrame run = f.runs().get(0);
        // The plane through the start and the end: the path starts at its origin and ends on its a axis, where the
        // shown weights are.
        Landscape.Path path = p.paths().get(0);
        assertThat(path.a()[0]).isCloseTo(0, within(1e-12));
        double distance = run.shownWeights().distance(run.weightHistory().at(0).weights());
        assertThat(path.shownA()).isCloseTo(distance, within(1e-9));
        assertThat(path.a()[200]).isCloseTo(distance, within(1e-9));
        double loss = run.shownWeights().loss(f.snapshot().config().samples(), f.snapshot().config().options());
        assertThat(onFx(panel::readout)).isEqualTo("Epoch 200: loss " + NumberText.brief(loss)
                + " over all 4 samples at the weights shown.");
        // The canvas shows the loss where the path is: lighter (lower loss) at the end than at the start.
        LandscapeView view = panel.view();
        double startShade = onFx(() -> view.colorAt(path.a()[0], path.b()[0]).getBrightness());
        double endShade = onFx(() -> view.colorAt(path.shownA(), path.shownB()).getBrightness());
        assertThat(endShade).isGreaterThanOrEqualTo(startShade);

        robot.type(KeyCode.G);
        waitFor(() -> !onFx(panel::isVisible));
        assertThat(onFx(() -> shown(window.lookup("#decision-surface")))).isTrue();
    }

    @Test
    void thePathGrowsWithTrainingAndRewindMovesTheShownPointAlongIt() {
        FxTesting.trainEpochs(window, 300);
        LandscapePanel panel = panel();
        runFx(() -> window.train().landscapeShownProperty().set(true));
        runFx(() -> panel.choosePlane(LandscapePanel.Plane.PCA));
        Landscape.Picture live = awaitPicture(panel, pic -> pic.plane().spec().equals(LossPlane.Spec.PCA)
                && pic.paths().get(0).a().length == 301);
        Landscape.Path path = live.paths().get(0);
        assertThat(path.shownA()).isEqualTo(path.a()[300]);

        runFx(() -> window.train().rewindBy(100));
        waitFor(() -> FxTesting.frame(window).runs().get(0).preview() != null);
        Landscape.Picture rewound = awaitPicture(panel, pic -> pic != live);
        Landscape.Path back = rewound.paths().get(0);
        // The same path (nothing trained), the shown point at epoch 200's place on it.
        assertThat(back.a()).containsExactly(path.a());
        assertThat(back.shownA()).isCloseTo(path.a()[200], within(1e-12));
        assertThat(back.shownB()).isCloseTo(path.b()[200], within(1e-12));
        assertThat(onFx(panel::readout)).contains("Epoch 200: loss");
    }

    @Test
    void theGradientArrowsAndTheirReadoutAtTheShownWeights() {
        FxTesting.trainEpochs(window, 50);
        LandscapePanel panel = panel();
        runFx(() -> window.train().landscapeShownProperty().set(true));
        CheckBox gradients = onFx(() -> (CheckBox) window.lookup("#landscape-gradients"));
        runFx(gradients::fire);
        Landscape.Picture p = awaitPicture(panel, pic -> pic.noise() != null);
        assertThat(p.noise().sampleA()).hasSize(4);
        assertThat(p.noise().labels()).containsExactly("(0,0)", "(0,1)", "(1,0)", "(1,1)");
        String readout = onFx(panel::readout);
        StringBuilder angles = new StringBuilder("Angles to the mean gradient (all 9 parameters): ");
        for (int i = 0; i < 4; i++) {
            angles.append(i == 0 ? "" : ", ").append(p.noise().labels()[i]).append(' ')
                    .append(Math.round(p.noise().angles()[i])).append("°");
        }
        assertThat(readout).contains(angles + ". Batch GD steps once against the mean; SGD steps 4 times");
        ChoiceBox<?> plane = onFx(() -> (ChoiceBox<?>) window.lookup("#landscape-plane"));
        assertThat(onFx(() -> plane.getItems().stream().map(i -> ((ChoiceBox<Object>) plane).getConverter()
                .toString(i)).toList())).containsExactly("Start to end", "Principal directions", "W2[0,0] and W2[0,1]",
                "W1[0,0] and W1[0,1]");
        runFx(() -> panel.choosePlane(LandscapePanel.Plane.OUTPUT_WEIGHTS));
        Landscape.Picture w = awaitPicture(panel, pic -> pic.plane().spec().kind() == LossPlane.Kind.PARAMETERS);
        Weights shown = FxTesting.frame(window).runs().get(0).shownWeights();
        // On the plane of two parameters the shown point is their values.
        assertThat(w.paths().get(0).shownA()).isEqualTo(shown.weight(2, 0, 0));
        assertThat(w.paths().get(0).shownB()).isEqualTo(shown.weight(2, 0, 1));
    }

    /** Another network keeps the chosen plane and names its parameters for the new network. */
    @Test
    void anotherNetworkKeepsThePlaneChosen() {
        FxTesting.trainEpochs(window, 20);
        LandscapePanel panel = panel();
        runFx(() -> window.train().landscapeShownProperty().set(true));
        runFx(() -> panel.choosePlane(LandscapePanel.Plane.OUTPUT_WEIGHTS));
        awaitPicture(panel, pic -> pic.plane().spec().kind() == LossPlane.Kind.PARAMETERS);
        runFx(() -> window.train().model().configProperty().set(
                window.train().model().configProperty().get().withHidden(1)));
        Landscape.Picture p = awaitPicture(panel, pic -> pic.plane().widths()[1] == 1);
        // One hidden unit: the output layer has one weight, so the plane takes its bias.
        assertThat(p.plane().spec().text()).isEqualTo("w:W2[0,0],b2[0,0]");
        ChoiceBox<?> plane = onFx(() -> (ChoiceBox<?>) window.lookup("#landscape-plane"));
        assertThat(onFx(plane::getValue)).isEqualTo(LandscapePanel.Plane.OUTPUT_WEIGHTS);
        assertThat(onFx(() -> ((ChoiceBox<Object>) plane).getConverter().toString(plane.getValue())))
                .isEqualTo("W2[0,0] and b2[0,0]");
    }

    @Test
    void theCompareTabsRunsStartFromOnePointOnOneLandscape() {
        CompareTab compare = FxTesting.showCompare(window);
        runFx(() -> compare.model().stepEpochs(100));
        waitFor(() -> onFx(() -> compare.model().frameProperty().get().runs().get(0).snapshot().epoch()) == 100);
        runFx(() -> compare.showLandscape(true));
        LandscapePanel panel = onFx(compare::landscape);
        Landscape.Picture p = awaitPicture(panel, pic -> pic.paths().size() == 2
                && pic.paths().get(0).a().length == 101 && pic.paths().get(1).a().length == 101);
        assertThat(p.paths().get(0).a()[0]).isEqualTo(p.paths().get(1).a()[0]);
        assertThat(p.paths().get(0).b()[0]).isEqualTo(p.paths().get(1).b()[0]);
        assertThat(onFx(panel::readout)).contains("Epoch 100: loss SGD (batch size 1) ")
                .contains(" and Batch GD (batch size 4) ");
        assertThat(onFx(() -> shown(window.lookup("#compare-chart")))).isFalse();
    }

    /** On the smallest projector the card keeps a usable square plot, and nothing needs scrolling sideways. */
    @Test
    void theLandscapeFitsTheSmallScreens() {
        for (double[] size : new double[][] {{1024, 768}, {1280, 720}}) {
            FxTesting.resize(stage, size[0], size[1]);
            FxTesting.settle();
            FxTesting.trainEpochs(window, 0);
            runFx(() -> window.train().landscapeShownProperty().set(true));
            LandscapePanel panel = panel();
            awaitPicture(panel, pic -> true);
            FxTesting.settle();
            Bounds plot = onFx(() -> panel.view().localToScene(panel.view().getLayoutBounds()));
            assertThat(plot.getWidth()).as("view width at %s", List.of(size[0], size[1])).isGreaterThan(230);
            assertThat(plot.getHeight()).as("view height at %s", List.of(size[0], size[1])).isGreaterThanOrEqualTo(250);
            ScrollPane views = onFx(() -> (ScrollPane) window.lookup("#train-views"));
            assertThat(onFx(() -> views.getContent().getLayoutBounds().getWidth() <= views.getViewportBounds()
                    .getWidth() + 1)).as("no sideways scrolling at %s", size[0]).isTrue();
            Node readout = onFx(() -> window.lookup("#landscape-readout"));
            assertThat(onFx(() -> readout.getLayoutBounds().getWidth())).isLessThanOrEqualTo(
                    onFx(() -> panel.getWidth()) + 1);
            runFx(() -> window.train().landscapeShownProperty().set(false));
        }
    }
}
