package org.xorlab.app.train;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.run.DiagnosisNote;
import org.xorlab.run.RunFrame;
import org.xorlab.text.NumberText;

/**
 * The diagnosis under the loss chart: what a teacher would point out about the run (saturated units, a plateau, a
 * stuck run, a divergence), each note with the epoch it happened at and a button that rewinds the timeline there.
 * The notes come from the training thread's frames ({@link RunFrame#notes}); the list is rebuilt only when they
 * change. The buttons take the keyboard's focus like any other (Tab, then Space or Enter).
 */
final class DiagnosisList extends VBox {
    /** The newest notes shown; older ones are counted in the caption, so the chart keeps its room. */
    static final int SHOWN = 3;
    static final String NONE = "Nothing to point out yet.";

    private final RunModel model;
    private final Label caption = new Label("Diagnosis");
    private final Label summary = new Label(NONE);
    private final VBox rows = new VBox(6);
    private List<DiagnosisNote> shown = List.of();

    DiagnosisList(RunModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setId("diagnosis");
        getStyleClass().add("diagnosis");
        setSpacing(6);
        caption.getStyleClass().add("field-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        summary.setId("diagnosis-summary");
        summary.getStyleClass().add("field-label");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox head = new HBox(10, caption, summary);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, rows);
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> {
            if (f != null) {
                show(f.runs().get(0).notes());
            }
        });
    }

    private void show(List<DiagnosisNote> notes) {
        if (notes.equals(shown)) {
            return;
        }
        shown = notes;
        int from = Math.max(0, notes.size() - SHOWN);
        summary.setText(notes.isEmpty() ? NONE
                : from == 0 ? "" : NumberText.count(from) + (from == 1 ? " earlier note" : " earlier notes")
                        + " not shown.");
        rows.getChildren().clear();
        for (int i = from; i < notes.size(); i++) {
            rows.getChildren().add(row(notes.get(i), i));
        }
    }

    /** One note: its kind and epoch in bold, what happened and what to try, and the button to its moment. */
    private HBox row(DiagnosisNote note, int index) {
        Label kind = new Label(note.kind().title());
        kind.getStyleClass().add("diagnosis-kind");
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(note.text() + " " + note.suggestion());
        text.setId("diagnosis-text-" + index);
        text.getStyleClass().add("diagnosis-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button go = new Button("Go to epoch " + NumberText.count(note.epoch()));
        go.setId("diagnosis-go-" + index);
        go.setMinWidth(Region.USE_PREF_SIZE);
        go.setTooltip(new Tooltip("Rewind the timeline to epoch " + NumberText.count(note.epoch())
                + " (Enter; Esc returns to live)"));
        go.setOnAction(e -> model.preview(note.epoch()));
        // Space plays the run wherever the focus is (the window's shortcut), so Enter is the key that follows a link.
        go.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                go.fire();
                e.consume();
            }
        });
        HBox row = new HBox(10, kind, text, go);
        row.getStyleClass().addAll("diagnosis-note", "diagnosis-" + note.kind().name().toLowerCase(java.util.Locale.ROOT));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The notes' texts as shown, oldest first. */
    List<String> texts() {
        return rows.getChildren().stream().map(r -> ((Label) ((HBox) r).getChildren().get(1)).getText()).toList();
    }
}
