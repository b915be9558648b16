package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.train.TrainTab;

/** Presenter mode, zoom, the settings panel toggle and the shortcut sheet, driven with real key presses. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // 1600 x 1000: presenter mode's 125 % fits (the layout needs 1200 x 768 at 100 %).
        window = FxTesting.show(stage, 1600, 1000);
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            stage.setFullScreen(false);
            return null;
        });
        window.train().model().shutdown();
        window.shutdown();
    }

    private double fontSize(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getFont().getSize());
    }

    private boolean settingsShowing(FxRobot robot) {
        return onFx(() -> robot.lookup(".settings-scroll").query().isVisible());
    }

    /** How much larger than its layout size the network canvas is drawn. */
    private double canvasScale() {
        return onFx(() -> window.train().networkView().getChildrenUnmodifiable().get(0).getLocalToSceneTransform().getMxx());
    }

    @Test
    void f5EntersPresenterModeWithLargerTextAndNoSettingsAndLeavesItAgain(FxRobot robot) {
        waitFor(() -> FxTesting.frame(window) != null);
        assertThat(fontSize(robot, "#status-epoch")).isEqualTo(15.0);
        assertThat(fontSize(robot, ".card-title")).isCloseTo(18.0, within(0.05));
        assertThat(settingsShowing(robot)).isTrue();

        robot.type(KeyCode.F5);
        waitFor(() -> onFx(() -> window.presentation().isPresenting()));
        // Full screen is Monocle's 3840 x 2160 screen: text grows with the screen's height (zoom 2160 / 720).
        double zoom = onFx(() -> Presentation.presenting(1.25, stage.getScene().getWidth(), stage.getScene().getHeight()));
        assertThat(zoom).isCloseTo(3.0, within(1e-9));
        assertThat(fontSize(robot, "#status-epoch")).isCloseTo(15 * zoom, within(0.01));
        assertThat(fontSize(robot, ".card-title")).isCloseTo(18 * zoom, within(0.05));
        assertThat(canvasScale()).isCloseTo(zoom, within(1e-9));
        assertThat(onFx(() -> window.train().viewColumns())).as("no truth table in presenter mode")
                .isEqualTo(TrainTab.PRESENTER_COLUMNS);
        assertThat(onFx(() -> robot.lookup("#truth-table").tryQuery().isPresent()
                && robot.lookup("#truth-table").query().getScene() != null)).isFalse();
        assertThat(settingsShowing(robot)).isFalse();
        assertThat(onFx(() -> stage.isFullScreen())).isTrue();
        assertThat(onFx(() -> robot.lookup("#play").queryButton().getContentDisplay()))
                .as("key caps leave the buttons in presenter mode").isEqualTo(javafx.scene.control.ContentDisplay.TEXT_ONLY);

        robot.type(KeyCode.F5);
        waitFor(() -> onFx(() -> !window.presentation().isPresenting()));
        assertThat(fontSize(robot, "#status-epoch")).isEqualTo(15.0);
        assertThat(canvasScale()).isEqualTo(1.0);
        assertThat(settingsShowing(robot)).isTrue();
        assertThat(onFx(() -> stage.isFullScreen())).isFalse();
    }

    @Test
    void zoomKeysMoveOneStepEachAndResetGoesBackTo100Percent(FxRobot robot) {
        // Without the settings panel 1600 px has room for 110 % (see the next test for a zoom that does not fit).
        onFx(() -> {
            window.presentation().settingsShownProperty().set(false);
            return null;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // One step, not two: the View menu's accelerator must not act on the same key press.
        assertThat(onFx(() -> window.presentation().zoomProperty().get())).isEqualTo(1.1);
        assertThat(fontSize(robot, "#status-epoch")).isCloseTo(16.5, within(0.01));
        assertThat(canvasScale()).isCloseTo(1.1, within(1e-9));
        assertThat(onFx(() -> window.notice().message())).isEqualTo("Zoom 110 %");

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.presentation().zoomProperty().get())).isEqualTo(0.9);
        assertThat(fontSize(robot, "#status-epoch")).isCloseTo(13.5, within(0.01));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fontSize(robot, "#status-epoch")).isEqualTo(15.0);
    }

    @Test
    void presenterZoomBeyondWhatFitsTheWindowIsLimitedAndSaysSo(FxRobot robot) {
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        // Full screen here is Monocle's screen; presenter mode's layout needs 750 x 530 at 100 %.
        double width = onFx(() -> stage.getScene().getWidth());
        double height = onFx(() -> stage.getScene().getHeight());
        double fits = Math.min(width / Presentation.PRESENTER_MIN_WIDTH, height / Presentation.PRESENTER_MIN_HEIGHT);
        assertThat(fits).as("scene %s x %s", width, height).isBetween(1.0, 5.0);
        // Zoom in, one step at a time, past what fits.
        while (onFx(() -> window.presentation().presenterZoomProperty().get()) <= fits) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        double wanted = onFx(() -> window.presentation().presenterZoomProperty().get());
        assertThat(onFx(() -> window.presentation().effectiveZoom())).isCloseTo(fits, within(1e-9));
        assertThat(onFx(() -> window.notice().message())).isEqualTo("Zoom " + Math.round(wanted * 100)
                + " % in presenter mode (" + Math.round(fits * 100) + " % fits this window)");
        assertThat(fontSize(robot, "#status-epoch")).isCloseTo(15 * fits, within(0.01));
        // The normal zoom is untouched.
        assertThat(onFx(() -> window.presentation().zoomProperty().get())).isEqualTo(1.0);
    }

    @Test
    void tabTogglesTheSettingsOnlyInPresenterMode(FxRobot robot) {
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).as("outside presenter mode Tab moves the focus").isTrue();

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).isFalse();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).isTrue();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).isFalse();
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).as("back as before presenter mode").isTrue();
    }

    @Test
    void leavingPresenterModeKeepsSettingsHiddenIfTheyWereHiddenBefore(FxRobot robot) {
        onFx(() -> {
            window.presentation().settingsShownProperty().set(false);
            return null;
        });
        robot.type(KeyCode.F5).type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.presentation().isPresenting())).isFalse();
        assertThat(settingsShowing(robot)).isFalse();
    }

    @Test
    void questionMarkShowsTheShortcutSheetOverTheWindowAndEscapeClosesIt(FxRobot robot) throws Exception {
        waitFor(() -> FxTesting.frame(window) != null);
        Color before = pixel(10, 990);
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        Node sheet = robot.lookup("#shortcut-overlay").query();
        assertThat(onFx(sheet::isVisible)).isTrue();
        assertThat(robot.lookup(".overlay-description").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Play / Pause", "Presenter mode: large, full screen, no settings", "Zoom in", "Save session (Train tab)",
                        "Open session (Train tab)", "Show / hide the settings (presenter mode)");
        assertThat(robot.lookup(".overlay-key").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Space", "F5", "F11", "Tab", "Ctrl", "=", "+", "?", "Esc");
        // The window shows through, darker.
        Color dimmed = pixel(10, 990);
        assertThat(dimmed.getBrightness()).isLessThan(before.getBrightness() - 0.2).isGreaterThan(0.1);
        saveScreenshot("shortcut-sheet");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(sheet::isVisible)).isFalse();

        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(sheet::isVisible)).as("? closes it too").isFalse();
    }

    @Test
    void theShortcutSheetFitsASmallWindow() {
        // A window of its own, so the shared test stage keeps its size.
        Stage small = onFx(Stage::new);
        AppShell smallWindow = onFx(() -> FxTesting.show(small, 900, 600));
        try {
            onFx(() -> {
                smallWindow.shortcutSheet().show();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Node card = onFx(() -> small.getScene().lookup(".overlay-card"));
            var bounds = onFx(() -> card.localToScene(card.getBoundsInLocal()));
            assertThat(bounds.getWidth()).isGreaterThan(300);
            assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).isLessThanOrEqualTo(900);
            assertThat(bounds.getMaxY()).isLessThanOrEqualTo(600);
        } finally {
            smallWindow.train().model().shutdown();
            smallWindow.shutdown();
            onFx(() -> {
                small.hide();
                return null;
            });
        }
    }

    private Color pixel(int x, int y) {
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        return image.getPixelReader().getColor(x, y);
    }

    private void saveScreenshot(String name) throws Exception {
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        Path dir = Path.of("target", "view-snapshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }
}
