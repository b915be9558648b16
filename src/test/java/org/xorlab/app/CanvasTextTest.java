package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.view.LandscapePanel;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Weights;
import org.xorlab.run.RunFrame;
import org.xorlab.text.NumberText;

/**
 * The canvases say what they show to a screen reader (issue 15, accessibility), through JavaFX's accessibility
 * attributes: the network every edge's weight and every unit's activation, the decision surface y_hat at the
 * points, the landscape its plane and each path's point.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasTextTest {
    private AppShell window;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    private String spoken(String id) {
        Node n = onFx(() -> window.lookup(id));
        return onFx(() -> (String) n.queryAccessibleAttribute(AccessibleAttribute.TEXT));
    }

    @Test
    void theNetworkTheSurfaceAndTheLandscapeSayWhatTheyShow() {
        FxTesting.trainEpochs(window, 100);
        RunFrame f = FxTesting.frame(window).runs().get(0);
        Weights w = f.shownWeights();
        Node network = onFx(() -> window.lookup("#network-view"));
        assertThat(onFx(network::getAccessibleRole)).isEqualTo(AccessibleRole.TEXT);
        runFx(() -> window.train().model().selectedInputProperty().set(1)); // input (0, 1)
        String net = spoken("#network-view");
        assertThat(net).startsWith("Network: inputs x1, x2, activations for x = (0, 1).")
                .contains("Edge x1 to h1, weight " + NumberText.fixed(w.w1(0, 0), 3) + ".")
                .contains("Edge h2 to y_hat, weight " + NumberText.fixed(w.w2(1), 3) + ".")
                .contains("h1: bias " + NumberText.fixed(w.b1(0), 3) + ", activation "
                        + NumberText.fixed(w.hiddenActivation(0, 0, 1), 3) + ".")
                .endsWith("y_hat: bias " + NumberText.fixed(w.b2(), 3) + ", activation "
                        + NumberText.fixed(w.predict(0, 1), 3) + ".");

        DecisionGrid grid = f.shownGrid();
        String surface = spoken("#decision-surface");
        String at01 = NumberText.brief(Math.round(grid.output(grid.column(0), grid.row(1)) * 100) / 100.0);
        assertThat(surface).startsWith("Decision surface: ŷ at (0, 0) is ").contains(", at (0, 1) is " + at01 + ",")
                .endsWith("; the line ŷ = 0.5 divides the classes");

        runFx(() -> window.train().landscapeShownProperty().set(true));
        LandscapePanel panel = onFx(() -> window.train().landscape());
        waitFor(() -> onFx(() -> panel.view().picture()) != null);
        String landscape = spoken("#landscape-view");
        assertThat(landscape).startsWith("Loss landscape. Plane through the start and the end of the runs. Loss shown"
                + " from ").contains("; Loss's path of 101 points, its dot at (")
                .contains(onFx(panel::readout));
    }
}
