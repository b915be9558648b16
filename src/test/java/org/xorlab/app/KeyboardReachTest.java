package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.TabPane;
import javafx.scene.control.Toggle;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Everything a person can use on each tab is reachable by keyboard (issue 15): Tab, pressed from the tab's first
 * control, visits every enabled, visible control of the tab (a toggle group once, at its selected button) before it
 * comes round again; Enter presses the button it is on.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardReachTest {
    private AppShell window;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1920, 1080);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    @Test
    void tabVisitsEveryControlOfEveryTab(FxRobot robot) {
        FxTesting.trainEpochs(window, 5);
        TabPane tabs = onFx(() -> (TabPane) window.lookup("#tabs"));
        List<String> unreached = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int tab = t;
            runFx(() -> tabs.getSelectionModel().select(tab));
            FxTesting.settle();
            Parent content = onFx(() -> (Parent) tabs.getTabs().get(tab).getContent());
            List<Control> controls = onFx(() -> FxTesting.controls(content));
            Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            runFx(() -> controls.get(0).requestFocus());
            Set<Object> entered = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 4 * controls.size() + 20; i++) {
                Node focused = record(visited);
                if (focused instanceof Toggle toggle && toggle.getToggleGroup() != null) {
                    entered.add(toggle.getToggleGroup());
                }
                robot.type(KeyCode.TAB);
            }
            for (Control c : controls) {
                // A toggle group is one stop, entered at its selected button (the arrows move within it, as in
                // any toolkit); the timeline's slider is worked by ←, Shift+← and Esc, wherever the focus is.
                boolean inEnteredGroup = c instanceof Toggle toggle && entered.contains(toggle.getToggleGroup());
                if (!visited.contains(c) && !inEnteredGroup && !"rewind-slider".equals(c.getId())) {
                    unreached.add(onFx(() -> tabs.getTabs().get(tab).getText()) + ": " + c.getClass().getSimpleName()
                            + (c.getId() == null ? "" : "#" + c.getId()));
                }
            }
        }
        assertThat(unreached).as("controls Tab never reaches").isEmpty();
    }

    private Node record(Set<Node> visited) {
        Node focused = onFx(() -> window.getScene().getFocusOwner());
        for (Node n = focused; n != null; n = n.getParent()) {
            visited.add(n);
        }
        return focused;
    }

    /** Enter presses the button the keyboard is on (Space is Play wherever the focus is). */
    @Test
    void enterPressesTheFocusedButton(FxRobot robot) {
        FxTesting.trainEpochs(window, 3);
        runFx(() -> window.lookup("#step-epoch").requestFocus());
        robot.type(KeyCode.ENTER);
        FxTesting.waitFor(() -> FxTesting.frame(window).snapshot().epoch() == 4);
        runFx(() -> window.lookup("#log-scale").requestFocus());
        boolean log = onFx(() -> window.train().chart().logScaleProperty().get());
        robot.type(KeyCode.ENTER);
        FxTesting.waitFor(() -> onFx(() -> window.train().chart().logScaleProperty().get()) != log);
    }
}
