package org.xorlab.app.controls;

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
     * A spinner over 1 to 8 hidden units that also takes typing: the typed number applies on Enter or when the field
     * loses focus; anything else (not a whole number, or out of range) puts the last valid value back.
     */
    public static void makeSpinner(Spinner<Integer> spinner, int value) {
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
                    int v = Integer.parseInt(text.strip());
                    if (v >= TrainingConfig.MIN_HIDDEN && v <= TrainingConfig.MAX_HIDDEN) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // not a whole number: keep the value in force
                }
                return factory.getValue();
            }
        });
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.setTooltip(new Tooltip("Hidden units, " + TrainingConfig.MIN_HIDDEN + " to " + TrainingConfig.MAX_HIDDEN
                + ": type a number (Enter) or use the arrows"));
        spinner.getEditor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> commit(spinner));
        spinner.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit(spinner);
            }
        });
    }

    /** Applies the typed text, or shows the value in force again if the text is not valid. */
    private static void commit(Spinner<Integer> spinner) {
        var factory = spinner.getValueFactory();
        Integer v = factory.getConverter().fromString(spinner.getEditor().getText());
        factory.setValue(v);
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
    }
}
