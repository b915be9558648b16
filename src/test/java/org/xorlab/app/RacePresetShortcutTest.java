package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.run.RunFrame;

/** Ctrl+1, Ctrl+2 and Ctrl+3 set up the classic races from either tab, on a 1024 x 768 projector. */
@ExtendWith(ApplicationExtension.class)
class RacePresetShortcutTest {
    private AppShell window;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    @Test
    void eachShortcutShowsTheCompareTabWithItsRace(FxRobot robot) {
        waitFor(() -> FxTesting.frame(window) != null);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitFor(() -> names(window).size() == 3);
        assertThat(onFx(() -> ((TabPane) window.lookup("#tabs")).getSelectionModel().getSelectedIndex())).isEqualTo(1);
        assertThat(names(window)).containsExactly("SGD (batch size 1)", "Momentum (batch size 1)",
                "Adam (batch size 1)");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitFor(() -> names(window).size() == 2);
        assertThat(names(window)).containsExactly("SGD (batch size 1, MSE)", "SGD (batch size 1, cross-entropy)");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(() -> names(window).get(1).startsWith("Batch GD"));
        assertThat(names(window)).containsExactly("SGD (batch size 1)", "Batch GD (batch size 4)");
    }

    private static java.util.List<String> names(AppShell window) {
        return onFx(() -> {
            var compare = window.startedCompare();
            var f = compare == null ? null : compare.model().frameProperty().get();
            return f == null ? java.util.List.<String>of() : f.runs().stream().map(RunFrame::name).toList();
        });
    }
}
