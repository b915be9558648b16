package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every control a person can reach on each tab has an accessible name (its own text, an accessible text, or a label
 * that names it) and help text (a tooltip or an accessible help), as a screen reader reads them (issue 15).
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
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
    void everyControlOnEveryTabHasANameAndHelp() {
        FxTesting.trainEpochs(window, 5);
        List<String> missing = new ArrayList<>();
        TabPane tabs = onFx(() -> (TabPane) window.lookup("#tabs"));
        int count = onFx(() -> tabs.getTabs().size());
        for (int t = 0; t < count; t++) {
            int tab = t;
            runFx(() -> tabs.getSelectionModel().select(tab));
            FxTesting.settle();
            missing.addAll(onFx(() -> audit(tabs.getTabs().get(tab).getText(),
                    (Parent) tabs.getTabs().get(tab).getContent())));
        }
        assertThat(missing).as("controls without an accessible name or help").isEmpty();
    }

    private static List<String> audit(String tab, Parent root) {
        Map<Node, String> labelled = new IdentityHashMap<>();
        collectLabels(root, labelled);
        List<String> out = new ArrayList<>();
        check(root, tab, labelled, out);
        return out;
    }

    private static void collectLabels(Parent p, Map<Node, String> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Label l && l.getLabelFor() != null) {
                out.put(l.getLabelFor(), l.getText());
            }
            if (n instanceof Parent q) {
                collectLabels(q, out);
            }
        }
    }

    private static void check(Parent root, String tab, Map<Node, String> labelled, List<String> out) {
        for (Control c : FxTesting.controls(root)) {
            Object name = c.queryAccessibleAttribute(AccessibleAttribute.TEXT);
            boolean named = c.getAccessibleText() != null
                    || c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                    || labelled.containsKey(c) || labelled.containsKey(c.getParent())
                    || name instanceof String s && !s.isBlank() && !(c instanceof TextInputControl);
            boolean helped = c.getTooltip() != null || c.getAccessibleHelp() != null;
            if (!named || !helped) {
                out.add(tab + ": " + c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId())
                        + (named ? "" : " has no name") + (helped ? "" : " has no help text"));
            }
        }
    }
}
