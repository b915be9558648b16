package org.xorlab.app.study;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.xorlab.app.controls.NumberTyping;

/**
 * A labelled text field of the study's settings, read as it is typed: while the text is invalid the field says why
 * under it (what is wrong and what is allowed) and its value is null, so Start is disabled until it is fixed. Unlike
 * {@link org.xorlab.app.controls.ValidatedField} it keeps no earlier value in force: a study starts from what the
 * fields show.
 *
 * @param <T> the value's type
 */
final class StudyField<T> extends VBox {
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private Function<String, T> parser;

    /** @param parser the value of a text, or throws IllegalArgumentException saying what is wrong and allowed */
    StudyField(String label, String id, String text, double columns, Function<String, T> parser) {
        this.parser = parser;
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(field);
        field.setId(id);
        field.setTooltip(new javafx.scene.control.Tooltip(label + ": the study starts from what the field shows;"
                + " while it is invalid the field says why and Start waits"));
        field.setPrefColumnCount((int) columns);
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        // The message wraps under the field rather than widening the settings.
        error.maxWidthProperty().bind(field.widthProperty().multiply(1.6));
        getStyleClass().add("validated-field");
        setSpacing(2);
        getChildren().addAll(caption, field, error);
        // Only the characters numbers, lists and ranges are written in enter (see NumberTyping); a refused change
        // leaves the text, and so the value, as they were.
        NumberTyping.install(field, this::refuse);
        field.textProperty().addListener((o, old, now) -> validate());
        field.setText(text);
        validate();
    }

    /** Reads the text again, as when what it is checked against has changed (the number of training samples). */
    void revalidate(Function<String, T> newParser) {
        parser = newParser;
        validate();
    }

    private void refuse(String why) {
        error.setText(why + ".");
        error.setVisible(true);
    }

    private void validate() {
        try {
            T parsed = parser.apply(field.getText().trim());
            error.setVisible(false);
            field.getStyleClass().remove("invalid");
            problem.set("");
            value.set(parsed);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
            // The problem first: whoever listens to the value reads the reason with it.
            problem.set(e.getMessage());
            value.set(null);
        }
    }

    /** The value the text means, null while it is invalid. */
    ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Why the text is invalid, empty when it is valid. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    TextField field() {
        return field;
    }
}
