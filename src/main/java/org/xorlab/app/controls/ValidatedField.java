package org.xorlab.app.controls;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.text.NumberText;

/**
 * A labelled text field that accepts only valid values: while the text is invalid it shows why under the field and
 * the last valid value stays in force; a valid value is applied on Enter or when the field loses focus.
 *
 * @param <T> the value's type
 */
public final class ValidatedField<T> extends VBox {
    static final String INVALID = "invalid";

    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final Consumer<T> onCommit;
    private T value;

    /**
     * @param parser returns the value for a text or throws IllegalArgumentException whose message says what is
     *               allowed
     */
    public ValidatedField(String label, String id, T initial, Function<String, T> parser, Function<T, String> formatter,
                   Consumer<T> onCommit) {
        this.parser = parser;
        this.formatter = formatter;
        this.onCommit = onCommit;
        this.value = initial;
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(field);
        field.setId(id);
        // Help for a screen reader and the pointer alike: how a typed value takes effect.
        field.setTooltip(new javafx.scene.control.Tooltip((label.isEmpty() ? "Type a value" : label
                + ": type a value") + ", then Enter or leave the field to apply it; while it is invalid the field says"
                + " why and the last valid value stays"));
        NumberTyping.install(field, this::refuse);
        field.setText(formatter.apply(initial));
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        getStyleClass().add("validated-field");
        getChildren().addAll(caption, field, error);

        field.textProperty().addListener((o, old, text) -> validate(text));
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit();
            }
        });
    }

    /** Shows a value chosen elsewhere (for example New seed) without calling back. */
    public void show(T newValue) {
        value = newValue;
        field.setText(formatter.apply(newValue));
    }

    public T value() {
        return value;
    }

    TextField field() {
        return field;
    }

    private void refuse(String why) {
        error.setText(why + "; keeping " + formatter.apply(value) + ".");
        error.setVisible(true);
        if (!field.getStyleClass().contains(INVALID)) {
            field.getStyleClass().add(INVALID);
        }
    }

    private T validate(String text) {
        try {
            T parsed = parser.apply(text.trim());
            error.setVisible(false);
            field.getStyleClass().remove(INVALID);
            return parsed;
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return null;
        }
    }

    private void commit() {
        T parsed = validate(field.getText());
        if (parsed != null && !parsed.equals(value)) {
            value = parsed;
            onCommit.accept(parsed);
        }
    }

    /** Parses a finite decimal number such as 0.1 or 1e-3 (in any locale, with a "." point), or says what was expected. */
    public static double parseDouble(String text, String what) {
        return NumberText.parseDecimal(text, what);
    }

    /** Parses a learning rate: a finite decimal number greater than 0, or says what was expected. */
    public static double parseLearningRate(String text) {
        double v = parseDouble(text, "Learning rate");
        if (v <= 0) {
            throw new IllegalArgumentException("Learning rate must be greater than 0 (got " + text + ")");
        }
        return v;
    }

    /** Parses a seed NumPy accepts, 0 to 4294967295, or says what was expected. */
    public static long parseSeed(String text) {
        long v = parseLong(text, "Seed");
        TrainingConfig.checkSeed(v);
        return v;
    }

    /** Parses a whole number, or says what was expected. */
    public static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number (got '" + text + "')");
        }
    }

    /** Parses a count typed as 10000 or as {@link NumberText#count} shows it, 10,000; or says what was expected. */
    public static long parseCount(String text, String what) {
        try {
            return NumberText.parseCount(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number such as 10000 or 10,000 (got '" + text
                    + "')");
        }
    }
}
