package org.xorlab.app.view;

import javafx.geometry.Bounds;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The views' type sizes: large enough for a classroom projector. */
final class Fonts {
    /** Axis titles, node names, tile titles. */
    static final Font LABEL = Font.font("System", FontWeight.BOLD, 16);
    /** Tick labels, legends, numbers beside nodes. */
    static final Font SMALL = Font.font("System", FontWeight.NORMAL, 14);
    /** Numbers inside nodes. */
    static final Font VALUE = Font.font("System", FontWeight.BOLD, 14);
    /** Numbers inside nodes too small for {@link #VALUE}. */
    static final Font VALUE_SMALL = Font.font("System", FontWeight.BOLD, 12);
    /**
     * Numbers inside the smallest nodes that still hold one: 8 hidden units in a small view, or presenter mode's
     * magnified canvas (where 10 px is drawn at 15 px or more).
     */
    static final Font VALUE_TINY = Font.font("System", FontWeight.BOLD, 10);

    private Fonts() {
    }

    /** Width and height of {@code text} set in {@code font}. */
    static Bounds measure(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds();
    }
}
