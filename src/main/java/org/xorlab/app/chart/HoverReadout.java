package org.xorlab.app.chart;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The overlay that marks the point under the mouse with a dot in its run's colour and a card saying what it is.
 * It never takes mouse events, so the chart beneath keeps its zoom gestures.
 */
final class HoverReadout extends Pane {

    /** A white card with dark 15 px text. */
    private static final String CARD_CSS = "-fx-background-color: rgba(255,255,255,0.95);"
            + "-fx-background-radius: 4; -fx-border-color: #9e9e9e; -fx-border-radius: 4;"
            + "-fx-padding: 4 8 4 8; -fx-font-size: 15px; -fx-text-fill: #212121;";

    /** Gap between the dot and the card. */
    private static final double OFFSET = 12;

    private final Circle dot = new Circle(5);
    private final Label card = new Label();

    HoverReadout() {
        setMouseTransparent(true);
        setPickOnBounds(false);
        dot.setStroke(Color.WHITE);
        dot.setStrokeWidth(2);
        card.setStyle(CARD_CSS);
        card.setManaged(false);
        dot.setManaged(false);
        getChildren().addAll(dot, card);
        hide();
    }

    /** Marks {@code point} (in this pane's coordinates) and shows {@code text} beside it, inside the pane. */
    void show(Point2D point, String text, Color colour) {
        dot.setFill(colour);
        dot.setCenterX(point.getX());
        dot.setCenterY(point.getY());
        card.setText(text);
        card.applyCss();
        double w = card.prefWidth(-1);
        double h = card.prefHeight(w);
        card.resize(w, h);
        // Up and to the right of the point; flipped where that would leave the pane.
        double x = point.getX() + OFFSET;
        if (x + w > getWidth()) {
            x = point.getX() - OFFSET - w;
        }
        double y = point.getY() - OFFSET - h;
        if (y < 0) {
            y = point.getY() + OFFSET;
        }
        card.relocate(Math.max(0, x), Math.max(0, y));
        dot.setVisible(true);
        card.setVisible(true);
    }

    void hide() {
        dot.setVisible(false);
        card.setVisible(false);
    }

    boolean isShowing() {
        return card.isVisible();
    }

    /** The card's text; empty before the first hover. */
    String text() {
        return card.getText();
    }
}
