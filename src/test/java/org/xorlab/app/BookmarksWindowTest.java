package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.await;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.train.RunModel;
import org.xorlab.run.Preview;
import org.xorlab.session.Bookmark;
import org.xorlab.session.SessionFile;

/**
 * A teacher's bookmarks (issue 15): B marks the epoch shown and puts the keyboard in its note; Page Up and Page Down
 * go from mark to mark as a presentation remote would; a session keeps them; Reset keeps only the marks its
 * timeline has reached, another run none.
 */
@ExtendWith(ApplicationExtension.class)
class BookmarksWindowTest {
    private AppShell window;
    private RunModel model;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
        model = window.train().model();
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    private long shownEpoch() {
        return onFx(() -> {
            Preview p = model.frameProperty().get().runs().get(0).preview();
            return p == null ? -1 : p.epoch();
        });
    }

    private List<Bookmark> marks() {
        return onFx(() -> List.copyOf(model.bookmarks()));
    }

    @Test
    void bMarksTheEpochShownAndPageKeysGoFromMarkToMark(FxRobot robot) throws Exception {
        FxTesting.trainEpochs(window, 600);
        assertThat(onFx(() -> window.lookup("#bookmarks").isVisible())).as("no room taken while empty").isFalse();
        robot.type(KeyCode.B);
        waitFor(() -> marks().size() == 1);
        TextField note = onFx(() -> (TextField) window.lookup("#bookmark-600-note"));
        waitFor(() -> onFx(note::isFocused));
        // Typing in the note is not a shortcut: N and R do not start a new seed or reset.
        robot.write("the plateau ends near here");
        robot.type(KeyCode.ENTER);
        waitFor(() -> marks().get(0).note().equals("the plateau ends near here"));
        assertThat(onFx(() -> model.frameProperty().get().snapshot().epoch())).isEqualTo(600);

        runFx(() -> model.preview(52));
        waitFor(() -> shownEpoch() == 52);
        runFx(() -> window.lookup("#bookmark-add").requestFocus());
        robot.type(KeyCode.B);
        waitFor(() -> marks().size() == 2);
        assertThat(marks()).containsExactly(new Bookmark(52, ""), new Bookmark(600, "the plateau ends near here"));
        runFx(() -> window.lookup("#bookmark-add").requestFocus());

        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> shownEpoch() == 600);
        robot.type(KeyCode.PAGE_UP);
        waitFor(() -> shownEpoch() == 52);
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> shownEpoch() == 600);
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> shownEpoch() == -1); // after the last mark: live
        runFx(() -> ((javafx.scene.control.Button) window.lookup("#bookmark-52-go")).fire());
        waitFor(() -> shownEpoch() == 52);

        // Saved with the session and back when it opens.
        Path file = dir.resolve("lesson.xorlab.json");
        await(onFx(() -> window.sessions().save(file)));
        assertThat(SessionFile.read(file).bookmarks()).containsExactly(new Bookmark(52, ""),
                new Bookmark(600, "the plateau ends near here"));
        runFx(() -> ((javafx.scene.control.Button) window.lookup("#bookmark-52-remove")).fire());
        waitFor(() -> marks().size() == 1);
        await(onFx(() -> window.sessions().open(file)));
        waitFor(() -> marks().size() == 2);
        assertThat(marks().get(1).note()).isEqualTo("the plateau ends near here");

        // Reset: a new timeline from epoch 0 keeps no mark it has not reached; another run keeps none.
        runFx(() -> model.bookmark(0, "the start"));
        runFx(model::reset);
        waitFor(() -> marks().size() == 1);
        assertThat(marks()).containsExactly(new Bookmark(0, "the start"));
        runFx(() -> model.configProperty().set(model.configProperty().get().withHidden(3)));
        waitFor(() -> marks().isEmpty());
        assertThat(onFx(() -> window.shortcuts().describe())).containsKeys("B", "Page Up", "Page Down");
    }

    @Test
    void aMarksNoteTakesNoLineBreakAndAtMost200Characters() {
        FxTesting.trainEpochs(window, 10);
        runFx(() -> model.bookmark(10, ""));
        Node field = onFx(() -> window.lookup("#bookmark-10-note"));
        TextField note = (TextField) field;
        runFx(() -> note.setText("x".repeat(250)));
        assertThat(FxTesting.<String>onFx(note::getText)).isEmpty();
        runFx(() -> note.setText("a\tb"));
        assertThat(FxTesting.<String>onFx(note::getText)).isEmpty();
        runFx(() -> {
            note.setText("Ünïcødé notes are fine: ŷ → 0.5, 学习");
            note.fireEvent(new javafx.event.ActionEvent());
        });
        waitFor(() -> marks().get(0).note().equals("Ünïcødé notes are fine: ŷ → 0.5, 学习"));
    }
}
