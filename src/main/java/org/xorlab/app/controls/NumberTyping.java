package org.xorlab.app.controls;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import org.xorlab.text.NumberText;

/**
 * What every text field of the window that takes numbers lets in: the characters a number, a list or a range is
 * written in ({@link NumberText#typedNumber}), with digits of other scripts read as 0-9. Anything else is refused
 * before it reaches the field, and the field is told why.
 *
 * <p>This is one place for a reason beyond tidiness: JavaFX 21 on Linux lays out complex-script and emoji text with
 * a Pango layout it shares between threads, and such text in a field or in the message under it while a canvas
 * draws can corrupt the native heap (the JVM aborted in the monkey test, once through the number fields and once
 * through the Study tab's fields, which had no filter).
 */
public final class NumberTyping {
    private NumberTyping() {
    }

    /**
     * Installs the filter on {@code field}.
     *
     * @param onRefused told what was refused and what a number is written with (a sentence without a final stop)
     */
    public static void install(TextInputControl field, Consumer<String> onRefused) {
        field.setTextFormatter(new TextFormatter<>(filter(onRefused)));
    }

    static UnaryOperator<TextFormatter.Change> filter(Consumer<String> onRefused) {
        return change -> {
            try {
                String typed = NumberText.typedNumber(change.getText());
                if (!typed.equals(change.getText())) {
                    change.setText(typed);
                }
                return change;
            } catch (IllegalArgumentException e) {
                onRefused.accept(e.getMessage());
                return null;
            }
        };
    }
}
