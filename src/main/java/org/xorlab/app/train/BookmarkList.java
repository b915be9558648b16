package org.xorlab.app.train;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.session.Bookmark;
import org.xorlab.text.NumberText;

/**
 * The teacher's bookmarks under the diagnosis: each marked epoch as a button that rewinds the timeline there, its
 * note in a field (Enter or leaving the field keeps it) and a button that removes it. Empty, it takes no room; B marks
 * the epoch shown, Page Up and Page Down (a presentation remote's keys) go to the previous and next mark.
 */
final class BookmarkList extends VBox {
    /** The newest marks shown; the others are counted in the caption. */
    static final int SHOWN = 4;

    private final RunModel model;
    private final Label caption = new Label("Bookmarks");
    private final VBox rows = new VBox(4);

    BookmarkList(RunModel model) {
        this.model = model;
        setId("bookmarks");
        setSpacing(4);
        caption.getStyleClass().add("field-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(caption, rows);
        managedProperty().bind(visibleProperty());
        model.bookmarks().addListener((ListChangeListener<Bookmark>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<Bookmark> marks = model.bookmarks();
        setVisible(!marks.isEmpty());
        int from = Math.max(0, marks.size() - SHOWN);
        caption.setText(from == 0 ? "Bookmarks" : "Bookmarks (" + NumberText.count(from) + " earlier not shown;"
                + " Page Up goes back to them)");
        rows.getChildren().clear();
        for (int i = from; i < marks.size(); i++) {
            rows.getChildren().add(row(marks.get(i)));
        }
    }

    private HBox row(Bookmark mark) {
        String id = "bookmark-" + mark.epoch();
        Button go = new Button("Epoch " + NumberText.count(mark.epoch()));
        go.setId(id + "-go");
        go.setMinWidth(Region.USE_PREF_SIZE);
        go.setTooltip(new Tooltip("Rewind the timeline to epoch " + NumberText.count(mark.epoch())
                + " (Page Up / Page Down go from mark to mark; Esc returns to live)"));
        go.setOnAction(e -> model.preview(mark.epoch()));
        go.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                go.fire();
                e.consume();
            }
        });
        TextField note = new TextField(mark.note());
        note.setId(id + "-note");
        note.setPromptText("A note for this moment, then Enter");
        note.setAccessibleText("Note for the bookmark at epoch " + NumberText.count(mark.epoch()));
        note.setTextFormatter(new TextFormatter<String>(change -> {
            String text = change.getControlNewText();
            if (text.length() > Bookmark.MAX_NOTE || text.chars().anyMatch(Character::isISOControl)) {
                return null;
            }
            return change;
        }));
        HBox.setHgrow(note, Priority.ALWAYS);
        Runnable keep = () -> {
            if (!note.getText().strip().equals(mark.note()) && model.bookmarks().contains(mark)) {
                model.bookmark(mark.epoch(), note.getText());
            }
        };
        note.setOnAction(e -> keep.run());
        note.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                keep.run();
            }
        });
        Button remove = new Button("Remove");
        remove.setId(id + "-remove");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setTooltip(new Tooltip("Remove the bookmark at epoch " + NumberText.count(mark.epoch())));
        remove.setOnAction(e -> model.unbookmark(mark.epoch()));
        HBox row = new HBox(8, go, note, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("bookmark");
        return row;
    }

    /** The note field of the mark at {@code epoch}, or null while it is not shown. */
    TextField noteField(long epoch) {
        return (TextField) lookup("#bookmark-" + epoch + "-note");
    }
}
