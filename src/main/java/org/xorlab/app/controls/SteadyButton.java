package org.xorlab.app.controls;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.text.Text;

/**
 * A button whose text takes turns ("Play" and "Pause") and whose width stays that of the widest, so the toolbar
 * beside it never shifts when the text changes.
 */
final class SteadyButton extends Button {
    private final List<String> texts;
    private final Text measure = new Text();

    SteadyButton(String text, List<String> texts) {
        super(text);
        this.texts = List.copyOf(texts);
        fontProperty().addListener(o -> requestLayout());
    }

    @Override
    protected double computePrefWidth(double height) {
        double own = super.computePrefWidth(height);
        measure.setFont(getFont());
        measure.setText(getText());
        double current = measure.getLayoutBounds().getWidth();
        double widest = current;
        for (String t : texts) {
            measure.setText(t);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return Math.ceil(own + widest - current);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }
}
