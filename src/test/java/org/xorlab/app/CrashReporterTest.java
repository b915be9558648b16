package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An uncaught exception on any thread is logged to a file and shown in a dialog, never lost. */
@ExtendWith(ApplicationExtension.class)
class CrashReporterTest {
    @TempDir
    Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("window"), 300, 200));
        stage.show();
    }

    @Test
    void anExceptionOnABackgroundThreadIsLoggedAndShown(FxRobot robot) throws Exception {
        Path log = home.resolve("sub").resolve("errors.log");
        CrashReporter reporter = new CrashReporter(log);
        Thread thread = new Thread(() -> {
            throw new IllegalStateException("boom from the test");
        }, "test-worker");
        thread.setUncaughtExceptionHandler(reporter);
        thread.start();
        thread.join();
        FxTesting.waitFor(() -> FxTesting.onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)));

        DialogPane pane = FxTesting.onFx(() -> (DialogPane) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot());
        String shown = FxTesting.onFx(() -> ((javafx.scene.control.TextArea) pane.getContent()).getText());
        assertThat(shown).contains("boom from the test").contains("test-worker").contains(log.toString());
        assertThat(Files.readString(log)).contains("IllegalStateException: boom from the test").contains("test-worker");
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
