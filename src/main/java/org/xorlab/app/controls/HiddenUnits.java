package org.xorlab.app.controls;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.xorlab.engine.TrainingConfig;

/** The hidden-units field of both tabs' settings. */
public final class HiddenUnits {
    private HiddenUnits() {
    }

    /**
     * Makes {@code spinner} a spinner over 1 to 8 hidden units that also takes typing, and returns the message to
     * place under it, as a {@link ValidatedField} has. The typed number applies on Enter or when the field loses
     * focus. While the text is not a whole number from 1 to 8 the message says what is allowed; committing such a
     * text shows the value in force again and the message stays until the next edit.
     *
     * @param id the spinner's id; the message gets {@code id + "-error"}
     */
    public static Label makeSpinner(Spinner<Integer> spinner, String id, int value) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(TrainingConfig.MIN_HIDDEN,
                TrainingConfig.MAX_HIDDEN, value);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return parseHidden(text);
                } catch (IllegalArgumentException e) {
                    return factory.getValue(); // keep the value in force
                }
            }
        });
        spinner.setId(id);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.setTooltip(new Tooltip("Hidden units, " + TrainingConfig.MIN_HIDDEN + " to " + TrainingConfig.MAX_HIDDEN
                + ": type a number (Enter) or use the arrows"));
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        NumberTyping.install(spinner.getEditor(), why -> showKeeping(error, why, factory.getValue()));
        spinner.getEditor().textProperty().addListener((o, old, text) -> {
            String problem = hiddenProblem(text);
            var styles = spinner.getEditor().getStyleClass();
            styles.remove(ValidatedField.INVALID);
            if (problem == null) {
                error.setVisible(false);
            } else {
                styles.add(ValidatedField.INVALID);
                showKeeping(error, problem, factory.getValue());
            }
        });
        spinner.getEditor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> commit(spinner, error));
        spinner.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit(spinner, error);
            }
        });
        return error;
    }

    /** Applies the typed text, or shows the value in force again (and, under it, why the text was refused). */
    private static void commit(Spinner<Integer> spinner, Label error) {
        var factory = spinner.getValueFactory();
        String text = spinner.getEditor().getText();
        String problem = hiddenProblem(text);
        if (problem == null) {
            factory.setValue(parseHidden(text));
        }
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
        if (problem != null) {
            showKeeping(error, problem, factory.getValue());
        }
    }

    private static void showKeeping(Label error, String problem, int inForce) {
        error.setText(problem + "; keeping " + inForce + ".");
        error.setVisible(true);
    }

    /** A number of hidden units typed by the user, or a message saying what is allowed. */
    public static int parseHidden(String text) {
        String problem = hiddenProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return Integer.parseInt(text.strip());
    }

    /** Why {@code text} is not a number of hidden units, or null if it is one. */
    private static String hiddenProblem(String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= TrainingConfig.MIN_HIDDEN && v <= TrainingConfig.MAX_HIDDEN) {
                return null;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return "Hidden units must be a whole number from " + TrainingConfig.MIN_HIDDEN + " to "
                + TrainingConfig.MAX_HIDDEN + " (got '" + text.strip() + "')";
    }
}
