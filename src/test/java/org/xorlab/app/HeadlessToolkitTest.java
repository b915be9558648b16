package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Proves the headless test set-up (TestFX on Monocle, module path, surefire flags in pom.xml):
 * a real Stage is shown, a robot clicks a real Button, and the scene graph reacts.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessToolkitTest {

    /** Shows how many times Step was pressed. */
    private Label count;

    private int presses;

    @Start
    void start(Stage stage) {
        count = new Label("Steps: 0");
        count.setId("count");
        Button step = new Button("Step");
        step.setOnAction(event -> count.setText("Steps: " + ++presses));
        stage.setScene(new Scene(new VBox(8, step, count), 200, 100));
        stage.show();
    }

    @Test
    void clickingStepUpdatesTheLabel(FxRobot robot) {
        assertThat(robot.lookup("#count").queryAs(Label.class).getText()).isEqualTo("Steps: 0");

        robot.clickOn("Step");
        robot.clickOn("Step");

        assertThat(robot.lookup("#count").queryAs(Label.class).getText()).isEqualTo("Steps: 2");
    }
}
